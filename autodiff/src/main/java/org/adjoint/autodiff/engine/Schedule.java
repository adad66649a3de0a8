package org.adjoint.autodiff.engine;

import java.util.Arrays;
import org.adjoint.autodiff.Var;

/**
 * The scheduling half of the backward pass: the topological order of a graph, and which of its
 * nodes a sweep must visit.
 *
 * <p>The order is found by an iterative depth-first search with an explicit stack, so a graph of
 * millions of nodes cannot overflow the Java stack. A node is appended when its last input is done,
 * so every node comes after its inputs; the search's bookkeeping (visited, position) follows the
 * slot-claim protocol of {@link Traversal}.
 */
final class Schedule {

    private final Traversal traversal = new Traversal();
    private Var[] order = new Var[16];
    /** Input i of node k is at position {@code inputAt[inputStart[k] + i]}, as in {@link Graph}. */
    private int[] inputStart = new int[17];
    private int[] inputAt = new int[32];
    private int count;

    private Schedule() {
    }

    /** The graph of {@code output}, which requires a gradient, with the positions of {@code targets}. */
    static Graph order(Var output, Var[] targets) {
        Schedule schedule = new Schedule();
        try {
            schedule.search(output);
            return new Graph(Arrays.copyOf(schedule.order, schedule.count),
                    Arrays.copyOf(schedule.inputStart, schedule.count + 1), schedule.inputAt,
                    schedule.traversal.positions(targets));
        } finally {
            schedule.traversal.release();
        }
    }

    /** Depth-first from {@code output}: a node is appended once all its inputs that need a gradient are. */
    private void search(Var output) {
        Var[] stack = new Var[16];
        int[] nextInput = new int[16];
        int top = 0;
        stack[0] = output;
        traversal.visit(output);
        while (top >= 0) {
            Var node = stack[top];
            Var[] inputs = Nodes.inputs(node);
            if (nextInput[top] < inputs.length) {
                Var input = inputs[nextInput[top]++];
                if (input.requiresGrad() && traversal.visit(input)) {
                    if (++top == stack.length) {
                        stack = Arrays.copyOf(stack, 2 * top);
                        nextInput = Arrays.copyOf(nextInput, 2 * top);
                    }
                    stack[top] = input;
                    nextInput[top] = 0;
                }
            } else {
                top--;
                append(node, inputs);
            }
        }
    }

    /** Gives {@code node} the next position and records where its inputs are (all are placed already). */
    private void append(Var node, Var[] inputs) {
        if (count == order.length) {
            order = Arrays.copyOf(order, 2 * count);
            inputStart = Arrays.copyOf(inputStart, 2 * count + 1);
        }
        int base = inputStart[count];
        if (base + inputs.length > inputAt.length) {
            inputAt = Arrays.copyOf(inputAt, Math.max(2 * inputAt.length, base + inputs.length));
        }
        traversal.finish(node, count);
        traversal.locate(inputs, inputAt, base);
        order[count++] = node;
        inputStart[count] = base + inputs.length;
    }

    /**
     * Which nodes of {@code graph} lie on a path to a target (the targets included): one forward pass
     * over the order, since a node's inputs come before it. The sweep skips the rest.
     */
    static boolean[] needed(Graph graph, boolean[] isTarget) {
        int[] inputStart = graph.inputStart;
        int[] inputAt = graph.inputAt;
        boolean[] needed = isTarget.clone();
        for (int k = 0; k < needed.length; k++) {
            for (int p = inputStart[k]; p < inputStart[k + 1] && !needed[k]; p++) {
                int j = inputAt[p];
                needed[k] = j >= 0 && needed[j];
            }
        }
        return needed;
    }
}
