package org.adjoint.optim.minimize.linesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.Objective;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The six test functions of Moré and Thuente, "Line search algorithms with guaranteed sufficient
 * decrease", ACM TOMS 20(3):286–307, 1994, section 5, from α = 0 along +1, with the paper's constants
 * and initial steps 1e-3, 1e-1, 1e1, 1e3: the search ends where the paper's Tables 1–6 say, after
 * as many evaluations. (The values are those the published algorithm produces; two cells of the
 * printed tables that differ in the last digits are given as O'Leary's MATLAB translation of
 * MINPACK-2 reproduces them, and mize's tests confirm.)
 */
class MoreThuentePaperTest {

    /** Function (5.1), β = 2. */
    private static Var f1(Var a) {
        return a.neg().div(a.square().add(2));
    }

    /** Function (5.2), β = 0.004. */
    private static Var f2(Var a) {
        Var b = a.add(0.004);
        return b.pow(5).sub(b.pow(4).mul(2));
    }

    /**
     * Function (5.3), β = 0.01, l = 39: a piecewise φ₀ (linear, quadratic on [1 − β, 1 + β], linear)
     * plus 2(1 − β)/(lπ)·sin(lπα/2). The branch is chosen from the value of α, so the recorded
     * graph is the smooth piece that holds there.
     */
    private static Var f3(Var a) {
        double beta = 0.01;
        double l = 39;
        double alpha = a.item();
        Var base;
        if (alpha <= 1 - beta) {
            base = a.neg().add(1);
        } else if (alpha >= 1 + beta) {
            base = a.sub(1);
        } else {
            base = a.sub(1).square().div(2 * beta).add(beta / 2);
        }
        return base.add(a.mul(l * Math.PI / 2).sin().mul(2 * (1 - beta) / (l * Math.PI)));
    }

    /** The Yanai–Ozawa–Kaneko functions (5.4): γ(β₁)·√((1 − α)² + β₂²) + γ(β₂)·√(α² + β₁²), γ(β) = √(1 + β²) − β. */
    private static Var yanai(Var a, double beta1, double beta2) {
        double g1 = Math.sqrt(1 + beta1 * beta1) - beta1;
        double g2 = Math.sqrt(1 + beta2 * beta2) - beta2;
        return a.neg().add(1).square().add(beta2 * beta2).sqrt().mul(g1)
                .add(a.square().add(beta1 * beta1).sqrt().mul(g2));
    }

    static Stream<Arguments> tables() {
        return Stream.of(
                table(1, MoreThuentePaperTest::f1, 1e-3, 0.1, new double[] {1.3650, 1.4414, 10, 36.888}, new int[] {6, 3, 1, 4}),
                table(2, MoreThuentePaperTest::f2, 0.1, 0.1, new double[] {1.5960, 1.5960, 1.5960, 1.5960}, new int[] {12, 8, 8, 11}),
                table(3, MoreThuentePaperTest::f3, 0.1, 0.1, new double[] {1.0, 1.0, 1.0, 1.0}, new int[] {12, 12, 10, 13}),
                table(4, a -> yanai(a, 0.001, 0.001), 0.001, 0.001, new double[] {0.085, 0.1, 0.34910, 0.8294},
                        new int[] {4, 1, 3, 4}),
                table(5, a -> yanai(a, 0.01, 0.001), 0.001, 0.001, new double[] {0.075011, 0.07751, 0.073142, 0.076159},
                        new int[] {6, 3, 7, 8}),
                table(6, a -> yanai(a, 0.001, 0.01), 0.001, 0.001, new double[] {0.9279, 0.92615, 0.92478, 0.92440},
                        new int[] {13, 11, 8, 11}))
                .flatMap(s -> s);
    }

    private static Stream<Arguments> table(int table, java.util.function.UnaryOperator<Var> phi, double c1, double c2,
                                           double[] alphas, int[] evaluations) {
        double[] starts = {1e-3, 1e-1, 1e1, 1e3};
        return java.util.stream.IntStream.range(0, 4).mapToObj(i -> Arguments.of(table, phi, c1, c2, starts[i], alphas[i],
                evaluations[i]));
    }

    @ParameterizedTest(name = "Table {0}, α₀ = {4}: α = {5} after {6} evaluations")
    @MethodSource("tables")
    void reproducesThePapersTables(int table, java.util.function.UnaryOperator<Var> phi, double c1, double c2,
                                   double alpha0, double expectedAlpha, int expectedEvaluations) {
        Objective f = Objective.of(x -> phi.apply(x).sum());
        Tensor origin = Tensor.vector(0);
        Evaluation at0 = f.evaluate(origin);
        LineFunction line = new LineFunction(f, origin, Tensor.vector(1), at0);
        LineSearchResult r = new MoreThuente(c1, c2, 1e-14, 1e10, 60).search(line, alpha0);

        assertEquals(LineSearchStatus.ACCEPTED, r.status(), r::message);
        assertEquals(expectedAlpha, r.point().alpha(), 5e-5 * Math.max(1, expectedAlpha), r::toString);
        assertEquals(expectedEvaluations, r.evaluations(), () -> "trials " + r.trials());
    }

}
