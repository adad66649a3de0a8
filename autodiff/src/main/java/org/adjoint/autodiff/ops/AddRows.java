package org.adjoint.autodiff.ops;

import java.util.Arrays;
import java.util.Objects;
import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * y = zeros({@code [rows, d…]}) with each row x[i…, :] added into row {@code indices[i…]}, for x of shape
 * {@code indexShape ++ [d…]}: repeated indices accumulate ({@code index_add_}, the adjoint of
 * {@link TakeRows});  x̄[i…, :] = ȳ[indices[i…], :].
 *
 * @param indices the row each leading position of x is added into, row-major
 * @param indexShape the shape the indices are laid out in: x's leading axes
 * @param rows    the number of rows of the result
 */
public record AddRows(IntList indices, Shape indexShape, int rows) implements UnaryOp {

    /** Checks the row count and that every index is a row. */
    public AddRows {
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(indexShape, "indexShape");
        if (indices.size() != indexShape.size()) {
            throw new IllegalArgumentException("addRows: " + indices.size() + " indices do not fill the index shape "
                    + indexShape);
        }
        if (rows < 1) {
            throw new IllegalArgumentException("addRows: the number of rows " + rows + " must be positive");
        }
        TakeRows.checkRows("addRows", Shape.of(rows), indices);
    }

    @Override
    public Tensor forward(Tensor x) {
        checkLeading(x.shape());
        int[] row = Arrays.copyOfRange(x.shape().dims(), indexShape.rank(), x.shape().rank());
        int width = Shape.of(row).size();
        double[] from = x.toArray();
        double[] to = new double[rows * width];
        for (int i = 0; i < indices.size(); i++) {
            int base = indices.get(i) * width;
            for (int j = 0; j < width; j++) {
                to[base + j] += from[i * width + j];
            }
        }
        return Tensor.of(Shape.of(rows).concat(Shape.of(row)), to);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return Var.apply(new TakeRows(indices, indexShape), yBar);
    }

    /** Checks that x's leading axes are the index shape. */
    private void checkLeading(Shape shape) {
        int k = indexShape.rank();
        if (shape.rank() < k || !Shape.of(Arrays.copyOfRange(shape.dims(), 0, k)).equals(indexShape)) {
            throw new IllegalArgumentException("addRows: expected leading axes " + indexShape + " but got shape " + shape);
        }
    }
}
