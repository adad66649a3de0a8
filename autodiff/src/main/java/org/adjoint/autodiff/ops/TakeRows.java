package org.adjoint.autodiff.ops;

import java.util.Arrays;
import java.util.Objects;
import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * y[i…, :] = x[indices[i…], :] (an embedding lookup, {@code torch.nn.functional.embedding}): the rows of
 * x, of shape {@code [rows, d…]}, picked by int indices of any shape {@code indexShape}, giving shape
 * {@code indexShape ++ [d…]};  x̄ = {@link AddRows}: each ȳ row added into the row it was taken from,
 * so a repeated index accumulates.
 *
 * @param indices    the row indices, row-major in {@code indexShape}
 * @param indexShape the shape the indices are laid out in
 */
public record TakeRows(IntList indices, Shape indexShape) implements UnaryOp {

    /** Checks that the indices fill {@code indexShape}. */
    public TakeRows {
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(indexShape, "indexShape");
        if (indices.size() != indexShape.size()) {
            throw new IllegalArgumentException("takeRows: " + indices.size() + " indices do not fill the index shape "
                    + indexShape);
        }
    }

    @Override
    public Tensor forward(Tensor x) {
        int rows = checkRows("takeRows", x.shape(), indices);
        int width = x.size() / rows;
        double[] from = x.toArray();
        double[] to = new double[indices.size() * width];
        for (int i = 0; i < indices.size(); i++) {
            System.arraycopy(from, indices.get(i) * width, to, i * width, width);
        }
        return Tensor.of(indexShape.concat(rowShape(x.shape())), to);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return Var.apply(new AddRows(indices, indexShape, x.shape().dim(0)), yBar);
    }

    /** The shape of one row of a tensor of shape {@code shape}: all but the first axis. */
    static Shape rowShape(Shape shape) {
        int[] dims = shape.dims();
        return Shape.of(Arrays.copyOfRange(dims, 1, dims.length));
    }

    /** The number of rows of {@code shape}, after checking that every index is one of them. */
    static int checkRows(String op, Shape shape, IntList indices) {
        if (shape.rank() < 1) {
            throw new IllegalArgumentException(op + ": expected a tensor with rows but got shape " + shape);
        }
        int rows = shape.dim(0);
        for (int i = 0; i < indices.size(); i++) {
            if (indices.get(i) < 0 || indices.get(i) >= rows) {
                throw new IllegalArgumentException(op + ": index " + indices.get(i) + " at position " + i
                        + " is outside [0, " + rows + ")");
            }
        }
        return rows;
    }
}
