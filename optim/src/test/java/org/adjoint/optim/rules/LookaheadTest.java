package org.adjoint.optim.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.Step;
import org.adjoint.optim.Update;
import org.adjoint.optim.rules.laws.RuleLaws;
import org.junit.jupiter.api.Test;

/**
 * {@link Lookahead}: the slow weights are what is evaluated; α = 1 is the inner rule; the laws that hold for
 * every k (and the descent law that k = 5 breaks); the checkpoint slots.
 */
class LookaheadTest {

    /** Plain gradient descent at rate 0.1 with g = (1, −2) each step, k = 3, α = 0.5. */
    @Test
    void theSlowWeightsAreEvaluatedAndTheFastOnesRestartFromThem() {
        Lookahead<Sgd.State> rule = new Lookahead<>(new Sgd(0.1), 3, 0.5);
        Optimizer optimizer = Optimizer.of(rule);
        NamedTensors params = NamedTensors.of(Map.of("p", Tensor.vector(1, 1)));
        NamedTensors grads = NamedTensors.of(Map.of("p", Tensor.vector(1, -2)));
        Step s = new Step(params, optimizer.init(params));
        double[][] iterates = {{0.9, 1.2}, {0.8, 1.4}, {0.85, 1.3}, {0.75, 1.5}};
        double[][] slow = {{1, 1}, {1, 1}, {0.85, 1.3}, {0.85, 1.3}};
        for (int t = 0; t < 4; t++) {
            s = optimizer.step(s.params(), grads, s.state());
            assertArrayEquals(iterates[t], s.params().get("p").toArray(), 1e-15, "θ at step " + (t + 1));
            assertArrayEquals(slow[t], optimizer.evaluationParameters(s.params(), s.state()).get("p").toArray(), 1e-15,
                    "φ at step " + (t + 1));
        }
    }

    @Test
    void aSlowStepOfOneIsTheInnerRuleBitForBit() {
        Adam adam = new Adam(0.1);
        Lookahead<Adam.State> rule = new Lookahead<>(adam, 3, 1);
        Tensor p = Tensor.vector(1, -2);
        Tensor q = p;
        Adam.State s = adam.init(p);
        Lookahead.State<Adam.State> r = rule.init(q);
        for (int t = 0; t < 7; t++) {
            Tensor g = p.mul(0.7).add(0.1 * t).sin();
            Update<Adam.State> u = adam.apply(p, g, s, 0.1);
            Update<Lookahead.State<Adam.State>> v = rule.apply(q, g, r, 0.1);
            p = u.param();
            s = u.state();
            q = v.param();
            r = v.state();
            assertArrayEquals(p.toArray(), q.toArray(), 0, "step " + (t + 1));
        }
    }

    /**
     * noMutation, stateShapesMatch and checkpointRoundTrip hold for every k (6 gradient sets: the checkpoint law
     * saves after 3 steps, between synchronisations for k = 2, 4, 5); descent holds for k = 1, and not for k = 5,
     * whose pull back to the slow weights raises f at step 5 on seed 1's quadratic, as documented.
     */
    @Test
    void obeysTheLawsThatHoldForEveryK() {
        Map<String, Tensor> values = new LinkedHashMap<>();
        values.put("w", Tensor.matrix(new double[][] {{-1.2, 1}, {0.5, -0.25}, {3, 0}}));
        values.put("s", Tensor.scalar(0.75));
        NamedTensors params = NamedTensors.of(values);
        for (int k = 1; k <= 5; k++) {
            Lookahead<Adam.State> rule = new Lookahead<>(new Adam(0.1), k, 0.5);
            for (long seed = 1; seed <= 2; seed++) {
                List<NamedTensors> gradients = RuleLaws.randomGradients(params, seed, 6);
                RuleLaws.noMutation(rule, params, gradients);
                RuleLaws.stateShapesMatch(rule, params, gradients);
                RuleLaws.checkpointRoundTrip(rule, params, gradients);
            }
        }
        RuleLaws.decreasesConvexQuadratic(new Lookahead<>(new Adam(0.5), 1, 0.5), 1, 4, 10);
        AssertionError e = assertThrows(AssertionError.class,
                () -> RuleLaws.decreasesConvexQuadratic(Lookahead.of(new Adam(0.5)), 1, 4, 10));
        assertTrue(e.getMessage().contains(" at step 5, "), e.getMessage());
    }

    @Test
    void slotsAndTheirChecks() {
        Lookahead<Adam.State> rule = Lookahead.of(new Adam(0.1));
        assertEquals(new Lookahead<>(new Adam(0.1), 5, 0.5), rule);
        Tensor p = Tensor.vector(1, 2);
        Map<String, Tensor> saved = new LinkedHashMap<>(rule.save(rule.init(p)));
        assertEquals(List.of("slow", "steps_since_sync", "inner_opt_state/step", "inner_opt_state/exp_avg",
                "inner_opt_state/exp_avg_sq"), List.copyOf(saved.keySet()));
        saved.put("steps_since_sync", Tensor.scalar(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rule.restore(saved, p));
        assertEquals("Lookahead: the saved steps_since_sync is 5 but syncPeriod = 5", e.getMessage());
        NullPointerException none = assertThrows(NullPointerException.class, () -> Lookahead.of(null));
        assertEquals("Lookahead: inner is null", none.getMessage());
    }
}
