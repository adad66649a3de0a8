package org.adjoint.examples.lessons;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.Cifar10;
import org.adjoint.examples.Example;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;
import org.adjoint.examples.data.Datasets;
import org.adjoint.examples.data.Split;
import org.adjoint.examples.lessons.LinearClassifier.Loss;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.baseline.RandomLocalSearch;
import org.adjoint.optim.minimize.baseline.RandomSearch;
import org.adjoint.optim.train.LabeledData;

/**
 * Lesson 1: linear classifiers on the digits, trained three ways with the same budget of loss
 * evaluations: random search (try random W, keep the best), random local search (perturb the best W,
 * keep improvements) and gradient descent. With {@code --dataset cifar10 --data DIR} it runs on
 * CIFAR-10's first training batch and its test batch instead. The CS231n notes report 15.5% and 21.4% on CIFAR-10 for
 * the two searches; gradient descent does far better.
 */
public final class LinearClassifiersExample implements Example {

    @Override
    public String name() {
        return "linear-classifiers";
    }

    @Override
    public String summary() {
        return "SVM and softmax classifiers on digits: random search vs random local search vs gradient descent";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("dataset", "digits", "digits, or cifar10 (needs --data DIR with data_batch_1.bin and test_batch.bin)"),
                new Option("data", "(none)", "folder with the CIFAR-10 binary batches"),
                new Option("budget", "500", "loss evaluations per method (for gradient descent, each with its gradient)"),
                new Option("lr", "1.0", "gradient descent step size"),
                new Option("reg", "1e-4", "L2 regularization strength λ"),
                new Option("scale", "0.01", "random search: standard deviation of the random W"),
                new Option("step", "0.05", "random local search: standard deviation of each perturbation"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) throws IOException {
        int budget = options.positive("budget", 500);
        double lr = options.real("lr", 1.0);
        double reg = options.real("reg", 1e-4);
        double scale = options.real("scale", 0.01);
        double step = options.real("step", 0.05);
        long seed = options.seed();

        String dataset = options.text("dataset", "digits");
        Split split = switch (dataset) {
            case "digits" -> Datasets.split(Datasets.digits(), 0.2, seed);
            case "cifar10" -> cifar(options);
            default -> throw new Options.UsageException("linear-classifiers: --dataset must be digits or cifar10, not '" + dataset + "'");
        };
        LabeledData train = LinearClassifier.withOnes(split.train());
        LabeledData test = LinearClassifier.withOnes(split.test());
        int classes = 10;
        int features = train.inputs().shape().dim(1);
        out.printf(Locale.ROOT, "%s: %d training and %d test images, %d features (with the bias column), %d classes%n",
                dataset, train.size(), test.size(), features, classes);
        out.printf(Locale.ROOT, "Budget: %d loss evaluations per method; λ = %s%n%n", budget, Numbers.show(reg));
        out.printf(Locale.ROOT, "%-8s %-22s %12s %14s%n", "loss", "method", "final loss", "test accuracy");

        Outcome outcome = new Outcome();
        for (Loss kind : Loss.values()) {
            VarFunction loss = w -> LinearClassifier.loss(kind, w.reshape(classes, features), train, reg);
            Objective objective = Objective.of(loss);
            Tensor zero = Tensor.zeros(classes * features);
            Stopping stopping = Stopping.defaults().withMaxEvaluations(budget).withMaxIterations(budget);
            report(out, outcome, kind, "random search", new RandomSearch(scale, seed).minimize(objective, zero, stopping),
                    classes, features, test);
            report(out, outcome, kind, "random local search",
                    new RandomLocalSearch(step, seed).minimize(objective,
                            Tensor.randomNormal(seed, classes * features).mul(0.001), stopping), classes, features, test);
            Tensor w = Tensor.randomNormal(seed, classes * features).mul(0.001);
            double value = Double.NaN;
            for (int i = 0; i < budget; i++) {
                Derivatives.ValueAndGradient vg = Derivatives.valueAndGrad(loss, w);
                value = vg.value();
                w = w.sub(vg.gradient().mul(lr));
            }
            double accuracy = LinearClassifier.accuracy(w.reshape(classes, features), test);
            out.printf(Locale.ROOT, "%-8s %-22s %12.4f %13.1f%%%n", kind.label(), "gradient descent", value, 100 * accuracy);
            outcome.figure(kind.label() + " gradient descent test accuracy", accuracy);
        }
        out.println();
        out.println("Following the gradient beats guessing: with the same number of loss evaluations, gradient descent");
        out.println("finds a far better W than keeping the best random guess or the best random perturbation.");
        return outcome;
    }

    /**
     * CIFAR-10's first training batch and its test batch, centred by the training mean of each pixel
     * (a linear classifier needs centred inputs; the digits are sparse enough without).
     */
    private static Split cifar(Options options) throws IOException {
        Path dir = options.data().orElseThrow(() -> new Options.UsageException(
                "linear-classifiers: --dataset cifar10 needs --data DIR, a folder with data_batch_1.bin and test_batch.bin "
                        + "(the binary version from https://www.cs.toronto.edu/~kriz/cifar.html)"));
        LabeledData train = LabeledData.of(Cifar10.readBatch(dir.resolve("data_batch_1.bin")));
        LabeledData test = LabeledData.of(Cifar10.readBatch(dir.resolve("test_batch.bin")));
        Tensor mean = train.inputs().mean(new int[] {0}, true);
        return new Split(new LabeledData(train.inputs().sub(mean), train.labels()),
                new LabeledData(test.inputs().sub(mean), test.labels()));
    }

    private static void report(PrintStream out, Outcome outcome, Loss kind, String method, MinimizationResult r,
            int classes, int features, LabeledData test) {
        double accuracy = LinearClassifier.accuracy(r.x().reshape(classes, features), test);
        out.printf(Locale.ROOT, "%-8s %-22s %12.4f %13.1f%%%n", kind.label(), method, r.value(), 100 * accuracy);
        outcome.figure(kind.label() + " " + method + " test accuracy", accuracy);
    }
}
