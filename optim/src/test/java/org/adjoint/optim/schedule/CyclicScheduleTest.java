package org.adjoint.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.adjoint.optim.schedule.OneCycle.Anneal;
import org.adjoint.optim.schedule.ReduceOnPlateau.ThresholdMode;
import org.junit.jupiter.api.Test;

/**
 * oneCycle, cosineWarmRestarts, polynomial and reduceOnPlateau as values: printed as the calls that
 * built them, equal when built alike, their hyperparameters validated, and the closed forms their
 * factories document where PyTorch has no answer (past the end of a cycle, optax's end factor).
 */
class CyclicScheduleTest {

    @Test
    void theNewSchedulesPrintAsTheCallsThatBuiltThem() {
        assertEquals("oneCycle(1000)", Schedule.oneCycle(1000).toString());
        assertEquals("oneCycle(1000).withPctStart(0.25).withDivFactors(10.0, 100.0).withAnneal(LINEAR).withThreePhase()",
                Schedule.oneCycle(1000).withPctStart(0.25).withDivFactors(10, 100).withAnneal(Anneal.LINEAR).withThreePhase()
                        .toString());
        assertEquals("cosineWarmRestarts(10, 2, 0.01)", Schedule.cosineWarmRestarts(10, 2, 0.01).toString());
        assertEquals("polynomial(100, 2.0)", Schedule.polynomial(100, 2).toString());
        assertEquals("polynomial(100, 2.0, 0.1)", Schedule.polynomial(100, 2, 0.1).toString());
        assertEquals(Schedule.polynomial(100, 2), Schedule.polynomial(100, 2, 0));
        assertEquals("reduceOnPlateau(\"loss\")", Schedule.reduceOnPlateau("loss").toString());
        assertEquals("linear(0.1, 1.0, 10).then(10, reduceOnPlateau(\"accuracy\").maximizing().withFactor(0.5)"
                        + ".withPatience(2).withThreshold(0.01, ABS).withCooldown(1).withMinFactor(0.01))",
                Schedule.linear(0.1, 1, 10).then(10, Schedule.reduceOnPlateau("accuracy").maximizing().withFactor(0.5)
                        .withPatience(2).withThreshold(0.01, ThresholdMode.ABS).withCooldown(1).withMinFactor(0.01)).toString());
        assertEquals(Schedule.oneCycle(100).withThreePhase(), Schedule.oneCycle(100).withThreePhase());
        assertNotEquals(Schedule.oneCycle(100), Schedule.oneCycle(100).withThreePhase());
        assertEquals(Schedule.cosineWarmRestarts(5, 2, 0), Schedule.cosineWarmRestarts(5, 2, 0));
        assertEquals(Schedule.reduceOnPlateau("loss").withPatience(3), Schedule.reduceOnPlateau("loss").withPatience(3));
        assertNotEquals(Schedule.reduceOnPlateau("loss"), Schedule.reduceOnPlateau("val_loss"));
    }

    @Test
    void aCombinationMonitorsWhatItsPartsMonitor() {
        assertEquals(Set.of(), Schedule.cosine(10, 0).monitors());
        assertEquals(Set.of(), ((Schedule) step -> 1).monitors());
        assertEquals(Set.of("loss"), Schedule.reduceOnPlateau("loss").monitors());
        Schedule both = Schedule.linear(0.1, 1, 5).then(5, Schedule.reduceOnPlateau("loss"))
                .times(Schedule.reduceOnPlateau("accuracy").maximizing().inEpochs(3));
        assertEquals(Set.of("loss", "accuracy"), both.monitors());
    }

    @Test
    void badHyperparametersAreRefusedNamingTheScheduleAndTheValue() {
        refused("oneCycle: totalSteps = 0 must be at least 1", () -> Schedule.oneCycle(0));
        refused("oneCycle: pctStart = 1.0 is outside (0, 1)", () -> Schedule.oneCycle(100).withPctStart(1));
        refused("oneCycle: pctStart = NaN is outside (0, 1)", () -> Schedule.oneCycle(100).withPctStart(Double.NaN));
        refused("oneCycle: divFactor = 0.0 must be finite and above 0", () -> Schedule.oneCycle(100).withDivFactors(0, 1e4));
        refused("oneCycle: finalDivFactor = Infinity must be finite and above 0",
                () -> Schedule.oneCycle(100).withDivFactors(25, Double.POSITIVE_INFINITY));
        refused("oneCycle: pctStart · totalSteps = 0.3 · 3 must be above 1, or the rising phase ends before it starts",
                () -> Schedule.oneCycle(3));
        refused("oneCycle: with three phases, pctStart = 0.6 leaves no steps for the last phase of 100"
                + " (2·pctStart·totalSteps − 2 must be below totalSteps − 1)", () -> Schedule.oneCycle(100).withPctStart(0.6).withThreePhase());
        refused("cosineWarmRestarts: firstPeriod = 0 must be at least 1", () -> Schedule.cosineWarmRestarts(0, 1, 0));
        refused("cosineWarmRestarts: periodMultiplier = 0 must be at least 1", () -> Schedule.cosineWarmRestarts(5, 0, 0));
        refused("cosineWarmRestarts: minFactor = -0.1 must be finite and at least 0", () -> Schedule.cosineWarmRestarts(5, 1, -0.1));
        refused("polynomial: steps = -1 must be at least 1", () -> Schedule.polynomial(-1, 1));
        refused("polynomial: power = 0.0 must be finite and above 0", () -> Schedule.polynomial(10, 0));
        refused("polynomial: endFactor = NaN must be finite and at least 0", () -> Schedule.polynomial(10, 1, Double.NaN));
        refused("reduceOnPlateau: the metric name is empty", () -> Schedule.reduceOnPlateau(""));
        refused("reduceOnPlateau: factor = 1.0 is outside [0, 1)", () -> Schedule.reduceOnPlateau("loss").withFactor(1));
        refused("reduceOnPlateau: patience = -1 must be at least 0", () -> Schedule.reduceOnPlateau("loss").withPatience(-1));
        refused("reduceOnPlateau: threshold = -0.01 must be finite and at least 0",
                () -> Schedule.reduceOnPlateau("loss").withThreshold(-0.01, ThresholdMode.REL));
        refused("reduceOnPlateau: cooldown = -2 must be at least 0", () -> Schedule.reduceOnPlateau("loss").withCooldown(-2));
        refused("reduceOnPlateau: minFactor = Infinity must be finite and at least 0",
                () -> Schedule.reduceOnPlateau("loss").withMinFactor(Double.POSITIVE_INFINITY));
        assertThrows(NullPointerException.class, () -> Schedule.reduceOnPlateau(null));
        assertThrows(NullPointerException.class, () -> Schedule.oneCycle(100).withAnneal(null));
    }

    private static void refused(String message, Supplier<Schedule> build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
        assertEquals(message, e.getMessage());
    }

    @Test
    void oneCyclePeaksAtOneAndHoldsItsLastFactorWherePyTorchWouldRaise() {
        OneCycle cycle = Schedule.oneCycle(100);
        assertEquals(0.04, cycle.factor(0), 1e-15);
        assertEquals(1.0, cycle.factor(29), 1e-15, "the peak at p·T − 1");
        double last = 0.04 / 1e4;
        assertEquals(last, cycle.factor(99), 1e-20);
        assertEquals(cycle.factor(99), cycle.factor(100));
        assertEquals(cycle.factor(99), cycle.factor(Long.MAX_VALUE));
        OneCycle three = cycle.withThreePhase();
        assertEquals(0.04, three.factor(58), 1e-15, "back at the initial factor at 2·p·T − 2");
        assertEquals(last, three.factor(99), 1e-20);
    }

    @Test
    void polynomialWithAnEndFactorIsOptaxsPolynomialSchedule() {
        Schedule s = Schedule.polynomial(10, 2, 0.1);
        assertEquals(1.0, s.factor(0));
        assertEquals(0.9 * 0.25 + 0.1, s.factor(5), 1e-15);
        assertEquals(0.1, s.factor(10), 1e-15);
        assertEquals(0.1, s.factor(1_000_000), 1e-15);
        assertEquals(2 - 0.25, Schedule.polynomial(10, 2, 2).factor(5), 1e-15, "an end above 1 rises, as optax allows");
    }

    @Test
    void warmRestartsCountPeriodsExactlyEvenBeyondAnyRepresentableCycle() {
        Schedule s = Schedule.cosineWarmRestarts(5, 2, 0);
        assertEquals(1.0, s.factor(5), "the first restart");
        assertEquals(1.0, s.factor(15), "the second, after 5 + 10 steps");
        assertEquals(1.0, s.factor(35), "the third, after 5 + 10 + 20 steps");
        assertEquals(0.5, s.factor(55), 1e-15, "half way through the fourth period, of 40 steps from step 35");
        for (long step : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - 1, 5L << 61}) {
            double f = s.factor(step);
            assertTrue(f >= 0 && f <= 1, step + ": " + f);
        }
        assertEquals(1.0, Schedule.cosineWarmRestarts(1, 2, 0).factor((1L << 62) - 1), "the restart at 2⁶² − 1");
        assertEquals(Schedule.cosine(7, 0.2).factor(3), Schedule.cosineWarmRestarts(7, 1, 0.2).factor(7 * 1000 + 3));
    }

    @Test
    void aPlateauWithoutObservationsHasFactorOneAndIgnoresOtherMetrics() {
        ReduceOnPlateau p = Schedule.reduceOnPlateau("loss").withPatience(0);
        assertEquals(1.0, p.factor(123));
        assertEquals(1.0, p.factor(123, Observations.none()));
        Observations others = Observations.none().with(1, Map.of("accuracy", 0.5)).with(2, Map.of("accuracy", 0.4));
        assertEquals(1.0, p.factor(3, others));
        Observations worse = Observations.none().with(1, Map.of("loss", 1.0)).with(2, Map.of("loss", 2.0));
        assertEquals(0.1, p.factor(3, worse), 1e-16);
        assertEquals(1.0, p.maximizing().factor(3, worse), "a rising metric improves when maximized");
    }
}
