package org.adjoint.examples.lessons;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
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
import org.adjoint.optim.rules.Sgd;
import org.adjoint.optim.train.BatchLoss;
import org.adjoint.optim.train.LabeledData;
import org.adjoint.optim.train.LearningRateCurve;
import org.adjoint.optim.train.LearningRateFinder;
import org.adjoint.optim.train.Progress;
import org.adjoint.optim.train.Trainer;

/**
 * The learning-rate range test (Smith 2015; fastai's {@code lr_find}) on the digits: minibatch SGD on a
 * small network while the rate grows exponentially, the smoothed loss against the rate, and the rate
 * where it falls fastest. Then one epoch at the suggestion and at a hundredth of it, to see that the
 * suggestion is a good start.
 */
public final class LearningRateFinderExample implements Example {

    @Override
    public String name() {
        return "lr-finder";
    }

    @Override
    public String summary() {
        return "learning-rate range test on digits: loss vs exponentially growing rate, and the suggested rate";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("min", "1e-5", "first learning rate of the sweep"),
                new Option("max", "10", "last learning rate of the sweep"),
                new Option("steps", "100", "number of rates (minibatch steps)"),
                new Option("batch", "32", "minibatch size"),
                new Option("hidden", "32", "hidden units of the network"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) throws IOException {
        int batch = options.positive("batch", 32);
        long seed = options.seed();
        Split split = Datasets.split(Datasets.digits(), 0.2, seed);
        LabeledData train = split.train();
        int hidden = options.positive("hidden", 32);
        Sequential net = Mlp.of(Activation.RELU, train.inputs().shape().dim(1), hidden, 10);
        BatchLoss<LabeledData> loss = (p, b) -> Losses.softmaxCrossEntropy(net.forward(p, Var.constant(b.inputs())), b.labels());
        LearningRateCurve curve = LearningRateFinder.of(Optimizer.of(new Sgd(0.1)))
                .withRange(options.real("min", 1e-5), options.real("max", 10), options.positive("steps", 100))
                .withBatches(batch, seed).run(net.initialize(seed), train, loss);
        double suggestion = curve.suggestion();
        out.printf(Locale.ROOT, "Range test: SGD on a 64-%d-10 network, %d rates from %s to %s%s.%n",
                hidden, curve.rates().length, Numbers.show(curve.rates()[0]),
                Numbers.show(curve.rates()[curve.rates().length - 1]),
                curve.diverged() ? ", stopped when the smoothed loss passed 4× its best" : "");
        out.printf(Locale.ROOT, "Suggested learning rate (steepest fall of the smoothed loss): %s%n", Numbers.show(suggestion));

        Outcome outcome = new Outcome().figure("suggested learning rate", suggestion)
                .figure("rates measured", curve.rates().length);
        for (double rate : new double[] {suggestion, suggestion / 100}) {
            String label = rate == suggestion ? "suggested" : "suggested ÷ 100";
            Trainer.Run run = Trainer.of(Optimizer.of(new Sgd(rate))).withEpochs(1).withBatchSize(batch).withSeed(seed)
                    .withProgress(Progress.silent()).fit(net.initialize(seed), train, loss);
            double accuracy = Predictions.accuracy(net, run.model(), split.test().inputs(), split.test().labels());
            out.printf(Locale.ROOT, "One epoch at %-16s (%s): test accuracy %.3f%n", label, Numbers.show(rate), accuracy);
            outcome.figure("one epoch at " + label + ": test accuracy", accuracy);
        }
        outcome.file(plot(curve, options));
        return outcome;
    }

    private static Path plot(LearningRateCurve curve, Options options) throws IOException {
        double[] smoothed = curve.smoothed();
        double at = smoothed[indexOf(curve.rates(), curve.suggestion())];
        return LineChart.of("Learning-rate range test: SGD on digits", "learning rate (log scale)", "training loss (log scale)")
                .logX().logY()
                .line("minibatch loss", curve.rates(), curve.losses())
                .line("smoothed loss", curve.rates(), smoothed)
                .markers("suggestion", new double[] {curve.suggestion()}, new double[] {at})
                .save(options.out().resolve("lr-finder.png"), 900, 600);
    }

    private static int indexOf(double[] values, double v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        throw new IllegalStateException("the suggestion " + v + " is not one of the curve's rates");
    }
}
