package org.adjoint.optim.minimize;

/**
 * When a minimization stops. Each test is off when its tolerance is 0.
 *
 * @param gradientTolerance        stop when {@code ‖∇f‖₂ ≤ gradientTolerance} (trust-region Newton also asks that
 *                                 the next step's predicted decrease be at most ½·gradientTolerance²)
 * @param functionTolerance        stop when {@code |fₖ − fₖ₊₁| ≤ functionTolerance · max(|fₖ|, |fₖ₊₁|, 1)}
 * @param stepTolerance            stop when {@code ‖xₖ₊₁ − xₖ‖₂ ≤ stepTolerance · (1 + ‖xₖ‖₂)}
 * @param maxIterations            the iteration budget
 * @param maxEvaluations           the budget of objective evaluations of any kind
 */
public record Stopping(double gradientTolerance, double functionTolerance, double stepTolerance, int maxIterations,
                       int maxEvaluations) {

    /** Validates the settings. */
    public Stopping {
        if (!(gradientTolerance >= 0) || !(functionTolerance >= 0) || !(stepTolerance >= 0)
                || maxIterations < 0 || maxEvaluations < 1) {
            throw new IllegalArgumentException("Stopping: tolerances must be at least 0 and budgets positive, got "
                    + "gradient " + gradientTolerance + ", function " + functionTolerance + ", step " + stepTolerance
                    + ", iterations " + maxIterations + ", evaluations " + maxEvaluations);
        }
    }

    /** ‖∇f‖ ≤ 1e-8, no function or step test, 1,000 iterations, 100,000 evaluations. */
    public static Stopping defaults() {
        return new Stopping(1e-8, 0, 0, 1000, 100_000);
    }

    /** The same criteria with another gradient tolerance. */
    public Stopping withGradientTolerance(double tolerance) {
        return new Stopping(tolerance, functionTolerance, stepTolerance, maxIterations, maxEvaluations);
    }

    /** The same criteria with another relative function-change tolerance. */
    public Stopping withFunctionTolerance(double tolerance) {
        return new Stopping(gradientTolerance, tolerance, stepTolerance, maxIterations, maxEvaluations);
    }

    /** The same criteria with another relative step tolerance. */
    public Stopping withStepTolerance(double tolerance) {
        return new Stopping(gradientTolerance, functionTolerance, tolerance, maxIterations, maxEvaluations);
    }

    /** The same criteria with another iteration budget. */
    public Stopping withMaxIterations(int iterations) {
        return new Stopping(gradientTolerance, functionTolerance, stepTolerance, iterations, maxEvaluations);
    }

    /** The same criteria with another evaluation budget. */
    public Stopping withMaxEvaluations(int evaluations) {
        return new Stopping(gradientTolerance, functionTolerance, stepTolerance, maxIterations, evaluations);
    }
}
