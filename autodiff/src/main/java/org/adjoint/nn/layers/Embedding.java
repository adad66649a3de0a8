package org.adjoint.nn.layers;

import java.util.List;
import java.util.Objects;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.nn.Layer;
import org.adjoint.nn.ParameterSpec;
import org.adjoint.nn.Variables;
import org.adjoint.nn.init.Initializer;

/**
 * A lookup table (PyTorch's {@code Embedding}): the input holds integer indices of any shape (as
 * doubles, the way a batch arrives), the output is {@code weight[index]}, of shape
 * {@code input ++ [dim]}. The gradient is scattered back into the rows used, summed over repeats
 * ({@link Var#takeRows}). Parameter {@code weight} of shape {@code [count, dim]}, {@code normal(0, 1)}
 * by default as in PyTorch.
 *
 * @param count      the number of rows (PyTorch's {@code num_embeddings})
 * @param dim        the width of a row ({@code embedding_dim})
 * @param weightInit how {@code weight} is initialized
 */
public record Embedding(int count, int dim, Initializer weightInit) implements Layer {

    /** Validates the sizes; refuses a null initializer. */
    public Embedding {
        Objects.requireNonNull(weightInit, "weightInit");
        if (count < 1 || dim < 1) {
            throw new IllegalArgumentException("Embedding: sizes count = " + count + " and dim = " + dim + " must be positive");
        }
    }

    /** A table of {@code count} rows of width {@code dim}, drawn from {@code normal(0, 1)}. */
    public Embedding(int count, int dim) {
        this(count, dim, Initializer.normal(0, 1));
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(new ParameterSpec("weight", Shape.of(count, dim), weightInit));
    }

    /**
     * The rows of {@code weight} at the indices in {@code x}.
     *
     * @throws IllegalArgumentException if an element of x is not an integer in [0, count)
     */
    @Override
    public Var forward(Variables params, Var x) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(x, "x");
        int[] indices;
        try {
            indices = x.value().toIntArray();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Embedding: the input must hold integer indices: " + e.getMessage(), e);
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= count) {
                throw new IllegalArgumentException("Embedding: index " + indices[i] + " at position " + i
                        + " is outside [0, " + count + ")");
            }
        }
        return params.get("weight").takeRows(indices, x.shape());
    }
}
