package org.adjoint.optim.rules.laws;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.UpdateRule;
import org.adjoint.optim.rules.Sgd;
import org.adjoint.optim.rules.laws.BrokenRules.Ascent;
import org.adjoint.optim.rules.laws.BrokenRules.FlatMomentum;
import org.adjoint.optim.rules.laws.BrokenRules.ForgetfulCounter;
import org.adjoint.optim.rules.laws.BrokenRules.HiddenCounter;
import org.adjoint.optim.rules.laws.BrokenRules.InPlaceGradientMemory;
import org.junit.jupiter.api.Test;

/**
 * Each deliberately broken rule of {@link BrokenRules} fails the law it breaks, with the documented
 * message (law, rule, step, parameter, index, both values), and passes the others; a reference
 * trajectory is matched and a perturbed one is not. That every built-in rule obeys every law is checked
 * in {@code RuleCatalogueTest}.
 */
class RuleLawsTest {

    private static final NamedTensors PARAMS = params();
    private static final List<NamedTensors> GRADIENTS = gradients(4);

    private static NamedTensors params() {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("w", Tensor.matrix(new double[][] {{1, 2}, {3, 4}, {5, 6}}));
        p.put("b", Tensor.vector(0.5, -1));
        return NamedTensors.of(p);
    }

    /** Fixed gradients, none of them 0: step k's is {@code 0.1·(k + 1)·θ₀ − 0.35}. */
    private static List<NamedTensors> gradients(int steps) {
        List<NamedTensors> g = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            double scale = 0.1 * (k + 1);
            g.add(PARAMS.map(t -> t.mul(scale).add(-0.35)));
        }
        return g;
    }

    private static double w00(NamedTensors set) {
        return set.get("w").get(0, 0);
    }

    @Test
    void aRuleThatOverwritesTheGradientArrayInItsStateBreaksNoMutation() {
        InPlaceGradientMemory rule = new InPlaceGradientMemory(0.1);
        AssertionError e = assertThrows(AssertionError.class, () -> RuleLaws.noMutation(rule, PARAMS, GRADIENTS));
        assertEquals("noMutation: " + rule + " at step 1, parameter w: the state slot last_grad[0, 0] is 0.0 before apply"
                + " but " + w00(GRADIENTS.get(0)) + " after it", e.getMessage());
        assertDoesNotThrow(() -> RuleLaws.stateShapesMatch(rule, PARAMS, GRADIENTS));
        assertDoesNotThrow(() -> RuleLaws.decreasesConvexQuadratic(rule, 3, 4, 10));
    }

    @Test
    void aRuleWithHiddenStateOfItsOwnBreaksNoMutation() {
        Tensor w = PARAMS.get("w");
        Tensor g = GRADIENTS.get(0).get("w");
        AssertionError e = assertThrows(AssertionError.class,
                () -> RuleLaws.noMutation(new HiddenCounter(), PARAMS, GRADIENTS));
        assertEquals("noMutation: HiddenCounter at step 1, parameter w: the new parameter[0, 0] is "
                + w.sub(g.mul(0.1)).get(0, 0) + " from the first call but " + w.sub(g.mul(0.2)).get(0, 0)
                + " from a second call on the same arguments", e.getMessage());
    }

    @Test
    void aRuleThatClimbsBreaksDecreasesConvexQuadraticAtEveryRate() {
        Ascent rule = new Ascent(0.1);
        ConvexQuadratic q = ConvexQuadratic.random(7, 4);
        double lr = 0.1 * Math.pow(10, -6);
        double after = q.value(q.x0().add(q.gradient(q.x0()).mul(lr)));
        AssertionError e = assertThrows(AssertionError.class, () -> RuleLaws.decreasesConvexQuadratic(rule, 7, 4, 10));
        assertEquals("decreasesConvexQuadratic: Ascent[learningRate=0.1] at step 1, parameter x: f is " + q.value(q.x0())
                + " before the step but " + after + " after it, at the rate " + lr + "; f = ½·xᵀAx + bᵀx (seed 7,"
                + " dimension 4) failed to fall at some step of 10 at every rate from η = 0.1 down to η·1e-6",
                e.getMessage());
        assertDoesNotThrow(() -> RuleLaws.noMutation(rule, PARAMS, GRADIENTS));
        assertDoesNotThrow(() -> RuleLaws.stateShapesMatch(rule, PARAMS, GRADIENTS));
        assertDoesNotThrow(() -> RuleLaws.checkpointRoundTrip(rule, PARAMS, GRADIENTS));
        assertDoesNotThrow(() -> RuleLaws.decreasesConvexQuadratic(new Sgd(0.1), 7, 4, 10));
    }

    @Test
    void aRuleWhoseStepCountIsNotSavedBreaksTheCheckpointRoundTrip() {
        ForgetfulCounter rule = new ForgetfulCounter(0.1);
        Tensor w2 = PARAMS.get("w");
        ForgetfulCounter.State state = rule.init(w2);
        for (int k = 0; k < 2; k++) {
            var u = rule.apply(w2, GRADIENTS.get(k).get("w"), state, 0.1);
            w2 = u.param();
            state = u.state();
        }
        Tensor g3 = GRADIENTS.get(2).get("w");
        double straight = rule.apply(w2, g3, state, 0.1).param().get(0, 0);
        double resumed = rule.apply(w2, g3, rule.init(w2), 0.1).param().get(0, 0);
        assertNotEquals(straight, resumed);
        AssertionError e = assertThrows(AssertionError.class, () -> RuleLaws.checkpointRoundTrip(rule, PARAMS, GRADIENTS));
        assertEquals("checkpointRoundTrip: " + rule + " at step 3, parameter w: the parameter[0, 0] is " + straight
                + " in the uninterrupted run but " + resumed + " in the run resumed from the checkpoint of step 2",
                e.getMessage());
        assertDoesNotThrow(() -> RuleLaws.noMutation(rule, PARAMS, GRADIENTS));
        assertDoesNotThrow(() -> RuleLaws.stateShapesMatch(rule, PARAMS, GRADIENTS));
        assertDoesNotThrow(() -> RuleLaws.decreasesConvexQuadratic(rule, 3, 4, 10));
    }

    @Test
    void aRuleWithAFlatBufferForAMatrixBreaksStateShapesMatch() {
        FlatMomentum rule = new FlatMomentum(0.1);
        AssertionError e = assertThrows(AssertionError.class, () -> RuleLaws.stateShapesMatch(rule, PARAMS, GRADIENTS));
        assertEquals("stateShapesMatch: " + rule + " at step 0, parameter w: the state slot momentum_buffer has shape [6]"
                + " but the parameter has shape [3, 2] (a slot must have the parameter's shape, or be a scalar such as a"
                + " step count)", e.getMessage());
        assertDoesNotThrow(() -> RuleLaws.noMutation(rule, PARAMS, GRADIENTS));
        assertDoesNotThrow(() -> RuleLaws.checkpointRoundTrip(rule, PARAMS, GRADIENTS));
        assertDoesNotThrow(() -> RuleLaws.decreasesConvexQuadratic(rule, 3, 4, 10));
    }

    @Test
    void gradientDescentMatchesItsEquationsWrittenOutAndNotAPerturbedTrajectory() {
        Sgd rule = new Sgd(0.1);
        List<NamedTensors> expected = new ArrayList<>();
        NamedTensors p = PARAMS;
        for (NamedTensors g : GRADIENTS) {
            p = p.zip(g, (theta, grad) -> theta.zip(grad, (t, gi) -> t - 0.1 * gi));
            expected.add(p);
        }
        assertDoesNotThrow(() -> RuleLaws.matchesReference(rule, PARAMS, GRADIENTS, expected, 0, 0));
        double actual = expected.get(1).get("b").get(1);
        double reference = actual + 1e-6;
        expected.set(1, expected.get(1).with("b", Tensor.vector(expected.get(1).get("b").get(0), reference)));
        AssertionError e = assertThrows(AssertionError.class,
                () -> RuleLaws.matchesReference(rule, PARAMS, GRADIENTS, expected, 1e-10, 1e-12));
        assertEquals("matchesReference: " + rule + " at step 2, parameter b: the parameter[1] is " + actual
                + " but the reference has " + reference + ": |difference| = " + Math.abs(actual - reference)
                + " > atol + rtol·|reference| = " + (1e-12 + 1e-10 * Math.abs(reference)), e.getMessage());
    }

    @Test
    void badInputsAreRefusedNamingTheLawAndTheValue() {
        UpdateRule<?> rule = new Sgd(0.1);
        assertEquals("noMutation: the number of gradient sets = 0 must be at least 1", assertThrows(
                IllegalArgumentException.class, () -> RuleLaws.noMutation(rule, PARAMS, List.of())).getMessage());
        assertEquals("checkpointRoundTrip: the number of gradient sets = 1 must be at least 2",
                assertThrows(IllegalArgumentException.class,
                        () -> RuleLaws.checkpointRoundTrip(rule, PARAMS, GRADIENTS.subList(0, 1))).getMessage());
        assertEquals("matchesReference: 4 gradient sets but 1 expected parameter sets; give one expected set per step",
                assertThrows(IllegalArgumentException.class,
                        () -> RuleLaws.matchesReference(rule, PARAMS, GRADIENTS, List.of(PARAMS), 0, 0)).getMessage());
        assertEquals("matchesReference: rtol = -1.0 must be finite and at least 0", assertThrows(IllegalArgumentException.class,
                () -> RuleLaws.matchesReference(rule, PARAMS, GRADIENTS, GRADIENTS, -1, 0)).getMessage());
        assertEquals("decreasesConvexQuadratic: dimension = 0 must be at least 1", assertThrows(
                IllegalArgumentException.class, () -> RuleLaws.decreasesConvexQuadratic(rule, 1, 0, 10)).getMessage());
        NamedTensors other = NamedTensors.of(Map.of("w", Tensor.ones(2)));
        assertThrows(IllegalArgumentException.class, () -> RuleLaws.stateShapesMatch(rule, PARAMS, List.of(other)));
    }

    @Test
    void randomGradientsAreReproducibleFromTheSeedAndShapedLikeTheParameters() {
        List<NamedTensors> g = RuleLaws.randomGradients(PARAMS, 11, 3);
        assertEquals(3, g.size());
        assertEquals(g, RuleLaws.randomGradients(PARAMS, 11, 3));
        assertNotEquals(g, RuleLaws.randomGradients(PARAMS, 12, 3));
        g.forEach(set -> PARAMS.requireSameLayout("test", set));
    }
}
