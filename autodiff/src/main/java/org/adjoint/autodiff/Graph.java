package org.adjoint.autodiff;

import java.util.Arrays;
import org.adjoint.core.Shape;

/**
 * The recorded nodes that one output depends on, in topological order (every node after its
 * inputs, the output last), and the reverse sweep that pulls a cotangent back through them.
 *
 * <p>The order is found by an iterative depth-first search with an explicit stack, so a graph of
 * millions of nodes cannot overflow the Java stack. Nodes are identified by reference, never by
 * value; each node's inputs are located once, when the order is built, and the sweep then works on
 * positions. Once built, a graph is read-only: it can be swept any number of times, with different
 * seeds, from any thread.
 */
final class Graph {

    private static final int[] NONE = new int[0];

    private final Var[] nodes;
    private final int[][] inputPositions;
    private final int[] targets;

    private Graph(Var[] nodes, int[][] inputPositions, int[] targets) {
        this.nodes = nodes;
        this.inputPositions = inputPositions;
        this.targets = targets;
    }

    /**
     * The graph of everything {@code output} was computed from that needs a gradient, with the
     * positions of {@code targets} in it (−1 for a target the output does not depend on).
     */
    static Graph of(Var output, Var... targets) {
        Positions positions = new Positions();
        if (!output.requiresGrad()) {
            int[] none = new int[targets.length];
            Arrays.fill(none, -1);
            return new Graph(new Var[0], new int[0][], none);
        }
        try {
            return search(output, targets, positions);
        } finally {
            positions.release();
        }
    }

    private static Graph search(Var output, Var[] targets, Positions positions) {
        Var[] order = new Var[16];
        int[][] inputPositions = new int[16][];
        int count = 0;
        Var[] stack = new Var[16];
        int[] nextInput = new int[16];
        int top = 0;
        stack[0] = output;
        positions.visit(output);
        while (top >= 0) {
            Var node = stack[top];
            Var[] inputs = node.inputs();
            if (nextInput[top] < inputs.length) {
                Var input = inputs[nextInput[top]++];
                if (input.requiresGrad() && positions.visit(input)) {
                    if (++top == stack.length) {
                        stack = Arrays.copyOf(stack, 2 * top);
                        nextInput = Arrays.copyOf(nextInput, 2 * top);
                    }
                    stack[top] = input;
                    nextInput[top] = 0;
                }
            } else {
                top--;
                if (count == order.length) {
                    order = Arrays.copyOf(order, 2 * count);
                    inputPositions = Arrays.copyOf(inputPositions, 2 * count);
                }
                positions.finish(node, count);
                inputPositions[count] = positions.of(inputs);
                order[count++] = node;
            }
        }
        return new Graph(Arrays.copyOf(order, count), Arrays.copyOf(inputPositions, count), positions.of(targets));
    }

    /**
     * The traversal's bookkeeping: which nodes were visited and where each finished. A node keeps
     * this in its own scratch slot, claimed atomically by this traversal and released before the graph
     * is returned, so no hashing is needed (for scalar ops hashing was most of the backward cost). A
     * node that another traversal holds at the moment (threads sweeping graphs that share parameters)
     * goes in a {@link NodeTable} instead.
     */
    private static final class Positions {
        private final NodeTable table = new NodeTable();
        private Var[] claimed = new Var[16];
        private int claimedCount;

        /** Marks {@code v} as visited; whether it was new. A claimed slot holds 1 while visiting and position + 2 after. */
        boolean visit(Var v) {
            if (v.claimedBy(this)) {
                return false;
            }
            if (!v.claim(this)) {
                return table.add(v, -1);
            }
            v.slot(1);
            if (claimedCount == claimed.length) {
                claimed = Arrays.copyOf(claimed, 2 * claimedCount);
            }
            claimed[claimedCount++] = v;
            return true;
        }

        void finish(Var v, int position) {
            if (v.claimedBy(this)) {
                v.slot(position + 2);
            } else {
                table.set(v, position);
            }
        }

        int[] of(Var[] inputs) {
            if (inputs.length == 0) {
                return NONE;
            }
            int[] at = new int[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                Var input = inputs[i];
                at[i] = !input.requiresGrad() ? -1 : input.claimedBy(this) ? input.slot() - 2 : table.get(input);
            }
            return at;
        }

        /** Gives every claimed slot back, so that the next traversal, on any thread, starts clean. */
        void release() {
            for (int i = 0; i < claimedCount; i++) {
                claimed[i].release();
            }
        }
    }

    /** The positions of the targets given to {@link #of}, −1 where the output does not depend on one. */
    int[] targets() {
        return targets.clone();
    }

    /** The output node. */
    Var output() {
        return nodes[nodes.length - 1];
    }

    /**
     * Sweeps the graph backwards from the output's cotangent {@code seed} and returns the cotangents of
     * the nodes at {@code targets} (null where no gradient reached one). With {@code createGraph} the
     * derivative rules see the recorded values, so the sweep is itself recorded and its results can
     * be differentiated again; without it they see constants and record nothing.
     */
    Var[] pullBack(Var seed, int[] targets, boolean createGraph, boolean detectAnomalies) {
        int n = nodes.length;
        boolean[] isTarget = new boolean[n];
        for (int t : targets) {
            isTarget[t] = true;
        }
        boolean[] needed = needed(isTarget);
        if (detectAnomalies) {
            Anomalies.checkForward(nodes);
        }
        Var[] bar = new Var[n];
        Var[] views = createGraph ? null : new Var[n];
        bar[n - 1] = seed;
        for (int k = n - 1; k >= 0; k--) {
            Var node = nodes[k];
            Var nodeBar = bar[k];
            if (nodeBar == null || node.op() == null) {
                continue;
            }
            if (!isTarget[k]) {
                bar[k] = null;
            }
            Var[] inputs = node.inputs();
            int[] at = inputPositions[k];
            Var[] seen = createGraph ? inputs : constantViews(inputs, at, views);
            Var out = createGraph ? node : view(node, k, views);
            for (int i = 0; i < inputs.length; i++) {
                int j = at[i];
                if (j < 0 || !needed[j]) {
                    continue;
                }
                Var contribution = fit(node.op().vjp(i, seen, out, nodeBar), node, i);
                if (detectAnomalies) {
                    Anomalies.checkBackward(node, i, nodeBar, contribution);
                }
                bar[j] = bar[j] == null ? contribution : bar[j].add(contribution);
            }
        }
        Var[] result = new Var[targets.length];
        for (int t = 0; t < targets.length; t++) {
            result[t] = bar[targets[t]];
        }
        return result;
    }

    /** Which nodes lie on a path to a target; the sweep skips the rest. */
    private boolean[] needed(boolean[] isTarget) {
        boolean[] needed = isTarget.clone();
        for (int k = 0; k < nodes.length; k++) {
            for (int j : inputPositions[k]) {
                if (needed[k]) {
                    break;
                }
                needed[k] = j >= 0 && needed[j];
            }
        }
        return needed;
    }

    private static Var[] constantViews(Var[] inputs, int[] at, Var[] views) {
        Var[] seen = new Var[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            seen[i] = at[i] >= 0 ? view(inputs[i], at[i], views) : inputs[i];
        }
        return seen;
    }

    private static Var view(Var node, int k, Var[] views) {
        Var v = views[k];
        if (v == null) {
            v = Var.constant(node.value());
            views[k] = v;
        }
        return v;
    }

    /** Sums a broadcast cotangent back to its input's shape: the one place broadcasting is undone. */
    private static Var fit(Var contribution, Var node, int input) {
        Shape target = node.inputs()[input].shape();
        Shape actual = contribution.shape();
        if (actual.equals(target)) {
            return contribution;
        }
        if (!target.broadcastsTo(actual)) {
            throw new IllegalStateException("backward: the derivative rule of " + node.op() + " returned a cotangent of shape "
                    + actual + " for input " + input + " of shape " + target);
        }
        return contribution.sumTo(target);
    }
}
