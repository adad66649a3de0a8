package org.adjoint.autodiff;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.adjoint.autodiff.engine.Graph;
import org.adjoint.core.Tensor;

/**
 * A reverse-mode sweep from one output: {@code Backward.of(loss).gradients(w, b)}.
 *
 * <p>Gradients are <em>returned</em>, never accumulated into the variables, so a sweep can be run
 * again (it gives the same answer), and threads can differentiate their own minibatches at once and
 * add the results. Options are set with the {@code with…}/{@code …ing} methods, each of which returns
 * a new immutable {@code Backward}.
 *
 * <ul>
 *   <li>{@link #gradients} returns plain tensors and records nothing.
 *   <li>{@link #differentiableGradients} records the sweep itself, so the gradient is a {@link Var}
 *       that can be differentiated again (Hessians, Hessian-vector products, gradient penalties).
 * </ul>
 *
 * <p>Errors: an output with more than one element needs a seed ({@link #withSeed}); asking for the
 * gradient of a constant is an {@link IllegalArgumentException}; asking for the gradient of variables
 * the output was not computed from is an {@link UnusedVariableException} naming all of them, unless
 * {@link #allowingUnused()} asks for zeros instead (PyTorch's {@code allow_unused}). A {@code Var}
 * made by another {@link Var#param} of the same value is a different variable, not on the graph.
 */
public final class Backward {

    private final Var output;
    private final Tensor seed;
    private final boolean allowUnused;
    private final boolean detectAnomalies;

    private Backward(Var output, Tensor seed, boolean allowUnused, boolean detectAnomalies) {
        this.output = output;
        this.seed = seed;
        this.allowUnused = allowUnused;
        this.detectAnomalies = detectAnomalies;
    }

    /** A sweep from {@code output}, which must have one element unless a seed is given. */
    public static Backward of(Var output) {
        Objects.requireNonNull(output, "output");
        return new Backward(output, null, false, false);
    }

    /**
     * The cotangent of the output to pull back (the vector in the vector-Jacobian product); it must
     * have the output's shape.
     */
    public Backward withSeed(Tensor seed) {
        if (!seed.shape().equals(output.shape())) {
            throw new IllegalArgumentException("backward: the seed's shape " + seed.shape()
                    + " differs from the output's shape " + output.shape());
        }
        return new Backward(output, seed, allowUnused, detectAnomalies);
    }

    /**
     * Return zeros for variables the output was not computed from, instead of failing with an
     * {@link UnusedVariableException}. Opt in only where zeros are meant (a parameter deliberately
     * left out of this loss); by default a training loop that silently trains nothing is an error.
     */
    public Backward allowingUnused() {
        return new Backward(output, seed, true, detectAnomalies);
    }

    /**
     * Check the forward values and every cotangent for NaN and infinity, and fail with an
     * {@link AnomalyException} naming the first op that produced one from finite inputs, with their
     * shapes. Forward values are checked when the output is not finite (an infinity turned into a
     * finite limit later, or a NaN in the branch a {@code where} did not choose, is no anomaly);
     * every cotangent a derivative rule returns is checked. A NaN or infinity fed in (in a constant
     * such as the training data, or in a parameter) is named as that input, with its shape and the
     * index of its first bad element, before any op or rule is blamed for carrying it. Costs a scan of
     * every value.
     */
    public Backward detectingAnomalies() {
        return new Backward(output, seed, allowUnused, true);
    }

    /** The gradient of the output with respect to {@code wrt}, of {@code wrt}'s shape. */
    public Tensor gradient(Var wrt) {
        return gradients(wrt)[0];
    }

    /** The gradients with respect to each variable, in order, each of its variable's shape. */
    public Tensor[] gradients(Var... wrt) {
        Var[] vars = sweep(wrt, false);
        Tensor[] grads = new Tensor[vars.length];
        for (int i = 0; i < vars.length; i++) {
            grads[i] = vars[i].value();
        }
        return grads;
    }

    /** The gradient as a recorded value that can itself be differentiated. */
    public Var differentiableGradient(Var wrt) {
        return differentiableGradients(wrt)[0];
    }

    /** The gradients as recorded values that can themselves be differentiated. */
    public Var[] differentiableGradients(Var... wrt) {
        return sweep(wrt, true);
    }

    private Var[] sweep(Var[] wrt, boolean createGraph) {
        for (int i = 0; i < wrt.length; i++) {
            requireParameter(wrt[i], i);
        }
        Graph graph = Graph.of(output, wrt);
        int[] targets = graph.targets();
        if (!allowUnused) {
            requireReached(targets, wrt);
        }
        Var[] bars = new Var[wrt.length];
        int[] reached = reachedPositions(targets);
        Var[] pulled = reached.length == 0 ? new Var[0]
                : graph.pullBack(Var.constant(seedTensor()), reached, createGraph, detectAnomalies);
        for (int i = 0, r = 0; i < wrt.length; i++) {
            Var bar = targets[i] >= 0 ? pulled[r++] : null;
            bars[i] = bar != null ? bar : Var.constant(Tensor.zeros(wrt[i].shape()));
        }
        return bars;
    }

    /** The non-negative positions, in order. */
    private static int[] reachedPositions(int[] targets) {
        int count = 0;
        for (int t : targets) {
            if (t >= 0) {
                count++;
            }
        }
        int[] reached = new int[count];
        for (int i = 0, r = 0; i < targets.length; i++) {
            if (targets[i] >= 0) {
                reached[r++] = targets[i];
            }
        }
        return reached;
    }

    private static void requireParameter(Var v, int position) {
        if (!v.requiresGrad()) {
            throw new IllegalArgumentException("backward: variable " + position + " (shape " + v.shape()
                    + ") is a constant; create it with Var.param to differentiate with respect to it");
        }
    }

    /** Fails naming every variable the output was not computed from (target position −1). */
    private static void requireReached(int[] targets, Var[] wrt) {
        int[] unused = IntStream.range(0, wrt.length).filter(i -> targets[i] < 0).toArray();
        if (unused.length == 0) {
            return;
        }
        String positions = IntStream.of(unused).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String shapes = IntStream.of(unused).mapToObj(i -> wrt[i].shape().toString()).collect(Collectors.joining(", "));
        boolean one = unused.length == 1;
        throw new UnusedVariableException("backward: " + (one ? "variable " : "variables ") + positions
                + (one ? " (shape " : " (shapes ") + shapes + (one ? ") is" : ") are")
                + " not on the graph of the output: the output was not computed from " + (one ? "it" : "them")
                + "; a Var made by another Var.param of the same value is a different variable"
                + " (use allowingUnused() to get zeros instead)", unused);
    }

    private Tensor seedTensor() {
        if (seed != null) {
            return seed;
        }
        if (output.value().size() != 1) {
            throw new IllegalArgumentException("backward: the output has shape " + output.shape()
                    + "; reduce it to one element (e.g. sum()) or give a seed of that shape with withSeed");
        }
        return Tensor.ones(output.shape());
    }
}
