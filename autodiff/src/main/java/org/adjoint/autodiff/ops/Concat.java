package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.Op;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/** y = the inputs joined along {@code axis};  x̄ᵢ = the slice of ȳ where input i was placed. */
public record Concat(int axis) implements Op {

    /** Records the values joined along {@code axis}. */
    public static Var apply(int axis, Var... parts) {
        Tensor[] values = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parts[i].value();
        }
        return Var.record(new Concat(axis), Tensor.concat(axis, values), parts);
    }

    @Override
    public Var vjp(int input, Var[] inputs, Var output, Var outputBar) {
        int start = 0;
        for (int i = 0; i < input; i++) {
            start += inputs[i].shape().dim(axis);
        }
        return outputBar.slice(axis, start, start + inputs[input].shape().dim(axis));
    }
}
