package org.adjoint.examples.lessons;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adjoint.core.Tensor;
import org.adjoint.examples.Example;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;
import org.adjoint.examples.plot.Landscape;
import org.adjoint.examples.plot.LineChart;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.gradient.SteepestDescent;
import org.adjoint.optim.minimize.newton.Newton;
import org.adjoint.optim.minimize.quasinewton.Bfgs;

/**
 * Lesson 9: Newton's method {@code x' = x − H⁻¹∇f} with the exact Hessian against steepest descent
 * and BFGS on the Rosenbrock function from the classic start (−1.2, 1). Steepest descent crawls along
 * the curved valley for thousands of iterations; BFGS learns the curvature from gradients; Newton uses
 * it exactly and, near the minimum, doubles its correct digits at every step (quadratic convergence:
 * the error plot on a log scale bends down).
 */
public final class NewtonExample implements Example {

    @Override
    public String name() {
        return "newton";
    }

    @Override
    public String summary() {
        return "Newton vs steepest descent vs BFGS on Rosenbrock from (−1.2, 1): iterations, evaluations, error per iteration";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("max-iterations", "20000", "iteration budget of each method"),
                new Option("tolerance", "1e-8", "stop when ‖∇f‖ is below this"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) throws IOException {
        int maxIterations = options.positive("max-iterations", 20000);
        double tolerance = options.real("tolerance", 1e-8);
        Stopping stopping = Stopping.defaults().withGradientTolerance(tolerance).withMaxIterations(maxIterations)
                .withMaxEvaluations(10 * maxIterations);
        Tensor start = Tensor.vector(-1.2, 1);
        Map<String, Minimizer> methods = new LinkedHashMap<>();
        methods.put("Newton (line search)", Newton.damped());
        methods.put("BFGS", Bfgs.standard());
        methods.put("steepest descent", SteepestDescent.withArmijo());

        out.printf(Locale.ROOT, "Rosenbrock f = (1 − x)² + 100(y − x²)² from (−1.2, 1); minimum at (1, 1); stop at ‖∇f‖ < %s%n%n",
                Numbers.show(tolerance));
        out.printf(Locale.ROOT, "%-22s %10s %8s %10s %9s %12s %14s  %s%n", "method", "iterations", "f evals", "∇f evals",
                "∇²f evals", "‖x − x*‖", "f", "stopped because");
        LineChart errors = LineChart.of("Rosenbrock: distance to the minimum per iteration", "iteration + 1 (log scale)",
                "‖x − (1, 1)‖ (log scale)").logX().logY();
        double[] xs = Grid.linspace(-2, 2, 200);
        double[] ys = Grid.linspace(-1, 3, 200);
        Landscape map = Landscape.of("Rosenbrock: Newton, BFGS and steepest descent from (−1.2, 1)", "x", "y", xs, ys,
                TrajectoriesExample.grid(TrajectoriesExample::rosenbrock, xs, ys)).contours(16).point("minimum (1, 1)", 1, 1);
        Outcome outcome = new Outcome();
        for (Map.Entry<String, Minimizer> method : methods.entrySet()) {
            Objective f = Objective.of(TrajectoriesExample::rosenbrock);
            MinimizationResult r = method.getValue().minimize(f, start, stopping);
            double error = distanceToMinimum(r.x());
            out.printf(Locale.ROOT, "%-22s %10d %8d %10d %9d %12.3e %14.6e  %s%n", method.getKey(), r.iterations(),
                    r.evaluations().values(), r.evaluations().gradients(), r.evaluations().hessians(), error, r.value(), r.reason());
            int n = r.trace().size();
            double[] iteration = new double[n];
            double[] err = new double[n];
            double[] px = new double[n];
            double[] py = new double[n];
            for (int i = 0; i < n; i++) {
                iteration[i] = i + 1;
                err[i] = Math.max(distanceToMinimum(r.trace().get(i)), 1e-17);
                px[i] = r.trace().get(i).get(0);
                py[i] = r.trace().get(i).get(1);
            }
            errors.line(method.getKey(), iteration, err);
            map.path(method.getKey(), px, py);
            String key = method.getKey().startsWith("Newton") ? "Newton" : method.getKey();
            outcome.figure(key + " iterations", r.iterations());
            outcome.figure(key + " evaluations", r.evaluations().total());
            outcome.figure(key + " final error", error);
            if (key.equals("Newton")) {
                printNewtonErrors(out, err);
            }
        }
        outcome.file(errors.save(options.out().resolve("newton-error-per-iteration.png"), 900, 600));
        outcome.file(map.save(options.out().resolve("newton-trajectories.png"), 900, 800));
        out.println();
        out.println("Newton needs the Hessian (one exact Hessian per iteration, from the autodiff module) and pays for it with");
        out.println("a few dozen iterations instead of thousands; BFGS gets most of the way with gradients only.");
        return outcome;
    }

    private static void printNewtonErrors(PrintStream out, double[] err) {
        StringBuilder s = new StringBuilder("  Newton's error per iteration:");
        for (int i = Math.max(0, err.length - 6); i < err.length; i++) {
            s.append(String.format(Locale.ROOT, " %.1e", err[i]));
        }
        out.println(s.append("  (the exponent roughly doubles: quadratic convergence)"));
    }

    private static double distanceToMinimum(Tensor x) {
        return Math.hypot(x.get(0) - 1, x.get(1) - 1);
    }
}
