package org.adjoint.examples.lessons;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.examples.Example;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;
import org.adjoint.examples.data.Datasets;
import org.adjoint.examples.data.FashionMnist;
import org.adjoint.examples.data.Idx;
import org.adjoint.examples.data.Split;
import org.adjoint.examples.plot.DigitGrid;
import org.adjoint.examples.plot.LineChart;
import org.adjoint.nn.Layer;
import org.adjoint.nn.Predictions;
import org.adjoint.nn.Variables;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Affine;
import org.adjoint.nn.layers.Conv2d;
import org.adjoint.nn.layers.Flatten;
import org.adjoint.nn.layers.MaxPool2d;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.nn.init.Initializer;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.rules.AdamW;
import org.adjoint.optim.schedule.Schedule;
import org.adjoint.optim.train.LabeledData;
import org.adjoint.optim.train.Progress;
import org.adjoint.optim.train.Trainer;

/**
 * Lesson: a LeNet-style convolutional network ({@code conv 1→6 5×5 pad 2, ReLU, max-pool 2, conv 6→16
 * 5×5, ReLU, max-pool 2, flatten, 400→120→84→10} with ReLU), trained by AdamW under a one-cycle schedule,
 * on training images shifted at random by up to two pixels ({@link Shifted}), on the shipped 10,000-image
 * MNIST subset (a seeded 8,000/2,000 split) or on the Fashion-MNIST test split. Writes the learning curves
 * and a grid of the misclassified test images.
 */
public final class LeNetExample implements Example {

    private static final int SIDE = 28;
    private static final int EVAL_CHUNK = 250;
    private static final int GRID_MAX = 36;

    /** Reshapes rows of 784 pixels to one-channel images (N, 1, 28, 28). */
    record Images() implements Layer {
        @Override
        public Var forward(Variables params, Var x) {
            return x.reshape(x.shape().dim(0), 1, SIDE, SIDE);
        }
    }

    /**
     * The network: PyTorch's default initialization for the convolutions and the affine weights (affine biases
     * start at zero). Public so that the benchmarks time the same model.
     *
     * @return the untrained LeNet-style network, taking rows of 784 pixels
     */
    public static Sequential lenet() {
        Initializer torch = Initializer.torchDefault();
        return Sequential.of(new Images(),
                new Conv2d(1, 6, 5, 1, 2), Activation.RELU, new MaxPool2d(2),
                new Conv2d(6, 16, 5), Activation.RELU, new MaxPool2d(2), new Flatten(),
                new Affine(400, 120, torch), Activation.RELU,
                new Affine(120, 84, torch), Activation.RELU,
                new Affine(84, 10, torch));
    }

    @Override
    public String name() {
        return "lenet";
    }

    @Override
    public String summary() {
        return "a LeNet-style CNN (AdamW, one cycle, shifted images) on the MNIST subset (or Fashion-MNIST): test accuracy, curves, mistakes";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("dataset", "mnist", "mnist (the shipped subset) or fashion (the shipped Fashion-MNIST test split, or t10k IDX files from --data DIR)"),
                new Option("data", "the shipped split", "folder with t10k-images-idx3-ubyte[.gz] and t10k-labels-idx1-ubyte[.gz]"),
                new Option("epochs", "20", "passes over the training set"),
                new Option("batch", "64", "minibatch size"),
                new Option("lr", "3e-3", "AdamW's peak learning rate (one-cycle schedule over all the steps)"),
                new Option("decay", "1e-2", "AdamW's decoupled weight decay"),
                new Option("shift", "2", "augmentation: largest random shift of a training image, in pixels (0: none)"),
                new Option("train", "8000", "use only the first N training images (for quick runs)"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) throws IOException {
        String dataset = options.text("dataset", "mnist");
        LabeledData all = switch (dataset) {
            case "mnist" -> Datasets.mnistSubset();
            case "fashion" -> options.data().isPresent() ? fashion(options.data().get()) : FashionMnist.bundledTest();
            default -> throw new Options.UsageException("lenet: --dataset must be mnist or fashion, not '" + dataset + "'");
        };
        Split split = Datasets.split(all, 0.2, options.seed());
        int limit = Math.min(options.positive("train", split.train().size()), split.train().size());
        LabeledData train = split.train().batch(range(limit));
        int epochs = options.positive("epochs", 20);
        int batch = options.positive("batch", 64);
        double lr = options.real("lr", 3e-3);
        double decay = options.real("decay", 1e-2);
        int shift = shift(options);
        Sequential net = lenet();
        out.printf(Locale.ROOT, "LeNet on %s: %d training and %d test images shifted by up to %d px, AdamW peak lr %s"
                        + " (one cycle), weight decay %s, batch %d, %d epochs%n",
                dataset, train.size(), split.test().size(), shift, Numbers.show(lr), Numbers.show(decay), batch, epochs);
        long steps = (long) epochs * ((train.size() + batch - 1) / batch);
        Optimizer optimizer = Optimizer.of(new AdamW(lr, 0.9, 0.999, 1e-8, decay)).withSchedule(Schedule.oneCycle(steps));
        List<Double> accuracies = new ArrayList<>();
        long start = System.nanoTime();
        Trainer.Run run = Trainer.of(optimizer).withEpochs(epochs).withBatchSize(batch)
                .withSeed(options.seed()).withProgress(Progress.console(out))
                .withEvaluation((epoch, params) -> {
                    double a = Predictions.accuracy(predict(net, params, split.test().inputs()), split.test().labels());
                    accuracies.add(a);
                    return Map.of("test accuracy", a);
                })
                .fit(net.initialize(options.seed()), new Shifted(train, SIDE, shift, options.seed()),
                        (p, b) -> Losses.softmaxCrossEntropy(net.forward(p, Var.constant(b.inputs())), b.labels()));
        double seconds = (System.nanoTime() - start) / 1e9;
        double accuracy = accuracies.get(accuracies.size() - 1);
        out.printf(Locale.ROOT, "LeNet on %s: test accuracy %.2f%% after %d epochs, %.1f s (%.1f s per epoch)%n",
                dataset, 100 * accuracy, epochs, seconds, seconds / epochs);
        Outcome outcome = new Outcome().figure(dataset + " test accuracy", accuracy)
                .figure("seconds per epoch", seconds / epochs);
        outcome.file(curves(dataset, run.history().epochLosses(), accuracies, options.out()));
        int[] predicted = predict(net, run.params(), split.test().inputs());
        outcome.file(mistakes(dataset, split.test(), predicted, options.out()));
        return outcome;
    }

    /** The {@code --shift} option: a whole number of pixels, 0 to 6. */
    private static int shift(Options options) {
        String v = options.text("shift", "2");
        try {
            int n = Integer.parseInt(v);
            if (n >= 0 && n <= 6) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Options.UsageException("lenet: --shift = '" + v + "' is not a whole number of pixels from 0 to 6");
    }

    private static LabeledData fashion(Path dir) throws IOException {
        Path images = firstExisting(dir, "t10k-images-idx3-ubyte");
        Path labels = firstExisting(dir, "t10k-labels-idx1-ubyte");
        return Idx.read(images, labels);
    }

    private static Path firstExisting(Path dir, String name) throws IOException {
        for (String candidate : new String[] {name, name + ".gz"}) {
            Path p = dir.resolve(candidate);
            if (java.nio.file.Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IOException("lenet: no " + name + "[.gz] in " + dir + "; pass --data DIR with the Fashion-MNIST"
                + " test split's IDX files");
    }

    /** Predicted classes in chunks, so the convolutions' buffers stay small. */
    private static int[] predict(Sequential net, NamedTensors params, Tensor inputs) {
        int n = inputs.shape().dim(0);
        int[] predicted = new int[n];
        for (int from = 0; from < n; from += EVAL_CHUNK) {
            int to = Math.min(n, from + EVAL_CHUNK);
            int[] part = Predictions.predict(net, params, inputs.slice(0, from, to));
            System.arraycopy(part, 0, predicted, from, part.length);
        }
        return predicted;
    }

    private static Path curves(String dataset, double[] losses, List<Double> accuracies, Path dir) throws IOException {
        double[] epochs = new double[losses.length];
        double[] error = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            epochs[i] = i + 1;
            error[i] = Math.max(1e-4, 1 - accuracies.get(i));
        }
        return LineChart.of("LeNet on " + dataset + ": learning curves (test accuracy = 1 − test error)", "epoch",
                        "training loss / test error (log)")
                .logY().line("training loss (epoch mean)", epochs, losses).line("test error", epochs, error)
                .save(dir.resolve("lenet-" + dataset + "-curves.png"), 900, 600);
    }

    private static Path mistakes(String dataset, LabeledData test, int[] predicted, Path dir) throws IOException {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < predicted.length && wrong.size() < GRID_MAX; i++) {
            if (predicted[i] != test.labels()[i]) {
                wrong.add(i);
            }
        }
        if (wrong.isEmpty()) {
            wrong.add(0);
        }
        int[] rows = wrong.stream().mapToInt(Integer::intValue).toArray();
        String[] captions = Arrays.stream(rows).mapToObj(i -> "true " + test.labels()[i] + " → " + predicted[i])
                .toArray(String[]::new);
        return DigitGrid.save(dir.resolve("lenet-" + dataset + "-mistakes.png"), test.inputs().take(0, rows), captions, 6);
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        Arrays.setAll(r, i -> i);
        return r;
    }
}
