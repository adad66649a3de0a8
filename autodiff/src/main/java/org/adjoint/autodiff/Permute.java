package org.adjoint.autodiff;

import java.util.Arrays;
import org.adjoint.core.Tensor;

/** y = x with its axes reordered;  x̄ = ȳ with the inverse order. */
record Permute(int[] axes) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.permute(axes);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        int rank = axes.length;
        int[] inverse = new int[rank];
        for (int i = 0; i < rank; i++) {
            inverse[Math.floorMod(axes[i], rank)] = i;
        }
        return yBar.permute(inverse);
    }

    @Override
    public String toString() {
        return "Permute[axes=" + Arrays.toString(axes) + "]";
    }
}
