package org.adjoint.optim.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.Step;
import org.adjoint.optim.UpdateRule;
import org.adjoint.optim.checkpoint.Checkpoint;
import org.adjoint.optim.rules.laws.RuleLaws;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Ema} and {@link Swa} through the {@link Optimizer}: {@code evaluationParameters} are the averages of
 * the iterates the optimizer returned, computed here by hand; the averages are state slots, saved in
 * checkpoints, and a resumed run averages on bit for bit; the iterate is evaluated before an average exists.
 */
class AveragingTest {

    @TempDir
    Path dir;

    @Test
    void evaluationParametersAreTheExponentialMovingAverageOfTheIterates() {
        Optimizer optimizer = Optimizer.of(new Ema<>(new Adam(0.1), 0.8));
        List<NamedTensors> iterates = new ArrayList<>();
        Step s = new Step(params(), optimizer.init(params()));
        assertEquals(params(), optimizer.evaluationParameters(s.params(), s.state()));
        for (int t = 0; t < 7; t++) {
            s = step(optimizer, s, t);
            iterates.add(s.params());
            NamedTensors averaged = optimizer.evaluationParameters(s.params(), s.state());
            for (String name : s.params().names()) {
                double[] expected = iterates.get(0).get(name).toArray(); // the first average is θ₁; θ₀ is left out
                for (int j = 1; j < iterates.size(); j++) {
                    double[] theta = iterates.get(j).get(name).toArray();
                    for (int i = 0; i < expected.length; i++) {
                        expected[i] = 0.8 * expected[i] + 0.2 * theta[i];
                    }
                }
                assertArrayEquals(expected, averaged.get(name).toArray(), 1e-15, name + " at step " + (t + 1));
            }
        }
    }

    /** s = 3, c = 2: the iterates of steps 3, 5 and 7 are averaged with equal weights; before step 3 the iterate is evaluated. */
    @Test
    void evaluationParametersAreTheEqualWeightAverageFromStepSEveryCSteps() {
        Optimizer optimizer = Optimizer.of(new Swa<>(new Sgd(0.1, 0.9), 3, 2));
        Step s = new Step(params(), optimizer.init(params()));
        Map<String, double[]> sum = new LinkedHashMap<>();
        int n = 0;
        for (int t = 1; t <= 8; t++) {
            s = step(optimizer, s, t);
            if (t == 3 || t == 5 || t == 7) {
                n++;
                for (String name : s.params().names()) {
                    double[] theta = s.params().get(name).toArray();
                    double[] acc = sum.computeIfAbsent(name, k -> new double[theta.length]);
                    for (int i = 0; i < acc.length; i++) {
                        acc[i] += theta[i];
                    }
                }
            }
            NamedTensors averaged = optimizer.evaluationParameters(s.params(), s.state());
            for (String name : s.params().names()) {
                double[] expected = s.params().get(name).toArray();
                for (int i = 0; n > 0 && i < expected.length; i++) {
                    expected[i] = sum.get(name)[i] / n;
                }
                assertArrayEquals(expected, averaged.get(name).toArray(), 1e-15, name + " at step " + t);
            }
        }
    }

    @Test
    void theAveragesAreSavedAndAResumedRunAveragesOnBitForBit() throws IOException {
        for (UpdateRule<?> rule : List.of(new Ema<>(new Adam(0.1), 0.9), new Swa<>(new Adam(0.1), 2, 1))) {
            Optimizer optimizer = Optimizer.of(rule);
            Step before = new Step(params(), optimizer.init(params()));
            for (int t = 0; t < 4; t++) {
                before = step(optimizer, before, t);
            }
            Map<String, Tensor> saved = before.state().ruleState("w").save();
            assertEquals(List.of("averaged_param", "n_averaged"), List.copyOf(saved.keySet()).subList(0, 2));
            assertArrayEquals(bits(optimizer.evaluationParameters(before.params(), before.state()).get("w")),
                    bits(saved.get("averaged_param")));
            Path file = dir.resolve(rule.getClass().getSimpleName() + ".npz");
            Checkpoint.save(file, optimizer, before.params(), before.state(), Map.of());
            Checkpoint.Contents loaded = Checkpoint.load(file, optimizer, params());
            Step straight = before;
            Step resumed = new Step(loaded.params(), loaded.state());
            for (int t = 4; t < 9; t++) {
                straight = step(optimizer, straight, t);
                resumed = step(optimizer, resumed, t);
            }
            NamedTensors a = optimizer.evaluationParameters(straight.params(), straight.state());
            NamedTensors b = optimizer.evaluationParameters(resumed.params(), resumed.state());
            for (String name : a.names()) {
                assertArrayEquals(bits(a.get(name)), bits(b.get(name)), rule + " " + name);
                assertArrayEquals(bits(straight.params().get(name)), bits(resumed.params().get(name)), rule + " " + name);
            }
        }
    }

    /** EMA, SWA and Lookahead with α = 1, for any decay, start, period and k, step the inner rule's iterates bit for bit. */
    @Test
    void noWrapperChangesTheInnerTrajectory() {
        Property.forAll(Gen.doubles(0, 0.99), Gen.integers(1, 6), Gen.integers(1, 6)).check((decay, start, k) -> {
            Adam adam = new Adam(0.1);
            List<UpdateRule<?>> wrapped = List.of(new Ema<>(adam, decay), new Swa<>(adam, start, k), new Lookahead<>(adam, k, 1));
            List<NamedTensors> reference = iterates(adam, 8);
            for (UpdateRule<?> rule : wrapped) {
                List<NamedTensors> actual = iterates(rule, 8);
                for (int t = 0; t < 8; t++) {
                    for (String name : reference.get(t).names()) {
                        assertArrayEquals(bits(reference.get(t).get(name)), bits(actual.get(t).get(name)),
                                rule + ", step " + (t + 1) + ", " + name);
                    }
                }
            }
        });
    }

    private static List<NamedTensors> iterates(UpdateRule<?> rule, int steps) {
        Optimizer optimizer = Optimizer.of(rule);
        Step s = new Step(params(), optimizer.init(params()));
        List<NamedTensors> out = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            s = step(optimizer, s, t);
            out.add(s.params());
        }
        return out;
    }

    @Test
    void aDecayOfZeroEvaluatesTheLatestIterate() {
        Optimizer optimizer = Optimizer.of(new Ema<>(new Adam(0.1), 0));
        Step s = new Step(params(), optimizer.init(params()));
        for (int t = 0; t < 3; t++) {
            s = step(optimizer, s, t);
            assertEquals(s.params(), optimizer.evaluationParameters(s.params(), s.state()));
        }
    }

    /** The averages change nothing in the iterate, so every law holds, descent included. */
    @Test
    void obeyEveryLaw() {
        NamedTensors params = params();
        for (UpdateRule<?> rule : List.of(new Ema<>(new Adam(0.1), 0.9), new Swa<>(new Adam(0.1), 2, 2))) {
            for (long seed = 1; seed <= 2; seed++) {
                RuleLaws.all(rule, params, RuleLaws.randomGradients(params, seed, 6), seed);
            }
        }
    }

    @Test
    void missingInnerRulesAreRefused() {
        assertEquals("Ema: inner is null", assertThrows(NullPointerException.class, () -> new Ema<>(null, 0.9)).getMessage());
        assertEquals("Swa: inner is null", assertThrows(NullPointerException.class, () -> Swa.from(3, null)).getMessage());
    }

    private static NamedTensors params() {
        Map<String, Tensor> values = new LinkedHashMap<>();
        values.put("w", Tensor.matrix(new double[][] {{-1.2, 1}, {0.5, -0.25}}));
        values.put("b", Tensor.vector(0.3, 2));
        return NamedTensors.of(values);
    }

    private static Step step(Optimizer optimizer, Step s, int t) {
        double shift = 0.1 * t;
        return optimizer.step(s.params(), s.params().map(x -> x.mul(0.7).add(shift).sin()), s.state());
    }

    private static long[] bits(Tensor t) {
        return Arrays.stream(t.toArray()).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
