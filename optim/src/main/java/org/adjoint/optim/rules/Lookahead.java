package org.adjoint.optim.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * Lookahead (Zhang, Lucas, Hinton and Ba, "Lookahead Optimizer: k steps forward, 1 step back", NeurIPS
 * 2019), wrapping any rule: the inner rule takes k fast steps, then the slow weights move a fraction α of
 * the way to the fast ones and the fast weights restart from there:
 * <pre>
 *   θ ← inner step of θ (the fast weights),  j ← j + 1      (φ, the slow weights, start at θ₀; j at 0)
 *   if j = k:  φ ← φ + α·(θ − φ),  θ ← φ,  j ← 0
 * </pre>
 * The inner rule's state (momentum, second moments) carries on across the synchronisations, as in the
 * paper's experiments and optax's {@code lookahead}. α = 1 is the inner rule itself; k = 1 takes every
 * inner step at a fraction α of its length.
 *
 * <p>{@link #evaluationParam} returns the slow weights φ, as optax recommends: between synchronisations
 * the fast weights are an exploratory detour and the slow weights the model; at a synchronisation both are
 * φ. {@link org.adjoint.optim.Optimizer#evaluationParameters} and the training loop evaluate and keep them.
 * With k ≥ 2 the loss need not fall at every step (the pull back to φ can undo part of the fast steps), so
 * {@link org.adjoint.optim.rules.laws.RuleLaws#decreasesConvexQuadratic} is not promised; k = 1 with a
 * descending inner rule obeys it.
 *
 * <p>The checkpoint slots are {@code slow} (φ), {@code steps_since_sync} (j) and the inner rule's own slots
 * with the prefix {@code inner_opt_state/}.
 *
 * @param inner        the rule that takes the fast steps
 * @param syncPeriod   k, the fast steps between synchronisations, at least 1
 * @param slowStepSize α, the fraction of the way the slow weights move, in (0, 1]
 * @param <S>          the inner rule's state
 */
public record Lookahead<S>(UpdateRule<S> inner, int syncPeriod, double slowStepSize)
        implements UpdateRule<Lookahead.State<S>> {

    /**
     * The Lookahead state of one tensor.
     *
     * @param inner     the inner rule's state
     * @param slow      φ, the slow weights, of the parameter's shape
     * @param fastSteps j, the fast steps since the last synchronisation, in [0, k)
     * @param <S>       the inner rule's state
     */
    public record State<S>(S inner, Tensor slow, long fastSteps) {

        /** Refuses a missing inner state or slow weights, and a negative count. */
        public State {
            Objects.requireNonNull(inner, "Lookahead.State: inner is null");
            Objects.requireNonNull(slow, "Lookahead.State: slow is null");
            if (fastSteps < 0) {
                throw new IllegalArgumentException("Lookahead.State: fastSteps = " + fastSteps + " is negative");
            }
        }
    }

    private static final String NAME = "Lookahead";

    /** Refuses a missing inner rule, k below 1 and α outside (0, 1]. */
    public Lookahead {
        Objects.requireNonNull(inner, NAME + ": inner is null");
        InnerSlots.atLeast(NAME, "syncPeriod", syncPeriod, 1);
        if (!(slowStepSize > 0 && slowStepSize <= 1)) {
            throw new IllegalArgumentException(NAME + ": slowStepSize = " + slowStepSize + " is outside (0, 1]");
        }
    }

    /** Lookahead with the paper's k = 5 and α = 0.5 around {@code inner}. */
    public static <S> Lookahead<S> of(UpdateRule<S> inner) {
        return new Lookahead<>(inner, 5, 0.5);
    }

    /** The inner rule's base rate. */
    @Override
    public double learningRate() {
        return inner.learningRate();
    }

    @Override
    public State<S> init(Tensor param) {
        Objects.requireNonNull(param, "param");
        return new State<>(inner.init(param), param, 0);
    }

    @Override
    public Update<State<S>> apply(Tensor param, Tensor grad, State<S> state, double lr) {
        Update<S> fast = inner.apply(param, grad, state.inner(), lr);
        long j = state.fastSteps() + 1;
        if (j < syncPeriod) {
            return new Update<>(fast.param(), new State<>(fast.state(), state.slow(), j));
        }
        Tensor slow = Moments.lerp(state.slow(), fast.param(), slowStepSize);
        return new Update<>(slow, new State<>(fast.state(), slow, 0));
    }

    /** φ, the slow weights. */
    @Override
    public Tensor evaluationParam(Tensor param, State<S> state) {
        Objects.requireNonNull(param, "param");
        return state.slow();
    }

    @Override
    public Map<String, Tensor> save(State<S> state) {
        Map<String, Tensor> saved = new LinkedHashMap<>();
        saved.put("slow", state.slow());
        saved.put("steps_since_sync", Tensor.scalar(state.fastSteps()));
        InnerSlots.put(saved, inner, state.inner());
        return saved;
    }

    @Override
    public State<S> restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        Tensor slow = Slots.get(NAME, saved, "slow", param.shape());
        long j = Slots.counter(NAME, saved, "steps_since_sync");
        if (j >= syncPeriod) {
            throw new IllegalArgumentException(NAME + ": the saved steps_since_sync is " + j + " but syncPeriod = " + syncPeriod);
        }
        return new State<>(InnerSlots.restore(inner, saved, param), slow, j);
    }
}
