package org.adjoint.optim.rules.laws;

import static org.adjoint.optim.rules.laws.Elements.difference;
import static org.adjoint.optim.rules.laws.Elements.slotDifference;
import static org.adjoint.optim.rules.laws.Elements.violation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.adjoint.core.NamedTensors;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.Step;
import org.adjoint.optim.UpdateRule;
import org.adjoint.optim.checkpoint.Checkpoint;

/**
 * {@link RuleLaws#checkpointRoundTrip}: half the steps, a checkpoint written to a temporary file and read
 * back, then the other half from both the live and the loaded state, compared bit for bit.
 */
final class CheckpointLaw {

    private static final String LAW = "checkpointRoundTrip";

    private CheckpointLaw() {
    }

    static void check(UpdateRule<?> rule, NamedTensors params, List<NamedTensors> gradients) {
        Optimizer optimizer = Optimizer.of(rule);
        int saveAt = gradients.size() / 2;
        Step saved = run(optimizer, new Step(params, optimizer.init(params)), gradients.subList(0, saveAt));
        Checkpoint.Contents loaded = saveAndLoad(rule, optimizer, saved, params, saveAt);
        for (String name : params.names()) {
            fail(rule, saveAt, name, difference("the parameter", saved.params().get(name), loaded.params().get(name),
                    "when saved", "when loaded"));
            fail(rule, saveAt, name, slotDifference(saved.state().ruleState(name).save(),
                    loaded.state().ruleState(name).save(), "when saved", "when loaded"));
        }
        Step straight = saved;
        Step resumed = new Step(loaded.params(), loaded.state());
        String resumedRun = "in the run resumed from the checkpoint of step " + saveAt;
        for (int k = saveAt; k < gradients.size(); k++) {
            straight = optimizer.step(straight.params(), gradients.get(k), straight.state());
            resumed = optimizer.step(resumed.params(), gradients.get(k), resumed.state());
            for (String name : params.names()) {
                fail(rule, k + 1, name, difference("the parameter", straight.params().get(name),
                        resumed.params().get(name), "in the uninterrupted run", resumedRun));
                fail(rule, k + 1, name, slotDifference(straight.state().ruleState(name).save(),
                        resumed.state().ruleState(name).save(), "in the uninterrupted run", resumedRun));
            }
        }
    }

    private static Step run(Optimizer optimizer, Step from, List<NamedTensors> gradients) {
        Step s = from;
        for (NamedTensors g : gradients) {
            s = optimizer.step(s.params(), g, s.state());
        }
        return s;
    }

    /** Writes {@code step} to a checkpoint in a fresh temporary directory, reads it back, and deletes the directory. */
    private static Checkpoint.Contents saveAndLoad(UpdateRule<?> rule, Optimizer optimizer, Step step, NamedTensors template,
                                                   int saveAt) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("adjoint-rule-laws");
            Path file = dir.resolve("checkpoint.npz");
            Checkpoint.save(file, optimizer, step.params(), step.state(), Map.of());
            return Checkpoint.load(file, optimizer, template);
        } catch (IOException e) {
            throw new UncheckedIOException(LAW + ": could not write or read a checkpoint in " + dir, e);
        } catch (RuntimeException e) {
            AssertionError failure = new AssertionError(LAW + ": " + rule + " at step " + saveAt
                    + ": the checkpoint could not be saved and loaded: " + e.getMessage());
            failure.initCause(e);
            throw failure;
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(LAW + ": could not delete the temporary directory " + dir, e);
        }
    }

    private static void fail(UpdateRule<?> rule, int step, String name, String detail) {
        if (detail != null) {
            throw violation(LAW, rule, step, name, detail);
        }
    }
}
