package org.adjoint.optim.minimize.baseline;

import java.util.SplittableRandom;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.internal.Run;

/**
 * The lessons' second baseline: from the current point, try a random step {@code step·z} (z standard
 * normal, from the seed) and move there only if f decreases; one value evaluation per iteration.
 *
 * @param step the standard deviation of the random steps
 * @param seed the random seed
 */
public record RandomLocalSearch(double step, long seed) implements Minimizer {

    /** Validates the step. */
    public RandomLocalSearch {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("RandomLocalSearch: step = " + step + " must be positive and finite");
        }
    }

    @Override
    public MinimizationResult minimize(Objective f, Tensor x0, Stopping stopping) {
        Run run = new Run("RandomLocalSearch", f, x0, stopping);
        SplittableRandom random = new SplittableRandom(seed);
        Tensor x = x0;
        double value = run.objective().value(x0);
        run.record(x0, value, null);
        while (run.budgetExhausted() == null) {
            Tensor candidate = x.add(RandomDirections.gaussian(random, x.size()).mul(step));
            double candidateValue = run.objective().value(candidate);
            run.iterationDone();
            if (candidateValue < value) {
                x = candidate;
                value = candidateValue;
                run.record(x, value, null);
            }
        }
        return run.budgetExhausted();
    }
}
