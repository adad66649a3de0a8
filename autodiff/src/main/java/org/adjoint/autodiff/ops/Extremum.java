package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/** The rule shared by {@link ReduceMax} and {@link ReduceMin}: the gradient goes to the extreme elements. */
final class Extremum {

    private Extremum() {
    }

    /**
     * x̄ = ȳ broadcast back, times the weights {@code [x = y] / (number of ties)}: tied extrema share
     * the gradient equally, as {@code torch.amax} does. The weights are data, so the second derivative is 0.
     */
    static Var vjp(int[] axes, Var x, Var y, Var yBar) {
        Tensor extreme = y.value().reshape(x.shape().reduce(axes, true));
        Tensor hits = x.value().eq(extreme);
        Tensor weights = hits.div(hits.sum(axes, true));
        Var spread = yBar.reshape(extreme.shape()).broadcastTo(x.shape());
        return spread.mul(Var.constant(weights));
    }
}
