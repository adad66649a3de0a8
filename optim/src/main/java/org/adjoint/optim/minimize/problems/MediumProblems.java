package org.adjoint.optim.minimize.problems;

import static org.adjoint.optim.minimize.problems.Residuals.at;
import static org.adjoint.optim.minimize.problems.Residuals.constant;
import static org.adjoint.optim.minimize.problems.Residuals.range;
import static org.adjoint.optim.minimize.problems.Residuals.scaled;
import static org.adjoint.optim.minimize.problems.Residuals.sumOfSquares;

import java.util.Arrays;
import java.util.Optional;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/** Problems 10–18 of Moré, Garbow and Hillstrom (1981), n = 3 to 6, as §3 of the paper defines them. */
final class MediumProblems {

    private static final String MGH = "Moré, Garbow & Hillstrom (1981), ACM TOMS 7(1), problem ";

    private MediumProblems() {
    }

    /** (10) Meyer, m = 16: rᵢ = x₁·exp(x₂/(tᵢ + x₃)) − yᵢ, tᵢ = 45 + 5i; f* = 87.9458 (MGH), here to more digits. */
    static TestProblem meyer() {
        Var t = constant(scaled(range(1, 16), 5)).add(45);
        Var y = constant(34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307,
                2872);
        return new TestProblem("Meyer (10)", 10, 3, x -> {
            Var model = at(x, 0).mul(at(x, 1).div(t.add(at(x, 2))).exp());
            return sumOfSquares(model.sub(y));
        }, Tensor.vector(0.02, 4000, 250), KnownMinima.MEYER, Optional.empty(),
                MGH + "10, m = 16; f* = 87.9458 there, " + KnownMinima.REFINED);
    }

    /**
     * (11) Gulf research and development, m = 99: rᵢ = exp(−|yᵢ − x₂|^x₃ / x₁) − tᵢ, tᵢ = i/100,
     * yᵢ = 25 + (−50 ln tᵢ)^(2/3); f* = 0 at (50, 25, 1.5). (The paper's "yᵢ m i x₂" is read, as
     * everywhere, as yᵢ − x₂; m = 99 keeps t below 1.)
     */
    static TestProblem gulf() {
        double[] t = scaled(range(1, 99), 0.01);
        Var tv = constant(t);
        Var y = constant(Arrays.stream(t).map(ti -> 25 + Math.pow(-50 * Math.log(ti), 2.0 / 3)).toArray());
        return new TestProblem("Gulf research and development (11)", 11, 3, x -> {
            Var power = y.sub(at(x, 1)).abs().log().mul(at(x, 2)).exp();
            return sumOfSquares(power.div(at(x, 0)).neg().exp().sub(tv));
        }, Tensor.vector(5, 2.5, 0.15), 0, Optional.of(Tensor.vector(50, 25, 1.5)), MGH + "11, m = 99");
    }

    /**
     * (12) Box three-dimensional, m = 10: rᵢ = e^(−tᵢx₁) − e^(−tᵢx₂) − x₃(e^(−tᵢ) − e^(−10tᵢ)), tᵢ = i/10;
     * f* = 0 at (1, 10, 1), (10, 1, −1) and wherever x₁ = x₂, x₃ = 0.
     */
    static TestProblem box() {
        double[] t = scaled(range(1, 10), 0.1);
        Var tv = constant(t);
        Var c = constant(Arrays.stream(t).map(ti -> Math.exp(-ti) - Math.exp(-10 * ti)).toArray());
        return new TestProblem("Box three-dimensional (12)", 12, 3, x -> {
            Var r = tv.mul(at(x, 0)).neg().exp().sub(tv.mul(at(x, 1)).neg().exp()).sub(c.mul(at(x, 2)));
            return sumOfSquares(r);
        }, Tensor.vector(0, 10, 20), 0, Optional.of(Tensor.vector(1, 10, 1)), MGH + "12, m = 10");
    }

    /** (13) Powell singular: r = (x₁ + 10x₂, √5(x₃ − x₄), (x₂ − 2x₃)², √10(x₁ − x₄)²); f* = 0 at 0. */
    static TestProblem powellSingular() {
        return new TestProblem("Powell singular (13)", 13, 4, x -> {
            Var x1 = at(x, 0);
            Var x2 = at(x, 1);
            Var x3 = at(x, 2);
            Var x4 = at(x, 3);
            return x1.add(x2.mul(10)).square().add(x3.sub(x4).square().mul(5)).add(x2.sub(x3.mul(2)).pow(4))
                    .add(x1.sub(x4).pow(4).mul(10)).sum();
        }, Tensor.vector(3, -1, 0, 1), 0, Optional.of(Tensor.zeros(4)), MGH + "13");
    }

    /**
     * (14) Wood: 100(x₂ − x₁²)² + (1 − x₁)² + 90(x₄ − x₃²)² + (1 − x₃)² + 10(x₂ + x₄ − 2)² + (x₂ − x₄)²/10;
     * f* = 0 at (1, 1, 1, 1).
     */
    static TestProblem wood() {
        return new TestProblem("Wood (14)", 14, 4, x -> {
            Var x1 = at(x, 0);
            Var x2 = at(x, 1);
            Var x3 = at(x, 2);
            Var x4 = at(x, 3);
            return x1.square().sub(x2).square().mul(100).add(x1.sub(1).square()).add(x3.sub(1).square())
                    .add(x3.square().sub(x4).square().mul(90))
                    .add(x2.sub(1).square().add(x4.sub(1).square()).mul(10.1))
                    .add(x2.sub(1).mul(x4.sub(1)).mul(19.8)).sum();
        }, Tensor.vector(-3, -1, -3, -1), 0, Optional.of(Tensor.ones(4)), MGH + "14");
    }

    /**
     * (15) Kowalik–Osborne, m = 11: rᵢ = yᵢ − x₁(uᵢ² + uᵢx₂)/(uᵢ² + uᵢx₃ + x₄); f* = 3.07505e-4, and
     * f = 1.02734e-3 at (+∞, −14.07, −∞, −∞).
     */
    static TestProblem kowalikOsborne() {
        double[] u = {4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625};
        Var uv = constant(u);
        Var u2 = uv.square();
        Var y = constant(0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246);
        return new TestProblem("Kowalik-Osborne (15)", 15, 4, x -> {
            Var numerator = u2.add(uv.mul(at(x, 1))).mul(at(x, 0));
            Var denominator = u2.add(uv.mul(at(x, 2))).add(at(x, 3));
            return sumOfSquares(y.sub(numerator.div(denominator)));
        }, Tensor.vector(0.25, 0.39, 0.415, 0.39), 3.07505e-4, Optional.empty(),
                MGH + "15, m = 11; also f = 1.02734e-3 at (+inf, -14.07, -inf, -inf)");
    }

    /**
     * (16) Brown and Dennis, m = 20: rᵢ = (x₁ + tᵢx₂ − e^tᵢ)² + (x₃ + x₄ sin tᵢ − cos tᵢ)², tᵢ = i/5;
     * f* = 85822.2 (MGH), here to more digits.
     */
    static TestProblem brownDennis() {
        double[] t = scaled(range(1, 20), 0.2);
        Var tv = constant(t);
        Var et = constant(Arrays.stream(t).map(Math::exp).toArray());
        Var sin = constant(Arrays.stream(t).map(Math::sin).toArray());
        Var cos = constant(Arrays.stream(t).map(Math::cos).toArray());
        return new TestProblem("Brown-Dennis (16)", 16, 4, x -> {
            Var a = tv.mul(at(x, 1)).add(at(x, 0)).sub(et);
            Var b = sin.mul(at(x, 3)).add(at(x, 2)).sub(cos);
            return sumOfSquares(a.square().add(b.square()));
        }, Tensor.vector(25, 5, -5, -1), KnownMinima.BROWN_DENNIS, Optional.empty(),
                MGH + "16, m = 20; f* = 85822.2 there, " + KnownMinima.REFINED);
    }

    /**
     * (17) Osborne 1, m = 33: rᵢ = yᵢ − (x₁ + x₂e^(−tᵢx₄) + x₃e^(−tᵢx₅)), tᵢ = 10(i − 1); f* = 5.46489e-5.
     */
    static TestProblem osborne1() {
        Var t = constant(scaled(range(0, 32), 10));
        Var y = constant(0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818, 0.784, 0.751, 0.718, 0.685, 0.658,
                0.628, 0.603, 0.580, 0.558, 0.538, 0.522, 0.506, 0.490, 0.478, 0.467, 0.457, 0.448, 0.438, 0.431, 0.424, 0.420,
                0.414, 0.411, 0.406);
        return new TestProblem("Osborne 1 (17)", 17, 5, x -> {
            Var model = t.mul(at(x, 3)).neg().exp().mul(at(x, 1)).add(t.mul(at(x, 4)).neg().exp().mul(at(x, 2))).add(at(x, 0));
            return sumOfSquares(y.sub(model));
        }, Tensor.vector(0.5, 1.5, -1, 0.01, 0.02), 5.46489e-5, Optional.empty(), MGH + "17, m = 33");
    }

    /**
     * (18) Biggs EXP6, m = 13: rᵢ = x₃e^(−tᵢx₁) − x₄e^(−tᵢx₂) + x₆e^(−tᵢx₅) − yᵢ, tᵢ = i/10,
     * yᵢ = e^(−tᵢ) − 5e^(−10tᵢ) + 3e^(−4tᵢ); f* = 0 at (1, 10, 1, 5, 4, 3), and a local minimum
     * f = 5.65565e-3.
     */
    static TestProblem biggsExp6() {
        double[] t = scaled(range(1, 13), 0.1);
        Var tv = constant(t);
        Var y = constant(Arrays.stream(t).map(ti -> Math.exp(-ti) - 5 * Math.exp(-10 * ti) + 3 * Math.exp(-4 * ti)).toArray());
        return new TestProblem("Biggs EXP6 (18)", 18, 6, x -> {
            Var model = tv.mul(at(x, 0)).neg().exp().mul(at(x, 2)).sub(tv.mul(at(x, 1)).neg().exp().mul(at(x, 3)))
                    .add(tv.mul(at(x, 4)).neg().exp().mul(at(x, 5)));
            return sumOfSquares(model.sub(y));
        }, Tensor.vector(1, 2, 1, 1, 1, 1), 0, Optional.of(Tensor.vector(1, 10, 1, 5, 4, 3)),
                MGH + "18, m = 13; local minimum f = 5.65565e-3");
    }
}
