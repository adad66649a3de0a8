/**
 * Optimizers for models with named tensors ({@link org.adjoint.core.NamedTensors}): the contracts and
 * the machinery that applies them. An {@link org.adjoint.optim.UpdateRule} says how one tensor moves
 * given its gradient and the rule's typed state; an {@link org.adjoint.optim.Optimizer} applies rules
 * to every tensor of a parameter set, by groups, with a schedule and clipping, returning a new
 * {@link org.adjoint.optim.Step}: parameters and an immutable {@link org.adjoint.optim.OptimizerState}
 * that pairs each parameter's rule with its state ({@link org.adjoint.optim.RuleState}).
 * {@link org.adjoint.optim.Hyperparameters} and {@link org.adjoint.optim.Slots} help rule authors
 * validate hyperparameters and read saved state.
 *
 * <p>The built-in rules are in {@code org.adjoint.optim.rules}, schedules and clipping in
 * {@code org.adjoint.optim.schedule}, checkpoints in {@code org.adjoint.optim.checkpoint}, the
 * minibatch training loop (the one part that needs {@code org.adjoint.nn}) in
 * {@code org.adjoint.optim.train}, and second-order and derivative-free minimizers of functions of a
 * vector in {@code org.adjoint.optim.minimize}.
 */
package org.adjoint.optim;
