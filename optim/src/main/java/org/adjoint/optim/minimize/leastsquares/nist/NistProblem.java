package org.adjoint.optim.minimize.leastsquares.nist;

import java.util.Objects;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.leastsquares.Model;

/**
 * A NIST StRD dataset with its model: the residuals {@code rᵢ(θ) = yᵢ − f(xᵢ; θ)} (log y for Nelson),
 * and the score of an estimate against the certified values.
 *
 * @param dataset the dataset
 * @param model   its model
 */
public record NistProblem(NistDataset dataset, Model model) {

    /** Refuses nulls. */
    public NistProblem {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(model, "model");
    }

    /** The dataset with the model {@link NistModels#model} gives for its name. */
    public static NistProblem of(NistDataset dataset) {
        return new NistProblem(dataset, NistModels.model(dataset.name()));
    }

    /** The predictors as one constant: shape [m] for one predictor, [m, k] for k. */
    public Tensor predictors() {
        double[][] x = dataset.x();
        int m = dataset.observations();
        if (x.length == 1) {
            return Tensor.vector(x[0]);
        }
        return Tensor.generate(Shape.of(m, x.length), i -> x[i % x.length][i / x.length]);
    }

    /** θ ↦ y − f(x; θ), a vector of length m. */
    public VarFunction residuals() {
        Var x = Var.constant(predictors());
        Var y = Var.constant(Tensor.vector(NistModels.response(dataset)));
        return theta -> y.sub(model.predict(theta, x));
    }

    /**
     * The log relative error of the worst parameter, {@code minⱼ −log₁₀(|θⱼ − bⱼ*| / |bⱼ*|)}, capped at
     * 11 (the certified digits) and floored at 0: the number of correct significant digits.
     */
    public double logRelativeError(double[] theta) {
        Objects.requireNonNull(theta, "theta");
        double[] certified = dataset.certifiedValues();
        if (theta.length != certified.length) {
            throw new IllegalArgumentException("NistProblem " + dataset.name() + ": " + theta.length + " estimates for "
                    + certified.length + " parameters");
        }
        double worst = 11;
        for (int j = 0; j < certified.length; j++) {
            double relative = Math.abs(theta[j] - certified[j]) / Math.abs(certified[j]);
            double lre = Double.isNaN(relative) ? 0 : relative == 0 ? 11 : -Math.log10(relative);
            worst = Math.min(worst, Math.max(0, Math.min(11, lre)));
        }
        return worst;
    }
}
