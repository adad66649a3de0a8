package org.adjoint.examples.bench;

import java.util.List;
import org.adjoint.optim.minimize.Evaluations;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.gradient.NonlinearConjugateGradient;
import org.adjoint.optim.minimize.gradient.SteepestDescent;
import org.adjoint.optim.minimize.linesearch.LineSearch;
import org.adjoint.optim.minimize.newton.HessianModification;
import org.adjoint.optim.minimize.newton.Newton;
import org.adjoint.optim.minimize.newton.NewtonCg;
import org.adjoint.optim.minimize.newton.TrustRegionNewton;
import org.adjoint.optim.minimize.problems.TestProblem;
import org.adjoint.optim.minimize.quasinewton.Bfgs;
import org.adjoint.optim.minimize.quasinewton.Lbfgs;

/** The minimizers of the unconstrained benchmark, their SciPy counterparts, and one run of each. */
final class MinimizerRuns {

    /** The solved criterion's τ: f − f* ≤ τ · max(1, |f*|). */
    static final double TAU = 1e-7;

    /**
     * One stopping rule for every method, comparable with SciPy's defaults: ‖∇f‖₂ ≤ 1e-5 (SciPy's
     * gtol for BFGS, CG and L-BFGS-B), at most 1,000 iterations (passed to SciPy as maxiter) and
     * 100,000 evaluations; no function or step test.
     */
    static final Stopping STOPPING = Stopping.defaults().withGradientTolerance(1e-5).withMaxIterations(1000)
            .withMaxEvaluations(100_000);

    /**
     * A benchmarked method.
     *
     * @param scipy the {@code scipy.optimize.minimize} method it is compared with, or null
     */
    record Method(String name, Minimizer minimizer, String scipy) {
    }

    /**
     * One run's outcome.
     *
     * @param status the stop reason's name, or {@code EXCEPTION} when the run threw
     * @param value  the f returned (NaN after an exception)
     */
    record Outcome(String method, TestProblem problem, String status, double value, int iterations, Evaluations counts,
                   boolean solved, String message) {

        /** Function evaluations, as SciPy's nfev: value-only ones and value-and-gradient ones. */
        int functionEvaluations() {
            return counts.values() + counts.gradients();
        }

        /** Gradient evaluations, as SciPy's njev. */
        int gradientEvaluations() {
            return counts.gradients();
        }

        /** Hessians and Hessian-vector products, as SciPy's nhev. */
        int hessianEvaluations() {
            return counts.hessians() + counts.hessianVectorProducts();
        }
    }

    private MinimizerRuns() {
    }

    /** Every minimizer of optim with its standard settings (L-BFGS with SciPy's memory, 10). */
    static List<Method> methods() {
        return List.of(
                new Method("steepest descent (Armijo)", SteepestDescent.withArmijo(), null),
                new Method("CG Fletcher-Reeves", NonlinearConjugateGradient.of(NonlinearConjugateGradient.Beta.FLETCHER_REEVES),
                        null),
                new Method("CG Polak-Ribiere+", NonlinearConjugateGradient.of(NonlinearConjugateGradient.Beta.POLAK_RIBIERE_PLUS),
                        "CG"),
                new Method("BFGS", Bfgs.standard(), "BFGS"),
                new Method("L-BFGS (m = 10)", Lbfgs.withMemory(10), "L-BFGS-B"),
                new Method("Newton, pure", Newton.pure(), null),
                new Method("Newton, damped", Newton.damped(), null),
                new Method("Newton, modified (eigenvalues)", Newton.modified(), "trust-exact"),
                new Method("Newton, scaled shift", new Newton(HessianModification.addMultipleOfIdentity(1e-3),
                        LineSearch.armijo()), null),
                new Method("Newton-CG", NewtonCg.standard(), "Newton-CG"),
                new Method("trust-region Newton (Steihaug)", TrustRegionNewton.standard(), "trust-ncg"));
    }

    /** Runs {@code method} on {@code problem}; an exception becomes an outcome with status EXCEPTION. */
    static Outcome run(Method method, TestProblem problem) {
        try {
            MinimizationResult r = method.minimizer().minimize(problem.objective(), problem.start(), STOPPING);
            return new Outcome(method.name(), problem, r.reason().name(), r.value(), r.iterations(), r.evaluations(),
                    problem.solvedBy(r.value(), TAU), r.message());
        } catch (RuntimeException e) {
            return new Outcome(method.name(), problem, "EXCEPTION", Double.NaN, 0, new Evaluations(0, 0, 0, 0), false,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
