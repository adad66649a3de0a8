package org.adjoint.optim.minimize.leastsquares;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.optim.minimize.bounded.Bounds;
import java.util.Arrays;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.leastsquares.nist.NistDataset;
import org.adjoint.optim.minimize.leastsquares.nist.NistModels;
import org.adjoint.optim.minimize.leastsquares.nist.NistProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * curveFit against NIST's certified values: on all 27 StRD problems the estimates, the residual sum
 * of squares and the standard deviations of the estimates (which NIST certifies to 11 digits, computed
 * as σ̂²(JᵀJ)⁻¹ like curve_fit's absolute_sigma=False) agree with the certified ones.
 */
class CurveFitTest {

    /**
     * Lanczos1's data are an exact fit to 13 digits: its certified RSS, 1.43e-25, is the rounding of
     * the data themselves, which double precision reproduces only to a few parts in a thousand (we
     * get 1.428e-25), and its standard deviations scale with √RSS. Elsewhere 1e-6 relative.
     */
    private static final double ROUNDING_LEVEL_FIT = 1e-2;

    private static CurveFitResult fitNist(NistProblem problem, int start) {
        NistDataset d = problem.dataset();
        return CurveFit.standard().fit(problem.model(), problem.predictors(), NistModels.response(d),
                Tensor.vector(d.start(start)));
    }

    @Test
    void standardErrorsMatchNistsCertifiedDeviationsOnEveryProblem() {
        for (String name : NistModels.names()) {
            NistProblem problem = NistRuns.problem(name);
            CurveFitResult fit = fitNist(problem, 2);
            NistDataset d = problem.dataset();
            assertTrue(fit.converged(), fit::toString);
            assertEquals(d.observations() - d.parameters(), fit.degreesOfFreedom());
            double tolerance = name.equals("Lanczos1") ? ROUNDING_LEVEL_FIT : 1e-6;
            assertEquals(d.certifiedRss(), fit.residualSumOfSquares(), tolerance * d.certifiedRss(), name + " RSS");
            double[] errors = fit.standardErrors().toArray();
            double[] certified = d.certifiedDeviations();
            for (int j = 0; j < errors.length; j++) {
                assertEquals(certified[j], errors[j], tolerance * certified[j], name + " b" + (j + 1) + " standard error");
            }
            double[] cov = fit.covariance().toArray();
            int n = errors.length;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(cov[i * n + j], cov[j * n + i], 1e-12 * Math.abs(cov[i * n + j]), name + " symmetric");
                }
            }
        }
    }

    @Test
    void scalingEverySigmaByOneFactorChangesNothing() {
        NistProblem problem = NistRuns.problem("Misra1a");
        NistDataset d = problem.dataset();
        double[] sigma = new double[d.observations()];
        Arrays.fill(sigma, 7.5);
        CurveFitResult scaled = CurveFit.standard().fit(problem.model(), problem.predictors(), d.y(),
                Tensor.vector(d.start2()), sigma);
        CurveFitResult plain = fitNist(problem, 2);
        assertArrayEquals(plain.theta().toArray(), scaled.theta().toArray(), 1e-9 * 239);
        assertArrayEquals(plain.standardErrors().toArray(), scaled.standardErrors().toArray(), 1e-9);
    }

    @Test
    void sigmaWeighsTheObservations() {
        // A constant model fitted with σ: the weighted mean Σyᵢ/σᵢ² / Σ1/σᵢ².
        double[] y = {1, 2, 4};
        double[] sigma = {1, 0.5, 2};
        CurveFitResult fit = CurveFit.standard().fit((theta, x) -> theta.broadcastTo(x.shape()),
                Tensor.vector(0, 1, 2), y, Tensor.vector(0), sigma);
        assertEquals((1 + 2 * 4 + 4 / 4.0) / (1 + 4 + 0.25), fit.theta().get(0), 1e-14);
    }

    @Test
    void boundsHoldAParameterAsInBoundsTest() {
        NistProblem misra = NistRuns.problem("Misra1a");
        NistDataset d = misra.dataset();
        double[] sigma = new double[d.observations()];
        Arrays.fill(sigma, 1);
        Bounds box = Bounds.of(new double[] {0, 0}, new double[] {Double.POSITIVE_INFINITY, 5e-4});
        CurveFitResult fit = CurveFit.standard().fit(misra.model(), misra.predictors(), d.y(), Tensor.vector(d.start1()),
                sigma, box);
        assertTrue(fit.converged(), fit::toString);
        assertEquals(5e-4, fit.theta().get(1), 0);
        assertEquals(259.482651274965, fit.theta().get(0), 1e-9 * 259, "SciPy's least_squares(bounds=...)");
        assertEquals(2 * 0.3105332581024111, fit.residualSumOfSquares(), 1e-11);
    }

    @Test
    void anExactlyDeterminedFitHasInfiniteCovariance() {
        CurveFitResult fit = CurveFit.standard().fit((theta, x) -> theta.slice(0, 0, 1).add(x.mul(theta.slice(0, 1, 2))),
                Tensor.vector(0, 1), new double[] {1, 3}, Tensor.vector(0, 0));
        assertArrayEquals(new double[] {1, 2}, fit.theta().toArray(), 1e-12);
        assertEquals(0, fit.degreesOfFreedom());
        assertTrue(Arrays.stream(fit.covariance().toArray()).allMatch(v -> v == Double.POSITIVE_INFINITY));
    }

    private static void refuses(Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "\"" + e.getMessage() + "\" lacks \"" + fragment + "\"");
    }

    @Test
    void badDataIsRefusedNamingTheRow() {
        Model line = (theta, x) -> theta.slice(0, 0, 1).add(x.mul(theta.slice(0, 1, 2)));
        Tensor x = Tensor.vector(0, 1, 2);
        Tensor t0 = Tensor.vector(0, 0);
        CurveFit fit = CurveFit.standard();
        refuses(() -> fit.fit(line, x, new double[] {1, Double.NaN, 3}, t0), "y[1] is NaN");
        refuses(() -> fit.fit(line, Tensor.vector(0, Double.POSITIVE_INFINITY, 2), new double[] {1, 2, 3}, t0),
                "x at row 1 is Infinity");
        refuses(() -> fit.fit(line, Tensor.vector(0, 1), new double[] {1, 2, 3}, t0), "x has shape [2] but there are 3 responses");
        refuses(() -> fit.fit(line, x, new double[] {1, 2, 3}, t0, new double[] {1, 0, 1}), "sigma[1] is 0.0");
        refuses(() -> fit.fit(line, x, new double[] {1, 2, 3}, t0, new double[] {1, 1}), "2 values of sigma for 3 observations");
        refuses(() -> fit.fit((theta, xs) -> theta, x, new double[] {1, 2, 3}, t0), "the model returned shape [2] for 3 observations");
    }
}
