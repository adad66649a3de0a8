package org.adjoint.autodiff;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.adjoint.core.Shape;

/**
 * The recorded nodes that one output depends on, in topological order (every node after its
 * inputs, the output last), and the reverse sweep that pulls a cotangent back through them.
 *
 * <p>The order is found by an iterative depth-first search with an explicit stack, so a graph of
 * millions of nodes cannot overflow the Java stack. Nodes are identified by reference, never by
 * value. A graph is read-only: it can be swept any number of times, with different seeds, from any
 * thread.
 */
final class Graph {

    private final Var[] nodes;
    private final Map<Var, Integer> index;

    private Graph(Var[] nodes, Map<Var, Integer> index) {
        this.nodes = nodes;
        this.index = index;
    }

    /** The graph of everything {@code output} was computed from that needs a gradient. */
    static Graph of(Var output) {
        Map<Var, Integer> index = new IdentityHashMap<>();
        if (!output.requiresGrad()) {
            return new Graph(new Var[0], index);
        }
        Var[] order = new Var[16];
        int count = 0;
        Var[] stack = new Var[16];
        int[] nextInput = new int[16];
        int top = 0;
        stack[0] = output;
        index.put(output, -1);
        while (top >= 0) {
            Var node = stack[top];
            Var[] inputs = node.inputs();
            if (nextInput[top] < inputs.length) {
                Var input = inputs[nextInput[top]++];
                if (input.requiresGrad() && index.putIfAbsent(input, -1) == null) {
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
                }
                index.put(node, count);
                order[count++] = node;
            }
        }
        return new Graph(Arrays.copyOf(order, count), index);
    }

    /** The position of {@code v} in the topological order, or −1 if the output does not depend on it. */
    int indexOf(Var v) {
        Integer i = index.get(v);
        return i == null ? -1 : i;
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
            Var[] seen = createGraph ? inputs : constantViews(inputs, views);
            Var out = createGraph ? node : view(node, k, views);
            for (int i = 0; i < inputs.length; i++) {
                if (!inputs[i].requiresGrad()) {
                    continue;
                }
                int j = index.get(inputs[i]);
                if (!needed[j]) {
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
            if (needed[k]) {
                continue;
            }
            for (Var input : nodes[k].inputs()) {
                if (input.requiresGrad() && needed[index.get(input)]) {
                    needed[k] = true;
                    break;
                }
            }
        }
        return needed;
    }

    private Var[] constantViews(Var[] inputs, Var[] views) {
        Var[] seen = new Var[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Var input = inputs[i];
            seen[i] = input.requiresGrad() ? view(input, index.get(input), views) : input;
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
