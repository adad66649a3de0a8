package org.adjoint.optim.train;

import org.adjoint.nn.Context;
import org.adjoint.nn.Forward;
import org.adjoint.nn.Variables;

/**
 * The training loss of one batch for a model with a mode and buffers (dropout, batch normalization):
 * the loss as the {@link Forward#output()}, and the buffers the training pass changed as its
 * {@link Forward#updates()}.
 *
 * <pre>{@code
 * (params, batch, ctx) -> {
 *     Forward f = net.forward(params, Var.constant(batch.inputs()), ctx);
 *     return new Forward(Losses.softmaxCrossEntropy(f.output(), batch.labels()), f.updates());
 * }
 * }</pre>
 *
 * @param <B> the batch type
 */
@FunctionalInterface
public interface ModelLoss<B> {

    /** The scalar loss of {@code batch} at {@code params} in the training context {@code ctx}, and the buffer updates. */
    Forward loss(Variables params, B batch, Context ctx);
}
