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
import org.adjoint.optim.minimize.internal.Run;
import org.adjoint.optim.minimize.internal.Vectors;
import org.adjoint.optim.minimize.linesearch.LineSearch;
import org.adjoint.optim.minimize.linesearch.StrongWolfe;

/**
 * Nonlinear conjugate gradients (Nocedal and Wright, section 5.2): {@code dₖ₊₁ = −∇fₖ₊₁ + βₖ₊₁·dₖ}
 * with the strong Wolfe line search (c₂ = 0.1 by default, which Fletcher–Reeves needs for descent).
 * Restarts with {@code −∇f} whenever the new direction does not descend.
 *
 * <p>The first trial step of each line search assumes the first-order decrease of the last step
 * (Nocedal and Wright, eq. 3.60, see {@code StepMemory}); on the first iteration it is SciPy's
 * {@code α₀ = min(1, 1.01/‖∇f‖)}. When the line search finds no step, the method restarts from −∇f with
 * that scaled first step and retries once before the run stops.
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

    /** The method with β and the strong Wolfe search with c₂ = 0.1. */
    public static NonlinearConjugateGradient of(Beta beta) {
        return new NonlinearConjugateGradient(beta, StrongWolfe.withCurvature(0.1));
    }

    @Override
    public MinimizationResult minimize(Objective f, Tensor x0, Stopping stopping) {
        return DescentLoop.run(new Run("NonlinearConjugateGradient", f, x0, stopping), new Conjugate(beta), lineSearch, x0);
    }

    /** The previous direction and gradient of one run, and its step memory. */
    private static final class Conjugate implements Directions {
        private final Beta beta;
        private final StepMemory memory = new StepMemory();
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
            if (previousDirection != null) {
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

        @Override
        public double initialStep(Iterate at, Tensor direction) {
            return memory.initialStep(at, direction);
        }

        @Override
        public void stepped(Iterate from, Iterate to) {
            memory.stepped(from, to);
        }

        /** Restarts from −∇f with a freshly scaled first step; worthwhile if the direction or the step changes. */
        @Override
        public boolean reset() {
            boolean wasConjugate = conjugated;
            previousDirection = null;
            previousGradient = null;
            conjugated = false;
            return memory.reset() || wasConjugate;
        }
    }
}
