package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.Interval;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** The README's tour, verbatim, with checks of what it promises. */
class ReadmeTourTest {

    @Test
    void theTourRunsAndItsClaimsHold() {
        // f(x) = Σ 100·(x[i+1] − x[i]²)² + (1 − x[i])², written as ordinary Java with Var operations.
        VarFunction rosenbrock = x -> {
            int n = x.shape().dim(0);
            Var head = x.slice(0, 0, n - 1), tail = x.slice(0, 1, n);
            return tail.sub(head.square()).square().mul(100).add(head.neg().add(1).square()).sum();
        };
        Tensor x = Tensor.vector(-1.2, 1.0, 0.5);
        Tensor g = Derivatives.grad(rosenbrock, x);                   // ∇f(x)
        Tensor h = Derivatives.hessian(rosenbrock, x);                // ∇²f(x), exact, 3×3
        Tensor hv = Derivatives.hvp(rosenbrock, x, Tensor.ones(3));   // ∇²f(x)·v without forming ∇²f
        GradCheck.Report check = GradCheck.defaults().hessian(rosenbrock, x);   // vs finite differences

        // Or record a graph yourself: parameters, constants, and a backward sweep that returns gradients.
        Tensor images = Tensor.randomUniform(1, new Interval(0, 16), 32, 64); // 32 examples, 64 features
        int[] labels = new int[32];                                   // one class index per example
        Var w = Var.param(Tensor.randomNormal(42, 64, 10).mul(0.01));
        Var loss = Losses.softmaxCrossEntropy(Var.constant(images).matmul(w), labels).add(Losses.l2(w, 1e-4));
        Tensor dw = Backward.of(loss).gradient(w);                    // nothing to zero, nothing accumulated
        Var dwVar = Backward.of(loss).differentiableGradient(w);      // a gradient you can differentiate again

        assertTrue(g.allClose(TestFunctions.rosenbrockGradient(x.toArray()), 1e-14, 1e-12));
        assertTrue(h.allClose(TestFunctions.rosenbrockHessian(x.toArray()), 1e-14, 1e-12));
        assertTrue(hv.allClose(h.matmul(Tensor.ones(3)), 1e-14, 1e-12));
        assertTrue(check.passed(), check::toString);
        assertEquals(Shape.of(64, 10), dw.shape());
        assertEquals(dw, dwVar.value());
        assertTrue(dwVar.requiresGrad());
    }
}
