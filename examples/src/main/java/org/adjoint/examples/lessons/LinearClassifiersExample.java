package org.adjoint.examples.lessons;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.adjoint.examples.Example;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;
import org.adjoint.examples.data.Datasets;
import org.adjoint.examples.data.Split;
import org.adjoint.examples.lessons.LinearClassifier.Loss;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.RandomLocalSearch;
import org.adjoint.optim.minimize.RandomSearch;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.train.LabeledData;

/**
 * Lesson 1: linear classifiers on the digits, trained three ways with the same budget of loss
 * evaluations: random search (try random W, keep the best), random local search (perturb the best W,
 * keep improvements) and gradient descent. The CS231n notes report 15.5% and 21.4% on CIFAR-10 for
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
                new Option("budget", "500", "loss evaluations per method (for gradient descent, each with its gradient)"),
                new Option("lr", "1.0", "gradient descent step size"),
                new Option("reg", "1e-4", "L2 regularization strength λ"),
                new Option("scale", "0.01", "random search: standard deviation of the random W"),
                new Option("step", "0.05", "random local search: standard deviation of each perturbation"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) {
        int budget = options.positive("budget", 500);
        double lr = options.real("lr", 1.0);
        double reg = options.real("reg", 1e-4);
        double scale = options.real("scale", 0.01);
        double step = options.real("step", 0.05);
        long seed = options.seed();

        Split split = Datasets.split(Datasets.digits(), 0.2, seed);
        LabeledData train = LinearClassifier.withOnes(split.train());
        LabeledData test = LinearClassifier.withOnes(split.test());
        int classes = 10;
        int features = train.inputs().shape().dim(1);
        out.printf(Locale.ROOT, "Digits: %d training and %d test images, %d features (with the bias column), %d classes%n",
                train.size(), test.size(), features, classes);
        out.printf(Locale.ROOT, "Budget: %d loss evaluations per method; λ = %s%n%n", budget, Numbers.show(reg));
        out.printf(Locale.ROOT, "%-8s %-22s %12s %14s%n", "loss", "method", "final loss", "test accuracy");

        Outcome outcome = new Outcome();
        for (Loss kind : Loss.values()) {
            VarFunction loss = w -> LinearClassifier.loss(kind, w.reshape(classes, features), train, reg);
            Objective objective = Objective.of(loss);
            Tensor zero = Tensor.zeros(classes * features);
            Stopping stopping = Stopping.defaults().withMaxEvaluations(budget).withMaxIterations(budget);
            report(out, outcome, kind, "random search", search(new RandomSearch(scale, seed), objective, zero, stopping),
                    classes, features, test);
            report(out, outcome, kind, "random local search",
                    search(new RandomLocalSearch(step, seed), objective, Tensor.randomNormal(seed, classes * features).mul(0.001),
                            stopping), classes, features, test);
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

    private static MinimizationResult search(Minimizer method, Objective objective, Tensor x0, Stopping stopping) {
        return method.minimize(objective, x0, stopping);
    }

    private static void report(PrintStream out, Outcome outcome, Loss kind, String method, MinimizationResult r,
            int classes, int features, LabeledData test) {
        double accuracy = LinearClassifier.accuracy(r.x().reshape(classes, features), test);
        out.printf(Locale.ROOT, "%-8s %-22s %12.4f %13.1f%%%n", kind.label(), method, r.value(), 100 * accuracy);
        outcome.figure(kind.label() + " " + method + " test accuracy", accuracy);
    }
}
