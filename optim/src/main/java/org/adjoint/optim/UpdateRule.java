package org.adjoint.optim;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;

/**
 * An update rule for one parameter tensor: how a gradient and the rule's state move the parameter.
 * Rules are immutable: their hyperparameters are fixed and validated when they are built, and
 * {@link #apply} returns the new parameter and the new state without changing its arguments.
 * {@link Optimizer} applies rules to every tensor of a model's parameter set.
 *
 * <p>To write your own rule, implement this interface, or {@link StatelessRule} if the rule keeps no
 * state (see {@link org.adjoint.optim.rules.SignDescent}). Make the rule a {@code record} of its
 * hyperparameters, validated in the compact constructor with {@link Hyperparameters}: the optimizer and
 * checkpoints recognise a rule by its type and {@code equals}, which a record provides. The state type
 * {@code S} is typically a small record; {@link #save} and {@link #restore} turn it into named tensors
 * and back (see {@link Slots}), so it can be checkpointed.
 *
 * @param <S> the rule's per-tensor state
 */
public interface UpdateRule<S> {

    /** The base learning rate; a {@link org.adjoint.optim.schedule.Schedule} scales it step by step. */
    double learningRate();

    /** The state before the first step, for a parameter like {@code param}. */
    S init(Tensor param);

    /**
     * One step.
     *
     * @param param        the parameter θ
     * @param grad         its gradient g, of θ's shape
     * @param state        the state after the previous step (or {@link #init})
     * @param learningRate the learning rate for this step: the base rate times the schedule's factor
     * @return the new parameter and state
     */
    Update<S> apply(Tensor param, Tensor grad, S state, double learningRate);

    /**
     * The parameter to evaluate, predict with and keep, given the iterate {@code param} and the state
     * after the steps so far. For most rules that is {@code param} itself (the default). Rules that
     * average, such as Schedule-Free methods, EMA or SWA of the parameters, return the average: the
     * gradient is taken at the iterate, but the average is the model. {@link Optimizer#evaluationParameters}
     * applies this to a whole parameter set, and the training loop evaluates and keeps its result.
     *
     * @param param the iterate θ, where the next gradient is taken
     * @param state the state after the steps taken so far
     * @return a tensor of {@code param}'s shape
     */
    default Tensor evaluationParam(Tensor param, S state) {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(state, "state");
        return param;
    }

    /** The state as named tensors (counters as scalars), for a checkpoint. */
    Map<String, Tensor> save(S state);

    /**
     * The state saved by {@link #save}, checked against the parameter it belongs to.
     *
     * @throws IllegalArgumentException if a tensor is missing or has the wrong shape
     */
    S restore(Map<String, Tensor> saved, Tensor param);
}
