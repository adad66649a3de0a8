package org.adjoint.optim.minimize.internal;

import org.adjoint.core.Tensor;

/** The few vector operations the methods share. */
public final class Vectors {

    private Vectors() {
    }

    /** {@code aᵀb}, summed in element order. */
    public static double dot(Tensor a, Tensor b) {
        return a.mul(b).sum().item();
    }

    /** {@code ‖a‖₂ = √(aᵀa)}. */
    public static double norm(Tensor a) {
        return Math.sqrt(dot(a, a));
    }

    /** {@code a + c·b}. */
    public static Tensor addScaled(Tensor a, double c, Tensor b) {
        return a.add(b.mul(c));
    }
}
