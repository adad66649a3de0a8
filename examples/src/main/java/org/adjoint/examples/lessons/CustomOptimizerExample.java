package org.adjoint.examples.lessons;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;
import org.adjoint.examples.Example;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;
import org.adjoint.examples.data.Datasets;
import org.adjoint.examples.data.Split;
import org.adjoint.examples.plot.LineChart;
import org.adjoint.nn.Predictions;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;
import org.adjoint.optim.rules.Sgd;
import org.adjoint.optim.train.Progress;
import org.adjoint.optim.train.Trainer;

/**
 * Lesson 11: write your own optimizer. {@link HeavyBall} below is a complete update rule, momentum
 * {@code v = ρ·v + g; w −= η·v}, in about twenty lines: its state is the velocity tensor, and saving
 * and restoring it is what makes checkpoints work. It trains a network on the MNIST subset side by side
 * with the built-in plain SGD, as the lesson does, and with the built-in SGD with momentum, which it
 * must match bit for bit.
 */
public final class CustomOptimizerExample implements Example {

    /** Heavy-ball momentum, written as a user would write a new rule. */
    record HeavyBall(double learningRate, double rho) implements UpdateRule<Tensor> {

        @Override
        public Tensor init(Tensor param) {
            return Tensor.zeros(param.shape());
        }

        @Override
        public Update<Tensor> apply(Tensor param, Tensor grad, Tensor velocity, double lr) {
            Tensor v = velocity.mul(rho).add(grad);
            return new Update<>(param.sub(v.mul(lr)), v);
        }

        @Override
        public Map<String, Tensor> save(Tensor velocity) {
            return Map.of("velocity", velocity);
        }

        @Override
        public Tensor restore(Map<String, Tensor> saved, Tensor param) {
            return saved.get("velocity");
        }
    }

    @Override
    public String name() {
        return "custom-optimizer";
    }

    @Override
    public String summary() {
        return "a twenty-line custom update rule (heavy-ball momentum) trained side by side with built-in SGD on MNIST";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("dataset", "mnist", "mnist or digits"),
                new Option("lr", "0.05", "learning rate of every rule"),
                new Option("momentum", "0.9", "ρ of the custom rule and of built-in SGD with momentum"),
                new Option("epochs", "3", "passes over the training set"),
                new Option("batch", "64", "minibatch size"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) throws IOException {
        String dataset = options.text("dataset", "mnist");
        Split split = switch (dataset) {
            case "mnist" -> Datasets.split(Datasets.mnistSubset(), 0.2, options.seed());
            case "digits" -> Datasets.split(Datasets.digits(), 0.2, options.seed());
            default -> throw new Options.UsageException("custom-optimizer: --dataset must be mnist or digits, not '" + dataset + "'");
        };
        double lr = options.real("lr", 0.05);
        double rho = options.real("momentum", 0.9);
        int epochs = options.positive("epochs", 3);
        int batch = options.positive("batch", 64);
        int features = split.train().inputs().shape().dim(1);
        Sequential net = Mlp.of(Activation.RELU, features, 64, 10);
        out.printf(Locale.ROOT, "Network %d-64-10 on %d training images of %s; lr %s, ρ %s, batch %d, %d epochs%n%n", features,
                split.train().size(), dataset, Numbers.show(lr), Numbers.show(rho), batch, epochs);

        LineChart chart = LineChart.of("Custom rule vs built-in SGD (" + dataset + ")", "step",
                "minibatch loss (log scale)").logY();
        Outcome outcome = new Outcome();
        double[] custom = null;
        double[] builtInMomentum = null;
        Map<String, UpdateRule<?>> rules = new LinkedHashMap<>();
        rules.put("built-in SGD", new Sgd(lr));
        rules.put("custom heavy ball", new HeavyBall(lr, rho));
        rules.put("built-in SGD, momentum", new Sgd(lr, rho));
        for (Map.Entry<String, UpdateRule<?>> rule : rules.entrySet()) {
            out.println(rule.getKey() + ":");
            Trainer.Run run = Trainer.of(Optimizer.of(rule.getValue())).withEpochs(epochs).withBatchSize(batch)
                    .withSeed(options.seed()).withProgress(Progress.console(out))
                    .fit(net.initialize(options.seed()), split.train(),
                            (p, b) -> Losses.softmaxCrossEntropy(net.forward(p, Var.constant(b.inputs())), b.labels()));
            double[] losses = run.history().stepLosses();
            chart.line(rule.getKey(), Grid.steps(losses.length), losses);
            double accuracy = Predictions.accuracy(net, run.params(), split.test().inputs(), split.test().labels());
            out.printf(Locale.ROOT, "  test accuracy %.2f%%%n", 100 * accuracy);
            outcome.figure(rule.getKey() + " test accuracy", accuracy);
            outcome.figure(rule.getKey() + " final epoch loss", run.history().epochLosses()[epochs - 1]);
            if (rule.getValue() instanceof HeavyBall) {
                custom = losses;
            } else if (rule.getKey().endsWith("momentum")) {
                builtInMomentum = losses;
            }
        }
        double largestDifference = 0;
        for (int i = 0; i < custom.length; i++) {
            largestDifference = Math.max(largestDifference, Math.abs(custom[i] - builtInMomentum[i]));
        }
        out.printf(Locale.ROOT, "%nCustom heavy ball vs built-in SGD with momentum: largest difference of any step's loss = %g%n",
                largestDifference);
        out.println("(the same arithmetic in the same order gives the same bits); both beat plain SGD in the same number of steps.");
        outcome.figure("largest loss difference, custom vs built-in momentum", largestDifference);
        outcome.file(chart.save(options.out().resolve("custom-optimizer.png"), 900, 600));
        return outcome;
    }
}
