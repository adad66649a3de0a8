package org.adjoint.autodiff.ops;

import java.util.Arrays;
import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/** y = x with its axes reordered;  x̄ = ȳ with the inverse order. */
public record Permute(IntList axes) implements UnaryOp {

    /** The permutation that reverses the axes of a rank-{@code rank} tensor: the matrix transpose for rank 2. */
    public static Permute reversed(int rank) {
        int[] axes = new int[rank];
        Arrays.setAll(axes, i -> rank - 1 - i);
        return new Permute(IntList.copyOf(axes));
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.permute(axes.array());
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        int rank = axes.size();
        int[] inverse = new int[rank];
        for (int i = 0; i < rank; i++) {
            inverse[Math.floorMod(axes.get(i), rank)] = i;
        }
        return yBar.permute(inverse);
    }
}
