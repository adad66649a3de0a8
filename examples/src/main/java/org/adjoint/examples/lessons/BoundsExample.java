package org.adjoint.examples.lessons;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.examples.Example;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;
import org.adjoint.examples.plot.Landscape;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.bounded.BoundedResult;
import org.adjoint.optim.minimize.bounded.Bounds;
import org.adjoint.optim.minimize.bounded.LbfgsB;

/**
 * Minimizing with bounds, by L-BFGS-B. First Rosenbrock's function in the box [−1.5, 0.5] × [−0.5, 2]:
 * the unconstrained minimum (1, 1) lies outside, and the constrained one, (0.5, 0.25), sits on the
 * bound x ≤ 0.5, which the result's active set reports; every iterate stays in the box. Then a
 * non-negative least-squares fit: a decay curve as a sum of exponentials {@code Σ cₖ·e^(−λₖt)} with
 * fixed rates; unconstrained, the nearly collinear columns give coefficients of both signs that
 * cancel, while with {@code c ≥ 0} the fit keeps a few non-negative terms and pins the rest at 0.
 */
public final class BoundsExample implements Example {

    private static final double[] RATES = {0.5, 1, 2, 4, 8};

    @Override
    public String name() {
        return "bounds";
    }

    @Override
    public String summary() {
        return "L-BFGS-B: Rosenbrock in a box and a non-negative least-squares fit, with the active bounds";
    }

    @Override
    public List<Option> options() {
        return List.of(new Option("noise", "0.01", "standard deviation of the noise added to the decay curve"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) throws IOException {
        Outcome outcome = new Outcome();
        rosenbrockInABox(options, out, outcome);
        nonNegativeFit(options.real("noise", 0.01), options.seed(), out, outcome);
        return outcome;
    }

    private static void rosenbrockInABox(Options options, PrintStream out, Outcome outcome) throws IOException {
        Bounds box = Bounds.of(new double[] {-1.5, -0.5}, new double[] {0.5, 2});
        Tensor start = Tensor.vector(-1.2, 1);
        Objective f = Objective.of(TrajectoriesExample::rosenbrock);
        BoundedResult r = LbfgsB.standard().minimize(f, start, box, LbfgsB.scipyStopping());
        MinimizationResult free = LbfgsB.standard().minimize(Objective.of(TrajectoriesExample::rosenbrock), start,
                LbfgsB.scipyStopping());
        long outside = r.result().trace().stream().filter(x -> !box.contains(x)).count();
        out.printf(Locale.ROOT, "Rosenbrock f = (1 − x)² + 100(y − x²)² from (−1.2, 1) in %s%n", box);
        out.printf(Locale.ROOT, "  in the box:  x* = (%.6f, %.6f), f = %.6g, %d iterations, %d evaluations, %s%n",
                r.x().get(0), r.x().get(1), r.value(), r.result().iterations(), r.result().evaluations().gradients(),
                r.result().reason());
        out.printf(Locale.ROOT, "               %s; ‖P(x − ∇f) − x‖∞ = %.1e; iterates outside the box: %d%n",
                r.activeSet(), r.projectedGradientNorm(), outside);
        out.printf(Locale.ROOT, "  no bounds:   x* = (%.6f, %.6f), f = %.3g, %d evaluations%n%n", free.x().get(0),
                free.x().get(1), free.value(), free.evaluations().gradients());
        outcome.figure("Rosenbrock x1", r.x().get(0));
        outcome.figure("Rosenbrock x2", r.x().get(1));
        outcome.figure("Rosenbrock f", r.value());
        outcome.figure("Rosenbrock bounds active", r.activeSet().atLower().size() + r.activeSet().atUpper().size());
        outcome.figure("iterates outside the box", outside);
        outcome.file(landscape(r, box).save(options.out().resolve("bounds-rosenbrock.png"), 900, 800));
    }

    private static Landscape landscape(BoundedResult r, Bounds box) {
        double[] xs = Grid.linspace(-2, 2, 200);
        double[] ys = Grid.linspace(-1, 2.5, 200);
        int n = r.result().trace().size();
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = r.result().trace().get(i).get(0);
            py[i] = r.result().trace().get(i).get(1);
        }
        double[] bx = {box.lower(0), box.upper(0), box.upper(0), box.lower(0), box.lower(0)};
        double[] by = {box.lower(1), box.lower(1), box.upper(1), box.upper(1), box.lower(1)};
        return Landscape.of("Rosenbrock in a box: L-BFGS-B from (−1.2, 1)", "x", "y", xs, ys,
                        TrajectoriesExample.grid(TrajectoriesExample::rosenbrock, xs, ys)).contours(16)
                .path("the box", bx, by).path("L-BFGS-B", px, py)
                .point("free min", 1, 1).point("x*", 0.5, 0.25);
    }

    private static void nonNegativeFit(double noise, long seed, PrintStream out, Outcome outcome) {
        int m = 41;
        double[][] columns = new double[RATES.length][m];
        double[] y = new double[m];
        Random random = new Random(seed);
        for (int i = 0; i < m; i++) {
            double t = 0.1 * i;
            for (int k = 0; k < RATES.length; k++) {
                columns[k][i] = Math.exp(-RATES[k] * t);
            }
            y[i] = 3 * Math.exp(-t) + Math.exp(-4 * t) + noise * random.nextGaussian();
        }
        Tensor a = Tensor.matrix(columns);
        Tensor data = Tensor.vector(y);
        Tensor start = Tensor.full(Shape.of(RATES.length), 1);
        Objective sse = Objective.of(c -> c.matmul(Var.constant(a)).sub(Var.constant(data)).square().sum());
        Stopping stopping = LbfgsB.scipyStopping().withGradientTolerance(1e-9).withFunctionTolerance(0);
        MinimizationResult ls = LbfgsB.standard().minimize(sse, start, stopping);
        BoundedResult nn = LbfgsB.standard().minimize(sse, start, Bounds.nonNegative(RATES.length), stopping);
        out.printf(Locale.ROOT, "Fit y(t) = Σ cₖ·e^(−λₖt), λ = %s, to %d points of 3e^(−t) + e^(−4t) + noise (σ = %s)%n",
                Arrays.toString(RATES), m, noise);
        out.printf(Locale.ROOT, "  %-22s %s   %s%n", "", coefficientHeader(), "sum of squares");
        out.printf(Locale.ROOT, "  %-22s %s   %.4g%n", "least squares", coefficients(ls.x()), ls.value());
        out.printf(Locale.ROOT, "  %-22s %s   %.4g%n", "non-negative (c ≥ 0)", coefficients(nn.x()), nn.value());
        out.printf(Locale.ROOT, "  non-negative fit: %s, %s%n", nn.activeSet(), nn.result().reason());
        outcome.figure("least squares min coefficient", ls.x().min().item());
        outcome.figure("non-negative min coefficient", nn.x().min().item());
        outcome.figure("non-negative coefficients at 0", nn.activeSet().atLower().size());
        outcome.figure("non-negative projected gradient", nn.projectedGradientNorm());
    }

    private static String coefficientHeader() {
        StringBuilder s = new StringBuilder();
        for (double rate : RATES) {
            s.append(String.format(Locale.ROOT, "%10s", "c(λ=" + Numbers.show(rate) + ")"));
        }
        return s.toString();
    }

    private static String coefficients(Tensor c) {
        StringBuilder s = new StringBuilder();
        for (double v : c.toArray()) {
            s.append(String.format(Locale.ROOT, "%10.4f", v));
        }
        return s.toString();
    }
}
