package org.adjoint.optim.minimize.derivativefree;

import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.StopReason;
import org.adjoint.optim.minimize.Stopping;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * The Nelder–Mead simplex method (Nelder and Mead, Computer Journal 7, 1965), commons-math3's
 * {@code SimplexOptimizer} with a {@code NelderMeadSimplex} (reflection 1, expansion 2, contraction
 * ½, shrink ½), with SciPy's defaults ({@code scipy.optimize.minimize(method='Nelder-Mead')}):
 * <ul>
 *   <li>the initial simplex is x₀ and, for each coordinate k, x₀ with {@code x₀[k]} multiplied by
 *       {@code 1 + initialSimplexScale} (5%), or set to {@code zeroStep} (0.00025) where it is 0;
 *   <li>it stops when {@code max |f(vᵢ) − f(v₀)| ≤ fatol} and {@code max ‖vᵢ − v₀‖∞ ≤ xatol} over the
 *       vertices vᵢ and the best vertex v₀ (both 1e-4), with {@link StopReason#STEP_TOLERANCE}; or
 *       when the {@link Stopping}'s function tolerance (relative, when positive) bounds that spread of
 *       f ({@link StopReason#FUNCTION_TOLERANCE}), or its step tolerance that spread of x
 *       ({@link StopReason#STEP_TOLERANCE}).
 * </ul>
 * The Stopping's gradient tolerance is not used. Each evaluation is an iteration (see the package
 * documentation); the trace holds each point that lowered the best f.
 *
 * @param initialSimplexScale the relative perturbation of each coordinate in the initial simplex, positive
 * @param zeroStep            the perturbation of a coordinate that is 0 in x₀, positive
 * @param xatol               the absolute tolerance on the simplex's spread in x, at least 0
 * @param fatol               the absolute tolerance on the simplex's spread in f, at least 0
 */
public record NelderMead(double initialSimplexScale, double zeroStep, double xatol, double fatol) implements Minimizer {

    private static final String NAME = "NelderMead";

    /** Validates the settings. */
    public NelderMead {
        if (!(initialSimplexScale > 0) || !(zeroStep > 0) || !(xatol >= 0) || !(fatol >= 0)
                || Double.isInfinite(initialSimplexScale) || Double.isInfinite(zeroStep)) {
            throw new IllegalArgumentException("NelderMead: need a positive finite initialSimplexScale and zeroStep and"
                    + " tolerances at least 0, got initialSimplexScale = " + initialSimplexScale + ", zeroStep = " + zeroStep
                    + ", xatol = " + xatol + ", fatol = " + fatol);
        }
    }

    /** SciPy's defaults: a 5% initial simplex (0.00025 for zero coordinates), xatol = fatol = 1e-4. */
    public static NelderMead standard() {
        return new NelderMead(0.05, 0.00025, 1e-4, 1e-4);
    }

    /** The same method with other absolute tolerances on the simplex's spread in x and in f. */
    public NelderMead withTolerances(double xatol, double fatol) {
        return new NelderMead(initialSimplexScale, zeroStep, xatol, fatol);
    }

    @Override
    public MinimizationResult minimize(Objective f, Tensor x0, Stopping stopping) {
        return CommonsMathRun.of(NAME, CommonsMathRun.NonFinite.WORST, f, x0, stopping).afterStart(run -> {
            double[] start = run.start0();
            NelderMeadSimplex simplex = new NelderMeadSimplex(initialSimplex(start));
            SimplexOptimizer optimizer = new SimplexOptimizer((iteration, previous, current) -> converged(run, simplex));
            return run.finish(() -> optimizer.optimize(run.maxEvaluations(), new ObjectiveFunction(run.function()),
                    GoalType.MINIMIZE, new InitialGuess(start), simplex), StopReason.STEP_TOLERANCE, "the simplex converged");
        });
    }

    /** SciPy's initial simplex, relative to x₀: row 0 is x₀ itself, row k + 1 moves coordinate k. */
    private double[][] initialSimplex(double[] x0) {
        int n = x0.length;
        double[][] reference = new double[n + 1][n];
        for (int k = 0; k < n; k++) {
            reference[k + 1][k] = x0[k] != 0 ? initialSimplexScale * x0[k] : zeroStep;
        }
        return reference;
    }

    /** SciPy's test on the whole simplex, then the Stopping's relative tests on the same spreads. */
    private boolean converged(CommonsMathRun run, NelderMeadSimplex simplex) {
        PointValuePair[] vertices = simplex.getPoints();
        double[] best = vertices[0].getPoint();
        double fSpread = 0;
        double xSpread = 0;
        double xDistance = 0;
        for (PointValuePair v : vertices) {
            fSpread = Math.max(fSpread, Math.abs(v.getValue() - vertices[0].getValue()));
            double squared = 0;
            for (int k = 0; k < best.length; k++) {
                double dk = v.getPoint()[k] - best[k];
                xSpread = Math.max(xSpread, Math.abs(dk));
                squared += dk * dk;
            }
            xDistance = Math.max(xDistance, Math.sqrt(squared));
        }
        if (fSpread <= fatol && xSpread <= xatol) {
            return run.converged(StopReason.STEP_TOLERANCE, "the simplex spans " + xSpread + " ≤ xatol = " + xatol
                    + " in x and " + fSpread + " ≤ fatol = " + fatol + " in f");
        }
        double fBest = vertices[0].getValue();
        return run.smallChange(fBest, fBest + fSpread) || run.smallStep(xDistance, best);
    }
}
