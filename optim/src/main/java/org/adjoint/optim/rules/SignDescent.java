package org.adjoint.optim.rules;

import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.StatelessRule;

/**
 * Sign gradient descent, {@code θ ← θ − ε·sign(g)}: each coordinate moves by exactly ε against its
 * gradient's sign, the one-variable intuition of the lessons. Also the smallest example of a rule of
 * your own: a {@link StatelessRule} needs only a learning rate and one method.
 *
 * @param learningRate the step ε
 */
public record SignDescent(double learningRate) implements StatelessRule {

    /** Validates ε. */
    public SignDescent {
        Hyperparameters.learningRate("SignDescent", learningRate);
    }

    @Override
    public Tensor apply(Tensor param, Tensor grad, double lr) {
        return param.sub(grad.sign().mul(lr));
    }
}
