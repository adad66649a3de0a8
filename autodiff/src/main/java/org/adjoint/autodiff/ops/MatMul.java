package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.BinaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/**
 * Y = A · B for matrices;  Ā = Ȳ · Bᵀ,  B̄ = Aᵀ · Ȳ. The cotangents use the transposed products
 * {@link MatMulTransposed} and {@link TransposedMatMul}, which read their operands in place, so no
 * derivative (of any order) copies a transpose.
 */
public record MatMul() implements BinaryOp {

    public static final MatMul INSTANCE = new MatMul();

    @Override
    public Tensor forward(Tensor a, Tensor b) {
        return a.matmul(b);
    }

    @Override
    public Var vjpA(Var a, Var b, Var y, Var yBar) {
        return yBar.matmulTransposed(b);
    }

    @Override
    public Var vjpB(Var a, Var b, Var y, Var yBar) {
        return a.transposedMatmul(yBar);
    }

    /**
     * Records {@code a · b}: the matrix product, for vectors NumPy's cases ({@link #withVectors}), and
     * for an operand of rank 3 or more {@code torch.matmul}'s batched product ({@link BatchedMatMul}).
     */
    public static Var apply(Var a, Var b) {
        int ra = a.shape().rank();
        int rb = b.shape().rank();
        if (ra == 2 && rb == 2) {
            return Var.apply(INSTANCE, a, b);
        }
        return ra > 0 && rb > 0 && (ra > 2 || rb > 2) ? BatchedMatMul.apply(a, b) : withVectors(a, b);
    }

    /**
     * NumPy's vector cases, reduced to the matrix product: a vector on the left becomes a 1×k row, one
     * on the right a k×1 column, and the added axis is dropped from the result.
     */
    private static Var withVectors(Var a, Var b) {
        if (a.shape().rank() == 0 || b.shape().rank() == 0 || a.shape().rank() > 2 || b.shape().rank() > 2) {
            throw new IllegalArgumentException("matmul: " + a.shape() + " @ " + b.shape()
                    + " — operands must be vectors or matrices (rank 1 or 2)");
        }
        boolean rowVector = a.shape().rank() == 1;
        boolean columnVector = b.shape().rank() == 1;
        Var left = rowVector ? a.reshape(1, -1) : a;
        Var right = columnVector ? b.reshape(-1, 1) : b;
        if (left.shape().dim(1) != right.shape().dim(0)) {
            throw new IllegalArgumentException("matmul: " + a.shape() + " @ " + b.shape()
                    + " — inner dimensions " + left.shape().dim(1) + " and " + right.shape().dim(0) + " differ");
        }
        Var product = left.matmul(right);
        return rowVector && columnVector ? product.reshape() : product.reshape(-1);
    }
}
