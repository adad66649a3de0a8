package org.adjoint.optim;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;

/**
 * An update rule that keeps no state between steps, such as plain gradient descent or
 * {@link org.adjoint.optim.rules.SignDescent}: implement {@link #learningRate()} and {@link #apply(Tensor, Tensor, double)}.
 */
public interface StatelessRule extends UpdateRule<StatelessRule.None> {

    /** The empty state. */
    enum None {
        /** The only value. */
        INSTANCE
    }

    /** The new parameter for gradient {@code grad} at this step's learning rate. */
    Tensor apply(Tensor param, Tensor grad, double learningRate);

    @Override
    default None init(Tensor param) {
        Objects.requireNonNull(param, "param");
        return None.INSTANCE;
    }

    @Override
    default Update<None> apply(Tensor param, Tensor grad, None state, double learningRate) {
        Objects.requireNonNull(state, "state");
        return new Update<>(apply(param, grad, learningRate), None.INSTANCE);
    }

    @Override
    default Map<String, Tensor> save(None state) {
        Objects.requireNonNull(state, "state");
        return Map.of();
    }

    @Override
    default None restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        return None.INSTANCE;
    }
}
