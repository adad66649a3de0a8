package org.adjoint.optim.minimize;

import org.adjoint.core.LinearAlgebra;
import org.adjoint.core.Tensor;

/**
 * The second-derivative test at a point: the kind of critical point, from the Hessian's eigenvalues
 * (the lessons' test: all positive, a local minimum; all negative, a local maximum; both signs, a
 * saddle; some zero and no opposite signs, degenerate: the test cannot tell, as for {@code x³} at 0).
 *
 * @param kind         what the test concludes
 * @param gradientNorm ‖∇f‖ at the point
 * @param eigenvalues  the Hessian's eigenvalues, ascending
 * @param eigenvectors the matching unit eigenvectors, as columns
 */
public record CriticalPoint(Kind kind, double gradientNorm, Tensor eigenvalues, Tensor eigenvectors) {

    /** The conclusions of the test. */
    public enum Kind {
        /** Every eigenvalue is positive. */
        LOCAL_MINIMUM,
        /** Every eigenvalue is negative. */
        LOCAL_MAXIMUM,
        /** Eigenvalues of both signs. */
        SADDLE,
        /** A zero eigenvalue and no opposite signs: higher derivatives decide. */
        DEGENERATE,
        /** The gradient is not zero, so this is not a critical point. */
        NOT_CRITICAL
    }

    /**
     * Classifies {@code x} for {@code f}. The gradient counts as zero when {@code ‖∇f‖ ≤ gradientTolerance};
     * an eigenvalue counts as zero when {@code |λ| ≤ 1e-8·max(1, max|λ|)}.
     */
    public static CriticalPoint classify(Objective f, Tensor x, double gradientTolerance) {
        Tensor g = f.evaluate(x).gradient();
        double gradientNorm = Math.sqrt(g.mul(g).sum().item());
        LinearAlgebra.SymmetricEigen eig = LinearAlgebra.symmetricEigen(f.hessian(x));
        double[] values = eig.values().toArray();
        double largest = eig.values().abs().max().item();
        double zero = 1e-8 * Math.max(1, largest);
        boolean positive = false;
        boolean negative = false;
        boolean flat = false;
        for (double v : values) {
            positive |= v > zero;
            negative |= v < -zero;
            flat |= Math.abs(v) <= zero;
        }
        Kind kind;
        if (gradientNorm > gradientTolerance) {
            kind = Kind.NOT_CRITICAL;
        } else if (positive && negative) {
            kind = Kind.SADDLE;
        } else if (flat) {
            kind = Kind.DEGENERATE;
        } else {
            kind = positive ? Kind.LOCAL_MINIMUM : Kind.LOCAL_MAXIMUM;
        }
        return new CriticalPoint(kind, gradientNorm, eig.values(), eig.vectors());
    }
}
