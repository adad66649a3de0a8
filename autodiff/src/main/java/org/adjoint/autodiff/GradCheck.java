package org.adjoint.autodiff;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import org.adjoint.core.FiniteDifferences;
import org.adjoint.core.Shape;
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
        return gradient((Function<Var[], Var>) xs -> f.apply(xs[0]), new Tensor[] {x});
    }

    /** Checks the gradient of a scalar function with respect to each of its inputs. */
    public Report gradient(Function<Var[], Var> f, Tensor... inputs) {
        Tensor[] analytic = analyticGradients(f, inputs);
        Worst worst = new Worst(Math.abs(scalar(f.apply(constants(inputs))).item()));
        for (int i = 0; i < inputs.length; i++) {
            int which = i;
            ToDoubleFunction<Tensor> fi = t -> f.apply(constants(inputs, which, t)).item();
            Tensor numeric = extrapolated(FiniteDifferences.gradient(fi, inputs[i], step, FiniteDifferences.Scheme.CENTERED),
                    FiniteDifferences.gradient(fi, inputs[i], step / 2, FiniteDifferences.Scheme.CENTERED));
            worst.compare(analytic[i], numeric, k -> "∂/∂x" + which + coordinates(inputs[which].shape(), k));
        }
        return worst.report(tolerance);
    }

    /** Checks the Hessian of a scalar function of one tensor. */
    public Report hessian(VarFunction f, Tensor x) {
        return hessian((Function<Var[], Var>) xs -> f.apply(xs[0]), new Tensor[] {x});
    }

    /**
     * Checks every second partial derivative of a scalar function, including those across two
     * inputs: the autodiff Hessian, row by row, against centered differences of the autodiff gradient.
     */
    public Report hessian(Function<Var[], Var> f, Tensor... inputs) {
        Entries entries = new Entries(inputs);
        double[][] analytic = analyticHessian(f, inputs, entries);
        double[][] numeric = new double[entries.count()][];
        for (int c = 0; c < entries.count(); c++) {
            numeric[c] = entries.flatten(numericColumn(f, inputs, entries.input(c), entries.element(c)));
        }
        Worst worst = new Worst(largestMagnitude(entries.flatten(analyticGradients(f, inputs))));
        for (int r = 0; r < entries.count(); r++) {
            int row = r;
            double[] numericRow = new double[entries.count()];
            Arrays.setAll(numericRow, c -> numeric[c][row]);
            worst.compare(analytic[r], numericRow, c -> "∂²/" + entries.name(row) + entries.name(c));
        }
        return worst.report(tolerance);
    }

    /** Row r of the Hessian is the gradient, with respect to every input, of gradient entry r. */
    private static double[][] analyticHessian(Function<Var[], Var> f, Tensor[] inputs, Entries entries) {
        Var[] params = params(inputs);
        Var[] gradients = Backward.of(scalar(f.apply(params))).allowingUnused().differentiableGradients(params);
        double[][] rows = new double[entries.count()][];
        for (int r = 0; r < entries.count(); r++) {
            Var gradient = gradients[entries.input(r)];
            if (!gradient.requiresGrad()) {
                rows[r] = new double[entries.count()];
                continue;
            }
            double[] seed = new double[gradient.value().size()];
            seed[entries.element(r)] = 1;
            rows[r] = entries.flatten(Backward.of(gradient).withSeed(Tensor.of(gradient.shape(), seed))
                    .allowingUnused().gradients(params));
        }
        return rows;
    }

    /** The derivative of the whole autodiff gradient along element e of input j, by extrapolated centered differences. */
    private Tensor[] numericColumn(Function<Var[], Var> f, Tensor[] inputs, int j, int e) {
        Tensor[] wide = centeredColumn(f, inputs, j, e, step);
        Tensor[] narrow = centeredColumn(f, inputs, j, e, step / 2);
        Tensor[] column = new Tensor[inputs.length];
        Arrays.setAll(column, i -> extrapolated(wide[i], narrow[i]));
        return column;
    }

    private static Tensor[] centeredColumn(Function<Var[], Var> f, Tensor[] inputs, int j, int e, double h) {
        Tensor[] plus = analyticGradients(f, moved(inputs, j, e, h));
        Tensor[] minus = analyticGradients(f, moved(inputs, j, e, -h));
        Tensor[] column = new Tensor[inputs.length];
        Arrays.setAll(column, i -> plus[i].sub(minus[i]).div(2 * h));
        return column;
    }

    /** One Richardson step from centered differences with steps h and h/2: {@code (4·D(h/2) − D(h)) / 3}. */
    private static Tensor extrapolated(Tensor wide, Tensor narrow) {
        return narrow.mul(4).sub(wide).div(3);
    }

    private static Tensor[] moved(Tensor[] inputs, int j, int e, double delta) {
        Tensor[] moved = inputs.clone();
        double[] data = inputs[j].toArray();
        data[e] += delta;
        moved[j] = Tensor.of(inputs[j].shape(), data);
        return moved;
    }

    private static double largestMagnitude(double[] values) {
        double largest = 0;
        for (double v : values) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }

    private static Tensor[] analyticGradients(Function<Var[], Var> f, Tensor[] inputs) {
        Var[] params = params(inputs);
        return Backward.of(scalar(f.apply(params))).allowingUnused().gradients(params);
    }

    private static Var[] params(Tensor[] inputs) {
        Var[] params = new Var[inputs.length];
        Arrays.setAll(params, i -> Var.param(inputs[i]));
        return params;
    }

    private static Var[] constants(Tensor[] inputs) {
        Var[] vars = new Var[inputs.length];
        Arrays.setAll(vars, i -> Var.constant(inputs[i]));
        return vars;
    }

    private static Var[] constants(Tensor[] inputs, int replaced, Tensor value) {
        Var[] vars = new Var[inputs.length];
        Arrays.setAll(vars, i -> Var.constant(i == replaced ? value : inputs[i]));
        return vars;
    }

    private static Var scalar(Var y) {
        if (y.value().size() != 1) {
            throw new IllegalArgumentException("gradcheck: the function must return a scalar but returned shape "
                    + y.shape());
        }
        return y;
    }

    private static String coordinates(Shape shape, int flat) {
        int[] index = new int[shape.rank()];
        for (int d = shape.rank() - 1; d >= 0; d--) {
            index[d] = flat % shape.dim(d);
            flat /= shape.dim(d);
        }
        return Arrays.toString(index);
    }

    private static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("GradCheck: " + name + " = " + value + " must be positive and finite");
        }
        return value;
    }

    /** Every element of every input, numbered in order, so that a Hessian is one square matrix. */
    private static final class Entries {
        private final Tensor[] inputs;
        private final int[] offsets;

        Entries(Tensor[] inputs) {
            this.inputs = inputs;
            this.offsets = new int[inputs.length + 1];
            for (int i = 0; i < inputs.length; i++) {
                offsets[i + 1] = offsets[i] + inputs[i].size();
            }
        }

        int count() {
            return offsets[inputs.length];
        }

        int input(int entry) {
            int i = 0;
            while (offsets[i + 1] <= entry) {
                i++;
            }
            return i;
        }

        int element(int entry) {
            return entry - offsets[input(entry)];
        }

        String name(int entry) {
            return "∂x" + input(entry) + coordinates(inputs[input(entry)].shape(), element(entry));
        }

        double[] flatten(Tensor[] parts) {
            double[] flat = new double[count()];
            for (int i = 0; i < parts.length; i++) {
                System.arraycopy(parts[i].toArray(), 0, flat, offsets[i], parts[i].size());
            }
            return flat;
        }
    }

    /** The running worst entry of a comparison; the first NaN, once met, stays the worst. */
    private final class Worst {
        private final double floor;
        private double error;
        private String location = "nowhere (no entries)";
        private double analytic;
        private double numeric;

        /** A comparison of derivatives of something of magnitude {@code magnitude}. */
        Worst(double magnitude) {
            this.floor = scale * Math.max(1, Double.isFinite(magnitude) ? magnitude : 1);
        }

        void compare(Tensor a, Tensor n, IntFunction<String> where) {
            compare(a.toArray(), n.toArray(), where);
        }

        void compare(double[] a, double[] n, IntFunction<String> where) {
            for (int k = 0; k < a.length && !Double.isNaN(error); k++) {
                double e = Math.abs(a[k] - n[k]) / Math.max(floor, Math.max(Math.abs(a[k]), Math.abs(n[k])));
                if (Double.isNaN(e) || e > error) {
                    error = e;
                    location = where.apply(k);
                    analytic = a[k];
                    numeric = n[k];
                }
            }
        }

        Report report(double tol) {
            return new Report(error, location, analytic, numeric, tol);
        }
    }
}
