package org.adjoint.optim.minimize.leastsquares.nist;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.adjoint.autodiff.Var;
import org.adjoint.optim.minimize.leastsquares.Model;

/**
 * The 27 NIST StRD nonlinear regression models as {@link Model}s, transcribed from each file's
 * "Model:" block (b1 … bn are {@code b(θ, 1)} … {@code b(θ, n)}). For Nelson the response is
 * {@code log y}, and x has two columns: {@link #response} gives the transformed responses.
 */
public final class NistModels {

    private static final double TWO_PI = 2 * Math.PI;

    private static final Map<String, Model> MODELS = Map.ofEntries(
            Map.entry("Misra1a", (t, x) -> b(t, 1).mul(x.mul(b(t, 2)).neg().exp().neg().add(1))),
            Map.entry("Chwirut1", NistModels::chwirut),
            Map.entry("Chwirut2", NistModels::chwirut),
            Map.entry("Lanczos1", NistModels::lanczos),
            Map.entry("Lanczos2", NistModels::lanczos),
            Map.entry("Lanczos3", NistModels::lanczos),
            Map.entry("Gauss1", NistModels::gauss),
            Map.entry("Gauss2", NistModels::gauss),
            Map.entry("Gauss3", NistModels::gauss),
            Map.entry("DanWood", (t, x) -> b(t, 1).mul(x.pow(b(t, 2)))),
            Map.entry("Misra1b", (t, x) -> b(t, 1).mul(x.mul(b(t, 2)).div(2).add(1).pow(-2).neg().add(1))),
            Map.entry("Kirby2", (t, x) -> polynomial(t, x, 1, 2).div(monic(t, x, 4, 2))),
            Map.entry("Hahn1", NistModels::cubicOverCubic),
            Map.entry("Thurber", NistModels::cubicOverCubic),
            Map.entry("Nelson", NistModels::nelson),
            Map.entry("MGH17", (t, x) -> b(t, 1).add(b(t, 2).mul(x.mul(b(t, 4)).neg().exp()))
                    .add(b(t, 3).mul(x.mul(b(t, 5)).neg().exp()))),
            Map.entry("Misra1c", (t, x) -> b(t, 1).mul(x.mul(b(t, 2)).mul(2).add(1).pow(-0.5).neg().add(1))),
            Map.entry("Misra1d", (t, x) -> b(t, 1).mul(b(t, 2)).mul(x).div(x.mul(b(t, 2)).add(1))),
            Map.entry("Roszman1", (t, x) -> b(t, 1).sub(b(t, 2).mul(x)).sub(b(t, 3).div(x.sub(b(t, 4))).atan().div(Math.PI))),
            Map.entry("ENSO", NistModels::enso),
            Map.entry("MGH09", (t, x) -> b(t, 1).mul(x.square().add(x.mul(b(t, 2))))
                    .div(x.square().add(x.mul(b(t, 3))).add(b(t, 4)))),
            Map.entry("MGH10", (t, x) -> b(t, 1).mul(b(t, 2).div(x.add(b(t, 3))).exp())),
            Map.entry("Eckerle4", (t, x) -> b(t, 1).div(b(t, 2)).mul(x.sub(b(t, 3)).div(b(t, 2)).square().mul(-0.5).exp())),
            Map.entry("Rat42", (t, x) -> b(t, 1).div(b(t, 2).sub(b(t, 3).mul(x)).exp().add(1))),
            Map.entry("Rat43", (t, x) -> b(t, 1).div(b(t, 2).sub(b(t, 3).mul(x)).exp().add(1).pow(b(t, 4).pow(-1)))),
            Map.entry("Bennett5", (t, x) -> b(t, 1).mul(b(t, 2).add(x).pow(b(t, 3).pow(-1).neg()))),
            Map.entry("BoxBOD", (t, x) -> b(t, 1).mul(x.mul(b(t, 2)).neg().exp().neg().add(1))));

    private NistModels() {
    }

    /** The names of the 27 datasets, sorted. */
    public static Set<String> names() {
        return new TreeSet<>(MODELS.keySet());
    }

    /**
     * The model of dataset {@code name}.
     *
     * @throws IllegalArgumentException naming the unknown dataset
     */
    public static Model model(String name) {
        Objects.requireNonNull(name, "name");
        Model model = MODELS.get(name);
        if (model == null) {
            throw new IllegalArgumentException("NistModels: no model for dataset \"" + name + "\"; known: " + names());
        }
        return model;
    }

    /** The responses the model fits: y, or log y for Nelson ("log[y] = b1 − b2·x1·exp[−b3·x2]"). */
    public static double[] response(NistDataset dataset) {
        Objects.requireNonNull(dataset, "dataset");
        double[] y = dataset.y();
        if (dataset.name().equals("Nelson")) {
            for (int i = 0; i < y.length; i++) {
                y[i] = Math.log(y[i]);
            }
        }
        return y;
    }

    /** Parameter b_k (k from 1, as NIST numbers them), a vector of length 1 that broadcasts over x. */
    public static Var b(Var theta, int k) {
        return theta.slice(0, k - 1, k);
    }

    private static Var chwirut(Var t, Var x) {
        return x.mul(b(t, 1)).neg().exp().div(b(t, 2).add(b(t, 3).mul(x)));
    }

    private static Var lanczos(Var t, Var x) {
        return decay(t, x, 1).add(decay(t, x, 3)).add(decay(t, x, 5));
    }

    /** {@code b_k·exp(−b_{k+1}·x)}. */
    private static Var decay(Var t, Var x, int k) {
        return b(t, k).mul(x.mul(b(t, k + 1)).neg().exp());
    }

    private static Var gauss(Var t, Var x) {
        return decay(t, x, 1).add(peak(t, x, 3)).add(peak(t, x, 6));
    }

    /** {@code b_k·exp(−(x − b_{k+1})² / b_{k+2}²)}. */
    private static Var peak(Var t, Var x, int k) {
        return b(t, k).mul(x.sub(b(t, k + 1)).square().div(b(t, k + 2).square()).neg().exp());
    }

    /** {@code b_first + b_{first+1}·x + … + b_{first+degree}·x^degree}. */
    private static Var polynomial(Var t, Var x, int first, int degree) {
        Var sum = b(t, first + degree);
        for (int k = first + degree - 1; k >= first; k--) {
            sum = sum.mul(x).add(b(t, k));
        }
        return sum;
    }

    /** {@code 1 + b_first·x + … + b_{first+degree−1}·x^degree}. */
    private static Var monic(Var t, Var x, int first, int degree) {
        return polynomial(t, x, first, degree - 1).mul(x).add(1);
    }

    private static Var cubicOverCubic(Var t, Var x) {
        return polynomial(t, x, 1, 3).div(monic(t, x, 5, 3));
    }

    private static Var nelson(Var t, Var x) {
        Var x1 = x.slice(1, 0, 1).reshape(-1);
        Var x2 = x.slice(1, 1, 2).reshape(-1);
        return b(t, 1).sub(b(t, 2).mul(x1).mul(x2.mul(b(t, 3)).neg().exp()));
    }

    private static Var enso(Var t, Var x) {
        Var annual = x.mul(TWO_PI / 12);
        Var period4 = x.mul(TWO_PI).div(b(t, 4));
        Var period7 = x.mul(TWO_PI).div(b(t, 7));
        return b(t, 1).add(b(t, 2).mul(annual.cos())).add(b(t, 3).mul(annual.sin()))
                .add(b(t, 5).mul(period4.cos())).add(b(t, 6).mul(period4.sin()))
                .add(b(t, 8).mul(period7.cos())).add(b(t, 9).mul(period7.sin()));
    }
}
