package org.adjoint.examples.lessons;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.examples.Example;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;
import org.adjoint.examples.plot.Landscape;
import org.adjoint.examples.plot.LineChart;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.Step;
import org.adjoint.optim.UpdateRule;
import org.adjoint.optim.rules.AdaDelta;
import org.adjoint.optim.rules.AdaGrad;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.rules.NesterovMomentum;
import org.adjoint.optim.rules.RmsProp;
import org.adjoint.optim.rules.Sgd;

/**
 * Lesson 6: how the update rules move on three 2-D functions of the Dive-into-DL notes: the
 * ill-conditioned bowl {@code 0.1·x₁² + 2·x₂²}, Rosenbrock's banana valley {@code (1 − x)² + 100(y − x²)²}
 * and the saddle {@code x² − y²}. Each rule starts from the same point with hyperparameters chosen
 * per function (printed), and its path is drawn over the function's contours.
 */
public final class TrajectoriesExample implements Example {

    /** A test function with where to start, how many steps, what to draw and the rules' settings. */
    private record Problem(String key, String title, VarFunction f, double[] start, int steps, double[] xRange,
            double[] yRange, boolean logLoss, Map<String, Rule> rules) {
    }

    @Override
    public String name() {
        return "trajectories";
    }

    @Override
    public String summary() {
        return "GD, momentum, Nesterov, AdaGrad, RMSProp, AdaDelta, Adam on 0.1x₁²+2x₂², Rosenbrock and x²−y², over contours";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("function", "all", "elliptic, rosenbrock, saddle or all"),
                new Option("steps", "0", "steps per run (0: each function's default: 40, 2000, 30)"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) throws IOException {
        String which = options.text("function", "all");
        int stepsOverride = options.text("steps", "0").equals("0") ? 0 : options.positive("steps", 1);
        List<Problem> problems = problems().stream().filter(p -> which.equals("all") || which.equals(p.key())).toList();
        if (problems.isEmpty()) {
            throw new Options.UsageException("trajectories: --function must be elliptic, rosenbrock, saddle or all, not '" + which + "'");
        }
        Outcome outcome = new Outcome();
        for (Problem p : problems) {
            int steps = stepsOverride > 0 ? stepsOverride : p.steps();
            out.printf(Locale.ROOT, "%s from (%s, %s), %d steps%n", p.title(), Numbers.show(p.start()[0]),
                    Numbers.show(p.start()[1]), steps);
            out.printf(Locale.ROOT, "  %-10s %-28s %14s %22s%n", "rule", "settings", "final f", "final point");
            double[] xs = Grid.linspace(p.xRange()[0], p.xRange()[1], 160);
            double[] ys = Grid.linspace(p.yRange()[0], p.yRange()[1], 160);
            Landscape map = Landscape.of(p.title(), "x₁", "x₂", xs, ys, grid(p.f(), xs, ys)).contours(14);
            LineChart losses = LineChart.of(p.title() + ": f against step", "step", p.logLoss() ? "f (log scale)" : "f");
            if (p.logLoss()) {
                losses.logY();
            }
            for (Map.Entry<String, Rule> rule : p.rules().entrySet()) {
                double[][] path = run(p.f(), p.start(), rule.getValue().rule(), steps);
                int last = path[0].length - 1;
                double fLast = path[2][last];
                out.printf(Locale.ROOT, "  %-10s %-28s %14.6g %22s%n", rule.getKey(), rule.getValue().settings(), fLast,
                        String.format(Locale.ROOT, "(%.4f, %.4f)", path[0][last], path[1][last]));
                map.path(rule.getKey(), path[0], path[1]);
                losses.line(rule.getKey(), Grid.steps(path[2].length), p.logLoss() ? positive(path[2]) : path[2]);
                outcome.figure(p.key() + " " + rule.getKey() + " final f", fLast);
            }
            outcome.file(map.save(options.out().resolve("trajectories-" + p.key() + ".png"), 900, 750));
            outcome.file(losses.save(options.out().resolve("trajectories-" + p.key() + "-loss.png"), 900, 600));
            out.println();
        }
        out.println("On the bowl, plain GD zig-zags across the steep direction while momentum and the adaptive rules");
        out.println("rescale it; in Rosenbrock's valley the adaptive rules and momentum travel much further than GD;");
        out.println("at the saddle, every rule escapes along −y² only because the start is slightly off the x axis.");
        return outcome;
    }

    private static List<Problem> problems() {
        return List.of(
                new Problem("elliptic", "f = 0.1·x₁² + 2·x₂²", x -> coordinate(x, 0).square().mul(0.1)
                        .add(coordinate(x, 1).square().mul(2)), new double[] {-5, -2}, 40,
                        new double[] {-5.5, 5.5}, new double[] {-3, 3}, true,
                        rules(new Rates(0.4, 0.3, 0.5, 0.9, 0.4, 1e-3, 1.0))),
                new Problem("rosenbrock", "Rosenbrock f = (1 − x₁)² + 100(x₂ − x₁²)²", TrajectoriesExample::rosenbrock,
                        new double[] {-1.2, 1}, 2000, new double[] {-2, 2}, new double[] {-1, 3}, true,
                        rules(new Rates(1e-3, 1e-3, 0.9, 0.3, 5e-3, 1e-4, 0.05))),
                new Problem("saddle", "f = x₁² − x₂²", x -> coordinate(x, 0).square().sub(coordinate(x, 1).square()),
                        new double[] {-1, 0.01}, 30, new double[] {-1.5, 1.5}, new double[] {-1.5, 1.5}, false,
                        rules(new Rates(0.1, 0.02, 0.9, 0.1, 0.05, 1e-3, 0.1))));
    }

    /** The hyperparameters of the seven rules on one function. */
    private record Rates(double gd, double momentumLr, double momentum, double adagrad, double rmsprop,
            double adadeltaEpsilon, double adam) {
    }

    /** The seven rules, each with a short description of its settings, in the order they are drawn. */
    private static Map<String, Rule> rules(Rates r) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        rules.put("GD", new Rule("η = " + Numbers.show(r.gd()), new Sgd(r.gd())));
        String momentum = "η = " + Numbers.show(r.momentumLr()) + ", ρ = " + Numbers.show(r.momentum());
        rules.put("momentum", new Rule(momentum, new Sgd(r.momentumLr(), r.momentum())));
        rules.put("Nesterov", new Rule(momentum, new NesterovMomentum(r.momentumLr(), r.momentum())));
        rules.put("AdaGrad", new Rule("η = " + Numbers.show(r.adagrad()), new AdaGrad(r.adagrad())));
        rules.put("RMSProp", new Rule("η = " + Numbers.show(r.rmsprop()) + ", γ = 0.9",
                new RmsProp(r.rmsprop(), 0.9, 1e-8, 0, 0)));
        rules.put("AdaDelta", new Rule("ρ = 0.9, ε = " + Numbers.show(r.adadeltaEpsilon()),
                new AdaDelta(1, 0.9, r.adadeltaEpsilon(), 0)));
        rules.put("Adam", new Rule("η = " + Numbers.show(r.adam()) + ", β = (0.9, 0.999)", new Adam(r.adam())));
        return rules;
    }

    /** An update rule and how it was set up, for the table. */
    private record Rule(String settings, UpdateRule<?> rule) {
    }

    private static Var coordinate(Var x, int i) {
        return x.slice(0, i, i + 1).sum();
    }

    static Var rosenbrock(Var x) {
        Var a = coordinate(x, 0);
        Var b = coordinate(x, 1);
        return a.neg().add(1).square().add(b.sub(a.square()).square().mul(100));
    }

    /** The path {x₁…, x₂…, f…} of {@code steps} steps of {@code rule} from {@code start}. */
    private static double[][] run(VarFunction f, double[] start, UpdateRule<?> rule, int steps) {
        Optimizer optimizer = Optimizer.of(rule);
        NamedTensors params = NamedTensors.of(Map.of("x", Tensor.vector(start)));
        OptimizerState state = optimizer.init(params);
        double[][] path = new double[3][steps + 1];
        for (int t = 0; t <= steps; t++) {
            Tensor x = params.get("x");
            Derivatives.ValueAndGradient vg = Derivatives.valueAndGrad(f, x);
            path[0][t] = x.get(0);
            path[1][t] = x.get(1);
            path[2][t] = vg.value();
            if (t == steps || !Double.isFinite(vg.value())) {
                return trim(path, t + 1);
            }
            Step step = optimizer.step(params, NamedTensors.of(Map.of("x", vg.gradient())), state);
            params = step.params();
            state = step.state();
        }
        return path;
    }

    private static double[][] trim(double[][] path, int n) {
        if (n == path[0].length) {
            return path;
        }
        return new double[][] {Arrays.copyOf(path[0], n), Arrays.copyOf(path[1], n),
                Arrays.copyOf(path[2], n)};
    }

    static double[][] grid(VarFunction f, double[] xs, double[] ys) {
        double[][] z = new double[xs.length][ys.length];
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                z[i][j] = f.apply(Var.constant(Tensor.vector(xs[i], ys[j]))).item();
            }
        }
        return z;
    }

    /** Values floored at 1e-300 so that a log axis can show a run that reached exactly 0. */
    private static double[] positive(double[] values) {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(v[i], 1e-300);
        }
        return v;
    }
}
