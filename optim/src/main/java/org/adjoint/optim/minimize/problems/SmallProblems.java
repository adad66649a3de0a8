package org.adjoint.optim.minimize.problems;

import static org.adjoint.optim.minimize.problems.Residuals.at;
import static org.adjoint.optim.minimize.problems.Residuals.constant;
import static org.adjoint.optim.minimize.problems.Residuals.range;
import static org.adjoint.optim.minimize.problems.Residuals.sumOfSquares;

import java.util.Optional;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/** Problems 1–9 of Moré, Garbow and Hillstrom (1981), n = 2 or 3, as §3 of the paper defines them. */
final class SmallProblems {

    private static final String MGH = "Moré, Garbow & Hillstrom (1981), ACM TOMS 7(1), problem ";

    private SmallProblems() {
    }

    /** (1) Rosenbrock: r = (10(x₂ − x₁²), 1 − x₁); f* = 0 at (1, 1). */
    static TestProblem rosenbrock() {
        return new TestProblem("Rosenbrock (1)", 1, 2, x -> {
            Var x1 = at(x, 0);
            Var x2 = at(x, 1);
            return x2.sub(x1.square()).square().mul(100).add(x1.neg().add(1).square()).sum();
        }, Tensor.vector(-1.2, 1), 0, Optional.of(Tensor.vector(1, 1)), MGH + "1");
    }

    /**
     * (2) Freudenstein–Roth: r₁ = −13 + x₁ + ((5 − x₂)x₂ − 2)x₂, r₂ = −29 + x₁ + ((x₂ + 1)x₂ − 14)x₂;
     * f* = 0 at (5, 4), and a local minimum f = 48.9842… at (11.41…, −0.8968…) that descent from x₀ reaches.
     */
    static TestProblem freudensteinRoth() {
        return new TestProblem("Freudenstein-Roth (2)", 2, 2, x -> {
            Var x1 = at(x, 0);
            Var x2 = at(x, 1);
            Var f1 = x1.add(x2.neg().add(5).mul(x2).sub(2).mul(x2)).sub(13);
            Var f2 = x1.add(x2.add(1).mul(x2).sub(14).mul(x2)).sub(29);
            return f1.square().add(f2.square()).sum();
        }, Tensor.vector(0.5, -2), 0, Optional.of(Tensor.vector(5, 4)),
                MGH + "2; local minimum f = 48.9842 at (11.41, -0.8968)");
    }

    /** (3) Powell badly scaled: r = (10⁴x₁x₂ − 1, e^(−x₁) + e^(−x₂) − 1.0001); f* = 0 at (1.098e-5, 9.106). */
    static TestProblem powellBadlyScaled() {
        return new TestProblem("Powell badly scaled (3)", 3, 2, x -> {
            Var x1 = at(x, 0);
            Var x2 = at(x, 1);
            return sumOfSquares(x1.mul(x2).mul(1e4).sub(1), x1.neg().exp().add(x2.neg().exp()).sub(1.0001));
        }, Tensor.vector(0, 1), 0, Optional.empty(), MGH + "3");
    }

    /** (4) Brown badly scaled: r = (x₁ − 10⁶, x₂ − 2·10⁻⁶, x₁x₂ − 2); f* = 0 at (10⁶, 2·10⁻⁶). */
    static TestProblem brownBadlyScaled() {
        return new TestProblem("Brown badly scaled (4)", 4, 2, x -> {
            Var x1 = at(x, 0);
            Var x2 = at(x, 1);
            return sumOfSquares(x1.sub(1e6), x2.sub(2e-6), x1.mul(x2).sub(2));
        }, Tensor.vector(1, 1), 0, Optional.of(Tensor.vector(1e6, 2e-6)), MGH + "4");
    }

    /** (5) Beale: rᵢ = yᵢ − x₁(1 − x₂ⁱ), y = (1.5, 2.25, 2.625); f* = 0 at (3, 0.5). */
    static TestProblem beale() {
        return new TestProblem("Beale (5)", 5, 2, x -> {
            Var x1 = at(x, 0);
            Var x2 = at(x, 1);
            double[] y = {1.5, 2.25, 2.625};
            Var sum = Var.constant(0);
            Var power = Var.constant(1);
            for (double yi : y) {
                power = power.mul(x2);
                sum = sum.add(x1.mul(power.neg().add(1)).neg().add(yi).square().sum());
            }
            return sum;
        }, Tensor.vector(1, 1), 0, Optional.of(Tensor.vector(3, 0.5)), MGH + "5");
    }

    /**
     * (6) Jennrich–Sampson, m = 10: rᵢ = 2 + 2i − (e^(i·x₁) + e^(i·x₂)); f* = 124.362 (MGH) at
     * x₁ = x₂ = 0.2578, here to more digits.
     */
    static TestProblem jennrichSampson() {
        Var i = constant(range(1, 10));
        return new TestProblem("Jennrich-Sampson (6)", 6, 2, x -> {
            Var e = i.mul(at(x, 0)).exp().add(i.mul(at(x, 1)).exp());
            return sumOfSquares(i.mul(2).add(2).sub(e));
        }, Tensor.vector(0.3, 0.4), KnownMinima.JENNRICH_SAMPSON, Optional.empty(),
                MGH + "6, m = 10; f* = 124.362 there, " + KnownMinima.REFINED);
    }

    /**
     * (7) Helical valley: r = (10(x₃ − 10θ), 10(√(x₁² + x₂²) − 1), x₃) with 2πθ = arctan(x₂/x₁) (+π if
     * x₁ < 0); f* = 0 at (1, 0, 0).
     */
    static TestProblem helicalValley() {
        return new TestProblem("Helical valley (7)", 7, 3, x -> {
            Var x1 = at(x, 0);
            Var x2 = at(x, 1);
            Var x3 = at(x, 2);
            Var theta = x2.div(x1).atan().div(2 * Math.PI).add(Var.constant(x1.value().lt(Tensor.scalar(0)).mul(0.5)));
            Var f1 = x3.sub(theta.mul(10)).mul(10);
            Var f2 = x1.square().add(x2.square()).sqrt().sub(1).mul(10);
            return f1.square().add(f2.square()).add(x3.square()).sum();
        }, Tensor.vector(-1, 0, 0), 0, Optional.of(Tensor.vector(1, 0, 0)), MGH + "7");
    }

    /**
     * (8) Bard, m = 15: rᵢ = yᵢ − (x₁ + uᵢ/(vᵢx₂ + wᵢx₃)), uᵢ = i, vᵢ = 16 − i, wᵢ = min(uᵢ, vᵢ);
     * f* = 8.21487e-3, and f = 17.4286 at (0.8406, −∞, −∞).
     */
    static TestProblem bard() {
        double[] u = range(1, 15);
        double[] v = new double[15];
        double[] w = new double[15];
        for (int k = 0; k < 15; k++) {
            v[k] = 16 - u[k];
            w[k] = Math.min(u[k], v[k]);
        }
        Var y = constant(0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39);
        return new TestProblem("Bard (8)", 8, 3, x -> {
            Var model = constant(u).div(constant(v).mul(at(x, 1)).add(constant(w).mul(at(x, 2)))).add(at(x, 0));
            return sumOfSquares(y.sub(model));
        }, Tensor.vector(1, 1, 1), 8.21487e-3, Optional.empty(), MGH + "8, m = 15; also f = 17.4286 at (0.8406, -inf, -inf)");
    }

    /** (9) Gaussian, m = 15: rᵢ = x₁·exp(−x₂(tᵢ − x₃)²/2) − yᵢ, tᵢ = (8 − i)/2; f* = 1.12793e-8. */
    static TestProblem gaussian() {
        double[] t = new double[15];
        for (int k = 0; k < 15; k++) {
            t[k] = (8 - (k + 1)) / 2.0;
        }
        Var y = constant(0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989, 0.3521, 0.2420, 0.1295, 0.0540,
                0.0175, 0.0044, 0.0009);
        return new TestProblem("Gaussian (9)", 9, 3, x -> {
            Var d = constant(t).sub(at(x, 2));
            Var model = at(x, 0).mul(d.square().mul(at(x, 1)).mul(-0.5).exp());
            return sumOfSquares(model.sub(y));
        }, Tensor.vector(0.4, 1, 0), 1.12793e-8, Optional.empty(), MGH + "9, m = 15");
    }
}
