package org.adjoint.optim.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.newton.Newton;
import org.junit.jupiter.api.Test;

/** The README's minimization snippet, verbatim. */
class ReadmeMinimizeTest {

    @Test
    void theSnippetRuns() {
        Objective f = Objective.of(x -> {                          // exact ∇f, ∇²f and ∇²f·v by autodiff
            Var a = x.slice(0, 0, 1), b = x.slice(0, 1, 2);
            return b.sub(a.square()).square().mul(100).add(a.neg().add(1).square()).sum();
        });
        MinimizationResult r = Newton.modified().minimize(f, Tensor.vector(-1.2, 1));
        r.x(); r.value(); r.gradientNorm(); r.iterations(); r.evaluations(); r.reason(); r.trace();
        CriticalPoint.Kind kind = CriticalPoint.classify(f, r.x(), 1e-8).kind();   // LOCAL_MINIMUM

        assertTrue(r.x().allClose(Tensor.vector(1, 1), 0, 1e-8), r::toString);
        assertEquals(CriticalPoint.Kind.LOCAL_MINIMUM, kind);
    }
}
