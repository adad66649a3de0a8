/**
 * Training checkpoints: {@link org.adjoint.optim.checkpoint.Checkpoint} saves parameters, optimizer
 * state and the caller's counters in one atomically written {@code .npz} file, and loads them back
 * only after checking everything against the live optimizer and parameters (the rule that made each
 * state is matched by type and configuration, as {@code equals} matches records). Parameter files
 * without optimizer state are {@code org.adjoint.nn.ParameterFile}'s business, not this package's.
 */
package org.adjoint.optim.checkpoint;
