package org.adjoint.optim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.MalformedFileException;
import org.adjoint.core.io.Npz;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.StatelessRule;
import org.adjoint.optim.Step;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.rules.Rules;
import org.adjoint.optim.rules.Sgd;
import org.adjoint.optim.schedule.Schedule;
import org.adjoint.optim.train.ReadmeOptimizerTest.HeavyBall;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir
    Path dir;

    private static NamedTensors params() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("layer1.weight", Tensor.randomNormal(1, 3, 2));
        m.put("layer1.bias", Tensor.vector(0.5, -0.5, 0.25));
        return NamedTensors.of(m);
    }

    /** Deterministic gradients for step i. */
    private static NamedTensors grads(NamedTensors p, int i) {
        return p.map(t -> t.mul(0.7).add(0.1 * i).sin());
    }

    private record Run(NamedTensors params, OptimizerState state) {
    }

    private static Run steps(Optimizer optimizer, NamedTensors params, OptimizerState state, int from, int count) {
        for (int i = from; i < from + count; i++) {
            Step step = optimizer.step(params, grads(params, i), state);
            params = step.params();
            state = step.state();
        }
        return new Run(params, state);
    }

    @Test
    void saveAndLoadRoundTripBitForBitAtAnyStepAndResumeIdentically() {
        Gen<Rules> rules = Gen.elements(Rules.forQuadratic().toArray(new Rules[0]));
        Property.forAll(rules, Gen.integers(0, 6)).scaledTries(0.5).check((r, k) -> {
            Optimizer optimizer = Optimizer.of(r.rule()).withSchedule(Schedule.exponential(0.9));
            Run before = steps(optimizer, params(), optimizer.init(params()), 0, k);
            Path file = dir.resolve("run.npz");
            Checkpoint.save(file, optimizer, before.params(), before.state(), Map.of("epoch", 3.0));
            Checkpoint.Contents loaded = Checkpoint.load(file, optimizer, params());
            assertBitwiseEqual(before.params(), loaded.params());
            assertEquals(before.state().step(), loaded.state().step());
            assertEquals(before.state().learningRateFactor(), loaded.state().learningRateFactor());
            assertEquals(Map.of("epoch", 3.0), loaded.counters());
            Run straight = steps(optimizer, before.params(), before.state(), k, 4);
            Run resumed = steps(optimizer, loaded.params(), loaded.state(), k, 4);
            assertBitwiseEqual(straight.params(), resumed.params());
        });
    }

    private static void assertBitwiseEqual(NamedTensors expected, NamedTensors actual) {
        assertEquals(expected.names(), actual.names());
        for (String name : expected.names()) {
            assertArrayEquals(bits(expected.get(name)), bits(actual.get(name)), name);
        }
    }

    private static long[] bits(Tensor t) {
        return Arrays.stream(t.toArray()).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @Test
    void aCheckpointOfAnotherRuleOrOtherHyperparametersIsRefused() throws IOException {
        Optimizer adam = Optimizer.of(new Adam(1e-3));
        Run run = steps(adam, params(), adam.init(params()), 0, 2);
        Path file = dir.resolve("adam.npz");
        Checkpoint.save(file, adam, run.params(), run.state(), Map.of());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.load(file, Optimizer.of(new Sgd(0.1)), params()));
        assertTrue(e.getMessage().contains("the state of layer1.weight was written by Adam[learningRate=0.001")
                && e.getMessage().contains("but this optimizer uses Sgd[learningRate=0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.load(file, Optimizer.of(new Adam(2e-3)), params()));
        assertTrue(e.getMessage().contains("this optimizer uses Adam[learningRate=0.002"), e.getMessage());
    }

    @Test
    void aCheckpointForOtherParametersIsRefused() throws IOException {
        Optimizer sgd = Optimizer.of(new Sgd(0.1, 0.9));
        Run run = steps(sgd, params(), sgd.init(params()), 0, 2);
        Path file = dir.resolve("sgd.npz");
        Checkpoint.save(file, sgd, run.params(), run.state(), Map.of());
        NamedTensors other = NamedTensors.of(Map.of("layer1.weight", Tensor.zeros(2, 2), "layer1.bias", Tensor.zeros(3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(file, sgd, other));
        assertTrue(e.getMessage().endsWith("layer1.weight has shape [3, 2] but the model's has [2, 2]"), e.getMessage());
        NamedTensors fewer = NamedTensors.of(Map.of("layer1.weight", Tensor.zeros(3, 2)));
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(file, sgd, fewer));
        assertTrue(e.getMessage().endsWith("it holds the parameter layer1.bias, which the model does not have"), e.getMessage());
    }

    @Test
    void corruptAndTruncatedFilesAreRefusedAndTheLiveStateIsUntouched() throws IOException {
        Optimizer adam = Optimizer.of(new Adam(1e-3));
        Run live = steps(adam, params(), adam.init(params()), 0, 3);
        Path file = dir.resolve("adam.npz");
        Checkpoint.save(file, adam, live.params(), live.state(), Map.of());
        byte[] good = Files.readAllBytes(file);

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x40;
        Files.write(file, flipped);
        assertThrows(MalformedFileException.class, () -> Checkpoint.load(file, adam, params()));
        Files.write(file, Arrays.copyOf(good, good.length - 100));
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> Checkpoint.load(file, adam, params()));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());

        Run after = steps(adam, live.params(), live.state(), 3, 1);
        Run reference = steps(adam, params(), adam.init(params()), 0, 4);
        assertBitwiseEqual(reference.params(), after.params());
    }

    /** The same rule as a plain class with {@code equals}: recognised by its {@code toString()}. */
    static final class PlainHeavyBall implements StatelessRule {
        private final double learningRate;

        PlainHeavyBall(double learningRate) {
            this.learningRate = learningRate;
        }

        public double learningRate() {
            return learningRate;
        }

        public Tensor apply(Tensor param, Tensor grad, double lr) {
            return param.sub(grad.mul(lr));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PlainHeavyBall p && p.learningRate == learningRate;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(learningRate);
        }

        @Override
        public String toString() {
            return "PlainHeavyBall(" + learningRate + ")";
        }
    }

    @Test
    void rulesOfOnesOwnAreMatchedByTypeAndConfiguration() throws IOException {
        Optimizer heavy = Optimizer.of(new HeavyBall(0.02, 0.9)).withGroup("layer1.bias", new PlainHeavyBall(0.1));
        Run run = steps(heavy, params(), heavy.init(params()), 0, 2);
        Path file = dir.resolve("heavy.npz");
        Checkpoint.save(file, heavy, run.params(), run.state(), Map.of());
        Checkpoint.Contents loaded = Checkpoint.load(file, Optimizer.of(new HeavyBall(0.02, 0.9))
                .withGroup("layer1.bias", new PlainHeavyBall(0.1)), params());
        assertBitwiseEqual(steps(heavy, run.params(), run.state(), 2, 2).params(),
                steps(heavy, loaded.params(), loaded.state(), 2, 2).params());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(file,
                Optimizer.of(new HeavyBall(0.02, 0.8)).withGroup("layer1.bias", new PlainHeavyBall(0.1)), params()));
        assertTrue(e.getMessage().endsWith("the state of layer1.weight was written by HeavyBall[learningRate=0.02, beta=0.9] "
                + "but this optimizer uses HeavyBall[learningRate=0.02, beta=0.8]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(file,
                Optimizer.of(new HeavyBall(0.02, 0.9)).withGroup("layer1.bias", new PlainHeavyBall(0.2)), params()));
        assertTrue(e.getMessage().endsWith("the state of layer1.bias was written by PlainHeavyBall(0.1) "
                + "but this optimizer uses PlainHeavyBall(0.2)"), e.getMessage());
    }

    @Test
    void aStateOfAnotherOptimizerIsNotSaved() {
        Optimizer adam = Optimizer.of(new Adam(1e-3));
        OptimizerState state = adam.init(params());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.save(dir.resolve("x.npz"), Optimizer.of(new Sgd(0.1)), params(), state, Map.of()));
        assertTrue(e.getMessage().startsWith("checkpoint: the state of layer1.weight was made by Adam[learningRate=0.001"),
                e.getMessage());
    }

    @Test
    void aParameterFileIsNotACheckpoint() throws IOException {
        Path file = dir.resolve("params.npz");
        org.adjoint.nn.io.ParameterFile.save(file, params());
        MalformedFileException e = assertThrows(MalformedFileException.class,
                () -> Checkpoint.load(file, Optimizer.of(new Sgd(1)), params()));
        assertTrue(e.getMessage().endsWith("not an Adjoint checkpoint (no meta/format = 1.0)"), e.getMessage());
    }

    /**
     * Found by CheckpointFuzzTest (bit 4 of the directory's copy of the name counter/epoch.npy): zip
     * checksums do not cover names, and the checkpoint loaded with its counter silently renamed.
     */
    @Test
    void aFlippedBitInTheDirectorysCopyOfACountersNameIsRefused() throws IOException {
        Optimizer adam = Optimizer.of(new Adam(1e-3));
        Run run = steps(adam, params(), adam.init(params()), 0, 2);
        Path file = dir.resolve("adam.npz");
        Checkpoint.save(file, adam, run.params(), run.state(), Map.of("epoch", 2.0));
        byte[] bytes = Files.readAllBytes(file);
        int directoryCopy = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).lastIndexOf("counter/epoch.npy");
        bytes[directoryCopy + "counter/".length()] ^= 0x10;
        Files.write(file, bytes);
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> Checkpoint.load(file, adam, params()));
        // Issue 17, item 27: names are now compared entry by entry, so the message names the entry and both names.
        assertTrue(e.getMessage().startsWith(file + ", entry counter/upoch.npy: the archive's directory names this entry"
                + " counter/upoch.npy but its own header at offset ") && e.getMessage()
                .endsWith(" names it counter/epoch.npy: the archive is corrupt"), e.getMessage());
    }

    /** Found by CheckpointFuzzTest: Tensor.item's IllegalArgumentException did not name the file. */
    @Test
    void aFactorOrCounterThatIsNotOneNumberIsRefusedNamingTheFile() throws IOException {
        Optimizer sgd = Optimizer.of(new Sgd(0.1));
        Path file = dir.resolve("sgd.npz");
        Checkpoint.save(file, sgd, params(), sgd.init(params()), Map.of("epoch", 1.0));
        Map<String, Tensor> entries = new LinkedHashMap<>(Npz.read(file));
        entries.put("meta/learningRateFactor", Tensor.vector(1, 1));
        Npz.write(file, entries);
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> Checkpoint.load(file, sgd, params()));
        assertEquals(file + ": the checkpoint's meta/learningRateFactor has shape [2], not one number", e.getMessage());
        entries.put("meta/learningRateFactor", Tensor.scalar(1));
        entries.put("counter/epoch", Tensor.zeros(0));
        Npz.write(file, entries);
        e = assertThrows(MalformedFileException.class, () -> Checkpoint.load(file, sgd, params()));
        assertEquals(file + ": the checkpoint's counter/epoch has shape [0], not one number", e.getMessage());
    }
}
