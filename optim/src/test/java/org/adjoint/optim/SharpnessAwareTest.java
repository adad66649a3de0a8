package org.adjoint.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.rules.Sgd;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.adjoint.core.Shape;
import org.junit.jupiter.api.Test;

class SharpnessAwareTest {

    /** L(θ) = Σ θ³/3 over all parameters, so ∇L = θ² element by element: written by hand. */
    private static final LossAndGradient CUBE = p -> new LossAndGradient.Value(
            p.asMap().values().stream().mapToDouble(t -> t.pow(3).sum().item() / 3).sum(), p.map(Tensor::square));

    private static NamedTensors params(double[] w, double[] b) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("w", Tensor.vector(w));
        m.put("b", Tensor.vector(b));
        return NamedTensors.of(m);
    }

    @Test
    void twoSamStepsOfMomentumSgdEqualTheHandComputation() {
        Optimizer sam = Optimizer.of(new Sgd(0.1, 0.9)).withSharpnessAware(0.05);
        NamedTensors p = params(new double[] {0.5, -1.2}, new double[] {2.0});
        OptimizerState state = sam.init(p);
        double[] theta = {0.5, -1.2, 2.0};
        double[] buf = new double[3];
        for (int k = 0; k < 2; k++) {
            double norm = Math.sqrt(sumOfSquares(squares(theta)));
            double[] g2 = new double[3];
            for (int i = 0; i < 3; i++) {
                double epsilon = 0.05 * theta[i] * theta[i] / norm;
                g2[i] = (theta[i] + epsilon) * (theta[i] + epsilon);
                buf[i] = k == 0 ? g2[i] : 0.9 * buf[i] + g2[i];
            }
            double[] before = theta.clone();
            for (int i = 0; i < 3; i++) {
                theta[i] -= 0.1 * buf[i];
            }
            EvaluatedStep step = sam.step(p, CUBE, state);
            assertEquals(sumOfCubes(before) / 3, step.start().loss(), 1e-15, "the loss recorded is the one at θ");
            p = step.step().params();
            state = step.step().state();
            assertArrayEquals(theta, p.flatten().toArray(), 1e-15, "step " + (k + 1));
        }
    }

    @Test
    void anAsamStepEqualsTheHandComputation() {
        Optimizer asam = Optimizer.of(new Sgd(0.1)).withAdaptiveSharpnessAware(0.5, 0.01);
        double[] theta = {0.5, -1.2, 2.0};
        double[] tg = new double[3];
        for (int i = 0; i < 3; i++) {
            tg[i] = (Math.abs(theta[i]) + 0.01) * theta[i] * theta[i];
        }
        double norm = Math.sqrt(sumOfSquares(tg));
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            double epsilon = 0.5 * (Math.abs(theta[i]) + 0.01) * tg[i] / norm;
            expected[i] = theta[i] - 0.1 * (theta[i] + epsilon) * (theta[i] + epsilon);
        }
        NamedTensors p = params(new double[] {0.5, -1.2}, new double[] {2.0});
        Step step = asam.step(p, CUBE, asam.init(p)).step();
        assertArrayEquals(expected, step.params().flatten().toArray(), 1e-15);
    }

    @Test
    void theSecondGradientIsTakenAtDistanceRhoAlongTheGradientOverAllParameters() {
        Gen<Tensor> vectors = TensorGens.tensorOf(Shape.of(3), Gen.doubles(-3, 3));
        Property.forAll(vectors, vectors, Gen.doubles(1e-3, 1)).check((w, b, rho) -> {
            NamedTensors p = NamedTensors.of(Map.of("w", w, "b", b));
            List<NamedTensors> points = new ArrayList<>();
            LossAndGradient recording = q -> {
                points.add(q);
                return CUBE.at(q);
            };
            Optimizer sam = Optimizer.of(new Adam(1e-3)).withSharpnessAware(rho);
            sam.step(p, recording, sam.init(p));
            assertEquals(2, points.size());
            assertEquals(p, points.get(0));
            Tensor epsilon = points.get(1).flatten().sub(p.flatten());
            Tensor g = p.flatten().square();
            double gNorm = Math.sqrt(g.square().sum().item());
            if (gNorm > 0) {
                assertEquals(rho, Math.sqrt(epsilon.square().sum().item()), 1e-12 * (1 + rho));
                assertArrayEquals(g.mul(rho / gNorm).toArray(), epsilon.toArray(), 1e-12);
            }
        });
    }

    @Test
    void anOrdinaryOptimizerEvaluatesOnceAndStepsAsWithPrecomputedGradients() {
        Optimizer adam = Optimizer.of(new Adam(0.01)).withClipping(org.adjoint.optim.schedule.Clipping.globalNorm(1));
        NamedTensors p = params(new double[] {0.5, -1.2}, new double[] {2.0});
        int[] calls = {0};
        EvaluatedStep step = adam.step(p, q -> {
            calls[0]++;
            return CUBE.at(q);
        }, adam.init(p));
        assertEquals(1, calls[0]);
        Step expected = adam.step(p, p.map(Tensor::square), adam.init(p));
        assertEquals(expected.params(), step.step().params());
        assertEquals(p.map(Tensor::square), step.start().gradients());
    }

    @Test
    void aZeroGradientMeansNoPerturbation() {
        Optimizer sam = Optimizer.of(new Sgd(0.1)).withSharpnessAware(0.05);
        NamedTensors p = params(new double[] {0, 0}, new double[] {0});
        List<NamedTensors> points = new ArrayList<>();
        sam.step(p, q -> {
            points.add(q);
            return CUBE.at(q);
        }, sam.init(p));
        assertEquals(p, points.get(1));
    }

    @Test
    void thePrecomputedGradientStepOfASamOptimizerRefusesAndNamesTheMethodToCall() {
        Optimizer sam = Optimizer.of(new Sgd(0.1, 0.9)).withSharpnessAware(0.05);
        NamedTensors p = params(new double[] {1, 2}, new double[] {3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sam.step(p, p, sam.init(p)));
        assertEquals("step: this optimizer is sharpness-aware (SAM[rho=0.05]) and needs the gradient at a second point,"
                + " which precomputed gradients cannot give; call step(params, lossAndGradient, state) with a"
                + " LossAndGradient instead", e.getMessage());
    }

    @Test
    void badRadiiAndNonFiniteGradientsAreRefused() {
        Optimizer sgd = Optimizer.of(new Sgd(0.1));
        for (double rho : new double[] {0, -0.05, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sgd.withSharpnessAware(rho));
            assertEquals("SAM: rho = " + rho + " must be finite and above 0", e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sgd.withAdaptiveSharpnessAware(0.5, -1));
        assertEquals("ASAM: eta = -1.0 must be finite and at least 0", e.getMessage());
        Optimizer sam = sgd.withSharpnessAware(0.05);
        NamedTensors p = params(new double[] {1, Double.NaN}, new double[] {3});
        e = assertThrows(IllegalArgumentException.class, () -> sam.step(p, CUBE, sam.init(p)));
        assertEquals("SAM[rho=0.05]: the gradient of w at the parameters is not finite, so there is no direction to"
                + " perturb them in", e.getMessage());
    }

    @Test
    void samIsPartOfTheOptimizersDescription() {
        assertTrue(Optimizer.of(new Sgd(0.1)).withSharpnessAware(0.05).toString().endsWith("; SAM[rho=0.05]]"));
    }

    private static double[] squares(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * x[i];
        }
        return out;
    }

    private static double sumOfSquares(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }

    private static double sumOfCubes(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v * v;
        }
        return s;
    }
}
