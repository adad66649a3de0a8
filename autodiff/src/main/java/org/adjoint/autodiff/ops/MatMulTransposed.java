package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.BinaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/** Y = A · Bᵀ for matrices;  Ā = Ȳ · B,  B̄ = Ȳᵀ · A. */
public record MatMulTransposed() implements BinaryOp {

    public static final MatMulTransposed INSTANCE = new MatMulTransposed();

    @Override
    public Tensor forward(Tensor a, Tensor b) {
        return a.matmulTransposed(b);
    }

    @Override
    public Var vjpA(Var a, Var b, Var y, Var yBar) {
        return yBar.matmul(b);
    }

    @Override
    public Var vjpB(Var a, Var b, Var y, Var yBar) {
        return yBar.transposedMatmul(a);
    }
}
