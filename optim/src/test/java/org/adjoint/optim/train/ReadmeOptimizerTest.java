package org.adjoint.optim.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Predictions;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.nn.Variables;
import org.adjoint.optim.EvaluatedStep;
import org.adjoint.optim.LossAndGradient;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.Step;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.rules.Sgd;
import org.adjoint.optim.schedule.Clipping;
import org.adjoint.optim.schedule.Schedule;
import org.junit.jupiter.api.Test;

/** The README's optimizer section, verbatim: a rule of one's own, trained side by side with built-in SGD. */
public class ReadmeOptimizerTest {

    /** Heavy-ball momentum in a few lines: v ← β·v + g;  θ ← θ − η·v. */
    public record HeavyBall(double learningRate, double beta) implements UpdateRule<Tensor> {
        public Tensor init(Tensor param) {
            return Tensor.zeros(param.shape());
        }

        public Update<Tensor> apply(Tensor param, Tensor grad, Tensor velocity, double lr) {
            Tensor v = velocity.mul(beta).add(grad);
            return new Update<>(param.sub(v.mul(lr)), v);
        }

        public Map<String, Tensor> save(Tensor velocity) {
            return Map.of("velocity", velocity);
        }

        public Tensor restore(Map<String, Tensor> saved, Tensor param) {
            return saved.get("velocity");
        }
    }

    @Test
    void theOptimizerTourRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Sequential net = Mlp.of(Activation.RELU, 4, 16, 3);
        NamedTensors params = net.initialize(0);
        LabeledData train = TrainerTest.blobs(120, 1);
        LabeledData test = TrainerTest.blobs(60, 2);
        Tensor trainX = train.inputs();
        int[] trainY = train.labels();
        Tensor testX = test.inputs();
        int[] testY = test.labels();
        NamedTensors grads = params.map(t -> t.mul(0));

        Optimizer optimizer = Optimizer.of(new Adam(1e-3))                 // defaults as in torch.optim
                .withGroup("layer1", new Sgd(0.01, 0.9))                   // a group with its own rule and rate
                .withSchedule(Schedule.linear(0.1, 1, 100).then(100, Schedule.cosine(900, 0.01)))
                .withClipping(Clipping.globalNorm(5));
        OptimizerState state = optimizer.init(params);
        Step step = optimizer.step(params, grads, state);     // new parameters and new state; nothing is mutated

        Trainer.Run run = Trainer.of(optimizer).withEpochs(10).withBatchSize(64).withSeed(7)
                .withEvaluation((epoch, p) -> Map.of("accuracy", Predictions.accuracy(net, p, testX, testY)))
                .withCheckpoints(dir.resolve("run.npz"), 1)           // resume(...) continues bit for bit
                .withProgress(Progress.silent())
                .fit(params, new LabeledData(trainX, trainY), (p, batch) ->
                        Losses.softmaxCrossEntropy(net.forward(p, Var.constant(batch.inputs())), batch.labels()));

        assertTrue(step.params().equals(params), "zero gradients leave the parameters where they were");
        double[] epochLosses = run.history().epochLosses();
        assertTrue(epochLosses[9] < epochLosses[0], java.util.Arrays.toString(epochLosses));
        assertTrue(run.history().evaluations().size() == 10);
        assertTrue(java.nio.file.Files.exists(dir.resolve("run.npz")));
    }

    @Test
    void aCustomRuleTrainsSideBySideWithSgd() {
        LabeledData data = TrainerTest.blobs(300, 9);
        Sequential net = Mlp.of(Activation.RELU, 4, 16, 3);
        BatchLoss<LabeledData> loss = (p, batch) ->
                Losses.softmaxCrossEntropy(net.forward(p, Var.constant(batch.inputs())), batch.labels());
        Map<String, Double> finalLoss = new LinkedHashMap<>();
        Map<String, Double> accuracy = new LinkedHashMap<>();
        for (UpdateRule<?> rule : List.of(new Sgd(0.02), new HeavyBall(0.02, 0.9))) {
            Trainer.Run run = Trainer.of(Optimizer.of(rule)).withEpochs(5).withBatchSize(32).withProgress(Progress.silent())
                    .fit(net.initialize(0), data, loss);
            finalLoss.put(rule.toString(), run.history().epochLosses()[4]);
            accuracy.put(rule.toString(), Predictions.accuracy(net, run.params(), data.inputs(), data.labels()));
        }
        List<Double> losses = List.copyOf(finalLoss.values());
        assertTrue(losses.get(1) < losses.get(0), "momentum should train faster at the same rate: " + finalLoss);
        assertTrue(accuracy.values().stream().allMatch(a -> a > 0.8), accuracy.toString());
    }

    @Test
    void theTrainingUtilitiesTourRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Sequential net = Mlp.of(Activation.RELU, 4, 16, 3);
        NamedTensors params = net.initialize(0);
        LabeledData data = TrainerTest.blobs(120, 1);
        LabeledData validation = TrainerTest.blobs(60, 2);
        Tensor valX = validation.inputs();
        int[] valY = validation.labels();
        BatchLoss<LabeledData> loss = (p, batch) ->
                Losses.softmaxCrossEntropy(net.forward(p, Var.constant(batch.inputs())), batch.labels());
        LossAndGradient lossAndGradientAt = p -> {
            Variables vars = Variables.track(p);
            Var l = loss.loss(vars, data);
            return new LossAndGradient.Value(l.value().item(), vars.gradients(l));
        };
        Optimizer optimizer = Optimizer.of(new Sgd(0.1, 0.9));
        OptimizerState state = optimizer.init(params);

        Optimizer sam = Optimizer.of(new Sgd(0.1, 0.9)).withSharpnessAware(0.05);      // SAM; withAdaptiveSharpnessAware(ρ, η): ASAM
        EvaluatedStep s = sam.step(params, p -> lossAndGradientAt.at(p), state);         // no closure: a function of the parameters

        Trainer.Run run = Trainer.of(optimizer).withEpochs(50)
                .withEvaluation((epoch, p) -> Map.of("accuracy", Predictions.accuracy(net, p, valX, valY)))
                .withEarlyStopping(new EarlyStopping(Monitor.max("accuracy"), 5, 1e-3))  // patience 5, min-delta 1e-3
                .withKeepBest(Monitor.max("accuracy"))                                   // run.model() = the best epoch's
                .withCheckpoints(dir.resolve("run.npz"), 1)
                .withProgress(Progress.silent())
                .fit(params, data, loss);
        LearningRateCurve curve = LearningRateFinder.of(optimizer).withRange(1e-6, 10, 100).run(params, data, loss);
        double lr = curve.suggestion();                                                  // steepest fall of the smoothed loss

        EvaluatedStep plain = optimizer.step(params, lossAndGradientAt, state);
        assertEquals(plain.start(), s.start(), "both steps start from the loss and gradient at params");
        assertTrue(!s.step().params().equals(params) && !s.step().params().equals(plain.step().params()),
                "SAM steps with the gradient at the perturbed point, not at params");
        assertTrue(run.history().earlyStop().isPresent(), "blobs are separable: accuracy stops improving well before 50 epochs");
        int bestEpoch = run.history().best().orElseThrow().epoch();
        assertEquals(Predictions.accuracy(net, run.model(), valX, valY),
                run.history().evaluations().get(bestEpoch).get("accuracy"));
        assertTrue(lr > 1e-6 && lr < 10, "suggestion " + lr);
    }
}
