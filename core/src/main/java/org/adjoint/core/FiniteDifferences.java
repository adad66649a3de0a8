package org.adjoint.core;

import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * Derivatives estimated by finite differences: the "numerical gradient" used to check analytic ones.
 *
 * <p>The forward difference {@code (f(x + h·eᵢ) − f(x)) / h} has error O(h) and costs one evaluation
 * per coordinate; the centered difference {@code (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h} has error O(h²) and
 * costs two. Rounding adds an error of about {@code ε·|f| / h}, so h cannot shrink indefinitely: about
 * 1e-8 suits forward and 1e-5 centered differences in double precision (see {@link #DEFAULT_STEP}).
 * Results have the input's shape (gradient), the output's shape followed by the input's (Jacobian),
 * or the input's shape twice (Hessian).
 */
public final class FiniteDifferences {

    /** The default step for centered first differences, near the optimum {@code ε^(1/3)·|x|} for |x| ≈ 1. */
    public static final double DEFAULT_STEP = 1e-5;

    /** The default step for second differences, near the optimum {@code ε^(1/4)} for |x| ≈ 1. */
    public static final double DEFAULT_HESSIAN_STEP = 1e-4;

    /** Which difference quotient to use. */
    public enum Scheme {
        /** {@code (f(x + h) − f(x)) / h}: error O(h). */
        FORWARD,
        /** {@code (f(x + h) − f(x − h)) / 2h}: error O(h²). */
        CENTERED
    }

    private FiniteDifferences() {
    }

    /** The gradient of a scalar function by centered differences with {@link #DEFAULT_STEP}. */
    public static Tensor gradient(ToDoubleFunction<Tensor> f, Tensor x) {
        return gradient(f, x, DEFAULT_STEP, Scheme.CENTERED);
    }

    /** The gradient of a scalar function, one coordinate at a time. */
    public static Tensor gradient(ToDoubleFunction<Tensor> f, Tensor x, double h, Scheme scheme) {
        requireArguments(f, x, scheme);
        checkStep("gradient", h);
        double[] g = new double[x.size()];
        double fx = scheme == Scheme.FORWARD ? f.applyAsDouble(x) : Double.NaN;
        for (int i = 0; i < g.length; i++) {
            double plus = f.applyAsDouble(shifted(x, i, h));
            double minus = scheme == Scheme.FORWARD ? fx : f.applyAsDouble(shifted(x, i, -h));
            g[i] = (plus - minus) / (scheme == Scheme.FORWARD ? h : 2 * h);
        }
        return new Tensor(x.shape, g);
    }

    /** The Jacobian of a tensor function by centered differences with {@link #DEFAULT_STEP}. */
    public static Tensor jacobian(UnaryOperator<Tensor> f, Tensor x) {
        return jacobian(f, x, DEFAULT_STEP, Scheme.CENTERED);
    }

    /**
     * The Jacobian {@code J[o…, i…] = ∂f(x)[o…] / ∂x[i…]}, of shape {@code f(x).shape ++ x.shape}:
     * column i (in row-major order over the input) is the difference quotient along {@code eᵢ}.
     */
    public static Tensor jacobian(UnaryOperator<Tensor> f, Tensor x, double h, Scheme scheme) {
        requireArguments(f, x, scheme);
        checkStep("jacobian", h);
        Tensor fx = f.apply(x);
        int n = x.size();
        int m = fx.size();
        Shape shape = derivativeShape("jacobian", fx.shape, x.shape);
        double[] jac = new double[shape.size()];
        for (int i = 0; i < n; i++) {
            double[] plus = f.apply(shifted(x, i, h)).data;
            double[] minus = scheme == Scheme.FORWARD ? fx.data : f.apply(shifted(x, i, -h)).data;
            double width = scheme == Scheme.FORWARD ? h : 2 * h;
            for (int o = 0; o < m; o++) {
                jac[o * n + i] = (plus[o] - minus[o]) / width;
            }
        }
        return new Tensor(shape, jac);
    }

    /** The Hessian by centered second differences with {@link #DEFAULT_HESSIAN_STEP}. */
    public static Tensor hessian(ToDoubleFunction<Tensor> f, Tensor x) {
        return hessian(f, x, DEFAULT_HESSIAN_STEP);
    }

    /**
     * The Hessian of a scalar function from four evaluations per entry,
     * {@code (f(x+h·eᵢ+h·eⱼ) − f(x+h·eᵢ−h·eⱼ) − f(x−h·eᵢ+h·eⱼ) + f(x−h·eᵢ−h·eⱼ)) / 4h²}, which is
     * symmetric by construction. Costs {@code 2n(n+1)} evaluations: for small n only.
     */
    public static Tensor hessian(ToDoubleFunction<Tensor> f, Tensor x, double h) {
        requireArguments(f, x, Scheme.CENTERED);
        checkStep("hessian", h);
        int n = x.size();
        Shape shape = derivativeShape("hessian", x.shape, x.shape);
        double[] hess = new double[shape.size()];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double pp = f.applyAsDouble(shifted(shifted(x, i, h), j, h));
                double pm = f.applyAsDouble(shifted(shifted(x, i, h), j, -h));
                double mp = f.applyAsDouble(shifted(shifted(x, i, -h), j, h));
                double mm = f.applyAsDouble(shifted(shifted(x, i, -h), j, -h));
                hess[i * n + j] = (pp - pm - mp + mm) / (4 * h * h);
                hess[j * n + i] = hess[i * n + j];
            }
        }
        return new Tensor(shape, hess);
    }

    /**
     * The shape of a derivative, {@code out ++ in}, checked before anything is allocated or evaluated.
     *
     * @throws IllegalArgumentException naming {@code op} and both shapes if its size overflows an array
     */
    static Shape derivativeShape(String op, Shape out, Shape in) {
        try {
            return out.concat(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": output shape " + out + " and input shape " + in + " give "
                    + e.getMessage(), e);
        }
    }

    /**
     * The relative error {@code |a − n| / max(|a|, |n|)} used for gradient checks; 0 when both are 0,
     * NaN when either is NaN.
     */
    public static double relativeError(double analytic, double numeric) {
        double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
        if (Double.isNaN(analytic) || Double.isNaN(numeric)) {
            return Double.NaN;
        }
        return scale == 0 ? 0 : Math.abs(analytic - numeric) / scale;
    }

    /**
     * The largest elementwise {@link #relativeError(double, double)} of two tensors of one shape; NaN
     * if any element's is.
     */
    public static double relativeError(Tensor analytic, Tensor numeric) {
        if (!analytic.shape.equals(numeric.shape)) {
            throw new IllegalArgumentException("relativeError: shapes " + analytic.shape + " and "
                    + numeric.shape + " differ");
        }
        double worst = 0;
        for (int i = 0; i < analytic.size(); i++) {
            double e = relativeError(analytic.data[i], numeric.data[i]);
            if (Double.isNaN(e)) {
                return e;
            }
            worst = Math.max(worst, e);
        }
        return worst;
    }

    /** A copy of {@code x} with element {@code i} moved by {@code delta}. */
    private static Tensor shifted(Tensor x, int i, double delta) {
        double[] data = x.data.clone();
        data[i] += delta;
        return new Tensor(x.shape, data);
    }

    private static void requireArguments(Object f, Tensor x, Scheme scheme) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(scheme, "scheme");
    }

    private static void checkStep(String op, double h) {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException(op + ": step h = " + h + " must be positive and finite");
        }
    }
}
