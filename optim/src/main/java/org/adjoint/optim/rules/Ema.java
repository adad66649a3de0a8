package org.adjoint.optim.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * An exponential moving average of the parameters, wrapping any rule: iterate averaging in the spirit of
 * Polyak and Juditsky ("Acceleration of Stochastic Approximation by Averaging", SIAM J. Control Optim. 1992)
 * with exponential rather than equal weights (for equal weights see {@link Swa}), as
 * {@code torch.optim.swa_utils.AveragedModel} with {@code get_ema_multi_avg_fn(decay)} updated after every
 * optimizer step:
 * <pre>
 *   θₜ ← inner step of θₜ₋₁,  n ← n + 1
 *   θ̄ ← θₜ                             if n = 1   (the first average is the first iterate after a step)
 *   θ̄ ← decay·θ̄ + (1 − decay)·θₜ       otherwise
 * </pre>
 * The initial parameter θ₀ is not part of the average, as with {@code AveragedModel} when
 * {@code update_parameters} follows each step (so no bias correction is needed: θ̄ is a weighted mean of
 * θ₁…θₜ with weights summing to 1). The inner rule steps and sees only the iterate θ; the average changes
 * nothing in its trajectory.
 *
 * <p>{@link #evaluationParam} returns θ̄, and the iterate itself before the first step (when no average
 * exists yet); {@link org.adjoint.optim.Optimizer#evaluationParameters} and the training loop evaluate and
 * keep it. It averages the iterate: an inner rule's own {@code evaluationParam} (Schedule-Free's x) is not
 * consulted. The checkpoint slots are {@code averaged_param} (θ̄, zeros before the first step),
 * {@code n_averaged} (n) and the inner rule's slots with the prefix {@code inner_opt_state/}.
 *
 * @param inner the rule whose iterates are averaged
 * @param decay the weight of the old average, in [0, 1); 0 keeps the latest iterate
 * @param <S>   the inner rule's state
 */
public record Ema<S>(UpdateRule<S> inner, double decay) implements UpdateRule<Ema.State<S>> {

    /**
     * The averaging state of one tensor.
     *
     * @param inner   the inner rule's state
     * @param average θ̄, of the parameter's shape (zeros while {@code count} is 0)
     * @param count   n, the iterates averaged so far
     * @param <S>     the inner rule's state
     */
    public record State<S>(S inner, Tensor average, long count) {

        /** Refuses a missing inner state or average, and a negative count. */
        public State {
            Objects.requireNonNull(inner, "Ema.State: inner is null");
            Objects.requireNonNull(average, "Ema.State: average is null");
            if (count < 0) {
                throw new IllegalArgumentException("Ema.State: count = " + count + " is negative");
            }
        }
    }

    private static final String NAME = "Ema";

    /** Refuses a missing inner rule and a decay outside [0, 1). */
    public Ema {
        Objects.requireNonNull(inner, NAME + ": inner is null");
        Hyperparameters.unitInterval(NAME, "decay", decay);
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
        Update<S> u = inner.apply(param, grad, state.inner(), lr);
        Tensor average = state.count() == 0 ? u.param() : Moments.lerp(state.average(), u.param(), 1 - decay);
        return new Update<>(u.param(), new State<>(u.state(), average, state.count() + 1));
    }

    /** θ̄, or the iterate {@code param} before the first step. */
    @Override
    public Tensor evaluationParam(Tensor param, State<S> state) {
        Objects.requireNonNull(param, "param");
        return state.count() == 0 ? param : state.average();
    }

    @Override
    public Map<String, Tensor> save(State<S> state) {
        Map<String, Tensor> saved = new LinkedHashMap<>();
        saved.put("averaged_param", state.average());
        saved.put("n_averaged", Tensor.scalar(state.count()));
        InnerSlots.put(saved, inner, state.inner());
        return saved;
    }

    @Override
    public State<S> restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        return new State<>(InnerSlots.restore(inner, saved, param), Slots.get(NAME, saved, "averaged_param", param.shape()),
                Slots.counter(NAME, saved, "n_averaged"));
    }
}
