package org.adjoint.autodiff;

import java.util.Objects;
import org.adjoint.core.Tensor;

/**
 * An operation of two differentiable inputs, with a derivative rule for each. The engine only asks
 * for the cotangent of an input that needs one, so a rule is never evaluated for a constant.
 */
public interface BinaryOp extends Op {

    /** The output for inputs {@code a} and {@code b}. */
    Tensor forward(Tensor a, Tensor b);

    /** The cotangent of {@code a}; it may have the broadcast output's shape. */
    Var vjpA(Var a, Var b, Var y, Var yBar);

    /** The cotangent of {@code b}; it may have the broadcast output's shape. */
    Var vjpB(Var a, Var b, Var y, Var yBar);

    @Override
    default Var vjp(int input, Var[] inputs, Var output, Var outputBar) {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(outputBar, "outputBar");
        return input == 0
                ? vjpA(inputs[0], inputs[1], output, outputBar)
                : vjpB(inputs[0], inputs[1], output, outputBar);
    }
}
