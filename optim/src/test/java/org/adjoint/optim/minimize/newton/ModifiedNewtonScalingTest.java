package org.adjoint.optim.minimize.newton;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.optim.minimize.problems.TestProblem;
import org.junit.jupiter.api.Test;

/**
 * Modified Newton on badly scaled problems of Moré, Garbow and Hillstrom, "Testing unconstrained
 * optimization software", ACM TOMS 7(1), 1981 (numbers as in the paper), against the trust-region method.
 */
class ModifiedNewtonScalingTest {

    /** A problem: its function, standard start and minimum value f*. */
    private record Problem(String name, VarFunction f, Tensor start, double minimum) {
    }

    private static Var at(Var x, int i) {
        return x.slice(0, i, i + 1);
    }

    /** (3) Powell badly scaled: (10⁴x₁x₂ − 1)² + (e^−x₁ + e^−x₂ − 1.0001)², from (0, 1); f* = 0. */
    static Problem powellBadlyScaled() {
        return new Problem("Powell badly scaled (3)", x -> {
            Var f1 = at(x, 0).mul(at(x, 1)).mul(1e4).sub(1);
            Var f2 = at(x, 0).neg().exp().add(at(x, 1).neg().exp()).sub(1.0001);
            return f1.square().add(f2.square()).sum();
        }, Tensor.vector(0, 1), 0);
    }

    /** (4) Brown badly scaled: (x₁ − 10⁶)² + (x₂ − 2·10⁻⁶)² + (x₁x₂ − 2)², from (1, 1); f* = 0 at (10⁶, 2·10⁻⁶). */
    static Problem brownBadlyScaled() {
        return new Problem("Brown badly scaled (4)", x -> at(x, 0).sub(1e6).square().add(at(x, 1).sub(2e-6).square())
                .add(at(x, 0).mul(at(x, 1)).sub(2).square()).sum(), Tensor.vector(1, 1), 0);
    }

    /** (10) Meyer: Σᵢ (x₁·exp(x₂/(tᵢ + x₃)) − yᵢ)², tᵢ = 45 + 5i, from (0.02, 4000, 250); f* = 87.9458. */
    static Problem meyer() {
        double[] y = {34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307,
            2872};
        double[] t = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            t[i] = 45 + 5 * (i + 1);
        }
        return new Problem("Meyer (10)", x -> at(x, 0).mul(at(x, 1).div(at(x, 2).add(Var.constant(Tensor.vector(t)))).exp())
                .sub(Var.constant(Tensor.vector(y))).square().sum(), Tensor.vector(0.02, 4000, 250), 87.9458551706);
    }

    /**
     * (16) Brown and Dennis: Σᵢ ((x₁ + tᵢx₂ − e^tᵢ)² + (x₃ + x₄ sin tᵢ − cos tᵢ)²)², tᵢ = i/5, i = 1…20, from
     * (25, 5, −5, −1); f* = 85822.2.
     */
    static Problem brownDennis() {
        double[] t = new double[20];
        for (int i = 0; i < t.length; i++) {
            t[i] = (i + 1) / 5.0;
        }
        Tensor tt = Tensor.vector(t);
        return new Problem("Brown and Dennis (16)", x -> {
            Var a = at(x, 0).add(at(x, 1).mul(Var.constant(tt))).sub(Var.constant(tt.exp()));
            Var b = at(x, 2).add(at(x, 3).mul(Var.constant(tt.sin()))).sub(Var.constant(tt.cos()));
            return a.square().add(b.square()).square().sum();
        }, Tensor.vector(25, 5, -5, -1), 85822.2016263563);
    }

    static List<Problem> problems() {
        TestProblem helical = MoreGarbowHillstrom.problem(7);
        TestProblem wood = MoreGarbowHillstrom.problem(14);
        return List.of(powellBadlyScaled(), brownBadlyScaled(), new Problem(helical.name(), helical.function(), helical.start(), 0),
                meyer(), new Problem(wood.name(), wood.function(), wood.start(), 0), brownDennis());
    }

    /** The first iteration whose f is within 1e-8·max(1, |f*|) of f*, or −1 if none. */
    private static int iterationsTo(MinimizationResult r, double minimum) {
        List<Double> values = r.values();
        for (int k = 0; k < values.size(); k++) {
            if (values.get(k) - minimum <= 1e-8 * Math.max(1, Math.abs(minimum))) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Iterations until {@code f − f* ≤ 1e-8·max(1, |f*|)}. With the scaled shift τ·diag(|H|) (the default before
     * issue 16) instead of τI: Powell badly scaled never in 1,000 (f = 2.2e-6) → 53; Meyer never (f = 1371.5) →
     * 171; Brown badly scaled 7 → 7, helical valley 10 → 13, Wood 39 → 39, Brown and Dennis 7 → 7. With the
     * eigenvalue modification (the default since), measured 2026-12-02 on both kernels: 55, 8, 14, 125 (Vector
     * API) or 126 (pure Java), 37, 7. Meyer's needed the scaled Cholesky test of positive definiteness: without
     * it the run stalled 1.4e-6 above f* on the Vector API kernels (never) and reached it at 126 on pure Java,
     * by luck of the last bits. The bounds leave room of about half again; the trust-region method's iterations
     * to ‖∇f‖ ≤ 1e-8 bound them too where it gets there (208, 218, 24, —, 108, 20).
     */
    @Test
    void modifiedNewtonSolvesBadlyScaledProblemsInFewIterations() {
        List<Problem> problems = problems();
        int[] bounds = {80, 12, 20, 250, 60, 12};
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            int bound = bounds[i];
            MinimizationResult modified = Newton.modified().minimize(Objective.of(p.f()), p.start());
            int iterations = iterationsTo(modified, p.minimum());
            assertTrue(iterations >= 0 && iterations <= bound,
                    () -> p.name() + ": f* reached after " + iterations + " iterations, bound " + bound + "; " + modified);
            MinimizationResult trust = TrustRegionNewton.standard().minimize(Objective.of(p.f()), p.start());
            assertTrue(!trust.converged() || iterations <= trust.iterations(),
                    () -> p.name() + ": " + iterations + " iterations, the trust-region method " + trust);
        }
    }
}
