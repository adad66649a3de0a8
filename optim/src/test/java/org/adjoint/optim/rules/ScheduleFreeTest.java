package org.adjoint.optim.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.Step;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;
import org.adjoint.optim.checkpoint.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ScheduleFreeSgd} and {@link ScheduleFreeAdamW}: x (the model) and y (the iterate) by hand, a
 * checkpoint in the middle of the warm-up that resumes bit for bit with no mode switch, the evaluated
 * parameters differing from the iterate, and a zero rate that must not divide 0 by 0.
 */
class ScheduleFreeTest {

    @TempDir
    Path dir;

    /**
     * f(θ) = θ², g = 2y, from θ₀ = 1 with η = 0.1, β = 0.9, r = 0, p = 2: every weight is 0.01, so c = 1, ½, ⅓.
     * z: 0.8, 0.64, 0.4976; x: 0.8, 0.72, (2·0.72 + 0.4976)/3; y = 0.9·x + 0.1·z: 0.8, 0.712, 0.63104.
     */
    @Test
    void sgdByHandOnAParabola() {
        ScheduleFreeSgd rule = new ScheduleFreeSgd(0.1);
        Tensor y = Tensor.scalar(1);
        ScheduleFreeSgd.State state = rule.init(y);
        double[] ys = {0.8, 0.712, 0.63104};
        double[] xs = {0.8, 0.72, (2 * 0.72 + 0.4976) / 3};
        double[] zs = {0.8, 0.64, 0.4976};
        for (int t = 0; t < 3; t++) {
            Update<ScheduleFreeSgd.State> u = rule.apply(y, y.mul(2), state, 0.1);
            y = u.param();
            state = u.state();
            assertEquals(ys[t], y.item(), 1e-15, "y at step " + (t + 1));
            assertEquals(xs[t], rule.evaluationParam(y, state).item(), 1e-15, "x at step " + (t + 1));
            assertEquals(zs[t], state.z().item(), 1e-15, "z at step " + (t + 1));
            assertEquals(0.01 * (t + 1), state.weightSum(), 1e-17);
            assertEquals(0.1, state.lrMax());
        }
    }

    @Test
    void beforeTheFirstStepXIsTheParameterAndAfterItTheEvaluatedParametersAreXNotY() {
        Optimizer optimizer = Optimizer.of(new ScheduleFreeAdamW(0.1));
        NamedTensors params = params();
        Step s = new Step(params, optimizer.init(params));
        assertEquals(params, optimizer.evaluationParameters(s.params(), s.state()));
        s = steps(optimizer, s, 0, 4);
        NamedTensors evaluated = optimizer.evaluationParameters(s.params(), s.state());
        for (String name : params.names()) {
            ScheduleFreeAdamW.State st = (ScheduleFreeAdamW.State) s.state().ruleState(name).state();
            assertArrayEquals(st.x().toArray(), evaluated.get(name).toArray(), 0, name);
            assertFalse(Arrays.equals(s.params().get(name).toArray(), evaluated.get(name).toArray()), name + ": x equals y");
            assertArrayEquals(st.x().mul(0.9).add(st.z().mul(0.1)).toArray(), s.params().get(name).toArray(), 1e-15,
                    name + ": y is not β₁·x + (1 − β₁)·z");
        }
    }

    /** Saved after 5 of 8 warm-up steps, loaded, and both runs taken 6 steps further: y, x, z and v agree bit for bit. */
    @Test
    void aCheckpointInTheMiddleOfTheWarmUpResumesBitForBit() throws IOException {
        for (UpdateRule<?> rule : List.of(new ScheduleFreeAdamW(0.05, 0.9, 0.999, 1e-8, 0.01, 8, 1, 2),
                new ScheduleFreeSgd(0.05, 0.9, 0.01, 8, 1, 2))) {
            Optimizer optimizer = Optimizer.of(rule);
            NamedTensors params = params();
            Step before = steps(optimizer, new Step(params, optimizer.init(params)), 0, 5);
            Map<String, Tensor> saved = before.state().ruleState("w").save();
            assertEquals(List.of("k", "lr_max", "weight_sum", "z", "x"), List.copyOf(saved.keySet()).subList(0, 5));
            assertEquals(5.0, saved.get("k").item());
            Path file = dir.resolve(rule.getClass().getSimpleName() + ".npz");
            Checkpoint.save(file, optimizer, before.params(), before.state(), Map.of());
            Checkpoint.Contents loaded = Checkpoint.load(file, optimizer, params);
            Step straight = steps(optimizer, before, 5, 6);
            Step resumed = steps(optimizer, new Step(loaded.params(), loaded.state()), 5, 6);
            NamedTensors x1 = optimizer.evaluationParameters(straight.params(), straight.state());
            NamedTensors x2 = optimizer.evaluationParameters(resumed.params(), resumed.state());
            for (String name : params.names()) {
                assertArrayEquals(bits(straight.params().get(name)), bits(resumed.params().get(name)), name + " y");
                assertArrayEquals(bits(x1.get(name)), bits(x2.get(name)), name + " x");
                Map<String, Tensor> a = straight.state().ruleState(name).save();
                Map<String, Tensor> b = resumed.state().ruleState(name).save();
                assertEquals(a.keySet(), b.keySet());
                a.forEach((slot, t) -> assertArrayEquals(bits(t), bits(b.get(slot)), name + " " + slot));
            }
        }
    }

    /** η = 0: every weight is 0, so Σw = 0 and c is 0 (the reference's ZeroDivisionError case), not NaN. */
    @Test
    void aZeroRateLeavesEverythingWhereItWas() {
        ScheduleFreeSgd rule = new ScheduleFreeSgd(0);
        Tensor y = Tensor.vector(1, -2);
        ScheduleFreeSgd.State state = rule.init(y);
        for (int t = 0; t < 3; t++) {
            Update<ScheduleFreeSgd.State> u = rule.apply(y, Tensor.vector(0.5, 3), state, 0);
            y = u.param();
            state = u.state();
        }
        assertArrayEquals(new double[] {1, -2}, y.toArray(), 0);
        assertArrayEquals(new double[] {1, -2}, rule.evaluationParam(y, state).toArray(), 0);
        assertEquals(0, state.weightSum());
    }

    private static NamedTensors params() {
        Map<String, Tensor> values = new LinkedHashMap<>();
        values.put("w", Tensor.matrix(new double[][] {{-1.2, 1}, {0.5, -0.25}}));
        values.put("b", Tensor.vector(0.3, 2));
        return NamedTensors.of(values);
    }

    private static Step steps(Optimizer optimizer, Step from, int first, int count) {
        Step s = from;
        for (int i = first; i < first + count; i++) {
            double shift = 0.1 * i;
            NamedTensors grads = s.params().map(t -> t.mul(0.7).add(shift).sin());
            s = optimizer.step(s.params(), grads, s.state());
        }
        return s;
    }

    private static long[] bits(Tensor t) {
        return Arrays.stream(t.toArray()).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
