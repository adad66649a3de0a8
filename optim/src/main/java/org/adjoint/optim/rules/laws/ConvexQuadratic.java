package org.adjoint.optim.rules.laws;

import java.util.SplittableRandom;
import org.adjoint.core.Tensor;

/**
 * A random convex quadratic {@code f(x) = ½·xᵀAx + bᵀx} with a starting point, for
 * {@link RuleLaws#decreasesConvexQuadratic}: {@code A = BBᵀ/n + 0.1·I} with standard normal entries in
 * {@code B}, so A is symmetric positive definite with eigenvalues between 0.1 and about 4.1; b and the
 * start x₀ standard normal, the start times 3.
 */
record ConvexQuadratic(Tensor a, Tensor b, Tensor x0) {

    static ConvexQuadratic random(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor m = Tensor.randomNormal(random, n, n);
        Tensor a = m.matmulTransposed(m).div(n).add(Tensor.identity(n).mul(0.1));
        return new ConvexQuadratic(a.add(a.transpose()).mul(0.5), Tensor.randomNormal(random, n),
                Tensor.randomNormal(random, n).mul(3));
    }

    double value(Tensor x) {
        return a.matmul(x).mul(x).sum().item() * 0.5 + b.mul(x).sum().item();
    }

    Tensor gradient(Tensor x) {
        return a.matmul(x).add(b);
    }
}
