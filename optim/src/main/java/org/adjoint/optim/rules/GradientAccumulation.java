package org.adjoint.optim.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * Gradient accumulation over k minibatches, as {@code optax.MultiSteps}: the gradients of k consecutive
 * steps are summed, and every k-th step the inner rule takes one step with their mean:
 * <pre>
 *   a ← a + g,  j ← j + 1                      (a, the running sum, starts at 0; j counts the minibatches in it)
 *   if j &lt; k:  θ unchanged, inner state s unchanged
 *   if j = k:  (θ, s) ← inner(θ, a / k, s, η),  a ← 0,  j ← 0
 * </pre>
 * with η the rate of the k-th step. With a loss that is a mean over examples (mean squared error,
 * cross-entropy), the mean of k minibatch gradients of size b is the gradient of the whole batch of
 * size k·b, so k steps here are one step of the inner rule on the large batch, up to rounding (the
 * sums are taken in another order). k = 1 is the inner rule itself. There is no paper: the technique
 * is folklore; {@code torch.optim} has no counterpart (users skip {@code optimizer.step()}), optax's
 * is {@code MultiSteps(every_k_schedule=k)}, whose state names we take.
 *
 * <p>A {@link org.adjoint.optim.schedule.Schedule} counts optimizer steps, that is minibatches: the
 * inner rule sees the rate of every k-th one; stretch a schedule by k to count it in inner steps. The
 * parameter moves only every k-th step, so a rule wrapped with k ≥ 2 does not lower the loss at every
 * step ({@link org.adjoint.optim.rules.laws.RuleLaws#decreasesConvexQuadratic} does not apply).
 *
 * <p>The checkpoint slots are {@code acc_grads} (a), {@code mini_step} (j) and the inner rule's own
 * slots with the prefix {@code inner_opt_state/}, e.g. {@code inner_opt_state/exp_avg}.
 *
 * @param inner the rule applied to the mean gradient
 * @param every k, the number of minibatches per step of the inner rule, at least 1
 * @param <S>   the inner rule's state
 */
public record GradientAccumulation<S>(UpdateRule<S> inner, int every) implements UpdateRule<GradientAccumulation.State<S>> {

    /**
     * The accumulation state of one tensor.
     *
     * @param inner     the inner rule's state
     * @param sum       a, the sum of the gradients since the inner rule's last step, of the parameter's shape
     * @param miniSteps j, how many gradients are in {@code sum}, in [0, k)
     * @param <S>       the inner rule's state
     */
    public record State<S>(S inner, Tensor sum, long miniSteps) {

        /** Refuses a missing inner state or sum, and a negative count. */
        public State {
            Objects.requireNonNull(inner, "GradientAccumulation.State: inner is null");
            Objects.requireNonNull(sum, "GradientAccumulation.State: sum is null");
            if (miniSteps < 0) {
                throw new IllegalArgumentException("GradientAccumulation.State: miniSteps = " + miniSteps + " is negative");
            }
        }
    }

    private static final String NAME = "GradientAccumulation";

    /** Refuses a missing inner rule and k below 1. */
    public GradientAccumulation {
        Objects.requireNonNull(inner, NAME + ": inner is null");
        InnerSlots.atLeast(NAME, "every", every, 1);
    }

    /** The inner rule stepping once every {@code k} minibatches, with their mean gradient. */
    public static <S> GradientAccumulation<S> every(int k, UpdateRule<S> inner) {
        return new GradientAccumulation<>(inner, k);
    }

    /** The inner rule's base rate. */
    @Override
    public double learningRate() {
        return inner.learningRate();
    }

    @Override
    public State<S> init(Tensor param) {
        Objects.requireNonNull(param, "param");
        return new State<>(inner.init(param), Tensor.zeros(param.shape()), 0);
    }

    @Override
    public Update<State<S>> apply(Tensor param, Tensor grad, State<S> state, double lr) {
        Tensor sum = state.sum().add(grad);
        long j = state.miniSteps() + 1;
        if (j < every) {
            return new Update<>(param, new State<>(state.inner(), sum, j));
        }
        Update<S> step = inner.apply(param, sum.div(every), state.inner(), lr);
        return new Update<>(step.param(), new State<>(step.state(), Tensor.zeros(param.shape()), 0));
    }

    @Override
    public Map<String, Tensor> save(State<S> state) {
        Map<String, Tensor> saved = new LinkedHashMap<>();
        saved.put("acc_grads", state.sum());
        saved.put("mini_step", Tensor.scalar(state.miniSteps()));
        InnerSlots.put(saved, inner, state.inner());
        return saved;
    }

    @Override
    public State<S> restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        Tensor sum = Slots.get(NAME, saved, "acc_grads", param.shape());
        long j = Slots.counter(NAME, saved, "mini_step");
        if (j >= every) {
            throw new IllegalArgumentException(NAME + ": the saved mini_step is " + j + " but every = " + every);
        }
        return new State<>(InnerSlots.restore(inner, saved, param), sum, j);
    }
}
