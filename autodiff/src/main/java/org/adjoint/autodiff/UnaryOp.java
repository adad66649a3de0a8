package org.adjoint.autodiff;

import java.util.Objects;
import org.adjoint.core.Tensor;

/**
 * An operation of one differentiable input, its forward computation and its derivative rule side by
 * side. Arguments that are not differentiated (an exponent, axes, a shape) are fields of the op.
 *
 * <pre>{@code
 * // y = sin(x);  x̄ = ȳ · cos(x)
 * record Sin() implements UnaryOp {
 *     public Tensor forward(Tensor x) { return x.sin(); }
 *     public Var vjp(Var x, Var y, Var yBar) { return yBar.mul(x.cos()); }
 * }
 * }</pre>
 */
public interface UnaryOp extends Op {

    /** The output for input {@code x}. */
    Tensor forward(Tensor x);

    /** The cotangent of {@code x} given the output {@code y} and its cotangent {@code yBar}. */
    Var vjp(Var x, Var y, Var yBar);

    @Override
    default Var vjp(int input, Var[] inputs, Var output, Var outputBar) {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(outputBar, "outputBar");
        return vjp(inputs[0], output, outputBar);
    }
}
