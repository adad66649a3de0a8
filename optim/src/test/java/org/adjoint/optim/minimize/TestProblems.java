package org.adjoint.optim.minimize;

import java.util.List;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;

/**
 * Test problems of Moré, Garbow and Hillstrom, "Testing unconstrained optimization software", ACM TOMS
 * 7(1), 1981, with their standard starting points and known minima, written with {@code Var} operations.
 *
 * @param name     the problem's name and number in the paper
 * @param f        the function
 * @param start    the standard starting point
 * @param minimum  the minimizer the methods are expected to reach from the start
 * @param value    f there
 */
public record TestProblems(String name, VarFunction f, Tensor start, Tensor minimum, double value) {

    @Override
    public String toString() {
        return name;
    }

    /** The problems with n ≤ 4. */
    public static List<TestProblems> small() {
        return List.of(rosenbrock(), freudensteinRoth(), beale(), helicalValley(), powellSingular(), wood());
    }

    /** (1) Rosenbrock: 100(x₂ − x₁²)² + (1 − x₁)², from (−1.2, 1) to (1, 1). */
    public static TestProblems rosenbrock() {
        return new TestProblems("Rosenbrock (1)", x -> {
            Var x1 = x.slice(0, 0, 1);
            Var x2 = x.slice(0, 1, 2);
            return x2.sub(x1.square()).square().mul(100).add(x1.neg().add(1).square()).sum();
        }, Tensor.vector(-1.2, 1), Tensor.vector(1, 1), 0);
    }

    /**
     * (2) Freudenstein–Roth, from (0.5, −2). Its global minimum is 0 at (5, 4), but from the standard
     * start descent methods reach the local minimum f = 48.9842… at (11.4128, −0.8968), as documented
     * by Moré, Garbow and Hillstrom.
     */
    public static TestProblems freudensteinRoth() {
        return new TestProblems("Freudenstein-Roth (2)", x -> {
            Var x1 = x.slice(0, 0, 1);
            Var x2 = x.slice(0, 1, 2);
            Var f1 = x1.add(x2.neg().add(5).mul(x2).sub(2).mul(x2)).sub(13);
            Var f2 = x1.add(x2.add(1).mul(x2).sub(14).mul(x2)).sub(29);
            return f1.square().add(f2.square()).sum();
        }, Tensor.vector(0.5, -2), Tensor.vector(11.412779, -0.896805), 48.98425367924);
    }

    /** (5) Beale: Σ (yᵢ − x₁(1 − x₂ⁱ))², y = (1.5, 2.25, 2.625), from (1, 1) to (3, 0.5). */
    public static TestProblems beale() {
        return new TestProblems("Beale (5)", x -> {
            Var x1 = x.slice(0, 0, 1);
            Var x2 = x.slice(0, 1, 2);
            double[] y = {1.5, 2.25, 2.625};
            Var sum = Var.constant(0);
            Var power = Var.constant(1);
            for (double yi : y) {
                power = power.mul(x2);
                sum = sum.add(x1.mul(power.neg().add(1)).neg().add(yi).square().sum());
            }
            return sum;
        }, Tensor.vector(1, 1), Tensor.vector(3, 0.5), 0);
    }

    /**
     * (7) Helical valley: 100(x₃ − 10θ)² + 100(√(x₁² + x₂²) − 1)² + x₃², with
     * θ = arctan(x₂/x₁)/2π (+½ if x₁ < 0), from (−1, 0, 0) to (1, 0, 0).
     */
    public static TestProblems helicalValley() {
        return new TestProblems("Helical valley (7)", x -> {
            Var x1 = x.slice(0, 0, 1);
            Var x2 = x.slice(0, 1, 2);
            Var x3 = x.slice(0, 2, 3);
            Var theta = x2.div(x1).atan().div(2 * Math.PI).add(Var.constant(x1.value().lt(Tensor.scalar(0)).mul(0.5)));
            Var f1 = x3.sub(theta.mul(10)).mul(10);
            Var f2 = x1.square().add(x2.square()).sqrt().sub(1).mul(10);
            return f1.square().add(f2.square()).add(x3.square()).sum();
        }, Tensor.vector(-1, 0, 0), Tensor.vector(1, 0, 0), 0);
    }

    /**
     * (13) Powell singular: (x₁ + 10x₂)² + 5(x₃ − x₄)² + (x₂ − 2x₃)⁴ + 10(x₁ − x₄)⁴, from (3, −1, 0, 1)
     * to 0, where the Hessian is singular, so Newton's method converges only linearly.
     */
    public static TestProblems powellSingular() {
        return new TestProblems("Powell singular (13)", x -> {
            Var x1 = x.slice(0, 0, 1);
            Var x2 = x.slice(0, 1, 2);
            Var x3 = x.slice(0, 2, 3);
            Var x4 = x.slice(0, 3, 4);
            return x1.add(x2.mul(10)).square().add(x3.sub(x4).square().mul(5)).add(x2.sub(x3.mul(2)).pow(4))
                    .add(x1.sub(x4).pow(4).mul(10)).sum();
        }, Tensor.vector(3, -1, 0, 1), Tensor.zeros(4), 0);
    }

    /** (14) Wood, from (−3, −1, −3, −1) to (1, 1, 1, 1). */
    public static TestProblems wood() {
        return new TestProblems("Wood (14)", x -> {
            Var x1 = x.slice(0, 0, 1);
            Var x2 = x.slice(0, 1, 2);
            Var x3 = x.slice(0, 2, 3);
            Var x4 = x.slice(0, 3, 4);
            return x1.square().sub(x2).square().mul(100).add(x1.sub(1).square()).add(x3.sub(1).square())
                    .add(x3.square().sub(x4).square().mul(90))
                    .add(x2.sub(1).square().add(x4.sub(1).square()).mul(10.1))
                    .add(x2.sub(1).mul(x4.sub(1)).mul(19.8)).sum();
        }, Tensor.vector(-3, -1, -3, -1), Tensor.ones(4), 0);
    }

    /**
     * (21) Extended Rosenbrock: Σ over pairs of 100(x₂ᵢ − x₂ᵢ₋₁²)² + (1 − x₂ᵢ₋₁)², from
     * (−1.2, 1, −1.2, 1, …) to all ones, written with tensor ops on the odd and even coordinates.
     */
    public static TestProblems extendedRosenbrock(int n) {
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = i % 2 == 0 ? -1.2 : 1;
        }
        return new TestProblems("Extended Rosenbrock (21), n = " + n, x -> {
            Var pairs = x.reshape(n / 2, 2);
            Var odd = pairs.slice(1, 0, 1);
            Var even = pairs.slice(1, 1, 2);
            return even.sub(odd.square()).square().mul(100).add(odd.neg().add(1).square()).sum();
        }, Tensor.vector(start), Tensor.ones(n), 0);
    }
}
