package org.adjoint.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.checkpoint.Checkpoint;
import org.adjoint.optim.rules.AdaDelta;
import org.adjoint.optim.rules.Adafactor;
import org.adjoint.optim.rules.AdaGrad;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.rules.AdamW;
import org.adjoint.optim.rules.Adamax;
import org.adjoint.optim.rules.AmsGrad;
import org.adjoint.optim.rules.CenteredRmsProp;
import org.adjoint.optim.rules.ClassicalMomentum;
import org.adjoint.optim.rules.Ema;
import org.adjoint.optim.rules.GradientAccumulation;
import org.adjoint.optim.rules.Lamb;
import org.adjoint.optim.rules.Lars;
import org.adjoint.optim.rules.Lion;
import org.adjoint.optim.rules.Lookahead;
import org.adjoint.optim.rules.NAdam;
import org.adjoint.optim.rules.NAdamW;
import org.adjoint.optim.rules.NesterovMomentum;
import org.adjoint.optim.rules.RAdam;
import org.adjoint.optim.rules.RAdamW;
import org.adjoint.optim.rules.Rprop;
import org.adjoint.optim.rules.RmsProp;
import org.adjoint.optim.rules.ScheduleFreeAdamW;
import org.adjoint.optim.rules.ScheduleFreeSgd;
import org.adjoint.optim.rules.Sgd;
import org.adjoint.optim.rules.SignDescent;
import org.adjoint.optim.rules.Swa;
import org.adjoint.optim.rules.UncorrectedAdam;
import org.adjoint.optim.schedule.Observations;
import org.adjoint.optim.schedule.Schedule;
import org.adjoint.optim.sharded.FlatLayout;
import org.adjoint.optim.sharded.Partial;
import org.adjoint.optim.sharded.ShardFailureException;
import org.adjoint.optim.sharded.ShardedObjective;
import org.adjoint.optim.train.CheckpointFailedException;
import org.adjoint.optim.train.Dataset;
import org.adjoint.optim.train.EarlyStopping;
import org.adjoint.optim.train.ExamplesData;
import org.adjoint.optim.train.Monitor;
import org.adjoint.optim.train.History;
import org.adjoint.optim.train.LabeledData;
import org.adjoint.optim.train.LearningRateCurve;
import org.adjoint.optim.train.LearningRateFinder;
import org.adjoint.optim.train.MinibatchSampler;
import org.adjoint.optim.train.Progress;
import org.adjoint.optim.train.NonFiniteDataException;
import org.adjoint.optim.train.Trainer;
import org.adjoint.optim.train.TrainSamples;
import org.adjoint.optim.train.TrainingDivergedException;
import org.adjoint.testing.PublicApi;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 12: every public method and constructor of every public class that optim exports
 * (except the minimize packages, covered separately) refuses {@code null} at the call with a
 * {@link NullPointerException}, instead of accepting it and failing far away.
 */
class NullArgumentsTest {

    private static final NamedTensors PARAMS = NamedTensors.of(Map.of("w", Tensor.ones(2)));

    private static final List<UpdateRule<?>> RULES = List.of(new AdaDelta(1, 0.9, 1e-6, 0), new AdaGrad(0.1),
            new Adam(0.1), new AdamW(0.1), new Adamax(0.1), new AmsGrad(0.1), new CenteredRmsProp(0.1, 0.9, 1e-8, 0, 0.9),
            new ClassicalMomentum(0.1, 0.9), new NAdam(0.1), new NesterovMomentum(0.1, 0.9), new RmsProp(0.1),
            new RAdam(0.1), new RAdamW(0.1, 0.01), new Rprop(0.1),
            new Sgd(0.1, 0.9), new SignDescent(0.1), new UncorrectedAdam(0.1), new Lion(0.1), new Lamb(0.1), new Lars(1),
            GradientAccumulation.every(2, new Adam(0.1)), new NAdamW(0.1, 0.01), new Adafactor(0.01),
            new ScheduleFreeSgd(1), new ScheduleFreeAdamW(0.01), Lookahead.of(new Adam(0.1)), new Ema<>(new Adam(0.1), 0.9),
            Swa.from(3, new Adam(0.1)));

    /**
     * Parameters that may be null by their documentation, as the start of the entry point's
     * {@code toString} and the parameter's index: a momentum buffer before the first step or without
     * momentum, and an exception's cause.
     */
    private static final Map<String, Integer> NULLABLE = Map.of(
            "public org.adjoint.optim.rules.Sgd$State(", 0,
            "public org.adjoint.optim.rules.NesterovMomentum$State(", 0,
            "public org.adjoint.optim.rules.RmsProp$State(", 1,
            "public org.adjoint.optim.rules.CenteredRmsProp$State(", 2,
            "public org.adjoint.optim.sharded.ShardFailureException(", 2);

    private static boolean documentedNullable(String failure) {
        return NULLABLE.entrySet().stream().anyMatch(e -> failure.startsWith(e.getKey())
                && failure.contains(") parameter " + e.getValue() + ": "));
    }

    private static Map<Class<?>, Object> samples() {
        Map<Class<?>, Object> samples = new HashMap<>();
        Optimizer optimizer = Optimizer.of(new Adam(0.1));
        OptimizerState state = optimizer.init(PARAMS);
        samples.put(Optimizer.class, optimizer);
        samples.put(OptimizerState.class, state);
        samples.put(RuleState.class, RuleState.init(new Adam(0.1), Tensor.ones(2)));
        samples.put(StatelessRule.class, new SignDescent(0.1));
        samples.put(UpdateRule.class, new Adam(0.1));
        samples.put(Step.class, new Step(PARAMS, state));
        samples.put(Update.class, new Update<>(Tensor.ones(2), "state"));
        samples.put(Checkpoint.Contents.class, new Checkpoint.Contents(PARAMS, state, Map.of("epoch", 1.0)));
        for (UpdateRule<?> rule : RULES) {
            samples.put(rule.getClass(), rule);
            Object ruleState = rule.init(Tensor.ones(2));
            samples.putIfAbsent(ruleState.getClass(), ruleState);
        }
        samples.put(Adafactor.Factored.class, new Adafactor(0.01).init(Tensor.ones(2, 2)));
        samples.put(Schedule.class, Schedule.constant());
        Observations observations = Observations.none().with(1, Map.of("loss", 0.5));
        samples.put(Observations.class, observations);
        samples.put(Observations.Observation.class, observations.asList().get(0));
        samples.put(Schedule.oneCycle(10).getClass(), Schedule.oneCycle(10));
        samples.put(Schedule.reduceOnPlateau("loss").getClass(), Schedule.reduceOnPlateau("loss"));
        samples.put(FlatLayout.class, FlatLayout.of(PARAMS));
        samples.put(Partial.class, new Partial(1, new double[] {1, 2}));
        samples.put(ShardFailureException.class, new ShardFailureException(0, "failed", new RuntimeException("cause")));
        samples.put(ShardedObjective.class, ShardedObjective.of((theta, shard) -> theta.square().sum(), List.of(1), 2));
        LabeledData data = new LabeledData(Tensor.ones(3, 2), new int[] {0, 1, 0});
        samples.put(Dataset.class, data);
        samples.put(LabeledData.class, data);
        samples.put(ExamplesData.class, new ExamplesData(
                org.adjoint.core.data.Examples.labeled(Tensor.ones(3, 2), new int[] {0, 1, 0})));
        samples.put(MinibatchSampler.class, new MinibatchSampler(10, 3, 0, false));
        samples.put(History.class, TrainSamples.history());
        samples.put(Trainer.class, Trainer.of(optimizer));
        samples.put(org.adjoint.optim.train.ModelTraining.Result.class, new org.adjoint.optim.train.ModelTraining.Result(
                new Trainer.Run(PARAMS, state, TrainSamples.history(), PARAMS), PARAMS,
                new org.adjoint.nn.ModelState(PARAMS, NamedTensors.of(Map.of()))));
        samples.put(Trainer.Run.class, new Trainer.Run(PARAMS, state, TrainSamples.history(), PARAMS));
        samples.put(Monitor.class, Monitor.max("accuracy"));
        samples.put(LearningRateCurve.class, TrainSamples.curve());
        samples.put(Progress.class, Progress.silent());
        samples.put(LearningRateFinder.class, LearningRateFinder.of(optimizer));
        samples.put(EarlyStopping.class, new EarlyStopping(Monitor.min("loss"), 2, 0));
        samples.put(History.EarlyStop.class, new History.EarlyStop(3, "loss did not improve"));
        samples.put(History.Best.class, new History.Best(2, "accuracy", 0.9));
        samples.put(LossAndGradient.Value.class, new LossAndGradient.Value(1, PARAMS));
        samples.put(EvaluatedStep.class, new EvaluatedStep(new Step(PARAMS, state), new LossAndGradient.Value(1, PARAMS)));
        samples.put(SharpnessAware.class, new SharpnessAware(0.05, false, 0));
        samples.put(TrainingDivergedException.class, TrainSamples.diverged(PARAMS));
        samples.put(NonFiniteDataException.class, TrainSamples.nonFiniteData(PARAMS));
        samples.put(CheckpointFailedException.class, TrainSamples.checkpointFailed(PARAMS, state));
        return samples;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static NullPointerTester tester() {
        NullPointerTester tester = new NullPointerTester();
        for (UpdateRule<?> rule : RULES) {
            Object state = rule.init(Tensor.ones(2));
            tester.setDefault((Class) state.getClass(), state);
        }
        tester.setDefault(Adafactor.State.class, new Adafactor(0.01).init(Tensor.ones(2)));
        return tester
                .setDefault(Tensor.class, Tensor.ones(2))
                .setDefault(Shape.class, Shape.of(2))
                .setDefault(NamedTensors.class, PARAMS)
                .setDefault(String.class, "w")
                .setDefault(UpdateRule.class, new Adam(1e-3))
                .setDefault(Optimizer.class, Optimizer.of(new Adam(1e-3)))
                .setDefault(OptimizerState.class, Optimizer.of(new Adam(1e-3)).init(PARAMS))
                .setDefault(History.class, TrainSamples.history())
                .setDefault(Trainer.class, Trainer.of(Optimizer.of(new Adam(1e-3))))
                .setDefault(Trainer.Run.class, new Trainer.Run(PARAMS, Optimizer.of(new Adam(1e-3)).init(PARAMS),
                        TrainSamples.history(), PARAMS))
                .setDefault(org.adjoint.nn.ModelState.class, new org.adjoint.nn.ModelState(PARAMS, NamedTensors.of(Map.of())))
                .setDefault(Observations.class, Observations.none())
                .setDefault(LossAndGradient.class, p -> new LossAndGradient.Value(0, p))
                .setDefault(LossAndGradient.Value.class, new LossAndGradient.Value(0, PARAMS))
                .setDefault(Step.class, new Step(PARAMS, Optimizer.of(new Adam(1e-3)).init(PARAMS)))
                .setDefault(Monitor.class, Monitor.max("accuracy"))
                .setDefault(EarlyStopping.class, new EarlyStopping(Monitor.min("loss"), 2, 0))
                .setDefault(Dataset.class, new LabeledData(Tensor.ones(3, 2), new int[] {0, 1, 0}))
                .setDefault(Path.class, Path.of("no-such-dir", "file.npz"));
    }

    @Test
    void everyPublicEntryPointOfOptimRefusesNull() {
        List<Class<?>> classes = PublicApi.classes(Optimizer.class, "org.adjoint.optim", "org.adjoint.optim.checkpoint",
                "org.adjoint.optim.rules", "org.adjoint.optim.rules.laws", "org.adjoint.optim.schedule", "org.adjoint.optim.sharded",
                "org.adjoint.optim.train");
        assertTrue(classes.size() >= 40, classes::toString);
        List<String> failures = PublicApi.nullFailures(tester(), classes, samples(), Set.of());
        failures.removeIf(NullArgumentsTest::documentedNullable);
        assertEquals("", String.join("\n", failures));
    }
}
