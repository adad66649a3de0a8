package org.adjoint.optim.minimize;

import org.adjoint.core.Tensor;

/** The few vector operations the methods share. */
final class Vectors {

    private Vectors() {
    }

    static double dot(Tensor a, Tensor b) {
        return a.mul(b).sum().item();
    }

    static double norm(Tensor a) {
        return Math.sqrt(dot(a, a));
    }

    /** {@code a + c·b}. */
    static Tensor addScaled(Tensor a, double c, Tensor b) {
        return a.add(b.mul(c));
    }
}
