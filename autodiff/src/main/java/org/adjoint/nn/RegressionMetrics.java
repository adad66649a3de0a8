package org.adjoint.nn;

import java.util.Objects;
import java.util.function.ToDoubleBiFunction;
import org.adjoint.core.Tensor;

/**
 * Regression metrics with scikit-learn's definitions ({@code mean_absolute_error},
 * {@code mean_squared_error}, {@code r2_score}), for a target y and a prediction ŷ of the same shape:
 * a vector (one output per example) or a matrix (rows are examples, columns outputs). Over n examples,
 * per output:
 * <pre>
 *   MAE = Σ |yᵢ − ŷᵢ| / n          MSE = Σ (yᵢ − ŷᵢ)² / n
 *   R²  = 1 − Σ (yᵢ − ŷᵢ)² / Σ (yᵢ − ȳ)²,   ȳ = Σ yᵢ / n
 * </pre>
 * and with several outputs the mean over outputs ({@code multioutput="uniform_average"}). R² is 1 for
 * an exact prediction, 0 for the constant prediction ȳ, and negative for worse ones. For a constant
 * target (Σ (yᵢ − ȳ)² = 0) R² would be 0/0 or −∞; as scikit-learn ({@code force_finite=True}), it is
 * 1 if the prediction is exact and 0 otherwise. R² needs at least two examples (scikit-learn returns
 * NaN with a warning for one; here it is an error).
 *
 * <p>Every value must be finite: a NaN or infinite target or prediction is refused, as scikit-learn
 * refuses it, rather than turned into a NaN metric.
 */
public final class RegressionMetrics {

    private RegressionMetrics() {
    }

    /**
     * The mean absolute error.
     *
     * @throws IllegalArgumentException if the shapes differ, are not a non-empty vector or matrix, or
     *                                  naming the first value that is not finite
     */
    public static double meanAbsoluteError(Tensor target, Tensor predicted) {
        return averageOverOutputs("meanAbsoluteError", target, predicted, 1, (y, p) -> absoluteError(y, p) / y.length);
    }

    /**
     * The mean squared error.
     *
     * @throws IllegalArgumentException as {@link #meanAbsoluteError}
     */
    public static double meanSquaredError(Tensor target, Tensor predicted) {
        return averageOverOutputs("meanSquaredError", target, predicted, 1, (y, p) -> squaredError(y, p) / y.length);
    }

    /**
     * The coefficient of determination R².
     *
     * @throws IllegalArgumentException as {@link #meanAbsoluteError}, or if there are fewer than two
     *                                  examples
     */
    public static double r2(Tensor target, Tensor predicted) {
        return averageOverOutputs("r2", target, predicted, 2, RegressionMetrics::r2);
    }

    /** The mean over outputs (columns) of {@code metric}, after validating both tensors. */
    private static double averageOverOutputs(String op, Tensor target, Tensor predicted, int minRows,
                                             ToDoubleBiFunction<double[], double[]> metric) {
        double[][] y = columns(op, "target", target, predicted, minRows);
        double[][] p = columns(op, "prediction", predicted, target, minRows);
        double sum = 0;
        for (int k = 0; k < y.length; k++) {
            sum += metric.applyAsDouble(y[k], p[k]);
        }
        return sum / y.length;
    }

    private static double r2(double[] y, double[] p) {
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double total = 0;
        for (double v : y) {
            total += (v - mean) * (v - mean);
        }
        double residual = squaredError(y, p);
        if (total == 0) {
            return residual == 0 ? 1 : 0;
        }
        return 1 - residual / total;
    }

    private static double absoluteError(double[] y, double[] p) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += Math.abs(y[i] - p[i]);
        }
        return sum;
    }

    private static double squaredError(double[] y, double[] p) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += (y[i] - p[i]) * (y[i] - p[i]);
        }
        return sum;
    }

    /**
     * {@code x} (the {@code name}) validated against {@code other} and split into columns (one for a vector).
     *
     * @param minRows the fewest examples the metric is defined for
     */
    private static double[][] columns(String op, String name, Tensor x, Tensor other, int minRows) {
        Objects.requireNonNull(x, name);
        Objects.requireNonNull(other, "target and prediction");
        if (!x.shape().equals(other.shape())) {
            throw new IllegalArgumentException(op + ": target and prediction shapes differ: " + x.shape()
                    + " and " + other.shape());
        }
        if (x.rank() < 1 || x.rank() > 2 || x.size() == 0) {
            throw new IllegalArgumentException(op + ": shape " + x.shape()
                    + "; need a non-empty vector or matrix (rows are examples)");
        }
        int rows = x.shape().dim(0);
        if (rows < minRows) {
            throw new IllegalArgumentException(op + ": " + rows + " example(s); need at least " + minRows);
        }
        int cols = x.rank() == 1 ? 1 : x.shape().dim(1);
        double[] data = x.toArray();
        double[][] columns = new double[cols][rows];
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw new IllegalArgumentException(op + ": " + name + " " + data[i] + " at example " + i / cols
                        + (cols > 1 ? ", output " + i % cols : "") + "; every value must be finite");
            }
            columns[i % cols][i / cols] = data[i];
        }
        return columns;
    }
}
