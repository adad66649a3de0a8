package org.adjoint.nn.layers;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.nn.Layer;
import org.adjoint.nn.ParameterSpec;
import org.adjoint.nn.Variables;
import org.adjoint.nn.init.Initializer;

/**
 * Layer normalization (PyTorch's {@code LayerNorm}): {@code y = (x − μ)/√(σ² + eps) · weight + bias}
 * with μ and the biased variance σ² over the last axes, those of {@code normalizedShape}. Parameters
 * {@code weight} (ones) and {@code bias} (zeros) of that shape when {@code affine}; no buffers, and the
 * same in training and evaluation.
 *
 * @param normalizedShape the trailing dimensions normalized over
 * @param eps             added to the variance (PyTorch's default 1e-5)
 * @param affine          whether to learn {@code weight} and {@code bias}
 */
public record LayerNorm(Shape normalizedShape, double eps, boolean affine) implements Layer {

    /** Validates the shape and eps. */
    public LayerNorm {
        Objects.requireNonNull(normalizedShape, "normalizedShape");
        if (normalizedShape.rank() < 1 || normalizedShape.size() < 1) {
            throw new IllegalArgumentException("LayerNorm: the normalized shape " + normalizedShape + " must be non-empty");
        }
        if (!(eps >= 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("LayerNorm: eps = " + eps + " must be finite and non-negative");
        }
    }

    /** PyTorch's defaults: eps 1e-5, affine. */
    public LayerNorm(int... normalizedShape) {
        this(Shape.of(normalizedShape), 1e-5, true);
    }

    @Override
    public List<ParameterSpec> parameters() {
        return affine ? List.of(new ParameterSpec("weight", normalizedShape, Initializer.constant(1)),
                new ParameterSpec("bias", normalizedShape, Initializer.zeros())) : List.of();
    }

    @Override
    public Var forward(Variables params, Var x) {
        Objects.requireNonNull(x, "x");
        Shape s = x.shape();
        int k = normalizedShape.rank();
        if (s.rank() < k || !Shape.of(Arrays.copyOfRange(s.dims(), s.rank() - k, s.rank())).equals(normalizedShape)) {
            throw new IllegalArgumentException("LayerNorm: expected an input ending in " + normalizedShape + " but got shape " + s);
        }
        Var y = x.layerNorm(k, eps);
        return affine ? y.mul(params.get("weight")).add(params.get("bias")) : y;
    }
}
