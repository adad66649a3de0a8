package org.adjoint.examples.lessons;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.examples.Example;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;
import org.adjoint.examples.data.Datasets;
import org.adjoint.examples.lessons.LinearClassifier.Loss;
import org.adjoint.examples.plot.LineChart;
import org.adjoint.nn.Variables;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.Step;
import org.adjoint.optim.rules.Sgd;
import org.adjoint.optim.train.LabeledData;
import org.adjoint.optim.train.MinibatchSampler;

/**
 * Lesson 5: full-batch gradient descent, minibatch SGD and SGD with batch size 1, with the same
 * learning rate and the same number of epochs (so the same number of examples seen). The full batch
 * takes one accurate step per epoch; batch size 1 takes one noisy step per example; a minibatch takes
 * many fairly accurate steps, and its per-example cost is low because the work is done in blocks.
 * The training loss (over the whole training set) is recorded against examples seen and against
 * training time.
 */
public final class BatchSizeExample implements Example {

    private static final int CLASSES = 10;

    @Override
    public String name() {
        return "batch-sizes";
    }

    @Override
    public String summary() {
        return "full-batch GD vs minibatch SGD vs batch size 1 on digits: loss against examples seen and time";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("lr", "0.05", "learning rate, the same for every batch size"),
                new Option("batch", "32", "the minibatch size"),
                new Option("epochs", "5", "passes over the training set"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) throws IOException {
        double lr = options.real("lr", 0.05);
        int minibatch = options.positive("batch", 32);
        int epochs = options.positive("epochs", 5);
        long seed = options.seed();
        LabeledData train = LinearClassifier.withOnes(Datasets.split(Datasets.digits(), 0.2, seed).train());
        int features = train.inputs().shape().dim(1);
        out.printf(Locale.ROOT, "Softmax classifier on %d training digits; learning rate %s, %d epochs%n%n", train.size(),
                Numbers.show(lr), epochs);

        LineChart byExamples = LineChart.of("Training loss against examples seen (softmax classifier, digits)",
                "examples seen", "training loss").logY();
        LineChart byTime = LineChart.of("Training loss against training time", "time (ms)", "training loss").logY();
        Outcome outcome = new Outcome();
        for (int batchSize : new int[] {train.size(), minibatch, 1}) {
            String label = batchSize == train.size() ? "full batch (" + batchSize + ")"
                    : batchSize == 1 ? "batch size 1" : "minibatch (" + batchSize + ")";
            Curve curve = train(train, features, batchSize, lr, epochs, seed, label, out);
            byExamples.line(label, curve.examples(), curve.losses());
            byTime.line(label, curve.millis(), curve.losses());
            String key = batchSize == train.size() ? "full batch" : batchSize == 1 ? "batch size 1" : "minibatch";
            outcome.figure(key + " final training loss", curve.losses()[curve.losses().length - 1]);
            outcome.figure(key + " training time (ms)", curve.millis()[curve.millis().length - 1]);
        }
        outcome.file(byExamples.save(options.out().resolve("batch-sizes-by-examples.png"), 900, 600));
        outcome.file(byTime.save(options.out().resolve("batch-sizes-by-time.png"), 900, 600));
        out.println();
        out.println("Per example seen, smaller batches take more steps and get further. Per second the picture changes:");
        out.println("batch size 1 does its work one example at a time and processes far fewer examples per second than a");
        out.println("minibatch, whose matrix products are done in blocks; that is why minibatches are the usual choice.");
        return outcome;
    }

    /** The training loss after every tenth of an epoch (and at the start), with the examples seen and the time. */
    private record Curve(double[] examples, double[] millis, double[] losses) {
    }

    private static Curve train(LabeledData data, int features, int batchSize, double lr, int epochs, long seed, String label,
            PrintStream out) {
        Optimizer optimizer = Optimizer.of(new Sgd(lr));
        NamedTensors params = NamedTensors.of(Map.of("W", Tensor.randomNormal(seed, CLASSES, features).mul(0.001)));
        OptimizerState state = optimizer.init(params);
        MinibatchSampler sampler = new MinibatchSampler(data.size(), batchSize, seed, false);
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0, fullLoss(params, data)});
        int recordEvery = Math.max(1, data.size() / 10);
        long examples = 0;
        long nextRecord = recordEvery;
        long trainingNanos = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            long epochStart = System.nanoTime();
            long epochTraining = 0;
            for (int[] indices : sampler.batches(epoch)) {
                long t0 = System.nanoTime();
                LabeledData batch = data.batch(indices);
                Variables vars = Variables.track(params);
                Var loss = LinearClassifier.loss(Loss.SOFTMAX, vars.get("W"), batch, 0);
                Step step = optimizer.step(params, vars.gradients(loss), state);
                params = step.params();
                state = step.state();
                long spent = System.nanoTime() - t0;
                trainingNanos += spent;
                epochTraining += spent;
                examples += indices.length;
                if (examples >= nextRecord) {
                    points.add(new double[] {examples, trainingNanos / 1e6, fullLoss(params, data)});
                    nextRecord = examples + recordEvery;
                }
            }
            double[] lastPoint = points.get(points.size() - 1);
            out.printf(Locale.ROOT, "%-18s epoch %d/%d  training loss %.4f  %,.0f examples/s (%.0f ms this epoch, %.0f ms training)%n",
                    label, epoch + 1, epochs, lastPoint[2], data.size() / (epochTraining / 1e9),
                    (System.nanoTime() - epochStart) / 1e6, epochTraining / 1e6);
        }
        if (points.get(points.size() - 1)[0] != examples) {
            points.add(new double[] {examples, trainingNanos / 1e6, fullLoss(params, data)});
        }
        double[] ex = new double[points.size()];
        double[] ms = new double[points.size()];
        double[] loss = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            ex[i] = points.get(i)[0];
            ms[i] = points.get(i)[1];
            loss[i] = points.get(i)[2];
        }
        return new Curve(ex, ms, loss);
    }

    private static double fullLoss(NamedTensors params, LabeledData data) {
        return LinearClassifier.loss(Loss.SOFTMAX, Var.constant(params.get("W")), data, 0).item();
    }
}
