package org.adjoint.examples.lessons;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.examples.Example;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;
import org.adjoint.examples.data.Datasets;
import org.adjoint.examples.data.FashionMnist;
import org.adjoint.examples.data.Split;
import org.adjoint.examples.plot.LineChart;
import org.adjoint.nn.Predictions;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.train.Progress;
import org.adjoint.optim.train.Trainer;

/**
 * Lesson 10: a two-layer network {@code x → ReLU(x·W₁ᵀ + b₁) → ·W₂ᵀ + b₂} with softmax cross-entropy,
 * trained by Adam, on the digits (8×8), the 10,000-image MNIST subset (28×28) and, when it is on disk,
 * Fashion-MNIST. Test accuracy is measured on held-out images after every epoch.
 */
public final class TwoLayerNetworkExample implements Example {

    /** Per-dataset defaults: hidden units, epochs, batch size. */
    private record Setting(String name, int hidden, int epochs, int batch) {
    }

    @Override
    public String name() {
        return "two-layer";
    }

    @Override
    public String summary() {
        return "a 2-layer ReLU network with Adam on digits, the MNIST subset and Fashion-MNIST (when present): test accuracy";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("dataset", "auto", "digits, mnist, fashion, or auto (digits and mnist, and fashion when found)"),
                new Option("data", FashionMnist.DEBIAN_DIR.toString(), "folder with the Fashion-MNIST (or MNIST) IDX files"),
                new Option("hidden", "64 digits, 128 otherwise", "hidden units"),
                new Option("epochs", "30 digits, 15 mnist, 5 fashion", "passes over the training set"),
                new Option("batch", "32 digits, 64 otherwise", "minibatch size"),
                new Option("lr", "1e-3", "Adam's learning rate"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) throws IOException {
        String dataset = options.text("dataset", "auto");
        List<String> chosen = switch (dataset) {
            case "auto" -> List.of("digits", "mnist", "fashion?");
            case "digits", "mnist", "fashion" -> List.of(dataset);
            default -> throw new Options.UsageException("two-layer: --dataset must be digits, mnist, fashion or auto, not '"
                    + dataset + "'");
        };
        Outcome outcome = new Outcome();
        LineChart chart = LineChart.of("Two-layer network with Adam: test accuracy per epoch", "epoch", "test accuracy");
        for (String name : chosen) {
            Optional<Split> data = load(name, options, out);
            if (data.isEmpty()) {
                continue;
            }
            Setting setting = switch (name.replace("?", "")) {
                case "digits" -> new Setting("digits", 64, 30, 32);
                case "mnist" -> new Setting("MNIST subset", 128, 15, 64);
                default -> new Setting("Fashion-MNIST", 128, 5, 64);
            };
            double accuracy = train(setting, data.get(), options, out, chart, outcome);
            outcome.figure(name.replace("?", "") + " test accuracy", accuracy);
        }
        outcome.file(chart.save(options.out().resolve("two-layer-accuracy.png"), 900, 600));
        return outcome;
    }

    private static Optional<Split> load(String name, Options options, PrintStream out) throws IOException {
        long seed = options.seed();
        return switch (name) {
            case "digits" -> Optional.of(Datasets.split(Datasets.digits(), 0.2, seed));
            case "mnist" -> Optional.of(Datasets.split(Datasets.mnistSubset(), 0.2, seed));
            default -> {
                Optional<Split> fashion = FashionMnist.find(options.data().orElse(null));
                if (fashion.isEmpty()) {
                    String where = options.data().map(Object::toString).orElse(FashionMnist.DEBIAN_DIR.toString());
                    if (name.equals("fashion")) {
                        throw new IOException("two-layer: no Fashion-MNIST IDX files in " + where + ". " + FashionMnist.howToGet());
                    }
                    out.println("Fashion-MNIST: not found in " + where + ", skipped. " + FashionMnist.howToGet());
                    out.println();
                }
                yield fashion;
            }
        };
    }

    private static double train(Setting setting, Split data, Options options, PrintStream out, LineChart chart,
            Outcome outcome) {
        int hidden = options.positive("hidden", setting.hidden());
        int epochs = options.positive("epochs", setting.epochs());
        int batch = options.positive("batch", setting.batch());
        double lr = options.real("lr", 1e-3);
        int features = data.train().inputs().shape().dim(1);
        Sequential net = Mlp.of(Activation.RELU, features, hidden, 10);
        out.printf(Locale.ROOT, "%s: %d training and %d test images; network %d-%d-10, Adam lr %s, batch %d, %d epochs%n",
                setting.name(), data.train().size(), data.test().size(), features, hidden, Numbers.show(lr), batch, epochs);
        List<Double> accuracies = new ArrayList<>();
        Trainer.Run run = Trainer.of(Optimizer.of(new Adam(lr))).withEpochs(epochs).withBatchSize(batch)
                .withSeed(options.seed()).withProgress(Progress.console(out))
                .withEvaluation((epoch, params) -> {
                    double a = Predictions.accuracy(net, params, data.test().inputs(), data.test().labels());
                    accuracies.add(a);
                    return Map.of("test accuracy", a);
                })
                .fit(net.initialize(options.seed()), data.train(),
                        (p, b) -> Losses.softmaxCrossEntropy(net.forward(p, Var.constant(b.inputs())), b.labels()));
        double accuracy = accuracies.get(accuracies.size() - 1);
        double[] epochAxis = new double[accuracies.size()];
        double[] acc = new double[accuracies.size()];
        for (int i = 0; i < acc.length; i++) {
            epochAxis[i] = i + 1;
            acc[i] = accuracies.get(i);
        }
        chart.line(setting.name(), epochAxis, acc);
        out.printf(Locale.ROOT, "%s: test accuracy %.2f%% after %d epochs (%,.0f examples/s)%n%n", setting.name(), 100 * accuracy,
                epochs, run.history().examplesPerSecond());
        outcome.figure(setting.name() + " training examples/s", run.history().examplesPerSecond());
        return accuracy;
    }
}
