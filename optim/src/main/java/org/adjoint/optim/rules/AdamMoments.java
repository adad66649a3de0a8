package org.adjoint.optim.rules;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.UpdateRule;

/**
 * The rules whose state is Adam's first and second moments and step count ({@link Adam},
 * {@link AdamW}, {@link UncorrectedAdam}, {@link RAdam}, {@link RAdamW}, {@link Lamb}): they start, save and restore that state the same way, under
 * PyTorch's {@code state_dict} names, and differ only in their step.
 */
interface AdamMoments extends UpdateRule<Adam.State> {

    @Override
    default Adam.State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        return Adam.start(param);
    }

    @Override
    default Map<String, Tensor> save(Adam.State state) {
        return Adam.save(state.step(), state.m(), state.v());
    }

    @Override
    default Adam.State restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        return Adam.restore(getClass().getSimpleName(), saved, param);
    }
}
