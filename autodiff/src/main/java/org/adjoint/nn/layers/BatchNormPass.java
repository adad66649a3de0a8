package org.adjoint.nn.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.ops.Normalization;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Context;
import org.adjoint.nn.Forward;
import org.adjoint.nn.ParameterSpec;
import org.adjoint.nn.Variables;
import org.adjoint.nn.init.Initializer;

/** What {@link BatchNorm1d} and {@link BatchNorm2d} share: their parameters, buffers and passes. */
final class BatchNormPass {

    private BatchNormPass() {
    }

    static void validate(String layer, int channels, double eps, double momentum) {
        if (channels < 1) {
            throw new IllegalArgumentException(layer + ": the number of channels " + channels + " must be positive");
        }
        if (!(eps >= 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException(layer + ": eps = " + eps + " must be finite and non-negative");
        }
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(layer + ": momentum = " + momentum + " must be in [0, 1]");
        }
    }

    static List<ParameterSpec> parameters(int channels, boolean affine) {
        return affine ? List.of(new ParameterSpec("weight", Shape.of(channels), Initializer.constant(1)),
                new ParameterSpec("bias", Shape.of(channels), Initializer.zeros())) : List.of();
    }

    static List<ParameterSpec> buffers(int channels) {
        return List.of(new ParameterSpec("running_mean", Shape.of(channels), Initializer.zeros()),
                new ParameterSpec("running_var", Shape.of(channels), Initializer.constant(1)),
                new ParameterSpec("num_batches_tracked", Shape.SCALAR, Initializer.zeros()));
    }

    static IllegalStateException needsContext(String layer) {
        return new IllegalStateException(layer + ": batch normalization needs its mode and running statistics;"
                + " call forward(params, x, Context.training(seed, buffers)) or Context.evaluation(buffers),"
                + " or model.in(Context.evaluation(buffers))");
    }

    static void checkInput(String layer, int channels, Var x, int... ranks) {
        Objects.requireNonNull(x, "x");
        Shape s = x.shape();
        boolean rankOk = false;
        for (int r : ranks) {
            rankOk |= s.rank() == r;
        }
        if (!rankOk || s.dim(1) != channels) {
            String expected = ranks.length == 1 ? "[N, " + channels + ", H, W]" : "[N, " + channels + "] or [N, " + channels + ", L]";
            throw new IllegalArgumentException(layer + ": expected an input " + expected + " but got shape " + s);
        }
    }

    /** The pass: batch statistics and new running statistics in training, the running statistics in evaluation. */
    static Forward forward(Variables params, Var x, Context ctx, double eps, double momentum, boolean affine) {
        Tensor mean = ctx.buffer("running_mean");
        Tensor variance = ctx.buffer("running_var");
        if (!ctx.training()) {
            return Forward.of(affine(params, Normalization.batchNormEvaluation(x, mean, variance, eps), affine));
        }
        Normalization.BatchStatistics stats = Normalization.batchNormTraining(x, eps);
        Map<String, Tensor> updates = new LinkedHashMap<>();
        updates.put("running_mean", mean.mul(1 - momentum).add(stats.mean().mul(momentum)));
        updates.put("running_var", variance.mul(1 - momentum).add(stats.unbiasedVariance().mul(momentum)));
        updates.put("num_batches_tracked", ctx.buffer("num_batches_tracked").add(1));
        return new Forward(affine(params, stats.output(), affine), NamedTensors.of(updates));
    }

    private static Var affine(Variables params, Var normalized, boolean affine) {
        if (!affine) {
            return normalized;
        }
        Shape perChannel = Normalization.perChannel(normalized.shape());
        return normalized.mul(params.get("weight").reshape(perChannel)).add(params.get("bias").reshape(perChannel));
    }
}
