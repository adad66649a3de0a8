package org.adjoint.optim.minimize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.quasinewton.Lbfgs;
import org.junit.jupiter.api.Test;

/** The README's optim quick start, verbatim: L-BFGS reaches the minimum (1, …, 1) of Rosenbrock in 100 dimensions. */
class ReadmeQuickStartTest {

    @Test
    void theQuickStartReachesTheKnownMinimum() {
        // The extended Rosenbrock function in 100 dimensions; L-BFGS needs f and ∇f, here from autodiff.
        Objective f = Objective.of(x -> {
            int n = x.shape().dim(0);
            Var head = x.slice(0, 0, n - 1), tail = x.slice(0, 1, n);
            return tail.sub(head.square()).square().mul(100).add(head.neg().add(1).square()).sum();
        });
        MinimizationResult r = Lbfgs.withMemory(10).minimize(f, Tensor.zeros(100), Stopping.defaults());
        System.out.println(r.reason() + " after " + r.iterations() + " iterations: f = " + r.value());

        assertTrue(r.x().allClose(Tensor.ones(100), 0, 1e-5), r::toString);
        assertTrue(r.value() < 1e-10, r::toString);
    }
}
