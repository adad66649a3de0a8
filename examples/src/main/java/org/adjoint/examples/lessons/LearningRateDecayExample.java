package org.adjoint.examples.lessons;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.examples.Example;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;
import org.adjoint.examples.data.Datasets;
import org.adjoint.examples.data.Split;
import org.adjoint.examples.plot.LineChart;
import org.adjoint.nn.Predictions;
import org.adjoint.nn.Variables;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.Step;
import org.adjoint.optim.rules.Sgd;
import org.adjoint.optim.schedule.Schedule;
import org.adjoint.optim.train.LabeledData;
import org.adjoint.optim.train.MinibatchSampler;

/**
 * Lesson 8: learning-rate decay. Minibatch SGD on a small network for the digits, once with a
 * constant learning rate and once with the rate divided by 10 after every epoch (the Dive-into-DL
 * experiment). With a constant rate the loss keeps bouncing at the level set by the gradient noise;
 * with decay it settles.
 */
public final class LearningRateDecayExample implements Example {

    @Override
    public String name() {
        return "lr-decay";
    }

    @Override
    public String summary() {
        return "minibatch SGD on digits with the learning rate divided by 10 each epoch vs constant: loss curves";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("lr", "0.2", "initial learning rate"),
                new Option("batch", "16", "minibatch size"),
                new Option("epochs", "4", "passes over the training set"),
                new Option("hidden", "32", "hidden units of the network"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) throws IOException {
        double lr = options.real("lr", 0.2);
        int batch = options.positive("batch", 16);
        int epochs = options.positive("epochs", 4);
        int hidden = options.positive("hidden", 32);
        long seed = options.seed();
        Split split = Datasets.split(Datasets.digits(), 0.2, seed);
        LabeledData train = split.train();
        Sequential net = Mlp.of(Activation.RELU, train.inputs().shape().dim(1), hidden, 10);
        MinibatchSampler sampler = new MinibatchSampler(train.size(), batch, seed, false);
        int batchesPerEpoch = sampler.batchesPerEpoch();
        out.printf(Locale.ROOT, "Network 64-%d-10 (ReLU, softmax cross-entropy) on %d training digits; SGD, lr %s, batch %d, %d epochs%n",
                hidden, train.size(), Numbers.show(lr), batch, epochs);
        out.println("The loss on the whole training set is measured after every step.");
        out.println();

        LineChart chart = LineChart.of("Minibatch SGD on digits: constant learning rate vs ÷10 per epoch",
                "step", "training loss (whole training set, log scale)").logY();
        Outcome outcome = new Outcome();
        for (boolean decay : new boolean[] {false, true}) {
            String label = decay ? "lr ÷ 10 each epoch" : "constant lr";
            Optimizer optimizer = Optimizer.of(new Sgd(lr));
            if (decay) {
                optimizer = optimizer.withSchedule(Schedule.stepDecay(0.1, batchesPerEpoch));
            }
            NamedTensors params = net.initialize(seed);
            OptimizerState state = optimizer.init(params);
            double[] losses = new double[epochs * batchesPerEpoch];
            int t = 0;
            for (int epoch = 0; epoch < epochs; epoch++) {
                long start = System.nanoTime();
                double epochLr = optimizer.learningRate(params.names().get(0), state);
                for (int[] indices : sampler.batches(epoch)) {
                    LabeledData b = train.batch(indices);
                    Variables vars = Variables.track(params);
                    Var loss = Losses.softmaxCrossEntropy(net.forward(vars, Var.constant(b.inputs())), b.labels());
                    Step step = optimizer.step(params, vars.gradients(loss), state);
                    params = step.params();
                    state = step.state();
                    losses[t++] = Losses.softmaxCrossEntropy(Var.constant(Predictions.scores(net, params, train.inputs())),
                            train.labels()).item();
                }
                out.printf(Locale.ROOT, "%-20s epoch %d/%d  lr %-8s training loss %.4f  (%.0f ms)%n", label, epoch + 1, epochs,
                        Numbers.show(epochLr), losses[t - 1], (System.nanoTime() - start) / 1e6);
            }
            chart.line(label, Grid.steps(losses.length), losses);
            String key = decay ? "decayed" : "constant";
            double[] lastEpoch = Arrays.copyOfRange(losses, losses.length - batchesPerEpoch, losses.length);
            outcome.figure(key + " final training loss", losses[losses.length - 1]);
            outcome.figure(key + " last-epoch mean step-to-step change", meanAbsoluteChange(lastEpoch));
            outcome.figure(key + " test accuracy", Predictions.accuracy(net, params, split.test().inputs(), split.test().labels()));
        }
        outcome.file(chart.save(options.out().resolve("lr-decay.png"), 900, 600));
        out.println();
        out.printf(Locale.ROOT, "In the last epoch the training loss moves by %.2e per step on average with decay, %.2e without:%n",
                outcome.figure("decayed last-epoch mean step-to-step change"), outcome.figure("constant last-epoch mean step-to-step change"));
        out.println("the decayed run settles. Decaying by 10 every epoch is aggressive, though: it also stops the run from");
        out.println("getting further (compare the final losses), which is why schedules usually decay later or more gently.");
        return outcome;
    }

    private static double meanAbsoluteChange(double[] v) {
        double s = 0;
        for (int i = 1; i < v.length; i++) {
            s += Math.abs(v[i] - v[i - 1]);
        }
        return s / (v.length - 1);
    }
}
