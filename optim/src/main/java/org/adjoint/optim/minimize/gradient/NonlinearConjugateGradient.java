package org.adjoint.optim.minimize.gradient;

import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.internal.DescentLoop;
import org.adjoint.optim.minimize.internal.Directions;
import org.adjoint.optim.minimize.internal.Iterate;
import org.adjoint.optim.minimize.internal.PreviousDecrease;
import org.adjoint.optim.minimize.internal.Run;
import org.adjoint.optim.minimize.internal.Vectors;
import org.adjoint.optim.minimize.linesearch.LineSearch;
import org.adjoint.optim.minimize.linesearch.MoreThuente;

/**
 * Nonlinear conjugate gradients (Nocedal and Wright, section 5.2): {@code dₖ₊₁ = −∇fₖ₊₁ + βₖ₊₁·dₖ}
 * with the Moré–Thuente line search for the strong Wolfe conditions with c₂ = 0.4 (SciPy's CG
 * constants), by default.
 *
 * <p>The direction restarts with {@code −∇f} (Nocedal and Wright, section 5.2, "restarts"):
 * <ul>
 *   <li>when consecutive gradients are far from orthogonal, {@code |∇fₖ₊₁ᵀ∇fₖ| ≥ ν·‖∇fₖ₊₁‖²} with
 *       ν = 0.1 (Powell's restart, eq. 5.52), the sign that the conjugacy the method relies on is lost;
 *   <li>when the conjugate direction does not descend.
 * </ul>
 *
 * <p>The first trial step of each line search is SciPy's: assume this step lowers f as much as the
 * last one, {@code α₀ = min(1, 1.01·2·(fₖ − fₖ₋₁)/φ'(0))}, and on the first iteration
 * {@code α₀ = min(1, 1.01/‖∇f‖)} (see {@code internal.PreviousDecrease}). When the line search finds
 * no step, the method restarts from −∇f with that scaled first step and retries once before the run
 * stops. BENCHMARKS.md compares it with SciPy's CG on the Moré–Garbow–Hillstrom problems; these
 * defaults suit SciPy's tolerance (‖∇f‖ ≤ 1e-5), and for much tighter ones
 * {@code new NonlinearConjugateGradient(beta, MoreThuente.withCurvature(0.1))} often needs fewer
 * evaluations.
 *
 * @param beta       the formula for β
 * @param lineSearch how the step is chosen
 */
public record NonlinearConjugateGradient(Beta beta, LineSearch lineSearch) implements Minimizer {

    /** Refuses null components. */
    public NonlinearConjugateGradient {
        Objects.requireNonNull(beta, "beta");
        Objects.requireNonNull(lineSearch, "lineSearch");
    }

    /** The choice of β. */
    public enum Beta {
        /** Fletcher–Reeves: {@code β = ‖∇fₖ₊₁‖² / ‖∇fₖ‖²}. */
        FLETCHER_REEVES {
            @Override
            double of(Tensor gNew, Tensor gOld) {
                return Vectors.dot(gNew, gNew) / Vectors.dot(gOld, gOld);
            }
        },
        /** Polak–Ribière+: {@code β = max(0, ∇fₖ₊₁ᵀ(∇fₖ₊₁ − ∇fₖ) / ‖∇fₖ‖²)}. */
        POLAK_RIBIERE_PLUS {
            @Override
            double of(Tensor gNew, Tensor gOld) {
                return Math.max(0, Vectors.dot(gNew, gNew.sub(gOld)) / Vectors.dot(gOld, gOld));
            }
        };

        /** β from the new and the old gradient. */
        abstract double of(Tensor gNew, Tensor gOld);
    }

    /** The method with β and the Moré–Thuente search with c₂ = 0.4. */
    public static NonlinearConjugateGradient of(Beta beta) {
        return new NonlinearConjugateGradient(beta, MoreThuente.withCurvature(0.4));
    }

    @Override
    public MinimizationResult minimize(Objective f, Tensor x0, Stopping stopping) {
        return DescentLoop.run(new Run("NonlinearConjugateGradient", f, x0, stopping), new Conjugate(beta), lineSearch, x0);
    }

    /** The previous direction and gradient of one run, and the last decrease of f. */
    private static final class Conjugate implements Directions {
        /** Powell's restart threshold ν. */
        private static final double POWELL = 0.1;
        private final Beta beta;
        private final PreviousDecrease decrease = new PreviousDecrease();
        private Tensor previousDirection;
        private Tensor previousGradient;
        private boolean conjugated;

        Conjugate(Beta beta) {
            this.beta = beta;
        }

        @Override
        public Tensor direction(Iterate at) {
            Tensor d = at.gradient().neg();
            conjugated = false;
            if (previousDirection != null && !lostConjugacy(at.gradient())) {
                Tensor conjugate = Vectors.addScaled(d, beta.of(at.gradient(), previousGradient), previousDirection);
                if (Vectors.dot(conjugate, at.gradient()) < 0) {
                    d = conjugate;
                    conjugated = true;
                }
            }
            previousDirection = d;
            previousGradient = at.gradient();
            return d;
        }

        /** Powell's test: {@code |∇fₖ₊₁ᵀ∇fₖ| ≥ ν·‖∇fₖ₊₁‖²}. */
        private boolean lostConjugacy(Tensor gradient) {
            return Math.abs(Vectors.dot(gradient, previousGradient)) >= POWELL * Vectors.dot(gradient, gradient);
        }

        @Override
        public double initialStep(Iterate at, Tensor direction) {
            return decrease.initialStep(at, direction);
        }

        @Override
        public void stepped(Iterate from, Iterate to) {
            decrease.stepped(from, to);
        }

        /** Restarts from −∇f with a freshly scaled first step; worthwhile if the direction or the step changes. */
        @Override
        public boolean reset() {
            boolean wasConjugate = conjugated;
            previousDirection = null;
            previousGradient = null;
            conjugated = false;
            return decrease.reset() || wasConjugate;
        }
    }
}
