package org.adjoint.optim.minimize.baseline;

import java.util.SplittableRandom;
import org.adjoint.core.Tensor;

/** Standard normal vectors from a splittable generator, for the random baselines. */
final class RandomDirections {

    private RandomDirections() {
    }

    static Tensor gaussian(SplittableRandom random, int n) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian();
        }
        return Tensor.vector(z);
    }
}
