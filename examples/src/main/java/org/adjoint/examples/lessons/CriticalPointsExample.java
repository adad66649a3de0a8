package org.adjoint.examples.lessons;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.adjoint.examples.Example;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;
import org.adjoint.examples.plot.Landscape;
import org.adjoint.examples.plot.LineChart;
import org.adjoint.optim.minimize.CriticalPoint;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.newton.Newton;

/**
 * Lesson 7: critical points, where the gradient vanishes, and the second-derivative test. On
 * {@code x·cos(πx)} over [−1, 2] they are found as sign changes of f′ refined by bisection, and
 * classified from f″: a local minimum is not the global one. {@code x³} has a critical point at 0
 * whose second derivative is 0: the test cannot tell (it is neither a minimum nor a maximum). For
 * {@code x² − y²}, pure Newton steps go straight to the critical point (0, 0), whose Hessian has
 * eigenvalues of both signs: a saddle.
 */
public final class CriticalPointsExample implements Example {

    private static final double TOLERANCE = 1e-8;

    @Override
    public String name() {
        return "critical-points";
    }

    @Override
    public String summary() {
        return "local vs global minima of x·cos(πx), the degenerate point of x³, the saddle of x²−y², by Hessian eigenvalues";
    }

    @Override
    public List<Option> options() {
        return List.of(new Option("grid", "3001", "points where f′ is sampled on [−1, 2] to bracket critical points"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) throws IOException {
        int grid = options.positive("grid", 3001);
        Outcome outcome = new Outcome();

        VarFunction wave = x -> x.mul(x.mul(Math.PI).cos()).sum();
        out.println("f(x) = x·cos(πx) on [−1, 2]: critical points (f′ = 0) and the second-derivative test");
        out.printf(Locale.ROOT, "  %12s %12s %14s  %s%n", "x", "f(x)", "f″(x)", "kind");
        double[] xs = Grid.linspace(-1, 2, grid);
        List<double[]> minima = new ArrayList<>();
        List<double[]> maxima = new ArrayList<>();
        double bestMinimum = Double.POSITIVE_INFINITY;
        double bestMinimumAt = Double.NaN;
        for (double x : criticalPoints(wave, xs)) {
            CriticalPoint cp = CriticalPoint.classify(Objective.of(wave), Tensor.vector(x), TOLERANCE);
            double fx = value(wave, x);
            out.printf(Locale.ROOT, "  %12.8f %12.8f %14.6f  %s%n", x, fx, cp.eigenvalues().get(0), describe(cp.kind()));
            if (cp.kind() == CriticalPoint.Kind.LOCAL_MINIMUM) {
                minima.add(new double[] {x, fx});
                if (fx < bestMinimum) {
                    bestMinimum = fx;
                    bestMinimumAt = x;
                }
            } else if (cp.kind() == CriticalPoint.Kind.LOCAL_MAXIMUM) {
                maxima.add(new double[] {x, fx});
            }
        }
        double lowestEnd = Math.min(value(wave, -1), value(wave, 2));
        out.printf(Locale.ROOT, "  f at the ends: f(−1) = %.4f, f(2) = %.4f; the global minimum on [−1, 2] is at x = %.6f (f = %.6f),%n",
                value(wave, -1), value(wave, 2), bestMinimumAt, bestMinimum);
        out.println("  the other local minimum is a trap for a descent method started near it.");
        outcome.figure("x·cos(πx) local minima", minima.size());
        outcome.figure("x·cos(πx) local maxima", maxima.size());
        outcome.figure("x·cos(πx) global minimum x", bestMinimumAt);
        outcome.figure("x·cos(πx) global minimum f", Math.min(bestMinimum, lowestEnd));
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = value(wave, xs[i]);
        }
        outcome.file(LineChart.of("f(x) = x·cos(πx): local and global minima", "x", "f(x)").line("f", xs, ys)
                .markers("local minima", column(minima, 0), column(minima, 1))
                .markers("local maxima", column(maxima, 0), column(maxima, 1))
                .save(options.out().resolve("critical-points-x-cos-pi-x.png"), 900, 600));

        VarFunction cube = x -> x.pow(3).sum();
        CriticalPoint cubeAt0 = CriticalPoint.classify(Objective.of(cube), Tensor.vector(0), TOLERANCE);
        out.printf(Locale.ROOT, "%nf(x) = x³ at x = 0: f′ = %.1f, f″ = %.1f → %s%n", Derivatives.grad(cube, Tensor.vector(0)).get(0),
                cubeAt0.eigenvalues().get(0), describe(cubeAt0.kind()));
        outcome.figure("x³ at 0 is degenerate", cubeAt0.kind() == CriticalPoint.Kind.DEGENERATE ? 1 : 0);
        double[] cx = Grid.linspace(-2, 2, 401);
        double[] cy = new double[cx.length];
        for (int i = 0; i < cx.length; i++) {
            cy[i] = cx[i] * cx[i] * cx[i];
        }
        outcome.file(LineChart.of("f(x) = x³: f′(0) = 0 and f″(0) = 0, neither minimum nor maximum", "x", "f(x)")
                .line("x³", cx, cy).markers("critical point", new double[] {0}, new double[] {0})
                .save(options.out().resolve("critical-points-x-cubed.png"), 900, 600));

        VarFunction saddle = x -> x.slice(0, 0, 1).square().sub(x.slice(0, 1, 2).square()).sum();
        MinimizationResult newton = Newton.pure().minimize(Objective.of(saddle), Tensor.vector(0.7, -0.4),
                Stopping.defaults().withMaxIterations(10));
        CriticalPoint sp = CriticalPoint.classify(Objective.of(saddle), newton.x(), TOLERANCE);
        out.printf(Locale.ROOT, "%nf(x, y) = x² − y²: pure Newton from (0.7, −0.4) stops at (%.3g, %.3g) after %d iteration(s);%n",
                newton.x().get(0), newton.x().get(1), newton.iterations());
        out.printf(Locale.ROOT, "  Hessian eigenvalues %s → %s%n", cp(sp.eigenvalues()), describe(sp.kind()));
        out.println("  Newton's method seeks any point where ∇f = 0; it does not know minima from saddles.");
        outcome.figure("x² − y² Newton stops at a saddle", sp.kind() == CriticalPoint.Kind.SADDLE ? 1 : 0);
        outcome.figure("x² − y² smallest eigenvalue", sp.eigenvalues().get(0));
        outcome.figure("x² − y² largest eigenvalue", sp.eigenvalues().get(1));
        double[] g = Grid.linspace(-1.5, 1.5, 121);
        outcome.file(Landscape.of("f(x, y) = x² − y²: a saddle at (0, 0)", "x", "y", g, g, TrajectoriesExample.grid(saddle, g, g))
                .contours(16).point("saddle (0, 0)", newton.x().get(0), newton.x().get(1))
                .save(options.out().resolve("critical-points-saddle.png"), 800, 700));
        return outcome;
    }

    /** Roots of f′ on the grid: sign changes of the derivative, refined by bisection to machine precision. */
    private static List<Double> criticalPoints(VarFunction f, double[] xs) {
        List<Double> roots = new ArrayList<>();
        double previous = slope(f, xs[0]);
        for (int i = 1; i < xs.length; i++) {
            double current = slope(f, xs[i]);
            if (previous == 0) {
                roots.add(xs[i - 1]);
            } else if (previous * current < 0) {
                double lo = xs[i - 1];
                double hi = xs[i];
                double slo = previous;
                for (int k = 0; k < 200 && Math.nextUp(lo) < hi; k++) {
                    double mid = 0.5 * (lo + hi);
                    double sm = slope(f, mid);
                    if (sm == 0) {
                        lo = mid;
                        hi = mid;
                        break;
                    }
                    if (sm * slo < 0) {
                        hi = mid;
                    } else {
                        lo = mid;
                        slo = sm;
                    }
                }
                roots.add(0.5 * (lo + hi));
            }
            previous = current;
        }
        return roots;
    }

    private static double slope(VarFunction f, double x) {
        return Derivatives.grad(f, Tensor.vector(x)).get(0);
    }

    private static double value(VarFunction f, double x) {
        return f.apply(Var.constant(Tensor.vector(x))).item();
    }

    private static double[] column(List<double[]> points, int k) {
        return points.stream().mapToDouble(p -> p[k]).toArray();
    }

    private static String cp(Tensor eigenvalues) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < eigenvalues.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", eigenvalues.get(i)));
        }
        return s.append(']').toString();
    }

    private static String describe(CriticalPoint.Kind kind) {
        return switch (kind) {
            case LOCAL_MINIMUM -> "local minimum (all eigenvalues > 0)";
            case LOCAL_MAXIMUM -> "local maximum (all eigenvalues < 0)";
            case SADDLE -> "saddle point (eigenvalues of both signs)";
            case DEGENERATE -> "degenerate: a zero eigenvalue, the test cannot tell";
            case NOT_CRITICAL -> "not a critical point";
            case INCONCLUSIVE -> "inconclusive: an eigenvalue too small for its sign to be trusted at this gradient tolerance";
        };
    }
}
