package org.adjoint.optim.minimize.newton;

import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.StopReason;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.internal.Iterate;
import org.adjoint.optim.minimize.internal.Run;
import org.adjoint.optim.minimize.internal.Vectors;

/**
 * Trust-region Newton with the Steihaug conjugate-gradient solver (Nocedal and Wright, Algorithms
 * 4.1 and 7.2): each step approximately minimizes the quadratic model
 * {@code m(p) = f + ∇fᵀp + ½pᵀHp} within {@code ‖p‖ ≤ Δ}, using Hessian-vector products only. The
 * radius shrinks to {@code ¼Δ} when the model predicts badly ({@code ρ < ¼}) and doubles (up to Δmax)
 * when a step on the boundary predicts well ({@code ρ > ¾}); a step is taken when {@code ρ > η}. This
 * is Algorithm 4.1's rule, and SciPy's trust-ncg ({@code scipy.optimize._trustregion}), whose
 * η = 0.15 is the default here. Robust where the Hessian is
 * indefinite, without a line search.
 *
 * <p>The gradient tolerance ends a run only when the model agrees: at an iterate with
 * {@code ‖∇f‖ ≤ gtol}, the run computes the next step and stops if its predicted decrease is at most
 * {@code ½·gtol²}, else it takes the step. For an interior step this decrease is about half the squared
 * Newton decrement, {@code ½∇fᵀH⁻¹∇f} (Boyd and Vandenberghe, <i>Convex Optimization</i>, §9.5.1), so the
 * run stops when ∇f is below gtol in the local metric H⁻¹ as well as in the Euclidean norm. Where the
 * curvature along ∇f is at least 1 the second test follows from the first; it holds the run only along
 * directions of weak curvature, where a small gradient is not a small f − f*: on Osborne 1 (MGH 17),
 * whose valley has curvature about 6e-5, the gradient test alone stopped at ‖∇f‖ = 5.4e-6 with f − f* = 2.4e-7
 * and a predicted decrease of 1.3e-7, or ran on past f*, as the kernels' last bits fell. The check costs the
 * Hessian-vector products of one more Steihaug step at the last iterate, and no evaluation of f.
 *
 * <p>f and ∇f are evaluated together at each trial point {@code x + p} and
 * reused when the step is taken: most trials are accepted, so an iteration costs one evaluation, not a
 * value for ρ and then the value and gradient again at the new iterate (SciPy's trust-ncg likewise
 * evaluates each trial once); a rejected trial wastes one gradient.
 *
 * @param initialRadius Δ₀
 * @param maxRadius     the largest Δ
 * @param eta           the acceptance threshold η, in [0, ¼)
 */
public record TrustRegionNewton(double initialRadius, double maxRadius, double eta) implements Minimizer {

    /** Validates the settings. */
    public TrustRegionNewton {
        if (!(initialRadius > 0 && initialRadius <= maxRadius) || Double.isInfinite(maxRadius) || !(eta >= 0 && eta < 0.25)) {
            throw new IllegalArgumentException("TrustRegionNewton: need 0 < initialRadius ≤ maxRadius < ∞ and 0 ≤ eta < 1/4, got "
                    + initialRadius + ", " + maxRadius + ", " + eta);
        }
    }

    /** Δ₀ = 1, Δmax = 1e4, η = 0.15 (SciPy trust-ncg's Δ₀ and η). */
    public static TrustRegionNewton standard() {
        return new TrustRegionNewton(1, 1e4, 0.15);
    }

    @Override
    public MinimizationResult minimize(Objective f, Tensor x0, Stopping stopping) {
        Run run = new Run("TrustRegionNewton", f, x0, stopping);
        Evaluation e0 = run.evaluate(x0);
        if (!e0.isFinite()) {
            return run.stopAtNonFiniteStart(x0, e0);
        }
        Iterate current = new Iterate(x0, e0);
        run.record(current);
        double radius = initialRadius;
        while (true) {
            MinimizationResult stop = run.stopBeforeStep(current);
            boolean gradientMet = stop != null && stop.reason() == StopReason.GRADIENT_TOLERANCE;
            MinimizationResult cannotStep = stopBeforeTrial(run, current, radius);
            if (stop != null && (!gradientMet || cannotStep != null)) {
                return stop;
            }
            if (cannotStep != null) {
                return cannotStep;
            }
            Step step = Step.at(run, current, radius, run.remainingEvaluations() - 2);
            double tolerance = stopping.gradientTolerance();
            if (gradientMet && !(step.predicted() > 0.5 * tolerance * tolerance)) { // a NaN model cannot overrule the test
                return run.stopBeforeStep(current);
            }
            Trial trial = step.evaluate(run, current);
            if (Double.isNaN(trial.value())) {
                return run.stop(StopReason.NON_FINITE_VALUE, "f is NaN at a trial point at iteration " + run.iterations());
            }
            radius = nextRadius(radius, trial);
            run.iterationDone();
            if (trial.rho() > eta) {
                Evaluation e = trial.evaluation();
                if (!e.isFinite()) {
                    return run.stop(StopReason.NON_FINITE_VALUE, "∇f is not finite at iteration " + run.iterations());
                }
                Iterate next = new Iterate(trial.candidate(), e);
                run.record(next);
                stop = run.stopAfterStep(current, next, trial::stepLength);
                if (stop != null) {
                    return stop;
                }
                current = next;
            }
        }
    }

    /** The stop when no trial can be made from {@code current}: a budget spent, the radius collapsed; else null. */
    private static MinimizationResult stopBeforeTrial(Run run, Iterate current, double radius) {
        MinimizationResult budget = run.budgetExhausted();
        if (budget != null) {
            return budget;
        }
        if (radius <= 1e-15 * (1 + Vectors.norm(current.x()))) {
            return run.stop(StopReason.TRUST_REGION_COLLAPSED, "the trust radius shrank to " + radius);
        }
        int left = run.remainingEvaluations();
        if (left < 3) {
            return run.stop(StopReason.MAX_EVALUATIONS, "reached the limit of " + run.stopping().maxEvaluations()
                    + " evaluations (" + left + " left; a trial step needs a Hessian-vector product, one more for its"
                    + " predicted decrease, and f and ∇f at the trial point)");
        }
        return null;
    }

    /** Shrinks Δ to ¼Δ after a poor prediction, doubles it (up to Δmax) after a good one on the boundary. */
    private double nextRadius(double radius, Trial trial) {
        if (trial.rho() < 0.25) {
            return 0.25 * radius;
        }
        if (trial.rho() > 0.75 && trial.stepLength() >= 0.99 * radius) {
            return Math.min(2 * radius, maxRadius);
        }
        return radius;
    }

    /** A step p from Steihaug-CG and its predicted decrease {@code −(∇fᵀp + ½pᵀHp)}. */
    private record Step(Tensor p, double predicted) {

        /** The step from {@code at}, its CG making at most {@code maxProducts} Hessian-vector products. */
        static Step at(Run run, Iterate at, double radius, int maxProducts) {
            Tensor p = TruncatedConjugateGradient.trustRegionStep(at.gradient(), v -> run.objective().hessianVector(at.x(), v),
                    radius, maxProducts);
            Tensor hp = run.objective().hessianVector(at.x(), p);
            return new Step(p, -(Vectors.dot(at.gradient(), p) + 0.5 * Vectors.dot(p, hp)));
        }

        /** The trial point {@code x + p}, f and ∇f there, and ρ. */
        Trial evaluate(Run run, Iterate at) {
            Tensor candidate = at.x().add(p);
            Evaluation e = run.evaluate(candidate);
            return new Trial(candidate, e, (at.value() - e.value()) / predicted, Vectors.norm(p));
        }
    }

    /**
     * A trial point {@code x + p}, f and ∇f there, and {@code ρ}, the actual over the predicted decrease.
     */
    private record Trial(Tensor candidate, Evaluation evaluation, double rho, double stepLength) {

        /** f at the trial point. */
        double value() {
            return evaluation.value();
        }
    }
}
