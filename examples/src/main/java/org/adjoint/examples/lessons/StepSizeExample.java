package org.adjoint.examples.lessons;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.adjoint.examples.Example;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;
import org.adjoint.examples.data.Datasets;
import org.adjoint.examples.lessons.LinearClassifier.Loss;
import org.adjoint.examples.plot.LineChart;
import org.adjoint.optim.train.LabeledData;

/**
 * Lesson 4: the step size. From one W, take a single gradient step {@code W − η·∇L} for η from
 * 1e-10 to 10 and print the loss after it, as the CS231n notes' table does: too small a step changes
 * nothing, a good one lowers the loss, too large a step overshoots and the loss climbs.
 */
public final class StepSizeExample implements Example {

    private static final int CLASSES = 10;

    @Override
    public String name() {
        return "step-sizes";
    }

    @Override
    public String summary() {
        return "loss after one gradient step for step sizes 1e-10 … 10 (the SVM loss on digits), printed and plotted";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("loss", "svm", "svm or softmax"),
                new Option("reg", "1e-4", "L2 regularization strength λ"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) throws IOException {
        Loss kind = switch (options.text("loss", "svm")) {
            case "svm" -> Loss.SVM;
            case "softmax" -> Loss.SOFTMAX;
            default -> throw new Options.UsageException("step-sizes: --loss must be svm or softmax, not '"
                    + options.text("loss", "") + "'");
        };
        double reg = options.real("reg", 1e-4);
        LabeledData train = LinearClassifier.withOnes(Datasets.split(Datasets.digits(), 0.2, options.seed()).train());
        int features = train.inputs().shape().dim(1);
        VarFunction loss = w -> LinearClassifier.loss(kind, w, train, reg);
        Tensor w = Tensor.randomNormal(options.seed(), CLASSES, features).mul(0.001);
        Derivatives.ValueAndGradient vg = Derivatives.valueAndGrad(loss, w);
        double original = vg.value();

        out.printf(Locale.ROOT, "%s loss on %d training digits at W ~ 0.001·N(0, 1): %.6f, ‖∇L‖ = %.4f%n%n", kind.label(),
                train.size(), original, Numbers.norm(vg.gradient()));
        out.printf(Locale.ROOT, "%-12s %16s %14s%n", "step size", "loss after", "change");
        int first = -10;
        int last = 1;
        double[] steps = new double[last - first + 1];
        double[] losses = new double[steps.length];
        int best = 0;
        for (int i = 0; i < steps.length; i++) {
            steps[i] = Math.pow(10, first + i);
            losses[i] = loss.apply(Var.constant(w.sub(vg.gradient().mul(steps[i])))).item();
            out.printf(Locale.ROOT, "%-12.0e %16.8f %+14.3e%n", steps[i], losses[i], losses[i] - original);
            if (losses[i] < losses[best]) {
                best = i;
            }
        }
        out.printf(Locale.ROOT, "%nBest step size: %.0e (loss %.6f, down from %.6f).%n", steps[best], losses[best], original);
        out.println("Tiny steps leave the loss unchanged; past the best step, the linear model of the loss no longer holds");
        out.println("and the step overshoots.");
        Outcome outcome = new Outcome()
                .figure("loss before the step", original)
                .figure("loss after the smallest step", losses[0])
                .figure("best step size", steps[best])
                .figure("loss after the best step", losses[best])
                .figure("loss after the largest step", losses[losses.length - 1]);
        outcome.file(LineChart.of("Loss after one gradient step (" + kind.label() + " loss, digits)", "step size η", "loss")
                .logX().line("loss after the step", steps, losses)
                .line("loss before", new double[] {steps[0], steps[steps.length - 1]}, new double[] {original, original})
                .save(options.out().resolve("step-sizes.png"), 900, 600));
        return outcome;
    }
}
