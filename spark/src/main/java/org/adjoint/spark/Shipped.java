package org.adjoint.spark;

import java.io.Serializable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * A vector (θ, or v of a Hessian-vector product) sent to every task of one pass. Up to
 * {@link #INLINE_LIMIT} components it travels inside the task's closure: Spark serializes a stage's
 * closure once and ships it to each executor as one broadcast anyway, so a separate broadcast would only
 * add its creation and destruction to every pass (about 2 ms of a local-mode job, measured). Larger
 * vectors get their own {@link Broadcast}, which keeps the closure under Spark's 1 MB warning and lets
 * executors fetch the blocks from each other; {@link #release} destroys it after the pass.
 */
final class Shipped implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most components sent inside the closure: 2¹⁵ doubles, 256 KB (two vectors stay under 1 MB). */
    static final int INLINE_LIMIT = 1 << 15;

    private final double[] inline;
    private final Broadcast<double[]> broadcast;

    private Shipped(double[] inline, Broadcast<double[]> broadcast) {
        this.inline = inline;
        this.broadcast = broadcast;
    }

    /** Ships {@code values}, which the caller must not change afterwards. */
    static Shipped of(JavaSparkContext context, double[] values) {
        return values.length <= INLINE_LIMIT ? new Shipped(values, null) : new Shipped(null, context.broadcast(values));
    }

    /** The vector, inside a task. */
    double[] value() {
        return inline != null ? inline : broadcast.value();
    }

    /** Whether the vector travels as its own broadcast. */
    boolean broadcasted() {
        return broadcast != null;
    }

    /** Destroys the broadcast, if any, without waiting for the executors. */
    void release() {
        if (broadcast != null) {
            broadcast.destroy();
        }
    }
}
