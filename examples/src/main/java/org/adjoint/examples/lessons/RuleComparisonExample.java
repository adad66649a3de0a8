package org.adjoint.examples.lessons;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
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
import org.adjoint.nn.ConfusionMatrix;
import org.adjoint.nn.Predictions;
import org.adjoint.nn.Variables;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.UpdateRule;
import org.adjoint.optim.rules.AdaDelta;
import org.adjoint.optim.rules.AdaGrad;
import org.adjoint.optim.rules.Adafactor;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.rules.AdamW;
import org.adjoint.optim.rules.Adamax;
import org.adjoint.optim.rules.AmsGrad;
import org.adjoint.optim.rules.CenteredRmsProp;
import org.adjoint.optim.rules.Ema;
import org.adjoint.optim.rules.Lamb;
import org.adjoint.optim.rules.Lars;
import org.adjoint.optim.rules.Lion;
import org.adjoint.optim.rules.Lookahead;
import org.adjoint.optim.rules.NAdam;
import org.adjoint.optim.rules.NAdamW;
import org.adjoint.optim.rules.NesterovMomentum;
import org.adjoint.optim.rules.RAdam;
import org.adjoint.optim.rules.RAdamW;
import org.adjoint.optim.rules.RmsProp;
import org.adjoint.optim.rules.Rprop;
import org.adjoint.optim.rules.ScheduleFreeAdamW;
import org.adjoint.optim.rules.ScheduleFreeSgd;
import org.adjoint.optim.rules.Sgd;
import org.adjoint.optim.rules.SignDescent;
import org.adjoint.optim.rules.Swa;
import org.adjoint.optim.train.Progress;
import org.adjoint.optim.train.Trainer;
import org.adjoint.optim.train.TrainingDivergedException;

/**
 * Every update rule on one task with one budget: the digits MLP ({@code 64 → hidden ReLU → 10}, softmax
 * cross-entropy) trained by each rule for the same epochs, batch size and seed, from the same initial
 * parameters and in the same minibatch order. Each rule gets one learning rate, chosen by its
 * documentation (PyTorch's default where it has one that suits this network; the paper's advice
 * otherwise) and stated in {@link #contenders}, not tuned per rule here; the comparison shows what a
 * user gets from the documented settings. It prints a table of final test accuracy and macro-averaged F1
 * ({@link ConfusionMatrix}), final training loss
 * and wall time (after an untimed warm-up run of the first rule; on a shared machine times vary by a factor of two or
 * more between runs), and plots every rule's training loss per epoch on one log-scale chart. Accuracy and
 * loss are measured at the parameters the optimizer says to evaluate
 * ({@link Optimizer#evaluationParameters}), which differ from the iterate for averaging rules. A rule
 * whose training diverges keeps its row, marked "diverged", and its curve up to the last whole epoch.
 *
 * <p>Adding a rule is one line in {@link #contenders}.
 */
public final class RuleComparisonExample implements Example {

    private static final int CLASSES = 10;

    /**
     * A rule in the comparison.
     *
     * @param label     its row in the table and its line in the chart
     * @param rule      the rule with its learning rate
     * @param sharpness SAM's radius ρ ({@link Optimizer#withSharpnessAware}), or 0 for a plain step
     * @param source    where that learning rate comes from
     */
    record Contender(String label, UpdateRule<?> rule, double sharpness, String source) {

        Contender(String label, UpdateRule<?> rule, String source) {
            this(label, rule, 0, source);
        }

        Optimizer optimizer() {
            Optimizer plain = Optimizer.of(rule);
            return sharpness > 0 ? plain.withSharpnessAware(sharpness) : plain;
        }
    }

    /** What one rule achieved: the table's row and the chart's line. */
    record Result(Contender contender, double accuracy, double macroF1, double loss, double seconds, double[] curve) {
    }

    /** The rules compared, one line each, in the table's order. */
    static List<Contender> contenders() {
        return List.of(
                new Contender("SGD", new Sgd(0.1), "common starting rate for plain SGD"),
                new Contender("SGD momentum", new Sgd(0.01, 0.9), "effective rate η/(1 − μ) = 0.1, as SGD"),
                new Contender("Nesterov", new NesterovMomentum(0.01, 0.9), "as SGD momentum"),
                new Contender("Adam", new Adam(1e-3), "PyTorch default"),
                new Contender("AdamW", new AdamW(1e-3), "PyTorch default, λ = 0.01"),
                new Contender("AMSGrad", new AmsGrad(1e-3), "PyTorch default"),
                new Contender("Adamax", new Adamax(2e-3), "PyTorch default"),
                new Contender("NAdam", new NAdam(2e-3), "PyTorch default"),
                new Contender("RAdam", new RAdam(1e-3), "PyTorch default"),
                new Contender("RAdamW", new RAdamW(1e-3, 0.01), "PyTorch default, λ = 0.01"),
                new Contender("RMSprop", new RmsProp(1e-3), "Keras default (PyTorch's: 1e-2)"),
                new Contender("RMSprop centered", new CenteredRmsProp(1e-3), "as RMSprop"),
                new Contender("AdaGrad", new AdaGrad(1e-2), "PyTorch default"),
                new Contender("AdaDelta", new AdaDelta(), "PyTorch default, η = 1"),
                new Contender("Lion", new Lion(3e-4), "paper: 3–10× below AdamW's rate"),
                new Contender("LAMB", new Lamb(1e-2), "per-tensor relative step of 1%"),
                new Contender("LARS", new Lars(5), "κ = 0.001: per-tensor relative step ηκ = 0.5%"),
                new Contender("Rprop", new Rprop(1e-2), "PyTorch default; meant for full batches"),
                new Contender("sign descent", new SignDescent(1e-3), "as Lion"),
                new Contender("NAdamW", new NAdamW(2e-3, 0.01), "PyTorch NAdam default, λ = 0.01"),
                new Contender("Adafactor", new Adafactor(1e-2), "PyTorch default"),
                new Contender("Schedule-Free AdamW", new ScheduleFreeAdamW(2.5e-3), "schedule_free's default"),
                new Contender("Schedule-Free SGD", new ScheduleFreeSgd(0.1), "as SGD"),
                new Contender("Lookahead(Adam)", Lookahead.of(new Adam(1e-3)), "k = 5, α = 0.5 (paper)"),
                new Contender("EMA(Adam)", new Ema<>(new Adam(1e-3), 0.99), "decay 0.99: ~100 steps, 2 epochs"),
                new Contender("SWA(Adam)", Swa.from(450, new Adam(1e-3)), "averages from epoch 10 of 15"),
                new Contender("SAM(SGD momentum)", new Sgd(0.01, 0.9), 0.05, "as SGD momentum; ρ = 0.05 (paper)"));
    }

    /** The labels of {@link #contenders}, in order. */
    public static List<String> labels() {
        return contenders().stream().map(Contender::label).toList();
    }

    @Override
    public String name() {
        return "rule-comparison";
    }

    @Override
    public String summary() {
        return "every update rule trains the digits MLP with the same budget: test accuracy, training loss, time, loss curves";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("epochs", "15", "passes over the training set, for every rule"),
                new Option("batch", "32", "minibatch size"),
                new Option("hidden", "64", "hidden units"),
                new Option("rules", "all", "comma-separated labels of the rules to run (as in the table; case, spaces and punctuation ignored: sgd-momentum), or all"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) throws IOException {
        int epochs = options.positive("epochs", 15);
        int batch = options.positive("batch", 32);
        int hidden = options.positive("hidden", 64);
        List<Contender> chosen = choose(options.text("rules", "all"));
        Split data = Datasets.split(Datasets.digits(), 0.2, options.seed());
        Sequential net = Mlp.of(Activation.RELU, data.train().inputs().shape().dim(1), hidden, CLASSES);
        out.printf(Locale.ROOT, "Digits: %d training and %d test images; network %d-%d-10; %d epochs of batch %d, seed %d%n%n",
                data.train().size(), data.test().size(), data.train().inputs().shape().dim(1), hidden, epochs, batch,
                options.seed());
        double initialLoss = trainingLoss(net, net.initialize(options.seed()), data);
        out.printf(Locale.ROOT, "Training loss at the initial parameters: %.4f%n", initialLoss);
        // the first rule once untimed: otherwise its time includes the JIT's warm-up (about four times its own)
        train(chosen.get(0), net, data, epochs, batch, options.seed(), initialLoss);
        List<Result> results = new ArrayList<>();
        for (Contender c : chosen) {
            results.add(train(c, net, data, epochs, batch, options.seed(), initialLoss));
            out.printf(Locale.ROOT, "  %-20s done in %.2f s%n", c.label(), results.get(results.size() - 1).seconds());
        }
        out.println();
        out.print(table(results));
        return outcome(results, options, epochs).figure("initial training loss", initialLoss);
    }

    private static List<Contender> choose(String rules) {
        if (rules.equals("all")) {
            return contenders();
        }
        List<Contender> chosen = new ArrayList<>();
        for (String label : rules.split(",")) {
            chosen.add(contenders().stream().filter(c -> key(c.label()).equals(key(label))).findFirst()
                    .orElseThrow(() -> new Options.UsageException("rule-comparison: no rule '" + label.trim()
                            + "'; the rules are " + String.join(", ", contenders().stream().map(Contender::label).toList()))));
        }
        return chosen.stream().distinct().toList();
    }

    /** A label as typed on a command line: case, spaces and punctuation ignored ({@code sam-sgd-momentum}). */
    private static String key(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** One rule's run; a run that diverges is kept as a row with NaN scores and its curve up to then. */
    static Result train(Contender c, Sequential net, Split data, int epochs, int batch, long seed,
                                double initialLoss) {
        Optimizer optimizer = c.optimizer();
        long start = System.nanoTime();
        try {
            Trainer.Run run = Trainer.of(optimizer).withEpochs(epochs).withBatchSize(batch).withSeed(seed)
                    .withProgress(Progress.silent())
                    .fit(net.initialize(seed), data.train(),
                            (p, b) -> Losses.softmaxCrossEntropy(net.forward(p, Var.constant(b.inputs())), b.labels()));
            double seconds = (System.nanoTime() - start) / 1e9;
            NamedTensors model = optimizer.evaluationParameters(run.params(), run.state());
            ConfusionMatrix test = ConfusionMatrix.of(data.test().labels(),
                    Predictions.predict(net, model, data.test().inputs()), CLASSES);
            return new Result(c, test.accuracy(), test.f1(ConfusionMatrix.Average.MACRO), trainingLoss(net, model, data),
                    seconds, curve(initialLoss, run.history().epochLosses()));
        } catch (TrainingDivergedException e) {
            return new Result(c, Double.NaN, Double.NaN, Double.NaN, (System.nanoTime() - start) / 1e9,
                    curve(initialLoss, e.history().epochLosses()));
        }
    }

    /** The initial loss followed by each epoch's mean loss. */
    private static double[] curve(double initialLoss, double[] epochLosses) {
        double[] curve = new double[epochLosses.length + 1];
        curve[0] = initialLoss;
        System.arraycopy(epochLosses, 0, curve, 1, epochLosses.length);
        return curve;
    }

    /** The mean softmax cross-entropy over the whole training set. */
    static double trainingLoss(Sequential net, NamedTensors params, Split data) {
        Var scores = net.forward(Variables.constants(params), Var.constant(data.train().inputs()));
        return Losses.softmaxCrossEntropy(scores, data.train().labels()).value().item();
    }

    /** The results as a fixed-width text table, one rule a row. */
    private static String table(List<Result> rows) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-20s %-8s  %13s  %8s  %13s  %9s   %s%n", "rule",
                "lr", "test accuracy", "macro F1", "training loss", "time (s)", "learning rate from"));
        for (Result r : rows) {
            String accuracy = Double.isNaN(r.accuracy()) ? "diverged" : String.format(Locale.ROOT, "%.2f%%", 100 * r.accuracy());
            s.append(String.format(Locale.ROOT, "%-20s %-8s  %13s  %8.4f  %13.4g  %9.2f   %s%n", r.contender().label(),
                    Numbers.show(r.contender().rule().learningRate()), accuracy, r.macroF1(), r.loss(), r.seconds(),
                    r.contender().source()));
        }
        return s.toString();
    }

    private static Outcome outcome(List<Result> results, Options options, int epochs) throws IOException {
        Outcome outcome = new Outcome();
        LineChart chart = LineChart.of("Digits MLP: training loss by rule (" + epochs + " epochs, same budget)",
                "epoch (0 = initial parameters)", "mean training loss over the epoch (log scale)").logY();
        double[] epochAxis = new double[epochs + 1];
        for (int i = 0; i < epochAxis.length; i++) {
            epochAxis[i] = i;
        }
        for (Result r : results) {
            String label = r.contender().label();
            outcome.figure(label + " test accuracy", r.accuracy());
            outcome.figure(label + " test macro F1", r.macroF1());
            outcome.figure(label + " training loss", r.loss());
            outcome.figure(label + " seconds", r.seconds());
            chart.line(label, Arrays.copyOf(epochAxis, r.curve().length), r.curve());
        }
        outcome.file(chart.save(options.out().resolve("rule-comparison.png"), 1000, 650));
        return outcome;
    }
}
