package org.adjoint.optim.minimize.derivativefree;

import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.StopReason;
import org.adjoint.optim.minimize.Stopping;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.PowellOptimizer;

/**
 * Powell's conjugate-direction method (Powell, Computer Journal 7, 1964), commons-math3's
 * {@code PowellOptimizer}: line minimizations (Brent) along a set of directions, the set updated with
 * each cycle's overall displacement. It stops, as SciPy's {@code method='Powell'} with {@code ftol},
 * when a cycle lowers f by little: {@code 2·(f_old − f_new) ≤ relativeTolerance·(|f_old| + |f_new|)
 * + absoluteTolerance} ({@link StopReason#FUNCTION_TOLERANCE}); or when consecutive cycles meet the
 * {@link Stopping}'s function or step tolerance (when positive). The Stopping's gradient tolerance
 * is not used; each evaluation is an iteration (see the package documentation).
 *
 * @param relativeTolerance the relative decrease per cycle below which it stops, at least 2⁻⁵¹
 *                          (commons-math's lower limit); SciPy's ftol, 1e-4 by default
 * @param absoluteTolerance the absolute part of that test, positive; 1e-20 by default (as SciPy's)
 */
public record Powell(double relativeTolerance, double absoluteTolerance) implements Minimizer {

    private static final String NAME = "Powell";

    /** Validates the tolerances. */
    public Powell {
        if (!(relativeTolerance >= 2 * Math.ulp(1.0)) || !(absoluteTolerance > 0) || Double.isInfinite(relativeTolerance)
                || Double.isInfinite(absoluteTolerance)) {
            throw new IllegalArgumentException("Powell: need a finite relativeTolerance >= 2^-51 and a finite positive"
                    + " absoluteTolerance, got " + relativeTolerance + " and " + absoluteTolerance);
        }
    }

    /** SciPy's defaults: ftol = 1e-4 relative, 1e-20 absolute. */
    public static Powell standard() {
        return new Powell(1e-4, 1e-20);
    }

    @Override
    public MinimizationResult minimize(Objective f, Tensor x0, Stopping stopping) {
        return CommonsMathRun.of(NAME, CommonsMathRun.NonFinite.WORST, f, x0, stopping).afterStart(run -> {
            PowellOptimizer optimizer = new PowellOptimizer(relativeTolerance, absoluteTolerance,
                    (iteration, previous, current) -> run.consecutiveBestPointsConverged(previous, current));
            return run.finish(() -> optimizer.optimize(run.maxEvaluations(), new ObjectiveFunction(run.function()),
                    GoalType.MINIMIZE, new InitialGuess(run.start0())), StopReason.FUNCTION_TOLERANCE,
                    "a cycle lowered f by less than " + relativeTolerance + "·|f| + " + absoluteTolerance);
        });
    }
}
