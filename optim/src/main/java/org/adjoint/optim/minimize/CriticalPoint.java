package org.adjoint.optim.minimize;

import java.util.Objects;
import org.adjoint.core.LinearAlgebra;
import org.adjoint.core.Tensor;

/**
 * The second-derivative test at a point: the kind of critical point, from the Hessian's eigenvalues
 * (the lessons' test: all positive, a local minimum; all negative, a local maximum; both signs, a
 * saddle; some zero and no opposite signs, degenerate: the test cannot tell, as for {@code x³} at 0).
 *
 * <p>A point a minimizer returns is critical only to its gradient tolerance ε_g, so an eigenvalue is
 * trusted only if its sign is the one it has at the true critical point nearby. Along an eigenvector v
 * with eigenvalue λ, model the slope as {@code s(t) = s₀ + λt + ½ct²}, with {@code c = d³f/dt³} the
 * rate at which λ changes along v. Were the eigenvalue zero at a critical point t*, the slope would be
 * {@code s(t) = ½c(t − t*)²} and λ at the point {@code c·(0 − t*)}; from {@code |s₀| ≤ ε_g} it follows
 * that {@code |λ| ≤ √(2|c|·ε_g)}. So an eigenvalue is <em>decided</em> only when
 * <pre>
 *   λ² > 2·|c|·ε_g,    c ≈ vᵀ[H(x + hv) − H(x − hv)]v / 2h,   h = ∛ε_mach·max(1, ‖x‖)
 * </pre>
 * (two Hessian-vector products per eigenvector; a non-finite c, as off a function's domain, leaves λ
 * undecided). A quadratic has c = 0, so all its nonzero eigenvalues are decided however ill-conditioned;
 * for {@code x³ + y²} at x = 3e-5 (where ‖∇f‖ = 2.7e-9 ≤ 1e-8) λ = 1.8e-4 but √(2·6·1e-8) = 3.5e-4: the
 * positive eigenvalue there says nothing about the degenerate point at 0. An eigenvalue counts as
 * exactly <em>zero</em> when {@code |λ| ≤ n·ε_mach·max|λ|}, the eigensolver's rounding.
 *
 * @param kind         what the test concludes
 * @param gradientNorm ‖∇f‖ at the point
 * @param eigenvalues  the Hessian's eigenvalues, ascending
 * @param eigenvectors the matching unit eigenvectors, as columns
 */
public record CriticalPoint(Kind kind, double gradientNorm, Tensor eigenvalues, Tensor eigenvectors) {

    /** Refuses null components. */
    public CriticalPoint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eigenvalues, "eigenvalues");
        Objects.requireNonNull(eigenvectors, "eigenvectors");
    }

    /** The conclusions of the test, tried in this order after NOT_CRITICAL: saddle, inconclusive, degenerate. */
    public enum Kind {
        /** Every eigenvalue is decided and positive. */
        LOCAL_MINIMUM,
        /** Every eigenvalue is decided and negative. */
        LOCAL_MAXIMUM,
        /** Decided eigenvalues of both signs. */
        SADDLE,
        /** A zero eigenvalue, every other decided and no opposite signs: higher derivatives decide. */
        DEGENERATE,
        /** The gradient is not zero, so this is not a critical point. */
        NOT_CRITICAL,
        /**
         * No decided eigenvalues of both signs, and some eigenvalue too small to trust its sign at the
         * gradient tolerance ({@code λ² ≤ 2|c|ε_g}, see the class documentation): the point may be a
         * minimum or maximum, or near a degenerate point or a saddle. Classify with a smaller tolerance
         * after minimizing further, or look at higher derivatives.
         */
        INCONCLUSIVE
    }

    /** What an eigenvalue says about the critical point. */
    private enum Sign { POSITIVE, NEGATIVE, ZERO, UNDECIDED }

    /**
     * Classifies {@code x} for {@code f}. The gradient counts as zero when {@code ‖∇f‖ ≤ gradientTolerance};
     * an eigenvalue is decided, zero or undecided as the class documentation derives.
     *
     * @throws IllegalArgumentException if {@code gradientTolerance} is negative or NaN
     */
    public static CriticalPoint classify(Objective f, Tensor x, double gradientTolerance) {
        if (!(gradientTolerance >= 0)) {
            throw new IllegalArgumentException("CriticalPoint.classify: gradientTolerance = " + gradientTolerance
                    + " must be at least 0");
        }
        Tensor g = f.evaluate(x).gradient();
        double gradientNorm = Math.sqrt(g.mul(g).sum().item());
        LinearAlgebra.SymmetricEigen eig = LinearAlgebra.symmetricEigen(f.hessian(x));
        Kind kind = gradientNorm > gradientTolerance ? Kind.NOT_CRITICAL : kind(signs(f, x, eig, gradientTolerance));
        return new CriticalPoint(kind, gradientNorm, eig.values(), eig.vectors());
    }

    /** The conclusion from the eigenvalues' signs at a point whose gradient is zero to the tolerance. */
    private static Kind kind(Sign[] signs) {
        boolean positive = false;
        boolean negative = false;
        boolean zero = false;
        boolean undecided = false;
        for (Sign s : signs) {
            positive |= s == Sign.POSITIVE;
            negative |= s == Sign.NEGATIVE;
            zero |= s == Sign.ZERO;
            undecided |= s == Sign.UNDECIDED;
        }
        if (positive && negative) {
            return Kind.SADDLE;
        }
        if (undecided) {
            return Kind.INCONCLUSIVE;
        }
        if (zero) {
            return Kind.DEGENERATE;
        }
        return positive ? Kind.LOCAL_MINIMUM : Kind.LOCAL_MAXIMUM;
    }

    /** Each eigenvalue's sign, or zero, or undecided at gradient tolerance {@code tolerance}. */
    private static Sign[] signs(Objective f, Tensor x, LinearAlgebra.SymmetricEigen eig, double tolerance) {
        double[] values = eig.values().toArray();
        int n = values.length;
        double zero = n * Math.ulp(1.0) * eig.values().abs().max().item();
        Sign[] signs = new Sign[n];
        for (int i = 0; i < n; i++) {
            double lambda = values[i];
            if (Math.abs(lambda) <= zero) {
                signs[i] = Sign.ZERO;
            } else if (lambda * lambda <= 2 * Math.abs(eigenvalueSlope(f, x, eig.vectors().slice(1, i, i + 1).reshape(n)))
                    * tolerance) {
                signs[i] = Sign.UNDECIDED;
            } else {
                signs[i] = lambda > 0 ? Sign.POSITIVE : Sign.NEGATIVE;
            }
        }
        return signs;
    }

    /**
     * {@code c = d/dt vᵀH(x + tv)v} at t = 0 by a central difference of Hessian-vector products, or +∞ when
     * that is not finite.
     */
    private static double eigenvalueSlope(Objective f, Tensor x, Tensor v) {
        double h = Math.cbrt(Math.ulp(1.0)) * Math.max(1, Math.sqrt(x.mul(x).sum().item()));
        Tensor ahead = f.hessianVector(x.add(v.mul(h)), v);
        Tensor behind = f.hessianVector(x.sub(v.mul(h)), v);
        double c = v.mul(ahead.sub(behind)).sum().item() / (2 * h);
        return Double.isFinite(c) ? c : Double.POSITIVE_INFINITY;
    }
}
