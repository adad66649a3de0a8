package org.adjoint.optim.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.rules.Sgd;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;

class LearningRateFinderTest {

    /** Four examples the quadratic ignores: every batch has the same loss ½‖x‖². */
    private static final LabeledData ANY = new LabeledData(Tensor.zeros(4, 1), new int[] {0, 0, 0, 0});
    private static final BatchLoss<LabeledData> HALF_SQUARE = (p, batch) -> p.get("x").square().sum().mul(0.5);

    @Test
    void theCurveOfGradientDescentOnAQuadraticEqualsTheHandComputation() {
        Tensor x0 = Tensor.vector(1, -2);
        int n = 40;
        LearningRateCurve curve = new LearningRateFinder(Optimizer.of(new Sgd(0.5)), 1e-3, 100, n, 2, 0, 0.9, 4)
                .run(NamedTensors.of(Map.of("x", x0)), ANY, HALF_SQUARE);
        double scale = 1;
        double average = 0;
        double best = Double.POSITIVE_INFINITY;
        int i = 0;
        for (; i < n; i++) {
            double rate = 1e-3 * Math.pow(1e5, (double) i / (n - 1));
            double loss = 0.5 * 5 * scale * scale;
            average = 0.9 * average + 0.1 * loss;
            double smoothed = average / (1 - Math.pow(0.9, i + 1));
            best = Math.min(best, smoothed);
            assertEquals(rate, curve.rates()[i], 1e-14 * rate, "rate " + i);
            assertEquals(loss, curve.losses()[i], 1e-12 * loss, "loss " + i);
            assertEquals(smoothed, curve.smoothed()[i], 1e-12 * smoothed, "smoothed " + i);
            if (smoothed > 4 * best) {
                break;
            }
            scale *= 1 - rate;
        }
        assertTrue(curve.diverged(), "rates past 2 make gradient descent on ½‖x‖² blow up");
        assertEquals(i + 1, curve.rates().length, "the sweep stops at the first smoothed loss above 4× the best");
        assertTrue(i < n - 1);
    }

    @Test
    void aLongCurvesSuggestionLeavesOutItsFirstTenAndLastFivePoints() {
        int n = 30;
        double[] rates = new double[n];
        double[] smoothed = new double[n];
        for (int i = 0; i < n; i++) {
            rates[i] = Math.pow(10, i / 5.0 - 4);
            smoothed[i] = i == 1 || i == 27 ? -100 : i == 15 ? 0.5 : 1;
        }
        assertEquals(rates[14], new LearningRateCurve(rates, new double[n], smoothed, false).suggestion());
    }

    @Test
    void theSuggestionIsWhereTheSmoothedLossFallsFastestAgainstLogRate() {
        double[] rates = {1e-3, 1e-2, 1e-1, 1};
        LearningRateCurve curve = new LearningRateCurve(rates, new double[4], new double[] {1.0, 0.9, 0.3, 0.5}, false);
        // slopes per decade: -0.1 (one-sided), -0.35, -0.2 (central), +0.2 (one-sided)
        assertEquals(1e-2, curve.suggestion());
        assertTrue(Double.isNaN(new LearningRateCurve(new double[] {1e-3}, new double[1], new double[1], true).suggestion()));
    }

    @Test
    void ratesGrowExponentiallyTheSuggestionIsOneOfThemAndTheCallersParametersStay() {
        Gen<Tensor> starts = TensorGens.tensorOf(Shape.of(3), Gen.doubles(-3, 3));
        Property.forAll(starts, Gen.integers(2, 40)).check((x0, n) -> {
            NamedTensors params = NamedTensors.of(Map.of("x", x0));
            LearningRateCurve curve = LearningRateFinder.of(Optimizer.of(new Adam(1e-3))).withRange(1e-5, 1, n)
                    .run(params, ANY, HALF_SQUARE);
            double[] r = curve.rates();
            assertEquals(1e-5, r[0], 1e-20);
            for (int i = 1; i < r.length; i++) {
                assertEquals(Math.pow(1e5, 1.0 / (n - 1)), r[i] / r[i - 1], 1e-9);
            }
            assertTrue(r.length < 2 || Arrays.stream(r).anyMatch(v -> v == curve.suggestion()), curve::toString);
            assertEquals(NamedTensors.of(Map.of("x", x0)), params);
        });
    }

    @Test
    void anMlpOnBlobsGivesASuggestionBelowWhereTheLossBlowsUpAlsoWithSam() {
        Sequential net = Mlp.of(Activation.TANH, 4, 8, 3);
        LabeledData data = TrainerTest.blobs(90, 5);
        BatchLoss<LabeledData> loss = (p, batch) ->
                Losses.softmaxCrossEntropy(net.forward(p, Var.constant(batch.inputs())), batch.labels());
        for (Optimizer optimizer : new Optimizer[] {Optimizer.of(new Sgd(0.1)), Optimizer.of(new Sgd(0.1)).withSharpnessAware(0.05)}) {
            LearningRateCurve curve = LearningRateFinder.of(optimizer).withRange(1e-4, 1e3, 60).withBatches(16, 1)
                    .run(net.initialize(1), data, loss);
            double s = curve.suggestion();
            assertTrue(s > 1e-3 && s < 1e2, curve.toString());
            double[] sm = curve.smoothed();
            assertTrue(sm[sm.length - 1] < sm[0] || curve.diverged(), curve.toString());
        }
    }

    @Test
    void badSettingsAreRefused() {
        Optimizer sgd = Optimizer.of(new Sgd(0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearningRateFinder.of(sgd).withRange(1, 0.1, 10));
        assertEquals("LearningRateFinder: need minRate < maxRate (got 1.0 and 0.1), at least 2 steps (got 10), a batch"
                + " size of at least 1 (got 32) and a finite divergence factor above 1 (got 4.0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LearningRateFinder.of(sgd).withRange(0, 1, 10));
        assertEquals("LearningRateFinder: minRate = 0.0 must be finite and above 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LearningRateFinder.of(sgd).withRange(1e-3, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateFinder(sgd, 1e-3, 1, 10, 8, 0, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateFinder(sgd, 1e-3, 1, 10, 8, 0, 0.9, 1));
        e = assertThrows(IllegalArgumentException.class, () -> LearningRateFinder.of(Optimizer.of(new Sgd(0)))
                .run(NamedTensors.of(Map.of("x", Tensor.ones(2))), ANY, HALF_SQUARE));
        assertTrue(e.getMessage().startsWith("LearningRateFinder: the rule of x, "), e.getMessage());
        assertFalse(LearningRateFinder.of(sgd).toString().isEmpty());
    }
}
