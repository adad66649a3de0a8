package org.adjoint.optim.minimize.leastsquares;

import org.adjoint.optim.minimize.bounded.Bounds;
import java.util.Arrays;
import java.util.Objects;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * Fits a {@link Model} y ≈ f(x; θ) to data, as {@code scipy.optimize.curve_fit}: minimizes
 * {@code ½Σᵢ((f(xᵢ; θ) − yᵢ)/σᵢ)²} with a {@link LevenbergMarquardt} solver (exact Jacobians from the
 * model's Var code) and reports the covariance and standard errors of θ (see {@link CurveFitResult}).
 * The σᵢ are relative: only their ratios matter, since the covariance is rescaled by the residual
 * variance ({@code absolute_sigma=False}). The covariance is the least-squares one: with a robust
 * {@link Loss} in the solver it describes the linearized fit at θ*, not the robust estimator, as in
 * SciPy when {@code curve_fit} is given a {@code loss}.
 *
 * <pre>{@code
 * CurveFitResult fit = CurveFit.standard().fit(model, x, y, Tensor.vector(500, 1e-4));
 * }</pre>
 *
 * @param solver the least-squares solver and its settings
 */
public record CurveFit(LevenbergMarquardt solver) {

    private static final String OP = "CurveFit";

    /** Refuses a null solver. */
    public CurveFit {
        Objects.requireNonNull(solver, "solver");
    }

    /** With {@link LevenbergMarquardt#standard()}. */
    public static CurveFit standard() {
        return new CurveFit(LevenbergMarquardt.standard());
    }

    /**
     * Fits with equal σ.
     *
     * @param model  f(x; θ)
     * @param x      the predictors, first axis over the m observations ([m] or [m, k])
     * @param y      the m responses
     * @param theta0 the starting point, a vector of n ≤ m parameters
     */
    public CurveFitResult fit(Model model, Tensor x, double[] y, Tensor theta0) {
        Objects.requireNonNull(y, "y");
        double[] sigma = new double[y.length];
        Arrays.fill(sigma, 1);
        return fit(model, x, y, theta0, sigma);
    }

    /** Fits with per-observation σᵢ (each positive and finite; relative, as curve_fit's {@code sigma}). */
    public CurveFitResult fit(Model model, Tensor x, double[] y, Tensor theta0, double[] sigma) {
        Objects.requireNonNull(theta0, "theta0");
        return fit(model, x, y, theta0, sigma, Bounds.unbounded(Inputs.start(OP, theta0).length));
    }

    /**
     * Fits with per-observation σᵢ within bounds on θ (θ₀ inside them), as curve_fit's {@code bounds}.
     * The covariance is computed as without bounds, from J at θ* (SciPy does the same); for a parameter
     * held at a bound it is not a meaningful uncertainty.
     */
    public CurveFitResult fit(Model model, Tensor x, double[] y, Tensor theta0, double[] sigma, Bounds bounds) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(theta0, "theta0");
        Objects.requireNonNull(bounds, "bounds");
        validate(x, y, sigma);
        LeastSquaresResult solve = solver.solve(residuals(model, x, y, sigma), theta0, bounds);
        return statistics(solve);
    }

    private static void validate(Tensor x, double[] y, double[] sigma) {
        Inputs.finite(OP, "y", y);
        Objects.requireNonNull(sigma, "sigma");
        int m = y.length;
        if (x.shape().rank() < 1 || x.shape().dim(0) != m) {
            throw new IllegalArgumentException(OP + ": x has shape " + x.shape() + " but there are " + m
                    + " responses; x's first axis must run over the observations");
        }
        if (sigma.length != m) {
            throw new IllegalArgumentException(OP + ": " + sigma.length + " values of sigma for " + m + " observations");
        }
        double[] xs = x.toArray();
        int perRow = m == 0 ? 0 : xs.length / m;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i])) {
                throw new IllegalArgumentException(OP + ": x at row " + i / perRow + " is " + xs[i] + "; the data must be finite");
            }
        }
        for (int i = 0; i < m; i++) {
            if (!(sigma[i] > 0 && sigma[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(OP + ": sigma[" + i + "] is " + sigma[i] + "; it must be positive and finite");
            }
        }
    }

    /** θ ↦ (f(x; θ) − y)/σ, checking the model's output shape. */
    private static VarFunction residuals(Model model, Tensor x, double[] y, double[] sigma) {
        Var xs = Var.constant(x);
        Var ys = Var.constant(Tensor.vector(y));
        Var inverseSigma = Var.constant(Tensor.vector(Arrays.stream(sigma).map(s -> 1 / s).toArray()));
        Shape expected = Shape.of(y.length);
        return theta -> {
            Var f = model.predict(theta, xs);
            if (!f.shape().equals(expected)) {
                throw new IllegalArgumentException(OP + ": the model returned shape " + f.shape() + " for " + y.length
                        + " observations; it must return one prediction per observation, shape " + expected);
            }
            return f.sub(ys).mul(inverseSigma);
        };
    }

    private static CurveFitResult statistics(LeastSquaresResult solve) {
        int n = solve.theta().shape().size();
        int m = solve.residuals().shape().size();
        double rss = solve.residualSumOfSquares();
        PivotedQr qr = new PivotedQr(solve.jacobian().toArray(), m, n);
        double[] covariance = new double[n * n];
        if (m == n || qr.rank() < n) {
            Arrays.fill(covariance, Double.POSITIVE_INFINITY);
        } else {
            double[] inverse = qr.inverseGram();
            double variance = rss / (m - n);
            for (int k = 0; k < n * n; k++) {
                covariance[k] = variance * inverse[k];
            }
        }
        double[] errors = new double[n];
        for (int j = 0; j < n; j++) {
            errors[j] = Math.sqrt(covariance[j * n + j]);
        }
        return new CurveFitResult(solve.theta(), Tensor.of(Shape.of(n, n), covariance), Tensor.vector(errors), rss, m - n,
                solve);
    }
}
