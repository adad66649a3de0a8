package org.adjoint.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.adjoint.optim.schedule.OneCycle.Anneal;
import org.adjoint.optim.schedule.ReduceOnPlateau.ThresholdMode;
import org.junit.jupiter.api.Test;

/**
 * The schedules against PyTorch 1.13's: {@code torch/schedules.txt} holds the learning rates of
 * OneCycleLR, CosineAnnealingWarmRestarts, PolynomialLR and ReduceLROnPlateau at a base rate of 1,
 * written by {@code examples/src/main/python/torch_schedules_reference.py}; each must agree to 1e-12
 * relative at every step (or after every observation).
 */
class TorchScheduleReferenceTest {

    private static final double RELATIVE = 1e-12;

    private static Map<String, double[]> reference() throws Exception {
        Path file = Path.of(TorchScheduleReferenceTest.class.getResource("/torch/schedules.txt").toURI());
        Map<String, double[]> cases = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] words = line.trim().split(" ");
                cases.put(words[0], Arrays.stream(words, 1, words.length).mapToDouble(Double::parseDouble).toArray());
            }
        }
        return cases;
    }

    private static Map<String, Schedule> stepSchedules() {
        Map<String, Schedule> s = new LinkedHashMap<>();
        s.put("one_cycle_100", Schedule.oneCycle(100));
        s.put("one_cycle_100_linear", Schedule.oneCycle(100).withAnneal(Anneal.LINEAR));
        s.put("one_cycle_37_three_phase", Schedule.oneCycle(37).withPctStart(0.25).withDivFactors(10, 100).withThreePhase());
        s.put("one_cycle_1000_three_phase_linear",
                Schedule.oneCycle(1000).withPctStart(0.45).withAnneal(Anneal.LINEAR).withThreePhase());
        s.put("warm_restarts_10_1", Schedule.cosineWarmRestarts(10, 1, 0));
        s.put("warm_restarts_5_2_min", Schedule.cosineWarmRestarts(5, 2, 0.05));
        s.put("warm_restarts_3_3_min", Schedule.cosineWarmRestarts(3, 3, 0.1));
        s.put("polynomial_20_1", Schedule.polynomial(20, 1));
        s.put("polynomial_20_2", Schedule.polynomial(20, 2));
        s.put("polynomial_50_0.9", Schedule.polynomial(50, 0.9));
        return s;
    }

    private static Map<String, Schedule> plateaus() {
        Map<String, Schedule> s = new LinkedHashMap<>();
        ReduceOnPlateau p = Schedule.reduceOnPlateau("m");
        s.put("plateau_defaults", p);
        s.put("plateau_min_rel", p.withFactor(0.5).withPatience(2));
        s.put("plateau_min_abs_cooldown", p.withFactor(0.5).withPatience(1).withThreshold(0.005, ThresholdMode.ABS).withCooldown(2));
        s.put("plateau_max_rel_min", p.maximizing().withFactor(0.3).withPatience(0).withThreshold(0.01, ThresholdMode.REL)
                .withMinFactor(0.05));
        s.put("plateau_max_abs", p.maximizing().withFactor(0.7).withPatience(3).withThreshold(0.02, ThresholdMode.ABS)
                .withCooldown(1));
        s.put("plateau_min_floor", p.withPatience(0).withMinFactor(0.001));
        return s;
    }

    @Test
    void oneCycleWarmRestartsAndPolynomialFollowPyTorchStepByStep() throws Exception {
        Map<String, double[]> torch = reference();
        for (Map.Entry<String, Schedule> c : stepSchedules().entrySet()) {
            double[] expected = torch.get(c.getKey());
            assertTrue(expected != null && expected.length > 20, "the reference file has no case " + c.getKey());
            for (int t = 0; t < expected.length; t++) {
                assertClose(expected[t], c.getValue().factor(t), c.getKey() + " = " + c.getValue() + " at step " + t);
            }
        }
    }

    @Test
    void reduceOnPlateauTakesPyTorchsDecisionsObservationByObservation() throws Exception {
        Map<String, double[]> torch = reference();
        double[] metric = torch.get("plateau_metric");
        for (Map.Entry<String, Schedule> c : plateaus().entrySet()) {
            double[] expected = torch.get(c.getKey());
            assertEquals(metric.length + 1, expected.length, "the reference file's case " + c.getKey());
            Observations observed = Observations.none();
            for (int k = 0; k <= metric.length; k++) {
                assertClose(expected[k], c.getValue().factor(10L * k, observed),
                        c.getKey() + " = " + c.getValue() + " after " + k + " observations");
                if (k < metric.length) {
                    observed = observed.with(10L * (k + 1), Map.of("m", metric[k], "other", -metric[k]));
                }
            }
        }
    }

    @Test
    void theReferenceCoversEveryReduction() throws Exception {
        Map<String, double[]> torch = reference();
        for (String name : plateaus().keySet()) {
            double[] rates = torch.get(name);
            assertTrue(rates[rates.length - 1] < 1, name + " never reduces: the case tests nothing");
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= RELATIVE * Math.abs(expected), what + ": PyTorch " + expected + ", ours " + actual);
    }
}
