package org.adjoint.autodiff.engine;

import java.util.StringJoiner;
import org.adjoint.autodiff.AnomalyException;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/** The checks behind anomaly detection: find the first op whose result is not finite though its inputs are. */
final class Anomalies {

    private Anomalies() {
    }

    /**
     * Fails on the first node (in evaluation order) that turned finite inputs into NaN or infinity, if
     * the output (the last node) is not finite. When it is finite, a non-finite value on the way did
     * not reach it: an infinity that a later op turned into its finite limit ({@code relu(log 0) = 0},
     * {@code exp(−∞) = 0}) or a NaN in the branch a {@code where} did not choose. That is no anomaly;
     * if its derivative would poison the gradient, the backward check names the rule.
     */
    static void checkForward(Var[] nodesInOrder) {
        if (nodesInOrder.length == 0 || nodesInOrder[nodesInOrder.length - 1].value().isFinite()) {
            return;
        }
        for (Var node : nodesInOrder) {
            if (Nodes.op(node) == null || node.value().isFinite()) {
                continue;
            }
            boolean inputsFinite = true;
            for (Var input : Nodes.inputs(node)) {
                inputsFinite &= input.value().isFinite();
            }
            if (inputsFinite) {
                throw new AnomalyException("forward: " + Nodes.op(node) + " produced " + firstNonFinite(node.value())
                        + " from finite inputs of shapes " + shapes(node));
            }
        }
    }

    /** Fails if the derivative rule of {@code node} turned a finite cotangent into NaN or infinity. */
    static void checkBackward(Var node, int input, Var nodeBar, Var contribution) {
        if (contribution.value().isFinite() || !nodeBar.value().isFinite()) {
            return;
        }
        throw new AnomalyException("backward: the derivative rule of " + Nodes.op(node) + " produced "
                + firstNonFinite(contribution.value()) + " in the gradient of input " + input
                + " (inputs of shapes " + shapes(node) + ", output " + node.shape() + ")");
    }

    private static String shapes(Var node) {
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (Var input : Nodes.inputs(node)) {
            joiner.add(input.shape().toString());
        }
        return joiner.toString();
    }

    private static String firstNonFinite(Tensor t) {
        double[] data = t.toArray();
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                return data[i] + " at flat index " + i;
            }
        }
        return "no non-finite value";
    }
}
