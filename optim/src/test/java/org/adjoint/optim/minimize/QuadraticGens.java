package org.adjoint.optim.minimize;

import org.adjoint.autodiff.Var;
import org.adjoint.core.LinearAlgebra;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.verify.Gen;
import org.adjoint.verify.TensorGens;

/** Random positive definite quadratics ½xᵀAx + bᵀx, A = BBᵀ + 0.5·I, with a starting point. */
public final class QuadraticGens {

    /** One quadratic. */
    public record Quadratic(Tensor a, Tensor b, Tensor start) {

        public Objective objective() {
            return Objective.of(x -> x.matmul(Var.constant(a)).mul(x).sum().mul(0.5).add(x.mul(Var.constant(b)).sum()));
        }

        /** The condition number of A. */
        public double condition() {
            double[] values = LinearAlgebra.symmetricEigen(a).values().toArray();
            return values[values.length - 1] / values[0];
        }
    }

    public static final Gen<Quadratic> QUADRATICS = Gen.integers(1, 6).flatMap(n -> Gen.zip(
            TensorGens.tensorOf(Shape.of(n, n), Gen.doubles(-2, 2)), TensorGens.tensorOf(Shape.of(n), Gen.doubles(-3, 3)),
            TensorGens.tensorOf(Shape.of(n), Gen.doubles(-5, 5)))
            .map(t -> new Quadratic(t.first().matmul(t.first().transpose()).add(Tensor.identity(n).mul(0.5)), t.second(),
                    t.third())));

    private QuadraticGens() {
    }
}
