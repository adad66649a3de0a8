/**
 * The minibatch training loop: {@link org.adjoint.optim.train.Trainer} runs epochs of shuffled batches
 * ({@link org.adjoint.optim.train.MinibatchSampler}) through an {@link org.adjoint.optim.Optimizer},
 * records a {@link org.adjoint.optim.train.History}, reports {@link org.adjoint.optim.train.Progress}
 * and writes checkpoints; with {@link org.adjoint.optim.train.Trainer#withDataParallelism} each
 * batch's loss and gradient are computed in parts on several threads and combined in a fixed order.
 * {@link org.adjoint.optim.train.ModelTraining} runs the same loop for a model with a training mode and
 * buffers (dropout, batch normalization): a seed per step, buffers updated each step and checkpointed.
 * This is the one package of the optim module that needs
 * {@code org.adjoint.nn} (a batch loss is written over {@code Variables}); the optimizers, rules,
 * schedules and checkpoints work on any {@link org.adjoint.core.NamedTensors}.
 */
package org.adjoint.optim.train;
