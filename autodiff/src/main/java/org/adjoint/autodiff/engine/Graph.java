package org.adjoint.autodiff.engine;

import java.util.Arrays;
import org.adjoint.autodiff.Var;

/**
 * The recorded nodes that one output depends on, in topological order (every node after its
 * inputs, the output last), and the entry point of the backward sweep through them.
 *
 * <p>A backward pass has two halves, each in its own class. {@link Schedule} decides what to visit
 * and when: the topological order, found once by an iterative search, and, per sweep, which nodes
 * lie on a path to a target. {@link Sweep} does the arithmetic: it pulls cotangents back through
 * each node's rule, undoes broadcasting, and adds them up. Nodes are identified by reference, never
 * by value; each node's inputs are located once, when the order is built, so the sweep works on
 * positions. Once built, a graph is read-only: it can be swept any number of times, with different
 * seeds, from any thread.
 */
public final class Graph {

    /** The nodes in topological order, the output last. */
    final Var[] nodes;
    /** Input i of node k is at position {@code inputAt[inputStart[k] + i]}, or −1 if it needs no gradient. */
    final int[] inputStart;
    final int[] inputAt;
    private final int[] targets;

    Graph(Var[] nodes, int[] inputStart, int[] inputAt, int[] targets) {
        this.nodes = nodes;
        this.inputStart = inputStart;
        this.inputAt = inputAt;
        this.targets = targets;
    }

    /**
     * The graph of everything {@code output} was computed from that needs a gradient, with the
     * positions of {@code targets} in it (−1 for a target the output does not depend on).
     */
    public static Graph of(Var output, Var... targets) {
        if (!output.requiresGrad()) {
            int[] none = new int[targets.length];
            Arrays.fill(none, -1);
            return new Graph(new Var[0], new int[1], new int[0], none);
        }
        return Schedule.order(output, targets);
    }

    /** The positions of the targets given to {@link #of}, −1 where the output does not depend on one. */
    public int[] targets() {
        return targets.clone();
    }

    /**
     * Sweeps the graph backwards from the output's cotangent {@code seed} and returns the cotangents of
     * the nodes at {@code targets} (null where no gradient reached one). With {@code createGraph} the
     * derivative rules see the recorded values, so the sweep is itself recorded and its results can
     * be differentiated again; without it they see constants and record nothing. With
     * {@code detectAnomalies} every value and cotangent is checked ({@link Anomalies}).
     *
     * <p>A first-order sweep without anomaly checks first runs without the zero-cotangent rule of
     * {@link Pointwise}, which costs a scan of every pointwise node's value, and runs again with it only
     * if a result is not finite. When every result is finite the two sweeps give the same bits: the rule
     * only changes a non-finite contribution element to 0, and a finite result element cannot have read
     * a non-finite one (a derivative rule is linear in the cotangent: it scales, adds and selects its
     * elements, and any arithmetic on a non-finite element is not finite), so no result element read
     * one that the rule would have changed.
     */
    public Var[] pullBack(Var seed, int[] targets, boolean createGraph, boolean detectAnomalies) {
        if (createGraph || detectAnomalies) {
            return new Sweep(this, createGraph, detectAnomalies, true).pullBack(seed, targets);
        }
        Var[] unmasked = new Sweep(this, false, false, false).pullBack(seed, targets);
        for (Var result : unmasked) {
            if (result != null && !result.value().isFinite()) {
                return new Sweep(this, false, false, true).pullBack(seed, targets);
            }
        }
        return unmasked;
    }
}
