package org.adjoint.nn.layers;

/** Validation shared by the pooling layers. */
final class Pooling {

    private Pooling() {
    }

    static void validate(String layer, int kernel, int stride, int padding) {
        if (kernel < 1 || stride < 1 || padding < 0 || 2 * padding > kernel) {
            throw new IllegalArgumentException(layer + ": kernel " + kernel + ", stride " + stride + ", padding "
                    + padding + " — need kernel ≥ 1, stride ≥ 1 and 0 ≤ padding ≤ kernel/2");
        }
    }
}
