package org.adjoint.optim.minimize;

import java.util.List;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.baseline.RandomLocalSearch;
import org.adjoint.optim.minimize.baseline.RandomSearch;
import org.adjoint.optim.minimize.bounded.LbfgsB;
import org.adjoint.optim.minimize.derivativefree.Bobyqa;
import org.adjoint.optim.minimize.derivativefree.CmaEs;
import org.adjoint.optim.minimize.derivativefree.NelderMead;
import org.adjoint.optim.minimize.derivativefree.Powell;
import org.adjoint.optim.minimize.gradient.NonlinearConjugateGradient;
import org.adjoint.optim.minimize.gradient.SteepestDescent;
import org.adjoint.optim.minimize.linesearch.Backtracking;
import org.adjoint.optim.minimize.linesearch.ExactLineSearch;
import org.adjoint.optim.minimize.linesearch.FullStep;
import org.adjoint.optim.minimize.linesearch.GridSearch;
import org.adjoint.optim.minimize.linesearch.HagerZhang;
import org.adjoint.optim.minimize.linesearch.LineSearch;
import org.adjoint.optim.minimize.linesearch.MoreThuente;
import org.adjoint.optim.minimize.linesearch.StrongWolfe;
import org.adjoint.optim.minimize.newton.HessianModification;
import org.adjoint.optim.minimize.newton.Newton;
import org.adjoint.optim.minimize.newton.NewtonCg;
import org.adjoint.optim.minimize.newton.TrustRegionNewton;
import org.adjoint.optim.minimize.quasinewton.Bfgs;
import org.adjoint.optim.minimize.quasinewton.Lbfgs;
import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.optim.minimize.problems.TestProblem;

/**
 * Every minimizer and every line search of the library, each with what it promises, and the problems
 * they all run on. {@link MinimizerCatalogueTest} fails when a class is missing from here.
 */
final class MinimizerCatalogue {

    /** What a minimizer guarantees, which decides what the test checks. */
    enum Guarantee {
        /** Reaches the minimum, and f never increases along the trace. */
        CONVERGES_DESCENDING,
        /** Reaches the minimum from these starts, without a descent guarantee (the pure Newton step). */
        CONVERGES,
        /** Only moves downhill; reaches nothing within its budget (random local search). */
        DESCENDS,
        /** Only keeps the best point it met (random search). */
        KEEPS_BEST
    }

    /** The kinds of evaluation a method may make; the others must stay at zero. */
    enum Uses { VALUES_ONLY, GRADIENTS, HESSIANS, HESSIAN_VECTOR_PRODUCTS }

    /**
     * One minimizer configuration.
     *
     * @param everyIterationMoves whether each iteration adds an iterate to the trace (false where
     *                            rejected steps count as iterations)
     */
    record Method(String name, Minimizer minimizer, Stopping stopping, Guarantee guarantee, Uses uses,
                  boolean everyIterationMoves) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * One line search.
     *
     * @param decreases whether an accepted step always lowers f (every search but the full step)
     */
    record Search(String name, LineSearch search, boolean decreases) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A problem with its minimizer x* and f(x*). */
    record Problem(String name, Objective objective, Tensor start, Tensor minimum, double value) {
        @Override
        public String toString() {
            return name;
        }

        static Problem of(TestProblem p) {
            return new Problem(p.name(), Objective.of(p.function()), p.start(), p.minimizer().orElseThrow(), p.fStar());
        }
    }

    /** First-order methods converge linearly, so they get a looser gradient tolerance and more iterations. */
    static final Stopping FIRST_ORDER = Stopping.defaults().withGradientTolerance(1e-6).withMaxIterations(100_000)
            .withMaxEvaluations(3_000_000);
    static final Stopping OTHERS = Stopping.defaults().withMaxIterations(1_000).withMaxEvaluations(100_000);
    static final Stopping BASELINE = Stopping.defaults().withMaxIterations(200);
    /** Derivative-free methods count each evaluation as an iteration. */
    static final Stopping DERIVATIVE_FREE = Stopping.defaults().withMaxIterations(50_000).withMaxEvaluations(50_000);

    private MinimizerCatalogue() {
    }

    static List<Method> minimizers() {
        Guarantee descending = Guarantee.CONVERGES_DESCENDING;
        return List.of(
                new Method("steepest descent", SteepestDescent.withArmijo(), FIRST_ORDER, descending, Uses.GRADIENTS, true),
                new Method("CG, Fletcher-Reeves", NonlinearConjugateGradient.of(NonlinearConjugateGradient.Beta.FLETCHER_REEVES),
                        FIRST_ORDER, descending, Uses.GRADIENTS, true),
                new Method("CG, Polak-Ribiere+", NonlinearConjugateGradient.of(NonlinearConjugateGradient.Beta.POLAK_RIBIERE_PLUS),
                        OTHERS, descending, Uses.GRADIENTS, true),
                new Method("pure Newton", Newton.pure(), OTHERS, Guarantee.CONVERGES, Uses.HESSIANS, true),
                new Method("damped Newton", Newton.damped(), OTHERS, descending, Uses.HESSIANS, true),
                new Method("modified Newton", Newton.modified(), OTHERS, descending, Uses.HESSIANS, true),
                new Method("Newton, eigenvalue modification",
                        new Newton(HessianModification.eigenvalues(1e-8), LineSearch.armijo()), OTHERS, descending, Uses.HESSIANS, true),
                new Method("Newton-CG", NewtonCg.standard(), OTHERS, descending, Uses.HESSIAN_VECTOR_PRODUCTS, true),
                new Method("trust-region Newton", TrustRegionNewton.standard(), OTHERS, descending,
                        Uses.HESSIAN_VECTOR_PRODUCTS, false),
                new Method("BFGS", Bfgs.standard(), OTHERS, descending, Uses.GRADIENTS, true),
                new Method("L-BFGS", Lbfgs.withMemory(5), OTHERS, descending, Uses.GRADIENTS, true),
                new Method("L-BFGS-B, no bounds", LbfgsB.standard(), OTHERS, descending, Uses.GRADIENTS, true),
                new Method("random search", new RandomSearch(0.5, 11), BASELINE, Guarantee.KEEPS_BEST, Uses.VALUES_ONLY, true),
                new Method("random local search", new RandomLocalSearch(0.05, 11), BASELINE, Guarantee.DESCENDS,
                        Uses.VALUES_ONLY, false),
                new Method("Nelder-Mead", NelderMead.standard().withTolerances(1e-9, 1e-14), DERIVATIVE_FREE, descending,
                        Uses.VALUES_ONLY, false),
                new Method("Powell", new Powell(1e-12, 1e-20), DERIVATIVE_FREE, descending, Uses.VALUES_ONLY, false),
                new Method("BOBYQA", Bobyqa.unbounded(), DERIVATIVE_FREE, descending, Uses.VALUES_ONLY, false),
                new Method("CMA-ES", CmaEs.seeded(11), DERIVATIVE_FREE, descending, Uses.VALUES_ONLY, false));
    }

    static List<Search> lineSearches() {
        return List.of(
                new Search("Armijo backtracking", new Backtracking(1e-4, 0.5, 60), true),
                new Search("strong Wolfe", new StrongWolfe(1e-4, 0.9, 60), true),
                new Search("Moré–Thuente", MoreThuente.standard(), true),
                new Search("exact (Brent)", ExactLineSearch.standard(), true),
                new Search("grid of powers of ten", GridSearch.powersOfTen(-8, 0), true),
                new Search("full step", new FullStep(), false),
                // approximate Wolfe accepts φ(α) ≤ φ(0) + ε·|φ(0)|: a step may raise f by rounding's worth
                new Search("Hager–Zhang", HagerZhang.standard(), false));
    }

    /**
     * A convex quadratic ½(x − x*)ᵀA(x − x*) (f* = 0, so that rounding does not hide the last digits of x*),
     * Rosenbrock's function, and the helical valley of Moré, Garbow and Hillstrom.
     */
    static List<Problem> problems() {
        Tensor a = Tensor.matrix(new double[][] {{4, 1, 0, 0}, {1, 3, 1, 0}, {0, 1, 2, 0.5}, {0, 0, 0.5, 1}});
        Tensor minimum = Tensor.vector(1, -2, 0.5, 3);
        Objective quadratic = Objective.of(x -> {
            Var e = x.sub(Var.constant(minimum));
            return e.matmul(Var.constant(a)).mul(e).sum().mul(0.5);
        });
        return List.of(new Problem("convex quadratic, n = 4", quadratic, Tensor.vector(2, -1, 3, 0.5), minimum, 0),
                Problem.of(MoreGarbowHillstrom.problem(1)), Problem.of(MoreGarbowHillstrom.problem(7)));
    }
}
