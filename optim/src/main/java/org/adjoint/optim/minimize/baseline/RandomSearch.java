package org.adjoint.optim.minimize.baseline;

import java.util.SplittableRandom;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.internal.Run;

/**
 * The lessons' first baseline: try random points and keep the best, one value evaluation per
 * iteration. Each point is {@code x₀ + scale·z} with z standard normal, drawn from the seed, so a
 * run is reproducible. It ignores gradients entirely, which is the point of comparing it with
 * methods that follow them.
 *
 * @param scale the standard deviation of the random points around x₀
 * @param seed  the random seed
 */
public record RandomSearch(double scale, long seed) implements Minimizer {

    /** Validates the scale. */
    public RandomSearch {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("RandomSearch: scale = " + scale + " must be positive and finite");
        }
    }

    @Override
    public MinimizationResult minimize(Objective f, Tensor x0, Stopping stopping) {
        Run run = new Run("RandomSearch", f, x0, stopping);
        SplittableRandom random = new SplittableRandom(seed);
        run.record(x0, run.objective().value(x0), null);
        while (run.budgetExhausted() == null) {
            Tensor candidate = x0.add(RandomDirections.gaussian(random, x0.size()).mul(scale));
            run.record(candidate, run.objective().value(candidate), null);
            run.iterationDone();
        }
        return run.budgetExhausted();
    }
}
