package org.adjoint.optim.minimize.quasinewton;

import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.internal.DescentLoop;
import org.adjoint.optim.minimize.internal.Directions;
import org.adjoint.optim.minimize.internal.FirstStep;
import org.adjoint.optim.minimize.internal.Iterate;
import org.adjoint.optim.minimize.internal.Run;
import org.adjoint.optim.minimize.internal.Vectors;
import org.adjoint.optim.minimize.linesearch.LineSearch;

/**
 * BFGS (Nocedal and Wright, Algorithm 6.1): a quasi-Newton method that keeps an approximation H of the
 * inverse Hessian, updated from each step {@code s = xₖ₊₁ − xₖ} and gradient change {@code y = ∇fₖ₊₁ − ∇fₖ}:
 * <pre>
 *   H ← (I − ρ·s·yᵀ) · H · (I − ρ·y·sᵀ) + ρ·s·sᵀ,   ρ = 1 / yᵀs
 *     = H − ρ·(s·(Hy)ᵀ + (Hy)·sᵀ) + (ρ²·yᵀHy + ρ)·s·sᵀ     (H symmetric; O(n²) per update)
 * </pre>
 * with the direction {@code d = −H·∇f} and a strong Wolfe line search (by default Moré–Thuente's with
 * c₂ = 0.9, as SciPy's BFGS), which guarantees {@code yᵀs > 0}. H starts as I and is rescaled to {@code (yᵀs / yᵀy)·I} before the first update
 * (eq. 6.20). An update with {@code yᵀs ≤ 1e-10·‖s‖·‖y‖} is skipped (see {@link CurvaturePair}). Superlinear convergence; O(n²)
 * memory, so for a few thousand variables use {@link Lbfgs}.
 *
 * <p>The first trial step is 1, the natural quasi-Newton step, except on the first iteration and after
 * a reset, where it is SciPy's {@code α₀ = min(1, 1.01/‖∇f‖)} (see {@code internal.FirstStep}), so that
 * a large gradient does not throw the first trial far away. When the line search finds no step, H is reset to
 * I and the search retried once along −∇f before the run stops, as SciPy's BFGS does.
 *
 * @param lineSearch how the step is chosen
 */
public record Bfgs(LineSearch lineSearch) implements Minimizer {

    /** Refuses null components. */
    public Bfgs {
        Objects.requireNonNull(lineSearch, "lineSearch");
    }

    /** BFGS with the Moré–Thuente line search (c₁ = 1e-4, c₂ = 0.9). */
    public static Bfgs standard() {
        return new Bfgs(LineSearch.moreThuente());
    }

    @Override
    public MinimizationResult minimize(Objective f, Tensor x0, Stopping stopping) {
        return DescentLoop.run(new Run("Bfgs", f, x0, stopping), new InverseHessian(x0.size()), lineSearch, x0);
    }

    /** {@code a·bᵀ}. */
    private static Tensor outer(Tensor a, Tensor b) {
        return a.reshape(a.size(), 1).mul(b.reshape(1, b.size()));
    }

    /** The approximate inverse Hessian of one run; the update is expanded so that it costs O(n²), not O(n³). */
    private static final class InverseHessian implements Directions {
        private Tensor h;
        private boolean updated;
        private boolean fresh = true;

        InverseHessian(int n) {
            h = Tensor.identity(n);
        }

        @Override
        public Tensor direction(Iterate at) {
            return h.matmul(at.gradient()).neg();
        }

        /** SciPy's scaled first step on the first iteration and after a reset (see {@link FirstStep}), else 1. */
        @Override
        public double initialStep(Iterate at, Tensor direction) {
            return fresh ? FirstStep.scaled(at, direction) : 1;
        }

        @Override
        public void stepped(Iterate from, Iterate to) {
            fresh = false;
            CurvaturePair.between(from, to).ifPresent(this::update);
        }

        /** H back to I; a retry is worthwhile if H had been updated or the first step would change. */
        @Override
        public boolean reset() {
            boolean changes = updated || !fresh;
            h = Tensor.identity(h.shape().dim(0));
            updated = false;
            fresh = true;
            return changes;
        }

        private void update(CurvaturePair pair) {
            Tensor s = pair.s();
            Tensor y = pair.y();
            if (!updated) {
                h = h.mul(pair.sy() / Vectors.dot(y, y));
                updated = true;
            }
            double rho = pair.rho();
            Tensor hy = h.matmul(y);
            double yhy = Vectors.dot(y, hy);
            h = h.sub(outer(s, hy).add(outer(hy, s)).mul(rho)).add(outer(s, s).mul(rho * rho * yhy + rho));
        }
    }
}
