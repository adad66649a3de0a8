package org.adjoint.optim;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;

/**
 * One parameter's update rule together with the state it made, so that the state's type is the rule's
 * own: stepping, saving and checking a parameter's state need no cast. {@link OptimizerState} holds
 * one per parameter.
 *
 * @param rule  the rule that made {@code state}
 * @param state the rule's state after the steps taken so far
 * @param <S>   the rule's state type
 */
public record RuleState<S>(UpdateRule<S> rule, S state) {

    /** Checks that both are there. */
    public RuleState {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(state, "state");
    }

    /** {@code rule}'s state before the first step, for a parameter like {@code param}. */
    public static <S> RuleState<S> init(UpdateRule<S> rule, Tensor param) {
        return new RuleState<>(rule, rule.init(param));
    }

    /**
     * {@code rule}'s state read back from {@code saved} (what {@link #save} wrote), checked against
     * {@code param}.
     *
     * @throws IllegalArgumentException if a tensor is missing or has the wrong shape
     */
    public static <S> RuleState<S> restore(UpdateRule<S> rule, Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(param, "param");
        return new RuleState<>(rule, rule.restore(saved, param));
    }

    /** One step of the rule: the new parameter, and the rule with its new state. */
    public Update<RuleState<S>> step(Tensor param, Tensor grad, double learningRate) {
        Update<S> u = rule.apply(param, grad, state, learningRate);
        return new Update<>(u.param(), new RuleState<>(rule, u.state()));
    }

    /** The parameter to evaluate for the iterate {@code param}: see {@link UpdateRule#evaluationParam}. */
    public Tensor evaluationParam(Tensor param) {
        return rule.evaluationParam(Objects.requireNonNull(param, "param"), state);
    }

    /** The state as named tensors, for a checkpoint. */
    public Map<String, Tensor> save() {
        return rule.save(state);
    }
}
