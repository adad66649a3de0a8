package org.adjoint.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.RuleState;
import org.adjoint.optim.Step;
import org.adjoint.optim.rules.Sgd;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void schedulesAreValuesThatPrintAsTheCallsThatBuiltThem() {
        Schedule warmupThenCosine = Schedule.linear(0.01, 1, 100).then(100, Schedule.cosine(900, 0.01));
        assertEquals(Schedule.linear(0.01, 1, 100).then(100, Schedule.cosine(900, 0.01)), warmupThenCosine);
        assertEquals("linear(0.01, 1.0, 100).then(100, cosine(900, 0.01))", warmupThenCosine.toString());
        assertEquals("stepDecay(0.1, 1).inEpochs(50)", Schedule.stepDecay(0.1, 1).inEpochs(50).toString());
        assertEquals("exponential(0.9).times(inverseTime(0.5, 4))",
                Schedule.exponential(0.9).times(Schedule.inverseTime(0.5, 4)).toString());
        assertEquals("constant()", Schedule.constant().toString());
        assertTrue(!Schedule.cosine(900, 0.01).equals(Schedule.cosine(900, 0.02)));
        assertEquals("globalNorm(5.0)", Clipping.globalNorm(5).toString());
        Clipping clipTwo = Clipping.value(2);
        assertEquals(clipTwo, Clipping.value(2), "built twice from the same argument: equal values, not one object");
        assertEquals("Optimizer[others: Sgd[learningRate=0.1, momentum=0.0, dampening=0.0, weightDecay=0.0]; "
                + "schedule cosine(10, 0.0); clipping globalNorm(1.0)]",
                Optimizer.of(new Sgd(0.1)).withSchedule(Schedule.cosine(10, 0)).withClipping(Clipping.globalNorm(1)).toString());
    }

    @Test
    void closedForms() {
        assertEquals(1.0, Schedule.constant().factor(1000));
        assertEquals(1.0, Schedule.stepDecay(0.1, 3).factor(2));
        assertEquals(0.1, Schedule.stepDecay(0.1, 3).factor(3), 1e-15);
        assertEquals(0.01, Schedule.stepDecay(0.1, 3).factor(7), 1e-15);
        assertEquals(Math.pow(0.9, 5), Schedule.exponential(0.9).factor(5), 1e-15);
        assertEquals(1 / (1 + 0.5 * 10 / 4.0), Schedule.inverseTime(0.5, 4).factor(10), 1e-15);
        assertEquals(1.0, Schedule.cosine(10, 0.1).factor(0), 1e-15);
        assertEquals(0.55, Schedule.cosine(10, 0.1).factor(5), 1e-15);
        assertEquals(0.1, Schedule.cosine(10, 0.1).factor(10), 1e-15);
        assertEquals(0.55, Schedule.cosine(10, 0.1).factor(15), 1e-15, "periodic past the period, as in PyTorch");
        assertEquals(0.01, Schedule.linear(0.01, 1, 100).factor(0), 1e-15);
        assertEquals(0.505, Schedule.linear(0.01, 1, 100).factor(50), 1e-15);
        assertEquals(1.0, Schedule.linear(0.01, 1, 100).factor(500), 1e-15);
    }

    @Test
    void composition() {
        Schedule warmupThenCosine = Schedule.linear(0.1, 1, 10).then(10, Schedule.cosine(100, 0));
        assertEquals(0.1, warmupThenCosine.factor(0), 1e-15);
        assertEquals(1.0, warmupThenCosine.factor(10), 1e-15);
        assertEquals(0.5, warmupThenCosine.factor(60), 1e-15);
        assertEquals(0.5 * 0.9, Schedule.exponential(0.9).times(step -> 0.5).factor(1), 1e-15);
        Schedule perEpoch = Schedule.stepDecay(0.1, 1).inEpochs(4);
        assertEquals(1.0, perEpoch.factor(3));
        assertEquals(0.1, perEpoch.factor(4), 1e-15);
        assertEquals(0.01, perEpoch.factor(8), 1e-15);
    }

    @Test
    void theOptimizerScalesEveryGroupsBaseRate() {
        NamedTensors params = NamedTensors.of(Map.of("a", Tensor.scalar(0), "b.w", Tensor.scalar(0)));
        NamedTensors grads = NamedTensors.of(Map.of("a", Tensor.scalar(1), "b.w", Tensor.scalar(1)));
        Optimizer optimizer = Optimizer.of(new Sgd(1)).withGroup("b", new Sgd(10))
                .withSchedule(Schedule.stepDecay(0.5, 1));
        OptimizerState state = optimizer.init(params);
        double[] expectedA = {-1, -1.5, -1.75};
        for (double a : expectedA) {
            Step step = optimizer.step(params, grads, state);
            params = step.params();
            state = step.state();
            assertEquals(a, params.get("a").item(), 1e-15);
        }
        assertEquals(-17.5, params.get("b.w").item(), 1e-13);
        assertEquals(0.25, state.learningRateFactor());
        assertEquals(1.25, optimizer.learningRate("b.w", state), 1e-15);
        assertTrue(optimizer.toString().contains("b: Sgd[learningRate=10.0"), optimizer.toString());
    }

    /** A user's own schedule, printed by name. */
    private record ByHand(long badFrom, double bad) implements Schedule {
        @Override
        public double factor(long step) {
            return step < badFrom ? 1 : bad;
        }

        @Override
        public String toString() {
            return "byHand";
        }
    }

    @Test
    void aFactorThatIsNaNNegativeOrInfiniteIsRefusedAtTheStepThatUsesItNamingTheScheduleStepAndValue() {
        NamedTensors params = NamedTensors.of(Map.of("a", Tensor.vector(1, 2)));
        for (double bad : new double[] {Double.NaN, -0.5, Double.POSITIVE_INFINITY}) {
            Optimizer optimizer = Optimizer.of(new Sgd(0.1)).withSchedule(new ByHand(2, bad));
            OptimizerState state = optimizer.init(params);
            for (int k = 0; k < 2; k++) {
                state = optimizer.step(params, params, state).state();
            }
            OptimizerState third = state;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> optimizer.step(params, params, third));
            assertEquals("step: the schedule byHand gives the learning-rate factor " + bad + " at step 2 (counted from 0);"
                    + " a factor must be finite and at least 0", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> optimizer.learningRate("a", third));
            assertEquals("learningRate: the schedule byHand gives the learning-rate factor " + bad + " at step 2 (counted"
                    + " from 0); a factor must be finite and at least 0", e.getMessage());
        }
        Optimizer growing = Optimizer.of(new Sgd(0.1)).withSchedule(Schedule.exponential(10));
        OptimizerState late = new OptimizerState(400, 1, Map.of("a", RuleState.init(new Sgd(0.1), params.get("a"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> growing.step(params, params, late));
        assertEquals("step: the schedule exponential(10.0) gives the learning-rate factor Infinity at step 400 (counted"
                + " from 0); a factor must be finite and at least 0", e.getMessage());
    }
}
