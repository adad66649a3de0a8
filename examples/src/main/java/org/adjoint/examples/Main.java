package org.adjoint.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.adjoint.examples.lessons.BatchSizeExample;
import org.adjoint.examples.lessons.BoundsExample;
import org.adjoint.examples.lessons.CriticalPointsExample;
import org.adjoint.examples.lessons.CurveFitExample;
import org.adjoint.examples.lessons.CustomOptimizerExample;
import org.adjoint.examples.lessons.DerivativesExample;
import org.adjoint.examples.lessons.GradientCheckExample;
import org.adjoint.examples.lessons.LeNetExample;
import org.adjoint.examples.lessons.LearningRateDecayExample;
import org.adjoint.examples.lessons.LearningRateFinderExample;
import org.adjoint.examples.lessons.LinearClassifiersExample;
import org.adjoint.examples.lessons.LossLandscapeExample;
import org.adjoint.examples.lessons.NewtonExample;
import org.adjoint.examples.lessons.RuleComparisonExample;
import org.adjoint.examples.lessons.StepSizeExample;
import org.adjoint.examples.lessons.TrajectoriesExample;
import org.adjoint.examples.lessons.TwoLayerNetworkExample;

/**
 * The examples' entry point: {@code Main NAME [--option value …]} runs one example, {@code Main}
 * alone runs the tour (a representative subset, under a minute), {@code Main all} runs every one,
 * {@code Main --help} lists them and {@code Main --help NAME} lists an example's options.
 */
public final class Main {

    /** Every example, in the order of the lessons. */
    public static final List<Example> EXAMPLES = List.of(
            new DerivativesExample(),
            new LinearClassifiersExample(),
            new GradientCheckExample(),
            new LossLandscapeExample(),
            new StepSizeExample(),
            new BatchSizeExample(),
            new TrajectoriesExample(),
            new CriticalPointsExample(),
            new LearningRateDecayExample(),
            new LearningRateFinderExample(),
            new NewtonExample(),
            new BoundsExample(),
            new CurveFitExample(),
            new TwoLayerNetworkExample(),
            new CustomOptimizerExample(),
            new RuleComparisonExample(),
            new LeNetExample());

    /** The examples the tour runs, by name. */
    static final List<String> TOUR = List.of("derivatives", "linear-classifiers", "gradient-check", "landscape", "trajectories",
            "critical-points", "newton", "curve-fit", "two-layer");

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Main() {
    }

    /** Runs what {@code args} asks for; exits with status 2 on a usage error and 1 on a failure. */
    public static void main(String[] args) {
        int status = run(Arrays.asList(args), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs what {@code args} asks for and returns the exit status (0 success, 1 failure, 2 usage error). */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            if (args.isEmpty()) {
                runAll(TOUR.stream().map(Main::find).toList(), Options.none(), out);
            } else if (List.of("--help", "-h", "help").contains(args.get(0))) {
                out.print(args.size() > 1 ? help(find(args.get(1))) : help());
            } else if (args.get(0).equals("all") || args.get(0).equals("tour")) {
                runAll(args.get(0).equals("all") ? EXAMPLES : TOUR.stream().map(Main::find).toList(),
                        Options.parse(args.subList(1, args.size())), out);
            } else {
                Example example = find(args.get(0));
                if (args.contains("--help")) {
                    out.print(help(example));
                    return 0;
                }
                Options options = Options.parse(args.subList(1, args.size()));
                options.requireKnown(example);
                runOne(example, options, out);
            }
            return 0;
        } catch (Options.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("run with --help to list the examples, or --help NAME for one example's options");
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static void runAll(List<Example> examples, Options options, PrintStream out) throws IOException {
        long start = System.nanoTime();
        for (Example example : examples) {
            runOne(example, options, out);
        }
        out.printf(Locale.ROOT, "Ran %d examples in %.1f s.%n", examples.size(), (System.nanoTime() - start) / 1e9);
    }

    /** Runs one example, printing a header, its output and its summary. */
    static Outcome runOne(Example example, Options options, PrintStream out) throws IOException {
        String title = "== " + example.name() + ": " + example.summary() + " ";
        out.println(title);
        long start = System.nanoTime();
        Outcome outcome = example.run(options, out);
        out.println();
        out.print(outcome.summary());
        out.printf(Locale.ROOT, "(%s took %.1f s)%n%n", example.name(), (System.nanoTime() - start) / 1e9);
        return outcome;
    }

    /** The example called {@code name}; a usage error listing the names if there is none. */
    static Example find(String name) {
        Optional<Example> found = EXAMPLES.stream().filter(e -> e.name().equals(name)).findFirst();
        return found.orElseThrow(() -> new Options.UsageException("no example '" + name + "'; the examples are "
                + String.join(", ", EXAMPLES.stream().map(Example::name).toList())));
    }

    static String help() {
        StringBuilder s = new StringBuilder();
        s.append("Adjoint examples: the classic optimization lessons, runnable.\n\n");
        s.append("usage: Main [NAME [--option value ...]]    (no NAME: the tour; 'all': every example)\n");
        s.append("       Main --help NAME                     (an example's options)\n\n");
        for (Example e : EXAMPLES) {
            s.append(String.format(Locale.ROOT, "  %-20s %s%n", e.name(), e.summary()));
        }
        s.append("\nThe tour runs: ").append(String.join(", ", TOUR)).append('\n');
        s.append("Options every example reads: --seed N (default 42), --out DIR (default target/adjoint-examples)\n");
        return s.toString();
    }

    static String help(Example example) {
        StringBuilder s = new StringBuilder(example.name() + ": " + example.summary() + "\n\noptions:\n");
        for (Example.Option o : example.options()) {
            s.append(String.format(Locale.ROOT, "  --%-16s %s (default: %s)%n", o.name(), o.description(), o.defaultValue()));
        }
        for (Example.Option o : Options.COMMON) {
            s.append(String.format(Locale.ROOT, "  --%-16s %s (default: %s)%n", o.name(), o.description(), o.defaultValue()));
        }
        return s.toString();
    }
}
