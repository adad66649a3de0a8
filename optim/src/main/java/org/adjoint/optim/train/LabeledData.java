package org.adjoint.optim.train;

import java.util.Arrays;
import org.adjoint.core.Tensor;
import org.adjoint.core.data.Examples;

/**
 * Classification data: one example per row of {@code inputs} (axis 0), and its class index. A batch
 * of labeled data is labeled data itself.
 *
 * @param inputs the examples, {@code [n, …]}
 * @param labels one class index per example
 */
public record LabeledData(Tensor inputs, int[] labels) implements Dataset<LabeledData> {

    /** Checks that there is one label per example. */
    public LabeledData {
        if (inputs.rank() < 1 || inputs.shape().dim(0) != labels.length) {
            throw new IllegalArgumentException("LabeledData: " + labels.length + " labels for inputs of shape "
                    + inputs.shape() + "; need one label per row");
        }
        labels = labels.clone();
    }

    /**
     * The examples of {@code org.adjoint.core.data} (read by {@code Csv}, split, standardized) as
     * classification data: their features and their targets as class indices.
     *
     * @throws IllegalArgumentException if a target is not a whole number ≥ 0
     */
    public static LabeledData of(Examples examples) {
        return new LabeledData(examples.features(), examples.labels());
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public LabeledData batch(int[] indices) {
        int[] picked = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = labels[indices[i]];
        }
        return new LabeledData(inputs.take(0, indices), picked);
    }

    /**
     * The first NaN or infinite input among the rows at {@code indices}, in batch order, as
     * {@code "inputs[17, 2] = NaN (row 4 of the batch)"} (the index into the whole data), or null if
     * there is none. Labels are whole numbers and cannot be non-finite.
     */
    @Override
    public String nonFinite(int[] indices) {
        Tensor rows = inputs.take(0, indices);
        if (rows.isFinite()) {
            return null;
        }
        double[] x = rows.toArray();
        int k = FiniteChecks.firstNonFinite(x);
        int[] index = FiniteChecks.index(rows.shape(), k);
        int rowInBatch = index[0];
        index[0] = indices[rowInBatch];
        return "inputs" + Arrays.toString(index) + " = " + x[k] + " (row " + rowInBatch + " of the batch)";
    }

    /** The labels (a copy). */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public String toString() {
        return "LabeledData[" + labels.length + " examples of shape " + inputs.shape() + "]";
    }
}
