package org.adjoint.optim.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * Stochastic weight averaging (Izmailov, Podoprikhin, Garipov, Vetrov and Wilson, "Averaging Weights Leads
 * to Wider Optima and Better Generalization", UAI 2018), wrapping any rule: the equal-weight average of the
 * iterates from step s on, every c-th step, as {@code torch.optim.swa_utils.AveragedModel} with its default
 * {@code avg_fn}, updated after steps s, s + c, s + 2c, …:
 * <pre>
 *   θₜ ← inner step of θₜ₋₁,  t ← t + 1
 *   if t ≥ s and (t − s) mod c = 0:  θ̄ ← θ̄ + (θₜ − θ̄)/(n + 1),  n ← n + 1   (so the first average is θₛ)
 * </pre>
 * so θ̄ = (θₛ + θₛ₊c + θₛ₊₂c + …)/n. The initial parameter θ₀ is never included (s ≥ 1). The inner rule steps
 * and sees only the iterate; pair it with a constant or cyclical rate from step s, as the paper does (a
 * {@link org.adjoint.optim.schedule.Schedule} works unchanged).
 *
 * <p>{@link #evaluationParam} returns θ̄, and the iterate itself before step s (when no average exists
 * yet); {@link org.adjoint.optim.Optimizer#evaluationParameters} and the training loop evaluate and keep it.
 * An inner rule's own {@code evaluationParam} is not consulted. The checkpoint slots are
 * {@code averaged_param} (θ̄, zeros before step s), {@code n_averaged} (n), {@code step} (t) and the inner
 * rule's slots with the prefix {@code inner_opt_state/}.
 *
 * @param inner the rule whose iterates are averaged
 * @param start s, the first step averaged, at least 1
 * @param every c, the steps between averaged iterates, at least 1
 * @param <S>   the inner rule's state
 */
public record Swa<S>(UpdateRule<S> inner, int start, int every) implements UpdateRule<Swa.State<S>> {

    /**
     * The averaging state of one tensor.
     *
     * @param inner   the inner rule's state
     * @param average θ̄, of the parameter's shape (zeros while {@code count} is 0)
     * @param step    t, the steps taken
     * @param count   n, the iterates averaged so far
     * @param <S>     the inner rule's state
     */
    public record State<S>(S inner, Tensor average, long step, long count) {

        /** Refuses a missing inner state or average, and negative counts. */
        public State {
            Objects.requireNonNull(inner, "Swa.State: inner is null");
            Objects.requireNonNull(average, "Swa.State: average is null");
            if (step < 0 || count < 0) {
                throw new IllegalArgumentException("Swa.State: step = " + step + " and count = " + count + " must not be negative");
            }
        }
    }

    private static final String NAME = "Swa";

    /** Refuses a missing inner rule, and s or c below 1. */
    public Swa {
        Objects.requireNonNull(inner, NAME + ": inner is null");
        InnerSlots.atLeast(NAME, "start", start, 1);
        InnerSlots.atLeast(NAME, "every", every, 1);
    }

    /** The average of every iterate from step {@code start} on. */
    public static <S> Swa<S> from(int start, UpdateRule<S> inner) {
        return new Swa<>(inner, start, 1);
    }

    /** The inner rule's base rate. */
    @Override
    public double learningRate() {
        return inner.learningRate();
    }

    @Override
    public State<S> init(Tensor param) {
        Objects.requireNonNull(param, "param");
        return new State<>(inner.init(param), Tensor.zeros(param.shape()), 0, 0);
    }

    @Override
    public Update<State<S>> apply(Tensor param, Tensor grad, State<S> state, double lr) {
        Update<S> u = inner.apply(param, grad, state.inner(), lr);
        long t = state.step() + 1;
        if (t < start || (t - start) % every != 0) {
            return new Update<>(u.param(), new State<>(u.state(), state.average(), t, state.count()));
        }
        long n = state.count();
        Tensor average = n == 0 ? u.param() : state.average().add(u.param().sub(state.average()).div(n + 1));
        return new Update<>(u.param(), new State<>(u.state(), average, t, n + 1));
    }

    /** θ̄, or the iterate {@code param} before step s. */
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
        saved.put("step", Tensor.scalar(state.step()));
        InnerSlots.put(saved, inner, state.inner());
        return saved;
    }

    @Override
    public State<S> restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        return new State<>(InnerSlots.restore(inner, saved, param), Slots.get(NAME, saved, "averaged_param", param.shape()),
                Slots.counter(NAME, saved, "step"), Slots.counter(NAME, saved, "n_averaged"));
    }
}
