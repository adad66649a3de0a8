package org.adjoint.optim.minimize.derivativefree;

import java.util.Arrays;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.StopReason;
import org.adjoint.optim.minimize.Stopping;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * CMA-ES, the covariance matrix adaptation evolution strategy (Hansen, "The CMA evolution strategy: a
 * tutorial", 2016), commons-math3's {@code CMAESOptimizer} (active CMA, full covariance): each
 * generation samples λ points from N(m, σ²C), and moves m, σ and C towards the better ones. Runs are
 * reproducible: the samples come from a {@code java.util.Random} (commons-math's
 * {@code JDKRandomGenerator}) seeded with {@code seed}. It stops on commons-math's own tests (the
 * spread of recent values below 1e-12 or 1e-13 over the history, σ·C below 1e-11·σ₀, …;
 * reported as {@link StopReason#FUNCTION_TOLERANCE}), or when the best points of consecutive
 * generations meet the {@link Stopping}'s function or step tolerance (when positive). The Stopping's
 * gradient tolerance is not used; each evaluation is an iteration (see the package documentation).
 *
 * @param sigma          the initial step size σ₀ (the same for every coordinate), positive; about a
 *                       third of the distance to the minimum is a good choice (pycma's advice)
 * @param populationSize λ, at least 2; 0 for Hansen's default {@code 4 + ⌊3·ln n⌋}
 * @param seed           the seed of the random generator
 */
public record CmaEs(double sigma, int populationSize, long seed) implements Minimizer {

    private static final String NAME = "CMA-ES";

    /** Validates the settings. */
    public CmaEs {
        if (!(sigma > 0) || Double.isInfinite(sigma) || populationSize < 0 || populationSize == 1) {
            throw new IllegalArgumentException("CMA-ES: need a positive finite sigma and a population size of 0 (the"
                    + " default) or at least 2, got sigma = " + sigma + ", populationSize = " + populationSize);
        }
    }

    /** σ₀ = 0.5, Hansen's default population, and the given seed. */
    public static CmaEs seeded(long seed) {
        return new CmaEs(0.5, 0, seed);
    }

    @Override
    public MinimizationResult minimize(Objective f, Tensor x0, Stopping stopping) {
        return CommonsMathRun.of(NAME, CommonsMathRun.NonFinite.WORST, f, x0, stopping).afterStart(run -> {
            double[] start = run.start0();
            int n = start.length;
            int lambda = populationSize > 0 ? populationSize : 4 + (int) Math.floor(3 * Math.log(n));
            JDKRandomGenerator random = new JDKRandomGenerator();
            random.setSeed(seed);
            CMAESOptimizer optimizer = new CMAESOptimizer(Integer.MAX_VALUE, Double.NEGATIVE_INFINITY, true, 0, 0, random, false,
                    (iteration, previous, current) -> run.consecutiveBestPointsConverged(previous, current));
            double[] sigmas = new double[n];
            Arrays.fill(sigmas, sigma);
            return run.finish(() -> optimizer.optimize(run.maxEvaluations(), new ObjectiveFunction(run.function()),
                    GoalType.MINIMIZE, new InitialGuess(start), SimpleBounds.unbounded(n), new CMAESOptimizer.Sigma(sigmas),
                    new CMAESOptimizer.PopulationSize(lambda)), StopReason.FUNCTION_TOLERANCE, "CMA-ES's own stopping tests"
                    + " (commons-math: the spread of recent values or the step size fell below its tolerances)");
        });
    }
}
