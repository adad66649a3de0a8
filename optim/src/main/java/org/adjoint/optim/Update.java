package org.adjoint.optim;

import java.util.Objects;
import org.adjoint.core.Tensor;

/**
 * What one step of an {@link UpdateRule} returns for one tensor.
 *
 * @param param the new parameter
 * @param state the new state
 * @param <S>   the rule's state type
 */
public record Update<S>(Tensor param, S state) {

    /** Refuses null (a rule that keeps no state uses {@link StatelessRule.None}). */
    public Update {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(state, "state");
    }
}
