package org.adjoint.optim.train;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@link Trainer}'s settings, validated once; each {@code with…} returns a copy with one setting changed.
 *
 * @param epochs          the total number of epochs, at least 1
 * @param batchSize       examples per batch, at least 1
 * @param seed            the shuffling seed
 * @param dropLast        whether each epoch's last partial batch is left out
 * @param evaluation      the evaluation after each epoch, or null for none
 * @param progress        where progress is reported
 * @param checkpoint      the checkpoint file, or null for none
 * @param checkpointEvery epochs between checkpoints, at least 1
 * @param parts           parts each batch is computed in, on as many threads, at least 1
 * @param allowUnused     whether a loss may leave parameters unused (they get zero gradients)
 * @param earlyStopping   when to stop before the last epoch, or null to run every epoch
 * @param keepBest        the metric whose best evaluation parameters the run keeps, or null to keep the last
 */
record Settings(int epochs, int batchSize, long seed, boolean dropLast, Trainer.Evaluation evaluation, Progress progress,
                Path checkpoint, int checkpointEvery, int parts, boolean allowUnused, EarlyStopping earlyStopping,
                Monitor keepBest) {

    /** Validates the counts. */
    Settings {
        Objects.requireNonNull(progress, "progress");
        if (parts < 1) {
            throw new IllegalArgumentException("Trainer.withDataParallelism: need at least 1 part per batch, got " + parts);
        }
        if (epochs < 1 || batchSize < 1 || checkpointEvery < 1) {
            throw new IllegalArgumentException("Trainer: epochs = " + epochs + ", batch size = " + batchSize
                    + " and checkpoint interval = " + checkpointEvery + " must all be at least 1");
        }
    }

    /** One epoch of batches of 32, seed 0, the last partial batch kept, no evaluation, progress on {@code System.out}. */
    static Settings defaults() {
        return new Settings(1, 32, 0, false, null, Progress.console(System.out), null, 1, 1, false, null, null);
    }

    Settings withEpochs(int n) {
        return new Settings(n, batchSize, seed, dropLast, evaluation, progress, checkpoint, checkpointEvery, parts,
                allowUnused, earlyStopping, keepBest);
    }

    Settings withBatching(int size, long newSeed, boolean drop) {
        return new Settings(epochs, size, newSeed, drop, evaluation, progress, checkpoint, checkpointEvery, parts,
                allowUnused, earlyStopping, keepBest);
    }

    Settings withReporting(Trainer.Evaluation newEvaluation, Progress newProgress) {
        return new Settings(epochs, batchSize, seed, dropLast, newEvaluation, newProgress, checkpoint, checkpointEvery, parts,
                allowUnused, earlyStopping, keepBest);
    }

    Settings withCheckpoints(Path file, int every) {
        return new Settings(epochs, batchSize, seed, dropLast, evaluation, progress, file, every, parts,
                allowUnused, earlyStopping, keepBest);
    }

    Settings withGradients(int k, boolean unused) {
        return new Settings(epochs, batchSize, seed, dropLast, evaluation, progress, checkpoint, checkpointEvery, k,
                unused, earlyStopping, keepBest);
    }

    Settings withMonitoring(EarlyStopping stopping, Monitor best) {
        return new Settings(epochs, batchSize, seed, dropLast, evaluation, progress, checkpoint, checkpointEvery, parts,
                allowUnused, stopping, best);
    }

    /** Whether a checkpoint is due after {@code epoch} (counted from 0): every few epochs, after the last, and at a stop. */
    boolean checkpointAfter(int epoch, boolean stopped) {
        return checkpoint != null && ((epoch + 1) % checkpointEvery == 0 || epoch + 1 == epochs || stopped);
    }
}
