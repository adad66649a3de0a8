package org.adjoint.autodiff;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import org.adjoint.core.FiniteDifferences;
import org.adjoint.core.Tensor;

/**
 * Checks derivatives computed by autodiff against centered finite differences, like PyTorch's
 * {@code gradcheck} and {@code gradgradcheck}.
 *
 * <p>{@link #gradient} compares each partial derivative with the centered difference
 * {@code D(h) = (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h}; {@link #hessian} compares each column of the
 * autodiff Hessian with centered differences of the autodiff gradient, which checks the second-order
 * rules and the cross terms between inputs. Both take one Richardson extrapolation step,
 * {@code (4·D(h/2) − D(h)) / 3}, which cancels the difference's h² error term and leaves an O(h⁴) one:
 * plain centered differences fail correct derivatives where every value is 0 but higher derivatives
 * are large (a deep property run found {@code 256·x⁴} at {@code x = 0}). The error of each entry is
 * <pre>   |a − n| / max(|a|, |n|, scale · max(1, m))</pre>
 * a relative error that becomes absolute for entries that are small next to the magnitude m of what
 * is being differenced ({@code |f(x)|} for gradients, the largest {@code |∂f/∂xᵢ|} for Hessians). Below
 * that level the rounding noise of the difference quotient, about {@code ε·m/h}, would dominate a
 * purely relative error and fail correct derivatives. Defaults suit double precision:
 * {@code h = 1e-5}, {@code scale = 1e-3}, tolerance {@code 1e-6}.
 *
 * <pre>{@code
 * GradCheck.Report r = GradCheck.defaults().gradient(x -> x.tanh().sum(), x);
 * if (!r.passed()) System.out.println(r);   // the worst entry, its two values and its error
 * }</pre>
 *
 * <p>For functions with a tensor output, or to check forward against reverse mode and Hessian
 * symmetry cheaply along random directions, use {@link DerivativeCheck}.
 *
 * <p>This class holds the configuration and the two checks; the derivatives on either side are
 * computed by {@code GradCheckDerivatives}, entries are numbered and named by
 * {@code GradCheckEntries}, and the worst one is tracked by {@code GradCheckWorst}.
 */
public final class GradCheck {

    private final double step;
    private final double scale;
    private final double tolerance;

    private GradCheck(double step, double scale, double tolerance) {
        this.step = positive("step", step);
        this.scale = positive("scale", scale);
        this.tolerance = positive("tolerance", tolerance);
    }

    /** A checker with step 1e-5, scale 1e-3 and tolerance 1e-6. */
    public static GradCheck defaults() {
        return new GradCheck(FiniteDifferences.DEFAULT_STEP, 1e-3, 1e-6);
    }

    /** The same checker with another finite-difference step h. */
    public GradCheck withStep(double h) {
        return new GradCheck(h, scale, tolerance);
    }

    /** The same checker with another floor for the error's denominator. */
    public GradCheck withScale(double newScale) {
        return new GradCheck(step, newScale, tolerance);
    }

    /** The same checker with another largest acceptable error. */
    public GradCheck withTolerance(double newTolerance) {
        return new GradCheck(step, scale, newTolerance);
    }

    /**
     * The outcome of a check: the worst entry's error, where it is, and its two values.
     *
     * @param maxError  the largest error over all entries (NaN if any value was NaN)
     * @param location  the worst entry, e.g. {@code ∂/∂x1[2, 0]}
     * @param analytic  the autodiff value there
     * @param numeric   the finite-difference value there
     * @param tolerance the largest error that passes
     */
    public record Report(double maxError, String location, double analytic, double numeric, double tolerance) {

        /** Refuses a null location. */
        public Report {
            Objects.requireNonNull(location, "location");
        }

        /** Whether every entry's error is within the tolerance (false if any is NaN). */
        public boolean passed() {
            return maxError <= tolerance;
        }

        @Override
        public String toString() {
            return (passed() ? "passed" : "FAILED") + ": worst error " + maxError + " (tolerance " + tolerance
                    + ") at " + location + ": autodiff " + analytic + ", finite differences " + numeric;
        }
    }

    /** Checks the gradient of a scalar function of one tensor. */
    public Report gradient(VarFunction f, Tensor x) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(x, "x");
        return gradient((Function<Var[], Var>) xs -> f.apply(xs[0]), new Tensor[] {x});
    }

    /** Checks the gradient of a scalar function with respect to each of its inputs. */
    public Report gradient(Function<Var[], Var> f, Tensor... inputs) {
        Tensor[] analytic = GradCheckDerivatives.analyticGradients(f, inputs);
        double magnitude = Math.abs(GradCheckDerivatives.scalar(f.apply(GradCheckDerivatives.constants(inputs))).item());
        GradCheckWorst worst = new GradCheckWorst(scale, magnitude);
        for (int i = 0; i < inputs.length; i++) {
            int which = i;
            Tensor numeric = GradCheckDerivatives.numericGradient(f, inputs, i, step);
            worst.compare(analytic[i], numeric,
                    k -> "∂/∂x" + which + GradCheckEntries.coordinates(inputs[which].shape(), k));
        }
        return worst.report(tolerance);
    }

    /** Checks the Hessian of a scalar function of one tensor. */
    public Report hessian(VarFunction f, Tensor x) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(x, "x");
        return hessian((Function<Var[], Var>) xs -> f.apply(xs[0]), new Tensor[] {x});
    }

    /**
     * Checks every second partial derivative of a scalar function, including those across two
     * inputs: the autodiff Hessian, row by row, against centered differences of the autodiff gradient.
     */
    public Report hessian(Function<Var[], Var> f, Tensor... inputs) {
        GradCheckEntries entries = new GradCheckEntries(inputs);
        double[][] analytic = GradCheckDerivatives.analyticHessian(f, inputs, entries);
        double[][] numeric = new double[entries.count()][];
        for (int c = 0; c < entries.count(); c++) {
            numeric[c] = entries.flatten(GradCheckDerivatives.numericHessianColumn(f, inputs, entries.input(c),
                    entries.element(c), step));
        }
        double magnitude = largestMagnitude(entries.flatten(GradCheckDerivatives.analyticGradients(f, inputs)));
        GradCheckWorst worst = new GradCheckWorst(scale, magnitude);
        for (int r = 0; r < entries.count(); r++) {
            int row = r;
            double[] numericRow = new double[entries.count()];
            Arrays.setAll(numericRow, c -> numeric[c][row]);
            worst.compare(analytic[r], numericRow, c -> "∂²/" + entries.name(row) + entries.name(c));
        }
        return worst.report(tolerance);
    }

    private static double largestMagnitude(double[] values) {
        double largest = 0;
        for (double v : values) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }

    private static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("GradCheck: " + name + " = " + value + " must be positive and finite");
        }
        return value;
    }
}
