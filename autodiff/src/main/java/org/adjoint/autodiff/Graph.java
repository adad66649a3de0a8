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
    /** Input i of node k is at position {@code inputAt[inputStart[k] + i]}, or −1 if it needs no gradient. */
    private final int[] inputStart;
    private final int[] inputAt;
    private final int[] targets;

    private Graph(Var[] nodes, int[] inputStart, int[] inputAt, int[] targets) {
        this.nodes = nodes;
        this.inputStart = inputStart;
        this.inputAt = inputAt;
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
            return new Graph(new Var[0], new int[1], NONE, none);
        }
        try {
            return search(output, targets, positions);
        } finally {
            positions.release();
        }
    }

    private static Graph search(Var output, Var[] targets, Positions positions) {
        Var[] order = new Var[16];
        int[] inputStart = new int[17];
        int[] inputAt = new int[32];
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
                    inputStart = Arrays.copyOf(inputStart, 2 * count + 1);
                }
                int base = inputStart[count];
                if (base + inputs.length > inputAt.length) {
                    inputAt = Arrays.copyOf(inputAt, Math.max(2 * inputAt.length, base + inputs.length));
                }
                positions.finish(node, count);
                positions.locate(inputs, inputAt, base);
                order[count++] = node;
                inputStart[count] = base + inputs.length;
            }
        }
        return new Graph(Arrays.copyOf(order, count), Arrays.copyOf(inputStart, count + 1), inputAt,
                positions.of(targets));
    }

    /**
     * The traversal's bookkeeping: which nodes were visited and where each finished. A node keeps
     * this in its own scratch slot, claimed atomically by this traversal, so no hashing is needed (for
     * scalar ops hashing was most of the backward cost). When the search is over the traversal is
     * marked finished, which frees all its slots at once: the next traversal to meet such a node may
     * claim it. A node that another traversal holds at the moment (threads sweeping graphs that share
     * parameters) goes in a {@link NodeTable} instead.
     */
    private static final class Positions {
        /** The table's value for a node being visited, before it has a position. */
        private static final int VISITING = -2;
        /** Created only when a node is held by another traversal, which is rare. */
        private NodeTable table;
        private volatile boolean finished;

        /**
         * Marks {@code v} as visited; whether it was new. A claimed slot holds 1 while visiting and
         * position + 2 after. A node in the table (held by another traversal when first met) stays
         * there, even if its slot has been freed since.
         */
        boolean visit(Var v) {
            Object holder = v.claimant();
            if (holder == this || table != null && table.get(v) != NodeTable.ABSENT) {
                return false;
            }
            boolean free = holder == null || holder instanceof Positions other && other.finished;
            if (free && v.claim(holder, this)) {
                v.slot(1);
                return true;
            }
            table().add(v, VISITING);
            return true;
        }

        void finish(Var v, int position) {
            if (v.claimedBy(this)) {
                v.slot(position + 2);
            } else {
                table().set(v, position);
            }
        }

        int[] of(Var[] vars) {
            int[] at = new int[vars.length];
            locate(vars, at, 0);
            return at;
        }

        /** Writes the positions of {@code vars} (−1 for constants) to {@code at} from {@code offset}. */
        void locate(Var[] vars, int[] at, int offset) {
            for (int i = 0; i < vars.length; i++) {
                Var v = vars[i];
                at[offset + i] = !v.requiresGrad() ? -1 : v.claimedBy(this) ? v.slot() - 2 : table().get(v);
            }
        }

        private NodeTable table() {
            if (table == null) {
                table = new NodeTable();
            }
            return table;
        }

        /**
         * Frees every slot this traversal claimed, by marking it finished, and drops the table, so
         * that a node that still refers to this traversal keeps nothing else alive.
         */
        void release() {
            table = null;
            finished = true;
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
            int base = inputStart[k];
            Var[] seen = createGraph ? inputs : constantViews(inputs, base, views);
            Var out = createGraph ? node : view(node, k, views);
            for (int i = 0; i < inputs.length; i++) {
                int j = inputAt[base + i];
                if (j < 0 || !needed[j]) {
                    continue;
                }
                Var contribution = fit(Pointwise.zeroWhereCotangentIsZero(node, nodeBar,
                        node.op().vjp(i, seen, out, nodeBar)), node, i);
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
            for (int p = inputStart[k]; p < inputStart[k + 1] && !needed[k]; p++) {
                int j = inputAt[p];
                needed[k] = j >= 0 && needed[j];
            }
        }
        return needed;
    }

    private Var[] constantViews(Var[] inputs, int base, Var[] views) {
        Var[] seen = new Var[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            int j = inputAt[base + i];
            seen[i] = j >= 0 ? view(inputs[i], j, views) : inputs[i];
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
