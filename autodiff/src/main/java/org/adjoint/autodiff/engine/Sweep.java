package org.adjoint.autodiff.engine;

import org.adjoint.autodiff.Op;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;

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

    Sweep(Graph graph, boolean createGraph, boolean detectAnomalies, boolean maskZeroCotangents) {
        this.graph = graph;
        this.nodes = graph.nodes;
        this.inputStart = graph.inputStart;
        this.inputAt = graph.inputAt;
        this.createGraph = createGraph;
        this.detectAnomalies = detectAnomalies;
        this.maskZeroCotangents = maskZeroCotangents;
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
        for (int k = n - 1; k >= 0; k--) {
            Var nodeBar = bar[k];
            if (nodeBar == null || Nodes.op(nodes[k]) == null) {
                continue; // unreached, or a leaf: nothing to pull back through
            }
            if (!isTarget[k]) {
                bar[k] = null; // complete and used only here: let it be collected
            }
            pullBackThrough(k, nodeBar, needed);
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
            bar[j] = bar[j] == null ? contribution : bar[j].add(contribution);
        }
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
