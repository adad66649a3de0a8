package org.adjoint.examples.lessons;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.FiniteDifferences;
import org.adjoint.core.FiniteDifferences.Scheme;
import org.adjoint.core.Tensor;
import org.adjoint.examples.Example;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;
import org.adjoint.examples.data.Datasets;
import org.adjoint.examples.lessons.LinearClassifier.Loss;
import org.adjoint.examples.plot.LineChart;
import org.adjoint.optim.train.LabeledData;

/**
 * Lesson 2: the gradient check. The analytic gradient (autodiff) of the SVM and softmax losses of a
 * linear classifier {@code s = x·Wᵀ + b} is compared with numerical gradients by forward differences
 * {@code (f(x + h) − f(x)) / h} and centered differences {@code (f(x + h) − f(x − h)) / 2h}, block by
 * block ({@code W}, then {@code b}); then the error is traced as the step {@code h} shrinks: truncation
 * error falls (as h for forward, h² for centered) until rounding error, which grows as 1/h, takes over.
 *
 * <p>Errors are relative: per block {@code ‖a − n‖ / max(‖a‖, ‖n‖)}, and the worst single entry
 * {@code |aᵢ − nᵢ| / max(|aᵢ|, |nᵢ|)}, which is large wherever a gradient entry is itself tiny (pixels
 * that are blank in every image of the batch).
 */
public final class GradientCheckExample implements Example {

    private static final int CLASSES = 10;

    @Override
    public String name() {
        return "gradient-check";
    }

    @Override
    public String summary() {
        return "autodiff vs forward and centered differences on the SVM and softmax losses; error against step h (log-log)";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("batch", "50", "number of digit images in the loss"),
                new Option("h", "1e-5", "finite-difference step for the per-block table"),
                new Option("reg", "1e-3", "L2 regularization strength λ"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) throws IOException {
        int batch = options.positive("batch", 50);
        double h = options.real("h", 1e-5);
        double reg = options.real("reg", 1e-3);
        long seed = options.seed();
        LabeledData all = Datasets.digits();
        if (batch > all.size()) {
            throw new Options.UsageException("gradient-check: --batch " + batch + " exceeds the " + all.size() + " digit images");
        }
        LabeledData data = all.batch(Grid.sample(all.size(), batch, seed));
        int features = data.inputs().shape().dim(1);
        Tensor w = Tensor.randomNormal(seed, CLASSES, features).mul(0.01);
        Tensor b = Tensor.randomNormal(seed + 1, CLASSES).mul(0.01);

        Outcome outcome = new Outcome();
        out.printf(Locale.ROOT, "Linear classifier on %d random digit images: W is %d×%d, b has %d entries; h = %s, λ = %s%n%n",
                batch, CLASSES, features, CLASSES, Numbers.show(h), Numbers.show(reg));
        out.printf(Locale.ROOT, "%-8s %-6s %-9s %16s %18s%n", "loss", "block", "scheme", "relative error", "worst entry");
        for (Loss kind : Loss.values()) {
            for (String block : List.of("W", "b")) {
                ToDoubleFunction<Tensor> f = blockFunction(kind, block, w, b, data, reg);
                Tensor at = block.equals("W") ? w : b;
                Tensor analytic = Derivatives.grad(x -> blockLoss(kind, block, x, w, b, data, reg), at);
                for (Scheme scheme : Scheme.values()) {
                    Tensor numeric = FiniteDifferences.gradient(f, at, h, scheme);
                    double error = normRelativeError(analytic, numeric);
                    out.printf(Locale.ROOT, "%-8s %-6s %-9s %16.3e %18.3e%s%n", kind.label(), block, scheme.name().toLowerCase(Locale.ROOT),
                            error, FiniteDifferences.relativeError(analytic, numeric),
                            Numbers.norm(analytic) < 1e-8 ? "  (the gradient is 0 here: a relative error means nothing)" : "");
                    outcome.figure(kind.label() + " " + block + " " + scheme.name().toLowerCase(Locale.ROOT) + " relative error", error);
                }
            }
        }

        out.printf(Locale.ROOT, "%nRelative error of the W block against the step h:%n%-8s", "h");
        double[] steps = new double[12];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = Math.pow(10, -1 - i);
            out.printf(Locale.ROOT, "%10.0e", steps[i]);
        }
        out.println();
        LineChart chart = LineChart.of("Gradient check: error against finite-difference step", "step h",
                "relative error ‖analytic − numeric‖ / max(‖·‖)").logX().logY();
        for (Loss kind : Loss.values()) {
            ToDoubleFunction<Tensor> f = blockFunction(kind, "W", w, b, data, reg);
            Tensor analytic = Derivatives.grad(x -> blockLoss(kind, "W", x, w, b, data, reg), w);
            for (Scheme scheme : Scheme.values()) {
                double[] errors = new double[steps.length];
                String label = kind.label() + ", " + scheme.name().toLowerCase(Locale.ROOT);
                out.printf(Locale.ROOT, "%-8s", kind.label().substring(0, Math.min(4, kind.label().length())) + "/"
                        + scheme.name().substring(0, 3).toLowerCase(Locale.ROOT));
                int best = 0;
                for (int i = 0; i < steps.length; i++) {
                    errors[i] = Math.max(normRelativeError(analytic, FiniteDifferences.gradient(f, w, steps[i], scheme)), 1e-17);
                    out.printf(Locale.ROOT, "%10.1e", errors[i]);
                    if (errors[i] < errors[best]) {
                        best = i;
                    }
                }
                out.println();
                chart.line(label, steps, errors);
                outcome.figure(label + " best h", steps[best]);
                outcome.figure(label + " smallest error", errors[best]);
            }
        }
        Path file = chart.save(options.out().resolve("gradient-check-error-vs-h.png"), 900, 600);
        outcome.file(file);
        out.println();
        out.printf(Locale.ROOT, "Softmax: centered differences reach %.1e (at h = %s), forward differences only %.1e (at h = %s):%n",
                outcome.figure("softmax, centered smallest error"), Numbers.show(outcome.figure("softmax, centered best h")),
                outcome.figure("softmax, forward smallest error"), Numbers.show(outcome.figure("softmax, forward best h")));
        out.println("truncation error falls as h² and h respectively until rounding error, about ε·|f|/h, takes over.");
        out.println("SVM: the loss is piecewise linear plus a quadratic, which centered differences get exactly right as long");
        out.println("as the step crosses no kink (no margin is near 0 at this W); a step across a kink would spoil the check.");
        return outcome;
    }

    /** The loss as a function of one block, the other held constant. */
    private static Var blockLoss(Loss kind, String block, Var x, Tensor w, Tensor b, LabeledData data, double reg) {
        Var wv = block.equals("W") ? x : Var.constant(w);
        Var bv = block.equals("b") ? x : Var.constant(b);
        Var scores = Var.constant(data.inputs()).matmulTransposed(wv).add(bv);
        Var dataLoss = kind == Loss.SVM
                ? Losses.multiclassHinge(scores, data.labels(), 1.0)
                : Losses.softmaxCrossEntropy(scores, data.labels());
        return dataLoss.add(Losses.l2(wv, reg));
    }

    private static ToDoubleFunction<Tensor> blockFunction(Loss kind, String block, Tensor w, Tensor b, LabeledData data,
            double reg) {
        return x -> blockLoss(kind, block, Var.constant(x), w, b, data, reg).item();
    }

    /** {@code ‖a − n‖ / max(‖a‖, ‖n‖)}, 0 when both are 0. */
    static double normRelativeError(Tensor analytic, Tensor numeric) {
        double diff = 0;
        double na = 0;
        double nn = 0;
        double[] a = analytic.toArray();
        double[] n = numeric.toArray();
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - n[i]) * (a[i] - n[i]);
            na += a[i] * a[i];
            nn += n[i] * n[i];
        }
        double scale = Math.sqrt(Math.max(na, nn));
        return scale == 0 ? 0 : Math.sqrt(diff) / scale;
    }
}
