package org.adjoint.optim.train;

import java.io.IOException;
import org.adjoint.core.NamedTensors;
import org.adjoint.optim.OptimizerState;

/** Instances of train's classes whose constructors are package-private, for the null-argument test. */
public final class TrainSamples {

    private TrainSamples() {
    }

    /** An empty history. */
    public static History history() {
        return new History(0);
    }

    /** A divergence at the given parameters. */
    public static TrainingDivergedException diverged(NamedTensors params) {
        return new TrainingDivergedException("diverged", params, history());
    }

    /** Non-finite data at the given parameters. */
    public static NonFiniteDataException nonFiniteData(NamedTensors params) {
        return new NonFiniteDataException("NaN in the data", params, history());
    }

    /** A failed checkpoint after epoch 1. */
    public static CheckpointFailedException checkpointFailed(NamedTensors params, OptimizerState state) {
        return new CheckpointFailedException("disk full", new IOException("disk full"), params, state, history(), 1);
    }

    /** A three-point learning-rate curve. */
    public static LearningRateCurve curve() {
        return new LearningRateCurve(new double[] {1e-3, 1e-2, 1e-1}, new double[] {2, 1, 3}, new double[] {2, 1.5, 2}, true);
    }
}
