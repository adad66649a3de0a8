package org.adjoint.optim.minimize.leastsquares;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** Levenberg–Marquardt on problems with known solutions, its counts and its budget. */
class LevenbergMarquardtTest {

    private static final double[] T = {0, 1, 2, 3, 4, 5};
    private static final double[] Y = {1.1, 2.9, 5.2, 7.1, 8.8, 11.2};

    /** rᵢ = θ₀ + θ₁tᵢ − yᵢ: a linear fit, whose solution the normal equations give in closed form. */
    private static final VarFunction LINE = theta -> theta.slice(0, 0, 1)
            .add(Var.constant(Tensor.vector(T)).mul(theta.slice(0, 1, 2))).sub(Var.constant(Tensor.vector(Y)));

    /** Rosenbrock as residuals (10(θ₁ − θ₀²), 1 − θ₀): zero residual at (1, 1). */
    private static final VarFunction ROSENBROCK = theta -> {
        Var a = theta.slice(0, 0, 1);
        Var b = theta.slice(0, 1, 2);
        return Var.concat(0, b.sub(a.square()).mul(10), a.neg().add(1));
    };

    private static double[] lineFit(double[] w) {
        double sw = 0, st = 0, sy = 0, stt = 0, sty = 0;
        for (int i = 0; i < T.length; i++) {
            sw += w[i];
            st += w[i] * T[i];
            sy += w[i] * Y[i];
            stt += w[i] * T[i] * T[i];
            sty += w[i] * T[i] * Y[i];
        }
        double slope = (sw * sty - st * sy) / (sw * stt - st * st);
        return new double[] {(sy - slope * st) / sw, slope};
    }

    @Test
    void aLinearFitMatchesTheNormalEquations() {
        LeastSquaresResult result = LevenbergMarquardt.standard().solve(LINE, Tensor.vector(0, 0));
        assertTrue(result.converged(), result::toString);
        assertArrayEquals(lineFit(new double[] {1, 1, 1, 1, 1, 1}), result.theta().toArray(), 1e-12);
    }

    @Test
    void weightsMinimizeTheWeightedSumOfSquares() {
        double[] w = {1, 4, 0.5, 2, 0, 3};
        LeastSquaresResult result = LevenbergMarquardt.standard().solve(LINE, Tensor.vector(0, 0), w);
        assertArrayEquals(lineFit(w), result.theta().toArray(), 1e-12);
        assertEquals(0, result.residuals().get(4), 0, "a zero weight zeroes its residual");
        assertEquals(2 * result.cost(), result.residualSumOfSquares(), 1e-12);
    }

    @Test
    void rosenbrockReachesItsZeroResidualMinimum() {
        LeastSquaresResult result = LevenbergMarquardt.standard().solve(ROSENBROCK, Tensor.vector(-1.2, 1));
        assertTrue(result.converged(), result::toString);
        assertArrayEquals(new double[] {1, 1}, result.theta().toArray(), 1e-12);
        assertEquals(0, result.cost(), 1e-25);
    }

    @Test
    void theResultCarriesTheJacobianAndResidualsAtTheSolution() {
        LeastSquaresResult result = LevenbergMarquardt.standard().solve(ROSENBROCK, Tensor.vector(-1.2, 1));
        assertArrayEquals(Derivatives.jacobian(ROSENBROCK, result.theta()).toArray(), result.jacobian().toArray(), 1e-12);
        assertArrayEquals(ROSENBROCK.apply(Var.constant(result.theta())).value().toArray(), result.residuals().toArray(), 0);
        assertTrue(result.jacobianEvaluations() >= result.iterations(), "a Jacobian per iteration: " + result);
    }

    @Test
    void theTraceRunsFromTheStartToTheSolutionWithFallingCosts() {
        LeastSquaresResult result = LevenbergMarquardt.standard().solve(ROSENBROCK, Tensor.vector(-1.2, 1));
        assertArrayEquals(new double[] {-1.2, 1}, result.trace().get(0).toArray(), 0);
        assertArrayEquals(result.theta().toArray(), result.trace().get(result.trace().size() - 1).toArray(), 0);
        assertEquals(result.trace().size(), result.costs().size());
        for (int k = 1; k < result.costs().size(); k++) {
            assertTrue(result.costs().get(k) <= result.costs().get(k - 1), result.costs().toString());
        }
    }

    @Test
    void aJacobianThatIsNotFiniteStopsTheRunAtTheBestPoint() {
        // √(θ − 3) is 0 at θ₀ = 3, where its derivative is infinite.
        VarFunction r = theta -> Var.concat(0, theta.sub(1), theta.sub(3).sqrt());
        LeastSquaresResult result = LevenbergMarquardt.standard().solve(r, Tensor.vector(3));
        assertEquals(LeastSquaresStatus.NON_FINITE_JACOBIAN, result.status(), result::toString);
        assertEquals(3, result.theta().get(0));
        assertTrue(!result.converged());
    }

    @Test
    void theEvaluationBudgetIsHonouredExactly() {
        for (int budget = 1; budget <= 6; budget++) {
            LeastSquaresResult result = LevenbergMarquardt.standard().withMaxEvaluations(budget)
                    .solve(ROSENBROCK, Tensor.vector(-1.2, 1));
            assertEquals(LeastSquaresStatus.MAX_EVALUATIONS, result.status(), result::toString);
            assertEquals(budget, result.residualEvaluations(), result::toString);
            assertTrue(!result.converged());
        }
    }

    @Test
    void theCostNeverIncreasesAlongTheRun() {
        double previous = Double.POSITIVE_INFINITY;
        for (int budget = 1; budget <= 30; budget++) {
            LeastSquaresResult result = LevenbergMarquardt.standard().withMaxEvaluations(budget)
                    .solve(ROSENBROCK, Tensor.vector(-1.2, 1));
            assertTrue(result.cost() <= previous, "budget " + budget + ": " + result);
            previous = result.cost();
        }
    }

    @Test
    void aTrialWithNonFiniteResidualsIsAFailedStepNotAFailure() {
        // r(θ) = log θ − 1 + (θ − e)·10: the first full steps from θ₀ = 0.05 overshoot below 0, where log is NaN.
        VarFunction r = theta -> theta.log().sub(1).add(theta.sub(Math.E).mul(10)).reshape(1);
        LeastSquaresResult result = LevenbergMarquardt.standard().solve(r, Tensor.vector(0.05));
        assertTrue(result.converged(), result::toString);
        assertEquals(Math.E, result.theta().get(0), 1e-12);
    }

    @Test
    void robustLossesPassThroughAnExactFitUnchanged() {
        for (Loss loss : new Loss[] {Loss.huber(1), Loss.softL1(0.5), Loss.cauchy(2)}) {
            LeastSquaresResult result = LevenbergMarquardt.standard().withLoss(loss).solve(ROSENBROCK, Tensor.vector(-1.2, 1));
            assertTrue(result.converged(), result::toString);
            assertArrayEquals(new double[] {1, 1}, result.theta().toArray(), 1e-8, loss.toString());
        }
    }
}
