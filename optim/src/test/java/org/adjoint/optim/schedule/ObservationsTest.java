package org.adjoint.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adjoint.core.Tensor;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.RuleState;
import org.adjoint.optim.rules.Sgd;
import org.adjoint.optim.schedule.Observations.Observation;
import org.junit.jupiter.api.Test;

/** Observations: an immutable, ordered record of metrics by step, as schedules and checkpoints read it. */
class ObservationsTest {

    private static final Observations THREE = Observations.none().with(5, Map.of("loss", 2.0, "acc", 0.1))
            .with(10, Map.of("acc", 0.2)).with(10, Map.of("loss", 1.0, "acc", 0.3));

    @Test
    void valuesComeOldestFirstFromTheObservationsThatHoldTheMetric() {
        assertArrayEquals(new double[] {2, 1}, THREE.values("loss"));
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, THREE.values("acc"));
        assertArrayEquals(new double[] {}, THREE.values("other"));
        assertEquals(3, THREE.size());
        assertEquals(0, Observations.none().size());
    }

    @Test
    void sinceKeepsTheObservationsFromTheBoundaryAndCountsTheirStepsFromItInEpochsDividesThem() {
        assertEquals(Observations.none().with(0, Map.of("acc", 0.2)).with(0, Map.of("loss", 1.0, "acc", 0.3)), THREE.since(10));
        assertEquals(Observations.none().with(4, Map.of("acc", 0.2)).with(4, Map.of("loss", 1.0, "acc", 0.3)), THREE.since(6));
        assertEquals(THREE, THREE.since(0));
        assertEquals(List.of(1L, 2L, 2L), THREE.inEpochs(5).asList().stream().map(Observation::step).toList());
        assertEquals(List.of(0L, 1L, 1L), THREE.inEpochs(6).asList().stream().map(Observation::step).toList());
        assertEquals("inEpochs: stepsPerEpoch = 0 must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> THREE.inEpochs(0)).getMessage());
    }

    @Test
    void theyAreImmutableValues() {
        Map<String, Double> metrics = new HashMap<>(Map.of("loss", 1.0));
        Observations one = Observations.none().with(1, metrics);
        metrics.put("loss", 2.0);
        assertEquals(Map.of("loss", 1.0), one.asList().get(0).metrics(), "copied, not shared");
        assertThrows(UnsupportedOperationException.class, () -> one.asList().get(0).metrics().put("x", 1.0));
        assertThrows(UnsupportedOperationException.class, () -> one.asList().add(null));
        assertEquals(0, Observations.none().size(), "with returns new observations");
        assertEquals(Observations.of(THREE.asList()), THREE);
        assertEquals(Observations.of(THREE.asList()).hashCode(), THREE.hashCode());
        assertNotEquals(THREE, THREE.with(10, Map.of()));
    }

    @Test
    void aStepBeforeTheLastANegativeStepOrANaNValueIsRefused() {
        assertEquals("observations: an observation at step 9 cannot follow one at step 10",
                assertThrows(IllegalArgumentException.class, () -> THREE.with(9, Map.of())).getMessage());
        assertEquals("observation: step = -1 must be at least 0",
                assertThrows(IllegalArgumentException.class, () -> Observations.none().with(-1, Map.of())).getMessage());
        assertEquals("observation at step 3: the metric loss is NaN; a monitored metric must be a number",
                assertThrows(IllegalArgumentException.class, () -> Observations.none().with(3, Map.of("loss", Double.NaN)))
                        .getMessage());
    }

    @Test
    void anOptimizerStateRefusesObservationsMadeAfterItsSteps() {
        Map<String, RuleState<?>> rules = Map.of("w", RuleState.init(new Sgd(0.1), Tensor.scalar(0)));
        assertEquals(THREE, new OptimizerState(10, 1, rules, THREE).observations());
        assertEquals(Observations.none(), new OptimizerState(10, 1, rules).observations());
        assertEquals("optimizer state: an observation was made at step 10, after the 9 steps taken",
                assertThrows(IllegalArgumentException.class, () -> new OptimizerState(9, 1, rules, THREE)).getMessage());
    }
}
