package org.adjoint.nn;

/**
 * Whether a forward pass trains or evaluates, stated explicitly in each call's {@link Context} (there
 * is no global mode): {@link #training(long)} draws dropout masks from a seed and updates running
 * statistics; {@link #evaluation()} turns dropout off and uses the running statistics.
 */
public sealed interface Mode {

    /**
     * Training, with the seed this pass's random masks come from: the same seed gives the same masks, so
     * a training step is reproducible bit for bit; a trainer gives each step its own seed.
     *
     * @param seed the pass's seed
     */
    record Training(long seed) implements Mode {
    }

    /** Evaluation: deterministic, no buffer changes. */
    record Evaluation() implements Mode {
    }

    /** Training with masks drawn from {@code seed}. */
    static Mode training(long seed) {
        return new Training(seed);
    }

    /** Evaluation. */
    static Mode evaluation() {
        return new Evaluation();
    }
}
