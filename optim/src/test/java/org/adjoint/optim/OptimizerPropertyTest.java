package org.adjoint.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.adjoint.autodiff.Var;
import org.adjoint.core.LinearAlgebra;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Variables;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.rules.ClassicalMomentum;
import org.adjoint.optim.rules.RmsProp;
import org.adjoint.optim.rules.Rules;
import org.adjoint.optim.rules.Sgd;
import org.adjoint.optim.rules.UncorrectedAdam;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;

class OptimizerPropertyTest {

    /** A random convex quadratic ½xᵀAx + bᵀx: A = BBᵀ + 0.1·I, with a starting point. */
    private record Quadratic(Tensor a, Tensor b, Tensor x0) {
        Var value(Var x) {
            return x.matmul(Var.constant(a)).mul(x).sum().mul(0.5).add(x.mul(Var.constant(b)).sum());
        }

        double largestCurvature() {
            double[] values = LinearAlgebra.symmetricEigen(a).values().toArray();
            return values[values.length - 1];
        }
    }

    private static final Gen<Quadratic> QUADRATICS = Gen.integers(1, 5).flatMap(n -> Gen.zip(
            TensorGens.tensorOf(Shape.of(n, n), Gen.doubles(-2, 2)), TensorGens.tensorOf(Shape.of(n), Gen.doubles(-3, 3)),
            TensorGens.tensorOf(Shape.of(n), Gen.doubles(-5, 5)))
            .map(t -> new Quadratic(t.first().matmul(t.first().transpose()).add(Tensor.identity(n).mul(0.1)), t.second(),
                    t.third())));

    private static final Gen<Tensor> VECTORS = TensorGens.tensors(TensorGens.shapesOfRank(1, 2, 4), Gen.doubles(-3, 3));

    @Test
    void gradientDescentBelowTwoOverLDecreasesAConvexQuadraticAtEveryStep() {
        Property.forAll(QUADRATICS, Gen.doubles(0.05, 0.95)).check((q, fraction) -> {
            double l = q.largestCurvature();
            double eta = fraction * 2 / l;
            Optimizer gd = Optimizer.of(new Sgd(eta));
            NamedTensors params = NamedTensors.of(Map.of("x", q.x0()));
            OptimizerState state = gd.init(params);
            for (int i = 0; i < 30; i++) {
                Variables v = Variables.track(params);
                Var f = q.value(v.get("x"));
                NamedTensors g = v.gradients(f);
                double squaredNorm = g.get("x").square().sum().item();
                Step step = gd.step(params, g, state);
                double next = q.value(Var.constant(step.params().get("x"))).item();
                double guaranteed = eta * squaredNorm * (1 - eta * l / 2);
                double slack = 1e-12 * (Math.abs(f.item()) + 1);
                assertTrue(next <= f.item() - (guaranteed > slack ? guaranteed / 2 : -slack),
                        "step " + i + ": f went from " + f.item() + " to " + next + " with η = " + eta + ", L = " + l);
                params = step.params();
                state = step.state();
            }
        });
    }

    @Test
    void momentumZeroIsPlainGradientDescent() {
        Property.forAll(VECTORS, Gen.doubles(0, 1)).check((theta, lr) -> {
            List<Tensor> grads = gradients(theta, 5);
            Tensor plain = run(new Sgd(lr), theta, grads);
            assertEquals(plain, run(new ClassicalMomentum(lr, 0), theta, grads));
            assertEquals(plain, run(new Sgd(lr, 0), theta, grads));
        });
    }

    @Test
    void adamWithBeta1ZeroAndNoBiasCorrectionIsRmsProp() {
        Property.forAll(VECTORS, Gen.doubles(1e-4, 0.5), Gen.doubles(0, 0.999)).check((theta, lr, beta2) -> {
            List<Tensor> grads = gradients(theta, 6);
            Tensor adam = run(new UncorrectedAdam(lr, 0, beta2, 1e-8, 0), theta, grads);
            Tensor rmsProp = run(new RmsProp(lr, beta2, 1e-8, 0, 0), theta, grads);
            assertEquals(rmsProp, adam);
        });
    }

    @Test
    void theFirstAdamStepMovesEachCoordinateByAboutTheLearningRate() {
        Property.forAll(VECTORS, Gen.doubles(1e-4, 1)).check((g, lr) -> {
            Property.assume(g.abs().min().item() > 1e-3);
            Tensor theta = Tensor.zeros(g.shape());
            Tensor moved = run(new Adam(lr), theta, List.of(g));
            Tensor expected = g.sign().mul(-lr);
            assertTrue(moved.allClose(expected, 1e-4, 0), () -> moved + " vs " + expected);
        });
    }

    @Test
    void aStepNeverChangesItsInputs() {
        Property.forAll(Gen.elements(Rules.forQuadratic().toArray(new Rules[0])), VECTORS).check((r, theta) -> {
            Optimizer optimizer = Optimizer.of(r.rule());
            NamedTensors params = NamedTensors.of(Map.of("w", theta));
            NamedTensors grads = NamedTensors.of(Map.of("w", theta.sin()));
            OptimizerState state = optimizer.step(params, grads, optimizer.init(params)).state();
            double[] before = theta.toArray();
            double[] gradsBefore = grads.get("w").toArray();
            Map<String, double[]> slotBefore = contents(state.ruleState("w").save());
            optimizer.step(params, grads, state);
            assertArrayEquals(before, params.get("w").toArray());
            assertArrayEquals(gradsBefore, grads.get("w").toArray());
            Map<String, double[]> slotAfter = contents(state.ruleState("w").save());
            assertEquals(slotBefore.keySet(), slotAfter.keySet());
            slotBefore.forEach((name, values) -> assertArrayEquals(values, slotAfter.get(name), name));
        });
    }

    private static Map<String, double[]> contents(Map<String, Tensor> tensors) {
        Map<String, double[]> copy = new java.util.TreeMap<>();
        tensors.forEach((name, t) -> copy.put(name, t.toArray()));
        return copy;
    }

    /** A fixed sequence of gradients of the parameter's shape. */
    static List<Tensor> gradients(Tensor like, int steps) {
        List<Tensor> grads = new java.util.ArrayList<>();
        for (int i = 0; i < steps; i++) {
            grads.add(like.mul(0.3 * (i + 1)).sin().add(0.1 * i - 0.2));
        }
        return grads;
    }

    private static <S> Tensor run(UpdateRule<S> rule, Tensor theta, List<Tensor> grads) {
        S state = rule.init(theta);
        Tensor p = theta;
        for (Tensor g : grads) {
            Update<S> u = rule.apply(p, g, state, rule.learningRate());
            p = u.param();
            state = u.state();
        }
        return p;
    }
}
