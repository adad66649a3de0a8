package org.adjoint.optim.train;

import org.adjoint.autodiff.Var;
import org.adjoint.nn.Variables;

/**
 * The training loss of one batch, written with {@code Var} operations:
 * {@code (params, batch) -> Losses.softmaxCrossEntropy(net.forward(params, Var.constant(batch.inputs())), batch.labels())}.
 *
 * @param <B> the batch type
 */
@FunctionalInterface
public interface BatchLoss<B> {

    /** The scalar loss of {@code batch} at {@code params}. */
    Var loss(Variables params, B batch);
}
