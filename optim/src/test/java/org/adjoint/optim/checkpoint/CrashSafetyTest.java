package org.adjoint.optim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.io.ParameterFile;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.Step;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a training process ({@link KillableTraining}) with SIGKILL at random moments, dozens of times,
 * each new process resuming from what the last one saved. After every kill the checkpoint must load,
 * be no older than the last save the process reported, and resume for a few steps bit for bit like an
 * uninterrupted run; the parameter file saved alongside must load and be of the checkpoint's step or
 * the next. The delays are drawn from a seed that a failure prints; {@code -Dadjoint.seed} replays
 * them (the process's own timing varies from run to run).
 */
class CrashSafetyTest {

    private static final int KILLS = 40;
    private static final int RESUMED_STEPS = 3;
    private static final long PATIENCE_SECONDS = 60;
    private static final int SIGKILL_EXIT = 128 + 9;

    /**
     * When a process is killed: while it starts and loads, just after it reports a save, once a save
     * has created its temporary file, or at random while it trains.
     */
    private enum Moment { STARTING, AFTER_A_SAVE, DURING_A_SAVE, TRAINING }

    @TempDir
    Path dir;

    private Path runDir;
    private final Reference reference = new Reference();
    private long lastCheckpointStep;

    @Test
    void sigkillAtRandomMomentsLeavesALoadableUpToDateCheckpointThatResumesBitForBit() throws Exception {
        long seed = seed();
        Random random = new Random(seed);
        runDir = Files.createDirectories(dir.resolve("run"));
        long begin = System.nanoTime();
        int midSave = 0;
        int[] byMoment = new int[Moment.values().length];
        for (int kill = 1; kill <= KILLS; kill++) {
            Moment moment = Moment.values()[random.nextInt(Moment.values().length)];
            byMoment[moment.ordinal()]++;
            Set<Path> before = leftovers();
            long reported = runAndKill(moment, random, "seed " + seed + ", kill " + kill + " (" + moment + ")");
            boolean killedMidSave = !before.containsAll(leftovers());
            midSave += killedMidSave ? 1 : 0;
            check(reported, "seed " + seed + ", kill " + kill + " (" + moment + (killedMidSave ? ", mid-save" : "") + ")");
        }
        System.out.printf("CrashSafetyTest: seed %d: %d SIGKILLs (%d while starting, %d just after a save, %d once a save"
                        + " began, %d at random while training), %d mid-save (a temporary file left behind), %d leftover"
                        + " temporary files never loaded, last checkpoint at step %d, 0 failures, %.1f s%n", seed, KILLS,
                byMoment[0], byMoment[1], byMoment[2], byMoment[3], midSave, leftovers().size(), lastCheckpointStep,
                (System.nanoTime() - begin) / 1e9);
        assertTrue(lastCheckpointStep > KILLS, "the runs made progress: " + lastCheckpointStep + " steps");
    }

    /** Starts a process, kills it at {@code moment}, and returns the last step it reported saved (-1 if none). */
    private long runAndKill(Moment moment, Random random, String context) throws Exception {
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(childCommand()).redirectError(err.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(process, lines), "child-stdout");
        reader.start();
        switch (moment) {
            case STARTING -> Thread.sleep(random.nextInt(800));
            case AFTER_A_SAVE -> awaitSaves(lines, 1 + random.nextInt(5), process, err, context);
            case DURING_A_SAVE -> {
                awaitSaves(lines, 1, process, err, context);
                awaitNewLeftover(context);
                Thread.sleep(random.nextInt(4));
            }
            case TRAINING -> {
                awaitSaves(lines, 1, process, err, context);
                Thread.sleep(random.nextInt(100));
            }
        }
        process.destroyForcibly();
        if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            fail(context + ": the process outlived SIGKILL");
        }
        reader.join();
        assertEquals(SIGKILL_EXIT, process.exitValue(), context + ": the process ended by itself; stderr: "
                + Files.readString(err));
        return lines.stream().filter(l -> l.startsWith("saved ")).mapToLong(l -> Long.parseLong(l.substring(6)))
                .max().orElse(-1);
    }

    private List<String> childCommand() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", childClassPath()));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            command.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        for (String key : List.of("adjoint.vector", "adjoint.threads")) {
            if (System.getProperty(key) != null) {
                command.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        command.addAll(List.of(KillableTraining.class.getName(), runDir.toString()));
        return command;
    }

    /**
     * Everything this JVM loads classes from, as one class path: Surefire runs the modules' tests on
     * the module path with the test classes patched in, and the child needs all three.
     */
    private static String childClassPath() {
        List<String> entries = new ArrayList<>();
        try {
            entries.add(Path.of(KillableTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (String key : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(key);
            if (value != null && !value.isEmpty()) {
                entries.add(value);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Waits until a save has created a temporary file. */
    private void awaitNewLeftover(String context) throws Exception {
        Set<Path> before = leftovers();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (before.containsAll(leftovers())) {
            assertTrue(System.nanoTime() < deadline, context + ": no save began in " + PATIENCE_SECONDS + " s");
            Thread.onSpinWait();
        }
    }

    private static void readLines(Process process, BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("read failed: " + e);
        }
    }

    /** Waits until the process has reported {@code count} more saves. */
    private static void awaitSaves(BlockingQueue<String> lines, int count, Process process, Path err, String context)
            throws Exception {
        List<String> seen = new ArrayList<>();
        int saves = 0;
        while (saves < count) {
            String line = lines.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                process.destroyForcibly();
                fail(context + ": no save reported in " + PATIENCE_SECONDS + " s; alive " + process.isAlive()
                        + "; stderr: " + Files.readString(err));
            }
            seen.add(line);
            saves += line.startsWith("saved ") ? 1 : 0;
        }
        lines.addAll(seen);
    }

    /** What a kill must leave behind, given the last save the process reported. */
    private void check(long reported, String context) throws IOException {
        Path checkpoint = runDir.resolve(KillableTraining.CHECKPOINT);
        if (!Files.exists(checkpoint)) {
            assertTrue(reported < 0 && lastCheckpointStep == 0, context + ": the checkpoint is gone");
            return;
        }
        Checkpoint.Contents saved = Checkpoint.load(checkpoint, KillableTraining.OPTIMIZER, KillableTraining.initial());
        long step = saved.state().step();
        assertTrue(step >= reported && step >= lastCheckpointStep, context + ": the checkpoint is at step " + step
                + " but step " + Math.max(reported, lastCheckpointStep) + " had been saved");
        assertTrue(step <= Math.max(reported, lastCheckpointStep) + 1, context + ": step " + step + " is from the future");
        assertEquals(Map.of("step", (double) step), saved.counters(), context);
        assertSameBits(reference.at(step), saved.params(), context + ": the checkpoint's parameters at step " + step);
        NamedTensors params = saved.params();
        OptimizerState state = saved.state();
        for (int i = 0; i < RESUMED_STEPS; i++) {
            Step next = KillableTraining.step(params, state);
            params = next.params();
            state = next.state();
        }
        assertSameBits(reference.at(step + RESUMED_STEPS), params, context + ": resumed from step " + step);
        NamedTensors file = ParameterFile.load(runDir.resolve(KillableTraining.PARAMETERS), KillableTraining.initial());
        assertTrue(sameBits(reference.at(step), file) || sameBits(reference.at(step + 1), file),
                context + ": the parameter file is neither of step " + step + " nor of step " + (step + 1));
        lastCheckpointStep = step;
        reference.forgetBefore(step);
    }

    /** Files in the run's folder other than the checkpoint and the parameter file: temporary files of killed saves. */
    private Set<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(runDir)) {
            return files.filter(f -> !f.getFileName().toString().equals(KillableTraining.CHECKPOINT)
                    && !f.getFileName().toString().equals(KillableTraining.PARAMETERS)).collect(Collectors.toSet());
        }
    }

    private static void assertSameBits(NamedTensors expected, NamedTensors actual, String what) {
        assertTrue(sameBits(expected, actual), what + " differ from the uninterrupted run's");
    }

    private static boolean sameBits(NamedTensors expected, NamedTensors actual) {
        if (!expected.names().equals(actual.names())) {
            return false;
        }
        for (String name : expected.names()) {
            if (!Arrays.equals(bits(expected.get(name)), bits(actual.get(name)))) {
                return false;
            }
        }
        return true;
    }

    private static long[] bits(Tensor t) {
        return Arrays.stream(t.toArray()).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    /** {@code -Dadjoint.seed} if set, else a fresh seed. */
    private static long seed() {
        String text = System.getProperty(Property.SEED_PROPERTY);
        return text == null || text.isBlank() ? new SplittableRandom().nextLong() : Long.parseLong(text.trim());
    }

    /** The uninterrupted run, advanced on demand, keeping the parameters of the steps that may still be asked for. */
    private static final class Reference {

        private NamedTensors params = KillableTraining.initial();
        private OptimizerState state = KillableTraining.OPTIMIZER.init(params);
        private final NavigableMap<Long, NamedTensors> kept = new TreeMap<>(Map.of(0L, params));

        NamedTensors at(long step) {
            while (state.step() < step) {
                Step next = KillableTraining.step(params, state);
                params = next.params();
                state = next.state();
                kept.put(state.step(), params);
            }
            return kept.get(step);
        }

        void forgetBefore(long step) {
            kept.headMap(step, false).clear();
        }
    }
}
