package org.adjoint.autodiff;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.adjoint.core.FiniteDifferences;
import org.adjoint.core.Tensor;

/**
 * The two sides {@link GradCheck} compares: derivatives by autodiff, and the same derivatives by
 * centered finite differences with one Richardson step, {@code (4·D(h/2) − D(h)) / 3}.
 */
final class GradCheckDerivatives {

    private GradCheckDerivatives() {
    }

    /** The autodiff gradient of {@code f} with respect to each input. */
    static Tensor[] analyticGradients(Function<Var[], Var> f, Tensor[] inputs) {
        Var[] params = params(inputs);
        return Backward.of(scalar(f.apply(params))).allowingUnused().gradients(params);
    }

    /** Row r of the Hessian is the gradient, with respect to every input, of gradient entry r. */
    static double[][] analyticHessian(Function<Var[], Var> f, Tensor[] inputs, GradCheckEntries entries) {
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

    /** The gradient with respect to input i by extrapolated centered differences of the value. */
    static Tensor numericGradient(Function<Var[], Var> f, Tensor[] inputs, int i, double step) {
        ToDoubleFunction<Tensor> fi = t -> f.apply(constants(inputs, i, t)).item();
        return extrapolated(FiniteDifferences.gradient(fi, inputs[i], step, FiniteDifferences.Scheme.CENTERED),
                FiniteDifferences.gradient(fi, inputs[i], step / 2, FiniteDifferences.Scheme.CENTERED));
    }

    /** The derivative of the whole autodiff gradient along element e of input j, by extrapolated centered differences. */
    static Tensor[] numericHessianColumn(Function<Var[], Var> f, Tensor[] inputs, int j, int e, double step) {
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

    private static Var[] params(Tensor[] inputs) {
        Var[] params = new Var[inputs.length];
        Arrays.setAll(params, i -> Var.param(inputs[i]));
        return params;
    }

    /** The inputs as constants. */
    static Var[] constants(Tensor[] inputs) {
        Var[] vars = new Var[inputs.length];
        Arrays.setAll(vars, i -> Var.constant(inputs[i]));
        return vars;
    }

    private static Var[] constants(Tensor[] inputs, int replaced, Tensor value) {
        Var[] vars = new Var[inputs.length];
        Arrays.setAll(vars, i -> Var.constant(i == replaced ? value : inputs[i]));
        return vars;
    }

    /** {@code y}, checked to have one element. */
    static Var scalar(Var y) {
        if (y.value().size() != 1) {
            throw new IllegalArgumentException("gradcheck: the function must return a scalar but returned shape "
                    + y.shape());
        }
        return y;
    }
}
