package org.adjoint.nn;

import java.util.Objects;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;

/**
 * What a forward pass needs besides parameters and input: the {@link Mode} and the model's buffers
 * (state that is not trained, such as batch normalization's running statistics), seen from one layer.
 * Immutable. A composite hands each child a {@link #child} context, whose buffers are scoped like its
 * parameters and whose seed is derived from the parent's and the child's position, so two dropout
 * layers in one model draw different masks from the one seed of the pass.
 */
public final class Context {

    private final Mode mode;
    private final NamedTensors buffers;
    private final String prefix;

    private Context(Mode mode, NamedTensors buffers, String prefix) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.buffers = Objects.requireNonNull(buffers, "buffers");
        this.prefix = prefix;
    }

    /** A training pass with masks from {@code seed} and the model's current {@code buffers}. */
    public static Context training(long seed, NamedTensors buffers) {
        return new Context(Mode.training(seed), buffers, "");
    }

    /** An evaluation pass with the model's {@code buffers}. */
    public static Context evaluation(NamedTensors buffers) {
        return new Context(Mode.evaluation(), buffers, "");
    }

    /** An evaluation pass of a model without buffers. */
    public static Context evaluation() {
        return evaluation(NamedTensors.of(java.util.Map.of()));
    }

    /** The mode of this pass. */
    public Mode mode() {
        return mode;
    }

    /** Whether this is a training pass. */
    public boolean training() {
        return mode instanceof Mode.Training;
    }

    /**
     * The seed of this layer's random masks.
     *
     * @throws IllegalStateException in evaluation, where nothing is random
     */
    public long seed() {
        if (mode instanceof Mode.Training t) {
            return t.seed();
        }
        throw new IllegalStateException("seed: an evaluation pass has no seed");
    }

    /**
     * The buffer named {@code name} within this scope.
     *
     * @throws IllegalArgumentException naming the full name, if the buffers hold none such
     */
    public Tensor buffer(String name) {
        Objects.requireNonNull(name, "name");
        if (!buffers.names().contains(prefix + name)) {
            throw new IllegalArgumentException("no buffer named " + prefix + name + "; the buffers are " + buffers.names()
                    + " (pass the model's buffers, layer.initializeBuffers() at first, to the Context)");
        }
        return buffers.get(prefix + name);
    }

    /**
     * The context of the child at {@code position} of a composite that has no scope of its own (it
     * reads this scope's buffers), with a seed mixed from this seed and the position.
     */
    public Context child(int position) {
        Mode childMode = mode instanceof Mode.Training t ? Mode.training(mix(t.seed(), position)) : mode;
        return new Context(childMode, buffers, prefix);
    }

    /** Like {@link #child(int)}, with the child's buffers scoped by {@code scope}: its {@code x} is {@code scope.x} here. */
    public Context child(int position, String scope) {
        NamedTensors.checkName(scope);
        return new Context(child(position).mode, buffers, prefix + scope + ".");
    }

    /** SplitMix64's finalizer of the seed and position: distinct, well spread seeds for neighbouring children. */
    static long mix(long seed, int position) {
        long z = seed + 0x9E3779B97F4A7C15L * (position + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "Context[" + mode + ", buffers " + buffers.names() + (prefix.isEmpty() ? "" : ", scope " + prefix) + "]";
    }
}
