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
     *
     * <p>A node whose non-finite result comes from a value fed in (a constant, such as the data, or a
     * parameter) blames that value, naming the input, its shape and the position of its first bad
     * element: NaN in the data is not the fault of the ops that carried it to the loss.
     */
    static void checkForward(Var[] nodesInOrder) {
        if (nodesInOrder.length == 0 || nodesInOrder[nodesInOrder.length - 1].value().isFinite()) {
            return;
        }
        for (Var node : nodesInOrder) {
            if (Nodes.op(node) == null || node.value().isFinite()) {
                continue;
            }
            Var[] inputs = Nodes.inputs(node);
            boolean inputsFinite = true;
            for (int i = 0; i < inputs.length; i++) {
                boolean finite = inputs[i].value().isFinite();
                if (!finite && Nodes.op(inputs[i]) == null) {
                    throw fedIn(node, i, inputs[i]);
                }
                inputsFinite &= finite;
            }
            if (inputsFinite) {
                throw new AnomalyException("forward: " + Nodes.op(node) + " produced " + firstNonFinite(node.value())
                        + " from finite inputs of shapes " + shapes(node));
            }
        }
    }

    private static AnomalyException fedIn(Var node, int i, Var input) {
        return new AnomalyException("forward: input " + i + " of " + Nodes.op(node) + " is a "
                + (input.requiresGrad() ? "parameter" : "constant") + " of shape " + input.shape() + " that holds "
                + firstNonFiniteAt(input.value()) + " (fed in, not computed by an op: check the data)");
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

    /** The first non-finite element and its index, e.g. {@code NaN at [1, 2]}. */
    private static String firstNonFiniteAt(Tensor t) {
        double[] data = t.toArray();
        int[] strides = t.shape().strides();
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                StringJoiner index = new StringJoiner(", ", "[", "]");
                for (int axis = 0; axis < strides.length; axis++) {
                    index.add(Integer.toString(i / strides[axis] % t.shape().dim(axis)));
                }
                return data[i] + " at " + index;
            }
        }
        return "no non-finite value";
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
