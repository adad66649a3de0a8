package org.adjoint.optim.train;

import java.util.Arrays;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.RuleState;

/**
 * The training loop's checks that nothing has become NaN or infinite: the batch's loss and gradient
 * before a step (told apart as bad data or divergence), and the optimizer state after it.
 */
final class FiniteChecks {

    private FiniteChecks() {
    }

    /**
     * Stops training at a loss or gradient that is not finite: as bad data if the batch's data holds a
     * NaN or infinite value (where, as the dataset tells), else as divergence.
     */
    static <B> void requireFinite(double loss, NamedTensors grads, int epoch, int batch, NamedTensors params,
                                  History history, Dataset<B> data, int[] indices) {
        String bad = !Double.isFinite(loss) ? "the loss is " + loss : null;
        for (Map.Entry<String, Tensor> g : grads.asMap().entrySet()) {
            if (bad == null && !g.getValue().isFinite()) {
                bad = "the gradient of " + g.getKey() + " is not finite";
            }
        }
        if (bad == null) {
            return;
        }
        String where = data.nonFinite(indices);
        if (where != null) {
            throw new NonFiniteDataException(at("training stopped", epoch, batch) + bad + ", and this step's batch holds "
                    + where + ": the data is not finite; clean or impute it", params, history);
        }
        throw new TrainingDivergedException(at("training diverged", epoch, batch) + bad
                + "; the last finite parameters are kept", params, history);
    }

    /**
     * Stops training when a step has left a slot of the optimizer state NaN or infinite (a huge but finite
     * gradient squared past the largest double freezes that element for good), naming the rule, the
     * slot, the element and the gradient there. {@code params} are those before the step.
     */
    static void requireFiniteState(OptimizerState state, NamedTensors grads, int epoch, int batch, NamedTensors params,
                                   History history) {
        for (String name : state.names()) {
            RuleState<?> ruleState = state.ruleState(name);
            for (Map.Entry<String, Tensor> slot : ruleState.save().entrySet()) {
                Tensor t = slot.getValue();
                if (!t.isFinite()) {
                    int k = firstNonFinite(t.toArray());
                    Tensor g = grads.get(name);
                    String gradient = g.shape().equals(t.shape()) ? " (the gradient there was " + g.toArray()[k] + ")" : "";
                    throw new TrainingDivergedException(at("training diverged", epoch, batch) + "the step overflowed "
                            + ruleState.rule().getClass().getSimpleName() + "'s state: " + slot.getKey() + " of " + name
                            + " is " + t.toArray()[k] + " at element " + Arrays.toString(index(t.shape(), k)) + gradient
                            + ", so that element would never move again (as in PyTorch); lower the learning rate or clip"
                            + " the gradients (Optimizer.withClipping); the last parameters with a finite state are kept",
                            params, history);
                }
            }
        }
    }

    private static String at(String what, int epoch, int batch) {
        return what + " at epoch " + (epoch + 1) + ", step " + (batch + 1) + ": ";
    }

    /** The position of the first NaN or infinite value in {@code x}, which holds one. */
    static int firstNonFinite(double[] x) {
        int k = 0;
        while (Double.isFinite(x[k])) {
            k++;
        }
        return k;
    }

    /** Row-major flat position {@code k} as an index into {@code shape}. */
    static int[] index(Shape shape, int k) {
        int[] index = new int[shape.rank()];
        for (int axis = index.length - 1, rest = k; axis >= 0; axis--) {
            index[axis] = rest % shape.dim(axis);
            rest /= shape.dim(axis);
        }
        return index;
    }
}
