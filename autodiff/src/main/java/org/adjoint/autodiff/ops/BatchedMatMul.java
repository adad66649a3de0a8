package org.adjoint.autodiff.ops;

import java.util.Arrays;
import org.adjoint.autodiff.BinaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * {@code torch.matmul} for stacks of matrices: Y[…] = A[…] · B[…] for A of shape [α…, m, k] and B of
 * shape [β…, k, n], the batch axes α and β broadcasting to [γ…];  Ā = Ȳ · Bᵀ,  B̄ = Aᵀ · Ȳ, transposing
 * the last two axes. Those cotangents have the broadcast batch shape γ; the engine sums each back to
 * its input's shape, as for any broadcasting op. Each batch element is one call of the core matrix
 * product.
 */
public record BatchedMatMul() implements BinaryOp {

    public static final BatchedMatMul INSTANCE = new BatchedMatMul();

    /**
     * Records {@code a · b} as {@code torch.matmul} when either has rank 3 or more: a vector on the left
     * becomes a 1 × k row and one on the right a k × 1 column, and that axis is dropped from the result.
     */
    public static Var apply(Var a, Var b) {
        boolean rowVector = a.shape().rank() == 1;
        boolean columnVector = b.shape().rank() == 1;
        Var left = rowVector ? a.reshape(1, -1) : a;
        Var right = columnVector ? b.reshape(-1, 1) : b;
        Shape x = left.shape();
        Shape y = right.shape();
        if (x.dim(x.rank() - 1) != y.dim(y.rank() - 2)) {
            throw new IllegalArgumentException("matmul: " + a.shape() + " @ " + b.shape() + " — inner dimensions "
                    + x.dim(x.rank() - 1) + " and " + y.dim(y.rank() - 2) + " differ");
        }
        Shape.broadcast("matmul: batch axes of " + a.shape() + " @ " + b.shape(), batch(x), batch(y));
        Var product = Var.apply(INSTANCE, left, right);
        int[] dims = product.shape().dims();
        int rank = dims.length;
        if (rowVector || columnVector) {
            dims = rowVector && columnVector ? Arrays.copyOf(dims, rank - 2)
                    : rowVector ? dropAxis(dims, rank - 2) : Arrays.copyOf(dims, rank - 1);
        }
        return product.reshape(Shape.of(dims));
    }

    @Override
    public Tensor forward(Tensor a, Tensor b) {
        Shape batch = Shape.broadcast("matmul", batch(a.shape()), batch(b.shape()));
        int m = a.shape().dim(a.rank() - 2);
        int k = a.shape().dim(a.rank() - 1);
        int n = b.shape().dim(b.rank() - 1);
        int[] aIndex = matrixIndices(batch, batch(a.shape()));
        int[] bIndex = matrixIndices(batch, batch(b.shape()));
        double[] aData = a.toArray();
        double[] bData = b.toArray();
        double[] out = new double[batch.size() * m * n];
        for (int t = 0; t < aIndex.length; t++) {
            Tensor at = matrix(aData, aIndex[t], m, k);
            Tensor bt = matrix(bData, bIndex[t], k, n);
            System.arraycopy(at.matmul(bt).toArray(), 0, out, t * m * n, m * n);
        }
        return Tensor.of(batch.concat(Shape.of(m, n)), out);
    }

    @Override
    public Var vjpA(Var a, Var b, Var y, Var yBar) {
        return yBar.matmul(transposeLast(b));
    }

    @Override
    public Var vjpB(Var a, Var b, Var y, Var yBar) {
        return transposeLast(a).matmul(yBar);
    }

    /** The leading (batch) axes of a shape of rank ≥ 2. */
    private static Shape batch(Shape s) {
        return Shape.of(Arrays.copyOf(s.dims(), s.rank() - 2));
    }

    /** For each element of {@code batch}, in row-major order, the matrix of an operand with batch shape {@code own}. */
    private static int[] matrixIndices(Shape batch, Shape own) {
        int[] index = new int[batch.size()];
        int[] dims = batch.dims();
        int offset = dims.length - own.rank();
        int[] ownStrides = own.strides();
        for (int t = 0; t < index.length; t++) {
            int rest = t;
            int at = 0;
            for (int axis = dims.length - 1; axis >= offset; axis--) {
                int i = rest % dims[axis];
                rest /= dims[axis];
                at += own.dim(axis - offset) == 1 ? 0 : i * ownStrides[axis - offset];
            }
            index[t] = at;
        }
        return index;
    }

    private static Tensor matrix(double[] data, int index, int rows, int columns) {
        int offset = index * rows * columns;
        return Tensor.generate(Shape.of(rows, columns), i -> data[offset + i]);
    }

    private static Var transposeLast(Var x) {
        int rank = x.shape().rank();
        int[] axes = new int[rank];
        Arrays.setAll(axes, i -> i);
        axes[rank - 2] = rank - 1;
        axes[rank - 1] = rank - 2;
        return x.permute(axes);
    }

    private static int[] dropAxis(int[] dims, int axis) {
        int[] out = new int[dims.length - 1];
        for (int i = 0, j = 0; i < dims.length; i++) {
            if (i != axis) {
                out[j++] = dims[i];
            }
        }
        return out;
    }
}
