package org.adjoint.optim.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Update;
import org.adjoint.optim.rules.laws.RuleLaws;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;

/**
 * {@link Adafactor}'s documented special cases, by hand: the first step's statistics are the means of g²
 * exactly; a rank-one g² is factored exactly, so the first step moves by α·sign(g); a zero gradient moves
 * only by the decay; at θ = 0 the step is ε₂·ρ; clipping brings RMS(U) down to d; a scalar is not
 * factored; τ = 0 forgets all but the latest g²; PyTorch's slot names and shapes.
 */
class AdafactorTest {

    private static void close(double[] expected, Tensor actual) {
        assertArrayEquals(expected, actual.toArray(), 1e-15, () -> "got " + actual);
    }

    @Test
    void aRankOneSquaredGradientIsFactoredExactlySoTheFirstStepMovesBySign() {
        Adafactor rule = new Adafactor(0.01);
        Tensor theta = Tensor.matrix(new double[][] {{2, -2, 2}, {-2, 2, 2}}); // RMS(θ) = 2
        Tensor g = Tensor.matrix(new double[][] {{3, 1, -0.5}, {-6, -2, 1}}); // (1, −2)ᵀ·(3, 1, −0.5)
        Update<Adafactor.State> step = rule.apply(theta, g, rule.init(theta), 0.01);
        // α = max(ε₂, 2)·min(0.01, 1/√1) = 0.02; U = sign(g), RMS(U) = 1 = d: no clipping.
        close(new double[] {1.98, -2.02, 2.02, -1.98, 2.02, 1.98}, step.param());
        Adafactor.Factored f = assertInstanceOf(Adafactor.Factored.class, step.state());
        // β̂₂₁ = 1 − 1^τ = 0: the statistics are the means of g² over each row and column, to the bit.
        assertArrayEquals(new double[] {(9 + 1 + 0.25) / 3, (36 + 4 + 1) / 3.0}, f.rowVar().toArray(), 0);
        assertArrayEquals(new double[] {45 / 2.0, 5 / 2.0, 1.25 / 2}, f.colVar().toArray(), 0);
        assertEquals(Shape.of(2, 1), f.rowVar().shape());
        assertEquals(Shape.of(1, 3), f.colVar().shape());
    }

    /** The same for any shape of rank 2 or 3 and any g = a ⊗ b over the last axis (so g² is rank one in every block). */
    @Test
    void theFirstStepOnAnyRankOneSquaredGradientMovesEveryElementByAlphaTimesSign() {
        Gen<Double> away = Gen.doublesAwayFrom(-3, 3, 0, 0.1);
        Gen<Tensor> thetas = TensorGens.tensors(TensorGens.shapesOfRank(2, 3, 4), Gen.doubles(-3, 3));
        Adafactor rule = new Adafactor(0.01);
        Property.forAll(thetas, Gen.doubleArrays(away, 64), Gen.doubleArrays(away, 4)).check((theta, a, b) -> {
            int m = theta.shape().dim(-1);
            double[] g = new double[theta.size()];
            for (int k = 0; k < g.length; k++) {
                g[k] = a[k / m] * b[k % m];
            }
            double alpha = Math.max(1e-3, Adafactor.rms(theta)) * 0.01;
            double[] expected = theta.toArray();
            for (int k = 0; k < g.length; k++) {
                expected[k] -= alpha * Math.signum(g[k]);
            }
            Tensor actual = rule.apply(theta, Tensor.of(theta.shape(), g), rule.init(theta), 0.01).param();
            assertArrayEquals(expected, actual.toArray(), 1e-14, () -> "θ = " + theta + ", g = " + Arrays.toString(g));
        });
    }

    @Test
    void aZeroGradientMovesOnlyByTheDecoupledDecay() {
        Tensor theta = Tensor.matrix(new double[][] {{1, -2}, {3, 0.5}});
        Tensor zero = Tensor.zeros(2, 2);
        Adafactor plain = new Adafactor(0.1);
        assertArrayEquals(theta.toArray(), plain.apply(theta, zero, plain.init(theta), 0.1).param().toArray(), 0);
        Adafactor decayed = new Adafactor(0.1, -0.8, Math.ulp(1.0), 1e-3, 1, 0.5);
        close(new double[] {0.95, -1.9, 2.85, 0.475}, decayed.apply(theta, zero, decayed.init(theta), 0.1).param());
    }

    @Test
    void atZeroTheStepIsEpsilon2TimesTheRelativeStep() {
        Adafactor rule = new Adafactor(0.01);
        Tensor zero = Tensor.vector(0, 0);
        // V = g², U = g/|g| = (1, −1), RMS(U) = 1; α = ε₂·min(0.01, 1) = 1e-5.
        close(new double[] {-1e-5, 1e-5}, rule.apply(zero, Tensor.vector(3, -4), rule.init(zero), 0.01).param());
        Tensor scalar = Tensor.scalar(0);
        Update<Adafactor.State> s = rule.apply(scalar, Tensor.scalar(-7), rule.init(scalar), 0.01);
        close(new double[] {1e-5}, s.param());
        assertInstanceOf(Adafactor.Unfactored.class, s.state());
    }

    /**
     * Step 2 with a gradient ten times the first: V = (1 − w) + 100·w with w = 2^−0.8, so every |U| = 10/√V ≈ 1.31
     * and RMS(U) &gt; d = 1: the step is scaled to RMS α·d. With d = 2 the same step is not clipped.
     */
    @Test
    void clippingScalesTheUpdateDownToRmsD() {
        double w = Math.pow(2, -0.8);
        double u = 10 / Math.sqrt((1 - w) + 100 * w);
        assertTrue(u > 1.3, "U = " + u);
        for (double d : new double[] {1, 2}) {
            Adafactor rule = new Adafactor(1, -0.8, 1e-30, 1e-3, d, 0);
            Tensor theta = Tensor.vector(3, 4);
            Update<Adafactor.State> first = rule.apply(theta, Tensor.vector(1, 1), rule.init(theta), 1);
            // α₁ = RMS(θ₀)·min(1, 1) = √12.5, U = (1, 1).
            double a1 = Math.sqrt(12.5);
            close(new double[] {3 - a1, 4 - a1}, first.param());
            Update<Adafactor.State> second = rule.apply(first.param(), Tensor.vector(10, 10), first.state(), 1);
            double a2 = Math.sqrt(((3 - a1) * (3 - a1) + (4 - a1) * (4 - a1)) / 2) / Math.sqrt(2);
            double move = a2 * u / Math.max(1, u / d);
            assertArrayEquals(new double[] {3 - a1 - move, 4 - a1 - move}, second.param().toArray(), 1e-14, "d = " + d);
        }
    }

    @Test
    void aBeta2DecayOfZeroKeepsOnlyTheLatestSquaredGradient() {
        Adafactor rule = new Adafactor(0.1, 0, 1e-30, 1e-3, 1, 0);
        Tensor theta = Tensor.vector(1, 2, 3);
        Update<Adafactor.State> first = rule.apply(theta, Tensor.vector(5, -1, 2), rule.init(theta), 0.1);
        Update<Adafactor.State> second = rule.apply(first.param(), Tensor.vector(0.5, 3, -2), first.state(), 0.1);
        assertArrayEquals(new double[] {0.25, 9, 4}, ((Adafactor.Unfactored) second.state()).variance().toArray(), 0);
    }

    @Test
    void slotsAreTorchsNamesWithTheFactorsShapes() {
        Adafactor rule = new Adafactor(0.01);
        Tensor w = Tensor.zeros(2, 3, 4);
        Map<String, Tensor> factored = rule.save(rule.init(w));
        assertEquals(List.of("step", "row_var", "col_var"), List.copyOf(factored.keySet()));
        assertEquals(Shape.of(2, 3, 1), factored.get("row_var").shape());
        assertEquals(Shape.of(2, 1, 4), factored.get("col_var").shape());
        assertEquals(List.of("step", "variance"), List.copyOf(rule.save(rule.init(Tensor.zeros(5))).keySet()));
        Map<String, Tensor> wrong = new LinkedHashMap<>(factored);
        wrong.put("col_var", Tensor.zeros(2, 3, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rule.restore(wrong, w));
        assertEquals("Adafactor: the saved col_var has shape [2, 3, 1] but the parameter has [2, 1, 4]", e.getMessage());
    }

    @Test
    void aStateOfTheWrongKindIsRefused() {
        Adafactor rule = new Adafactor(0.01);
        Tensor v = Tensor.vector(1, 2);
        Adafactor.State factored = rule.init(Tensor.zeros(2, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rule.apply(v, v, factored, 0.01));
        assertEquals("Adafactor: a Factored state for a parameter of shape [2] (rank 2 and above is factored)", e.getMessage());
    }

    @Test
    void defaultsAreTorchs() {
        assertEquals(new Adafactor(1e-2, -0.8, 2.220446049250313E-16, 1e-3, 1, 0), new Adafactor(1e-2));
    }

    /** The factors are smaller than the parameter, so stateShapesMatch fails as RuleLaws documents; the other laws hold. */
    @Test
    void obeysEveryLawButStateShapes() {
        Map<String, Tensor> values = new LinkedHashMap<>();
        values.put("w", Tensor.matrix(new double[][] {{-1.2, 1}, {0.5, -0.25}, {3, 0}}));
        values.put("b", Tensor.vector(0.1, -2));
        NamedTensors params = NamedTensors.of(values);
        List<NamedTensors> gradients = RuleLaws.randomGradients(params, 7, 6);
        Adafactor rule = new Adafactor(0.1, -0.8, 1e-30, 1e-3, 1, 0.01);
        RuleLaws.noMutation(rule, params, gradients);
        RuleLaws.checkpointRoundTrip(rule, params, gradients);
        AssertionError e = assertThrows(AssertionError.class, () -> RuleLaws.stateShapesMatch(rule, params, gradients));
        assertTrue(e.getMessage().contains("row_var has shape [3, 1]"), e.getMessage());
    }
}
