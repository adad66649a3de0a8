package org.adjoint.optim.minimize.leastsquares;

import java.util.Objects;

/**
 * A robust loss ρ applied to each squared residual, as SciPy's {@code least_squares(loss=…,
 * f_scale=…)}: the cost is {@code C(θ) = ½·Σᵢ c²·ρ(rᵢ²/c²)}, c the soft margin {@code fScale} between
 * inliers and outliers. With z = r²/c²:
 * <ul>
 *   <li>{@link Kind#LINEAR}: ρ(z) = z, ordinary least squares (c is irrelevant);</li>
 *   <li>{@link Kind#HUBER}: ρ(z) = z for z ≤ 1, else 2√z − 1;</li>
 *   <li>{@link Kind#SOFT_L1}: ρ(z) = 2(√(1 + z) − 1), a smooth approximation of the absolute value;</li>
 *   <li>{@link Kind#CAUCHY}: ρ(z) = ln(1 + z), which weighs outliers least.</li>
 * </ul>
 * The solvers handle ρ as SciPy's {@code least_squares} and Ceres do (Triggs et al., "Bundle
 * adjustment — a modern synthesis", 2000, section 4.3): at each iterate the residuals and the Jacobian
 * are rescaled so that the Gauss–Newton model has C's gradient and a curvature that includes ρ″ where
 * it is safe to, {@code Jᵢ ← √(ρ′ + 2ρ″rᵢ²/c²)·Jᵢ} and {@code rᵢ ← ρ′·rᵢ / √(ρ′ + 2ρ″rᵢ²/c²)} (the
 * square root's argument floored at machine epsilon, as SciPy does).
 *
 * @param kind   which ρ
 * @param fScale the soft margin c > 0
 */
public record Loss(Kind kind, double fScale) {

    /** The shape of ρ. */
    public enum Kind {
        /** ρ(z) = z. */
        LINEAR,
        /** ρ(z) = z for z ≤ 1, 2√z − 1 beyond. */
        HUBER,
        /** ρ(z) = 2(√(1 + z) − 1). */
        SOFT_L1,
        /** ρ(z) = ln(1 + z). */
        CAUCHY
    }

    /** Refuses a null kind and a margin that is not positive and finite. */
    public Loss {
        Objects.requireNonNull(kind, "kind");
        if (!(fScale > 0 && fScale < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Loss: fScale must be positive and finite, got " + fScale);
        }
    }

    /** Ordinary least squares, ρ(z) = z. */
    public static Loss linear() {
        return new Loss(Kind.LINEAR, 1);
    }

    /** Huber's loss with margin {@code fScale}. */
    public static Loss huber(double fScale) {
        return new Loss(Kind.HUBER, fScale);
    }

    /** The soft-L1 loss with margin {@code fScale}. */
    public static Loss softL1(double fScale) {
        return new Loss(Kind.SOFT_L1, fScale);
    }

    /** The Cauchy loss with margin {@code fScale}. */
    public static Loss cauchy(double fScale) {
        return new Loss(Kind.CAUCHY, fScale);
    }

    /** {@code {ρ(z), ρ′(z), ρ″(z)}} at z ≥ 0. */
    double[] rho(double z) {
        return switch (kind) {
            case LINEAR -> new double[] {z, 1, 0};
            case HUBER -> z <= 1 ? new double[] {z, 1, 0}
                    : new double[] {2 * Math.sqrt(z) - 1, 1 / Math.sqrt(z), -0.5 / (z * Math.sqrt(z))};
            case SOFT_L1 -> {
                double t = 1 + z;
                yield new double[] {2 * (Math.sqrt(t) - 1), 1 / Math.sqrt(t), -0.5 / (t * Math.sqrt(t))};
            }
            case CAUCHY -> new double[] {Math.log1p(z), 1 / (1 + z), -1 / ((1 + z) * (1 + z))};
        };
    }

    /** The cost {@code ½·Σ c²·ρ(rᵢ²/c²)} of residuals r. */
    double cost(double[] r) {
        if (kind == Kind.LINEAR) {
            double norm = Norms.euclidean(r);
            return 0.5 * norm * norm;
        }
        double sum = 0;
        for (double ri : r) {
            sum += rho(ri * ri / (fScale * fScale))[0];
        }
        return 0.5 * fScale * fScale * sum;
    }
}
