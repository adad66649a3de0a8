package org.adjoint.autodiff.engine;

import org.adjoint.autodiff.Op;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.core.internal.Buffers;

/**
 * The accumulation half of the backward pass: one reverse sweep over a {@link Graph}, pulling the
 * output's cotangent back through every node's rule and adding up what reaches each node.
 *
 * <p>{@code bar[k]} is the cotangent of node k, null until a contribution arrives. Walking the order
 * backwards, each node's cotangent is complete when it is reached (every node that reads it comes
 * later), so it is pulled back through the node's {@link Op#vjp}, fitted to each input's shape, and
 * added to that input's entry. Three rules of the engine apply to every contribution, here and
 * nowhere else: the zero-cotangent rule ({@link Pointwise}; a first-order sweep may leave it out, see
 * {@link Graph#pullBack}), broadcasting undone ({@link #fit}), and, on request, anomaly checks
 * ({@link Anomalies}).
 *
 * <p>For a first-order sweep the rules see constant views of the recorded values, so they record
 * nothing; with {@code createGraph} they see the recorded nodes themselves and record the
 * second-order graph. A sweep is used once.
 */
final class Sweep {

    private final Var[] nodes;
    private final int[] inputStart;
    private final int[] inputAt;
    private final Graph graph;
    private final boolean createGraph;
    private final boolean detectAnomalies;
    /** Whether the zero-cotangent rule applies (see {@link Graph#pullBack} for when it can be left out). */
    private final boolean maskZeroCotangents;
    /** The cotangent of each node, null until one reaches it. */
    private final Var[] bar;
    /** For a first-order sweep, the constant view of each node's value, made when first needed. */
    private final Var[] views;
    /**
     * For a first-order sweep without anomaly checks, the scope that recycles the arrays of cotangents
     * once they are dead (see {@link #recycle}); null otherwise, and outside {@link #pullBack}.
     */
    private Buffers.Scope pool;
    private final boolean recycle;

    Sweep(Graph graph, boolean createGraph, boolean detectAnomalies, boolean maskZeroCotangents) {
        this(graph, createGraph, detectAnomalies, maskZeroCotangents, !createGraph && !detectAnomalies);
    }

    /** With {@code recycle}, which only a first-order sweep without anomaly checks may have (tests compare). */
    Sweep(Graph graph, boolean createGraph, boolean detectAnomalies, boolean maskZeroCotangents, boolean recycle) {
        this.graph = graph;
        this.nodes = graph.nodes;
        this.inputStart = graph.inputStart;
        this.inputAt = graph.inputAt;
        this.createGraph = createGraph;
        this.detectAnomalies = detectAnomalies;
        this.maskZeroCotangents = maskZeroCotangents;
        if (recycle && (createGraph || detectAnomalies)) {
            throw new IllegalArgumentException("Sweep: only a first-order sweep without anomaly checks recycles arrays");
        }
        this.recycle = recycle;
        this.bar = new Var[nodes.length];
        this.views = createGraph ? null : new Var[nodes.length];
    }

    /** The cotangents of the nodes at {@code targets} when the output's is {@code seed} (null where none arrives). */
    Var[] pullBack(Var seed, int[] targets) {
        int n = nodes.length;
        boolean[] isTarget = new boolean[n];
        for (int t : targets) {
            isTarget[t] = true;
        }
        boolean[] needed = Schedule.needed(graph, isTarget);
        if (detectAnomalies) {
            Anomalies.checkForward(nodes);
        }
        bar[n - 1] = seed;
        try (Buffers.Scope scope = recycle ? Buffers.open() : null) {
            pool = scope;
            for (int k = n - 1; k >= 0; k--) {
                Var nodeBar = bar[k];
                if (nodeBar == null || Nodes.op(nodes[k]) == null) {
                    continue; // unreached, or a leaf: nothing to pull back through
                }
                if (!isTarget[k]) {
                    bar[k] = null; // complete and used only here: let it be collected
                }
                pullBackThrough(k, nodeBar, needed);
                if (pool != null && !isTarget[k] && recyclable(nodeBar)) {
                    pool.release(nodeBar.value());
                }
            }
        } finally {
            pool = null;
        }
        Var[] result = new Var[targets.length];
        for (int t = 0; t < targets.length; t++) {
            result[t] = bar[targets[t]];
        }
        return result;
    }

    /** Adds node k's contribution, given its cotangent, to the cotangent of each input that is needed. */
    private void pullBackThrough(int k, Var nodeBar, boolean[] needed) {
        Var node = nodes[k];
        Op op = Nodes.op(node);
        Var[] inputs = Nodes.inputs(node);
        int base = inputStart[k];
        // a copy either way: a rule that writes into the array it is handed cannot corrupt the recorded graph
        Var[] seen = createGraph ? inputs.clone() : constantViews(inputs, base);
        Var out = createGraph ? node : view(node, k);
        if (pool != null && recyclable(nodeBar) && !isLibraryOp(op)) {
            pool.pin(nodeBar.value()); // a rule of the user's may keep its cotangent
        }
        for (int i = 0; i < inputs.length; i++) {
            int j = inputAt[base + i];
            if (j < 0 || !needed[j]) {
                continue;
            }
            Var local = op.vjp(i, seen, out, nodeBar);
            Var contribution = fit(maskZeroCotangents ? Pointwise.zeroWhereCotangentIsZero(node, nodeBar, local) : local,
                    node, i);
            if (detectAnomalies) {
                Anomalies.checkBackward(node, i, nodeBar, contribution);
            }
            if (pool == null || !recyclable(contribution)) { // bar[j], if any, has the contribution's shape
                bar[j] = bar[j] == null ? contribution : bar[j].add(contribution);
            } else {
                accumulate(j, contribution, isLibraryOp(op) && !contribution.requiresGrad());
            }
        }
    }

    /**
     * {@code bar[j] += contribution} while recycling, reporting to {@link #pool} where cotangents are
     * stored and dropped. The library's rules return fresh tensors, or tensors that share an array
     * with the cotangent or values they were handed, and keep none of them; that, and the reports here,
     * are what make the counts exact. A contribution from a user's rule ({@code recyclable} false) is
     * pinned, since the rule may have kept it.
     */
    private void accumulate(int j, Var contribution, boolean recyclable) {
        Tensor c = contribution.value();
        if (!recyclable) {
            pool.pin(c);
        }
        if (bar[j] == null) {
            bar[j] = contribution;
            pool.retain(c);
        } else {
            Var previous = bar[j];
            bar[j] = previous.add(contribution);
            pool.retain(bar[j].value());
            pool.release(previous.value());
            pool.discard(c);
        }
    }

    /** Whether {@code v}'s array is long enough for {@link #pool} to count (shorter ones it ignores). */
    private static boolean recyclable(Var v) {
        return v.value().size() >= Buffers.MIN_LENGTH;
    }

    /** The package of every op the library defines. */
    private static final String LIBRARY_OPS = "org.adjoint.autodiff.ops";

    /** Whether {@code op} is one of the library's, whose rules keep nothing they are handed or return. */
    private static boolean isLibraryOp(Op op) {
        return op.getClass().getPackageName().equals(LIBRARY_OPS);
    }

    private Var[] constantViews(Var[] inputs, int base) {
        Var[] seen = new Var[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            int j = inputAt[base + i];
            seen[i] = j >= 0 ? view(inputs[i], j) : inputs[i];
        }
        return seen;
    }

    /** A constant with the value of {@code node}, at position k; one per node and sweep. */
    private Var view(Var node, int k) {
        Var v = views[k];
        if (v == null) {
            v = Var.constant(node.value());
            views[k] = v;
        }
        return v;
    }

    /** Sums a broadcast cotangent back to its input's shape: the one place broadcasting is undone. */
    private static Var fit(Var contribution, Var node, int input) {
        Shape target = Nodes.inputs(node)[input].shape();
        Shape actual = contribution.shape();
        if (actual.equals(target)) {
            return contribution;
        }
        if (!target.broadcastsTo(actual)) {
            throw new IllegalStateException("backward: the derivative rule of " + Nodes.op(node)
                    + " returned a cotangent of shape " + actual + " for input " + input + " of shape " + target);
        }
        return contribution.sumTo(target);
    }
}
