package org.adjoint.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.Step;
import org.adjoint.optim.rules.Sgd;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/**
 * ReduceOnPlateau composed with other schedules (what PyTorch's plateau scheduler cannot do) and fed
 * through {@link Optimizer#observe}: warm-up then plateau, plateau times cosine, plateau in epochs; the
 * optimizer refuses an observation without a monitored metric or with a NaN one.
 */
class PlateauCompositionTest {

    private static final NamedTensors PARAMS = NamedTensors.of(Map.of("w", Tensor.scalar(0)));
    private static final NamedTensors GRADS = NamedTensors.of(Map.of("w", Tensor.scalar(1)));

    /** Takes {@code n} SGD steps of rate 1 on the gradient 1: the parameter falls by each step's factor. */
    private static Step steps(Optimizer optimizer, NamedTensors params, OptimizerState state, int n) {
        Step step = new Step(params, state);
        for (int k = 0; k < n; k++) {
            step = optimizer.step(step.params(), GRADS, step.state());
        }
        return step;
    }

    private static Map<String, Double> loss(double value) {
        return Map.of("loss", value, "accuracy", 1 - value);
    }

    @Test
    void warmUpThenPlateauCountsOnlyTheObservationsAfterTheWarmUp() {
        Schedule schedule = Schedule.linear(0.1, 1, 4).then(4, Schedule.reduceOnPlateau("loss").withPatience(0).withFactor(0.5));
        Optimizer optimizer = Optimizer.of(new Sgd(1)).withSchedule(schedule);
        Step s = steps(optimizer, PARAMS, optimizer.init(PARAMS), 2);
        OptimizerState state = optimizer.observe(optimizer.observe(s.state(), loss(1.0)), loss(3.0));
        assertEquals(0.55, optimizer.learningRate("w", state), 1e-15, "still warming up: 0.1 + 0.9·2/4");
        s = steps(optimizer, s.params(), state, 2);
        assertEquals(-(0.1 + 0.325 + 0.55 + 0.775), s.params().get("w").item(), 1e-15);
        assertEquals(1.0, optimizer.learningRate("w", s.state()), "the worse loss during the warm-up was not counted");
        state = optimizer.observe(s.state(), loss(1.0));
        assertEquals(1.0, optimizer.learningRate("w", state));
        state = optimizer.observe(state, loss(2.0));
        assertEquals(0.5, optimizer.learningRate("w", state));
        s = steps(optimizer, s.params(), state, 1);
        assertEquals(0.5, s.state().learningRateFactor());
        assertEquals(-2.25, s.params().get("w").item(), 1e-15);
        state = optimizer.observe(optimizer.observe(s.state(), loss(0.5)), loss(0.6));
        assertEquals(0.25, optimizer.learningRate("w", state));
        assertEquals(6, state.observations().size());
        assertEquals(Map.of("loss", 0.6), state.observations().asList().get(5).metrics(), "only the monitored metric is kept");
        assertEquals(5, state.observations().asList().get(5).step());
    }

    @Test
    void aPlateauTimesACosineAndAPlateauInEpochs() {
        ReduceOnPlateau plateau = Schedule.reduceOnPlateau("accuracy").maximizing().withPatience(1).withFactor(0.2);
        Observations stalled = Observations.none().with(10, Map.of("accuracy", 0.5)).with(20, Map.of("accuracy", 0.5))
                .with(30, Map.of("accuracy", 0.4));
        assertEquals(0.2, plateau.factor(30, stalled), 1e-16);
        Schedule product = Schedule.cosine(100, 0).times(plateau);
        assertEquals(Schedule.cosine(100, 0).factor(30) * 0.2, product.factor(30, stalled), 1e-16);
        assertEquals(0.2, plateau.inEpochs(10).factor(30, stalled), 1e-16);
        // then() inside inEpochs counts its boundary in epochs: two epochs of 10 steps, so the
        // observation after epoch 1 (step 10) falls in the warm-up and is not counted.
        Schedule warmUpInEpochs = Schedule.linear(0.5, 1, 2).then(2, plateau).inEpochs(10);
        assertEquals(1.0, warmUpInEpochs.factor(30, stalled), "only 0.5 then 0.4 seen: one bad epoch, patience 1");
        assertEquals(0.2, warmUpInEpochs.factor(40, stalled.with(40, Map.of("accuracy", 0.45))), 1e-16);
        assertEquals(0.75, warmUpInEpochs.factor(19, stalled), "epoch 1 of the warm-up");
    }

    @Test
    void observeRefusesAMissingOrNaNMonitoredMetricNamingIt() {
        Optimizer optimizer = Optimizer.of(new Sgd(1)).withSchedule(Schedule.linear(0.1, 1, 4)
                .then(4, Schedule.reduceOnPlateau("val_loss")));
        OptimizerState state = steps(optimizer, PARAMS, optimizer.init(PARAMS), 3).state();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> optimizer.observe(state, new LinkedHashMap<>(Map.of("loss", 0.3))));
        assertEquals("observe: the schedule linear(0.1, 1.0, 4).then(4, reduceOnPlateau(\"val_loss\")) monitors val_loss,"
                + " but the metrics [loss] do not include it (observation after step 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> optimizer.observe(state, Map.of("val_loss", Double.NaN)));
        assertEquals("observe: the schedule linear(0.1, 1.0, 4).then(4, reduceOnPlateau(\"val_loss\")) monitors val_loss,"
                + " but it is NaN (observation after step 3)", e.getMessage());
        assertEquals(0, state.observations().size(), "the state passed in is unchanged");
        OptimizerState observed = optimizer.observe(state, Map.of("val_loss", Double.POSITIVE_INFINITY, "x", Double.NaN));
        assertEquals(1, observed.observations().size(), "an infinite loss is a value (no better than any), NaN elsewhere is dropped");
        assertEquals(3, observed.step());
        assertSame(state.ruleState("w"), observed.ruleState("w"));
    }

    @Test
    void aScheduleThatMonitorsNothingStillCountsObservationsButKeepsNoMetrics() {
        Optimizer optimizer = Optimizer.of(new Sgd(1)).withSchedule(Schedule.cosine(10, 0));
        OptimizerState state = optimizer.observe(optimizer.init(PARAMS), loss(0.5));
        assertEquals(Map.of(), state.observations().asList().get(0).metrics());
        assertEquals(steps(optimizer, PARAMS, optimizer.init(PARAMS), 3).params(), steps(optimizer, PARAMS, state, 3).params());
    }

    @Test
    void aPlateausFactorOnlyFallsStaysAboveItsFloorAndIsTheSameWhereverItIsComposed() {
        Gen<ReduceOnPlateau> plateaus = Gen.zip(Gen.integers(0, 3), Gen.elements(0.1, 0.5, 0.9), (patience, factor) ->
                Schedule.reduceOnPlateau("m").withPatience(patience).withFactor(factor).withCooldown(patience % 2)
                        .withMinFactor(0.01));
        Property.forAll(plateaus, Gen.doubleArrays(Gen.doubles(-1, 1), 0, 40)).check((plateau, metric) -> {
            Observations observed = Observations.none();
            double previous = 1;
            for (int k = 0; k < metric.length; k++) {
                observed = observed.with(k + 1, Map.of("m", metric[k]));
                double f = plateau.factor(k + 1, observed);
                assertTrue(f <= previous && (f == 1 || f >= 0.01), "factor " + f + " after " + previous);
                assertEquals(f, plateau.inEpochs(3).factor(k + 1, observed));
                assertEquals(f, Schedule.constant().then(0, plateau).factor(k + 1, observed));
                assertEquals(f, Schedule.constant().times(plateau).factor(k + 1, observed));
                previous = f;
            }
        });
    }
}
