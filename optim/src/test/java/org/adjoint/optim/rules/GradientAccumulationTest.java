package org.adjoint.optim.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.Step;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;
import org.adjoint.optim.checkpoint.Checkpoint;
import org.adjoint.optim.rules.laws.RuleLaws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GradientAccumulation}: k minibatches of size b through it give the step of one batch of size k·b
 * through the inner rule; the laws that hold for a rule that moves only every k-th step; refusals; and a
 * checkpoint taken in the middle of an accumulation.
 */
class GradientAccumulationTest {

    @TempDir
    Path dir;

    /** Examples, features, minibatches and their size for the mean-squared-error linear model. */
    private static final int B = 8;
    private static final int K = 4;
    private static final int D = 3;

    /**
     * The mean of the k minibatch gradients equals the full batch's gradient in exact arithmetic; in
     * floating point the sums over examples are taken in another order ((s₁ + s₂) + … of k partial sums
     * instead of one running sum), so the gradients differ by a few units in the last place, and so do the
     * parameters after the inner steps (at most 2.5e-16 here, 0 for Adam, whose step hardly depends on the
     * gradient's last bits). The bound is 1e-15 relative to the parameter's largest element: a misplaced 1/k
     * or a lost minibatch would be off by far more than that.
     */
    @Test
    void kMinibatchesOfSizeBAreOneStepOnABatchOfSizeKB() {
        SplittableRandom random = new SplittableRandom(20);
        double[][] x = new double[K * B][D];
        double[] y = new double[K * B];
        for (int i = 0; i < K * B; i++) {
            for (int j = 0; j < D; j++) {
                x[i][j] = random.nextGaussian();
            }
            y[i] = random.nextGaussian();
        }
        for (UpdateRule<?> inner : List.of(new Sgd(0.1), new Sgd(0.05, 0.9), new Adam(0.1), new AdamW(0.05))) {
            double worst = largestRelativeDifference(inner, x, y, 6);
            assertTrue(worst <= 1e-15, inner + ": relative difference " + worst);
        }
    }

    private static <S> double largestRelativeDifference(UpdateRule<S> inner, double[][] x, double[] y, int innerSteps) {
        GradientAccumulation<S> accumulated = GradientAccumulation.every(K, inner);
        Tensor big = Tensor.vector(0.5, -1, 2);
        S bigState = inner.init(big);
        Tensor small = big;
        GradientAccumulation.State<S> smallState = accumulated.init(small);
        double worst = 0;
        for (int t = 0; t < innerSteps; t++) {
            Update<S> u = inner.apply(big, mseGradient(x, y, big, 0, K * B), bigState, 0.1);
            big = u.param();
            bigState = u.state();
            for (int m = 0; m < K; m++) {
                Tensor before = small;
                Update<GradientAccumulation.State<S>> v = accumulated.apply(small, mseGradient(x, y, small, m * B, (m + 1) * B),
                        smallState, 0.1);
                small = v.param();
                smallState = v.state();
                if (m < K - 1) {
                    assertArrayEquals(before.toArray(), small.toArray(), 0, "moved before the k-th minibatch");
                }
            }
            double scale = Arrays.stream(big.toArray()).map(Math::abs).max().orElseThrow();
            for (int j = 0; j < D; j++) {
                worst = Math.max(worst, Math.abs(big.toArray()[j] - small.toArray()[j]) / scale);
            }
        }
        return worst;
    }

    /** The gradient of (1/n)·Σ (xᵢ·w − yᵢ)² over the examples lo ≤ i &lt; hi, n = hi − lo. */
    private static Tensor mseGradient(double[][] x, double[] y, Tensor w, int lo, int hi) {
        double[] wv = w.toArray();
        double[] g = new double[D];
        for (int i = lo; i < hi; i++) {
            double r = -y[i];
            for (int j = 0; j < D; j++) {
                r += x[i][j] * wv[j];
            }
            for (int j = 0; j < D; j++) {
                g[j] += r * x[i][j];
            }
        }
        for (int j = 0; j < D; j++) {
            g[j] *= 2.0 / (hi - lo);
        }
        return Tensor.vector(g);
    }

    /**
     * The equations by hand, k = 3 around momentum SGD (μ = 0.5), seven steps with changing rates: the parameter
     * stands still on steps 1, 2, 4, 5; step 3 takes the mean of g₁..g₃ at rate η₃, step 6 that of g₄..g₆ at η₆;
     * step 7 starts a new sum.
     */
    @Test
    void followsTheEquationsStepByStep() {
        GradientAccumulation<Sgd.State> rule = GradientAccumulation.every(3, new Sgd(0.1, 0.5));
        double[] g = {0.3, -1.2, 2.5, 0.7, 0.1, -0.4, 1.1};
        double[] rates = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7};
        double theta = 2;
        double buffer = 0;
        double sum = 0;
        int j = 0;
        boolean started = false;
        Tensor p = Tensor.vector(2);
        GradientAccumulation.State<Sgd.State> state = rule.init(p);
        for (int t = 0; t < g.length; t++) {
            sum += g[t];
            j++;
            if (j == 3) {
                double mean = sum / 3;
                buffer = started ? 0.5 * buffer + mean : mean;
                started = true;
                theta -= rates[t] * buffer;
                sum = 0;
                j = 0;
            }
            Update<GradientAccumulation.State<Sgd.State>> u = rule.apply(p, Tensor.vector(g[t]), state, rates[t]);
            p = u.param();
            state = u.state();
            assertEquals(theta, p.toArray()[0], 1e-12 * Math.abs(theta), "θ at step " + (t + 1));
            assertEquals(sum, state.sum().toArray()[0], 1e-12 * Math.abs(sum), "a at step " + (t + 1));
            assertEquals(j, state.miniSteps(), "j at step " + (t + 1));
        }
        assertEquals(2 - 0.3 * (1.6 / 3) - 0.6 * (0.5 * 1.6 / 3 + 0.4 / 3), theta, 1e-15);
    }

    @Test
    void withKEqualToOneItIsTheInnerRuleBitForBit() {
        Adam adam = new Adam(0.1);
        GradientAccumulation<Adam.State> once = GradientAccumulation.every(1, adam);
        Tensor p = Tensor.vector(1, -2);
        Tensor q = p;
        Adam.State s = adam.init(p);
        GradientAccumulation.State<Adam.State> r = once.init(q);
        for (int t = 0; t < 5; t++) {
            Tensor g = p.mul(0.7).add(0.1 * t).sin();
            Update<Adam.State> u = adam.apply(p, g, s, 0.1);
            Update<GradientAccumulation.State<Adam.State>> v = once.apply(q, g, r, 0.1);
            p = u.param();
            s = u.state();
            q = v.param();
            r = v.state();
            assertArrayEquals(p.toArray(), q.toArray(), 0);
        }
    }

    /**
     * noMutation, stateShapesMatch (the sum has the parameter's shape, mini_step is a scalar, and Adam's
     * slots keep theirs) and checkpointRoundTrip hold for every k; with 6 gradient sets the checkpoint law
     * saves after 3 steps, in the middle of an accumulation for k = 2 and k = 4.
     * decreasesConvexQuadratic does not hold for k ≥ 2: the parameter stands still on the k − 1 steps
     * between the inner rule's, so f does not fall strictly at every step (it is checked to fail).
     */
    @Test
    void obeysTheLawsThatHoldForARuleThatMovesEveryKthStep() {
        Map<String, Tensor> values = new LinkedHashMap<>();
        values.put("w", Tensor.matrix(new double[][] {{-1.2, 1}, {0.5, -0.25}, {3, 0}}));
        values.put("b", Tensor.vector(0.1, -2));
        values.put("s", Tensor.scalar(0.75));
        NamedTensors params = NamedTensors.of(values);
        for (int k : new int[] {1, 2, 3, 4}) {
            GradientAccumulation<?> rule = GradientAccumulation.every(k, new Adam(0.1));
            for (long seed = 1; seed <= 3; seed++) {
                List<NamedTensors> gradients = RuleLaws.randomGradients(params, seed, 6);
                RuleLaws.noMutation(rule, params, gradients);
                RuleLaws.stateShapesMatch(rule, params, gradients);
                RuleLaws.checkpointRoundTrip(rule, params, gradients);
            }
            if (k == 1) {
                RuleLaws.decreasesConvexQuadratic(rule, 1, 4, 10);
            } else {
                AssertionError e = assertThrows(AssertionError.class, () -> RuleLaws.decreasesConvexQuadratic(rule, 1, 4, 10));
                assertTrue(e.getMessage().startsWith("decreasesConvexQuadratic: "), e.getMessage());
            }
        }
    }

    @Test
    void kBelowOneAndAMissingInnerRuleAreRefused() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> GradientAccumulation.every(0, new Sgd(0.1)));
        assertEquals("GradientAccumulation: every = 0 must be at least 1", zero.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new GradientAccumulation<>(new Adam(0.1), -3));
        assertEquals("GradientAccumulation: every = -3 must be at least 1", negative.getMessage());
        NullPointerException none = assertThrows(NullPointerException.class, () -> GradientAccumulation.every(2, null));
        assertEquals("GradientAccumulation: inner is null", none.getMessage());
    }

    @Test
    void aCheckpointInTheMiddleOfAnAccumulationResumesBitForBit() throws IOException {
        GradientAccumulation<Adam.State> rule = GradientAccumulation.every(3, new Adam(0.1));
        Optimizer optimizer = Optimizer.of(rule);
        NamedTensors params = NamedTensors.of(Map.of("p", Tensor.vector(-1.2, 1), "q", Tensor.scalar(0.5)));
        Step before = steps(optimizer, new Step(params, optimizer.init(params)), 0, 5); // one inner step, then 2 of 3
        Map<String, Tensor> saved = before.state().ruleState("p").save();
        assertEquals(List.of("acc_grads", "mini_step", "inner_opt_state/step", "inner_opt_state/exp_avg",
                "inner_opt_state/exp_avg_sq"), List.copyOf(saved.keySet()));
        assertEquals(2.0, saved.get("mini_step").item());
        assertEquals(1.0, saved.get("inner_opt_state/step").item());

        Path file = dir.resolve("accumulate.npz");
        Checkpoint.save(file, optimizer, before.params(), before.state(), Map.of());
        Checkpoint.Contents loaded = Checkpoint.load(file, optimizer, params);
        Step straight = steps(optimizer, before, 5, 7);
        Step resumed = steps(optimizer, new Step(loaded.params(), loaded.state()), 5, 7);
        for (String name : params.names()) {
            assertEquals(before.state().ruleState(name).save().keySet(), loaded.state().ruleState(name).save().keySet());
            assertArrayEquals(bits(straight.params().get(name)), bits(resumed.params().get(name)), name);
            assertArrayEquals(bits(straight.state().ruleState(name).save().get("acc_grads")),
                    bits(resumed.state().ruleState(name).save().get("acc_grads")), name);
        }
    }

    @Test
    void restoreRefusesACountThatIsNotBelowK() {
        GradientAccumulation<Adam.State> rule = GradientAccumulation.every(3, new Adam(0.1));
        Tensor p = Tensor.vector(1, 2);
        Map<String, Tensor> saved = new LinkedHashMap<>(rule.save(rule.init(p)));
        saved.put("mini_step", Tensor.scalar(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rule.restore(saved, p));
        assertEquals("GradientAccumulation: the saved mini_step is 3 but every = 3", e.getMessage());
    }

    private static Step steps(Optimizer optimizer, Step from, int first, int count) {
        Step s = from;
        for (int i = first; i < first + count; i++) {
            double shift = 0.1 * i;
            NamedTensors grads = s.params().map(t -> t.mul(0.7).add(shift).sin());
            s = optimizer.step(s.params(), grads, s.state());
        }
        return s;
    }

    private static long[] bits(Tensor t) {
        return Arrays.stream(t.toArray()).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
