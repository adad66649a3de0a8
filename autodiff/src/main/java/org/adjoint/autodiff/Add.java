package org.adjoint.autodiff;

import org.adjoint.core.Tensor;

/** y = a + b (broadcast);  ā = ȳ,  b̄ = ȳ. */
record Add() implements BinaryOp, Pointwise {

    static final Add INSTANCE = new Add();

    @Override
    public Tensor forward(Tensor a, Tensor b) {
        return a.add(b);
    }

    @Override
    public Var vjpA(Var a, Var b, Var y, Var yBar) {
        return yBar;
    }

    @Override
    public Var vjpB(Var a, Var b, Var y, Var yBar) {
        return yBar;
    }

    /** Both contributions are the cotangent itself. */
    @Override
    public boolean zeroCotangentGivesZero() {
        return true;
    }
}
