package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The README's autodiff quick start, verbatim, checked against the derivatives of Σ xᵢ²·sin xᵢ worked
 * out by hand: f' = 2x·sin x + x²·cos x, f'' = (2 − x²)·sin x + 4x·cos x.
 */
class ReadmeQuickStartTest {

    @Test
    void theQuickStartRunsAndItsDerivativesAreTheHandWorkedOnes() {
        // Any Java code over Var values is a differentiable function: here f(x) = Σ xᵢ²·sin(xᵢ).
        VarFunction f = x -> x.square().mul(x.sin()).sum();
        Tensor x = Tensor.vector(0.5, 1.0, 2.0);
        Derivatives.ValueAndGradient vg = Derivatives.valueAndGrad(f, x);  // f(x) and ∇f(x), one backward sweep
        Tensor h = Derivatives.hessian(f, x);                              // ∇²f(x), exact (here diagonal)
        Tensor hv = Derivatives.hvp(f, x, Tensor.vector(1, 0, 0));         // ∇²f(x)·v without forming ∇²f
        GradCheck.Report check = GradCheck.defaults().hessian(f, x);       // against finite differences
        System.out.println(vg.value() + " " + vg.gradient() + " " + check.passed());

        double value = 0;
        for (int i = 0; i < 3; i++) {
            double xi = x.get(i);
            value += xi * xi * Math.sin(xi);
            assertEquals(2 * xi * Math.sin(xi) + xi * xi * Math.cos(xi), vg.gradient().get(i), 1e-14);
            assertEquals((2 - xi * xi) * Math.sin(xi) + 4 * xi * Math.cos(xi), h.get(i, i), 1e-13);
        }
        assertEquals(value, vg.value(), 1e-14);
        assertTrue(hv.allClose(h.slice(1, 0, 1).reshape(3), 0, 0), hv.toString());
        assertTrue(check.passed(), check::toString);
    }
}
