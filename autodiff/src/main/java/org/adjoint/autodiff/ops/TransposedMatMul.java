package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.BinaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/** Y = Aᵀ · B for matrices;  Ā = B · Ȳᵀ,  B̄ = A · Ȳ. */
public record TransposedMatMul() implements BinaryOp {

    public static final TransposedMatMul INSTANCE = new TransposedMatMul();

    @Override
    public Tensor forward(Tensor a, Tensor b) {
        return a.transposedMatmul(b);
    }

    @Override
    public Var vjpA(Var a, Var b, Var y, Var yBar) {
        return b.matmulTransposed(yBar);
    }

    @Override
    public Var vjpB(Var a, Var b, Var y, Var yBar) {
        return a.matmul(yBar);
    }
}
