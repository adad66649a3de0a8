package org.adjoint.optim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.MalformedFileException;
import org.adjoint.core.io.Npz;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.schedule.Observations;
import org.adjoint.optim.schedule.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint keeps the optimizer state's observations ({@code meta/observedSteps}, {@code observed/<metric>}),
 * so a schedule that monitors a metric resumes exactly; a file without them loads with none, and one
 * whose observations are inconsistent is refused as malformed.
 */
class CheckpointObservationsTest {

    private static final Optimizer OPTIMIZER = Optimizer.of(new Adam(0.1))
            .withSchedule(Schedule.linear(0.5, 1, 2).then(2, Schedule.reduceOnPlateau("loss").withPatience(0))
                    .times(Schedule.reduceOnPlateau("accuracy").maximizing().withPatience(0)));
    private static final NamedTensors PARAMS = NamedTensors.of(Map.of("w", Tensor.vector(1, -2)));

    @TempDir
    Path dir;

    /** Three steps, with observations after steps 1, 3 and 3, one lacking a metric. */
    private static OptimizerState observedState() {
        OptimizerState state = OPTIMIZER.init(PARAMS);
        state = OPTIMIZER.step(PARAMS, PARAMS, state).state();
        state = OPTIMIZER.observe(state, Map.of("loss", 0.5, "accuracy", 0.25, "other", 7.0));
        state = OPTIMIZER.step(PARAMS, PARAMS, OPTIMIZER.step(PARAMS, PARAMS, state).state()).state();
        state = OPTIMIZER.observe(state, Map.of("loss", 0.75, "accuracy", 0.5));
        return OPTIMIZER.observe(state, Map.of("loss", 0.25, "accuracy", Double.NEGATIVE_INFINITY));
    }

    @Test
    void observationsSurviveARoundTripExactly() throws IOException {
        OptimizerState state = observedState();
        Path file = dir.resolve("c.npz");
        Checkpoint.save(file, OPTIMIZER, PARAMS, state, Map.of());
        OptimizerState loaded = Checkpoint.load(file, OPTIMIZER, PARAMS).state();
        assertEquals(state.observations(), loaded.observations());
        assertEquals(3, loaded.observations().size());
        assertEquals(OPTIMIZER.learningRate("w", state), OPTIMIZER.learningRate("w", loaded));
        assertTrue(OPTIMIZER.learningRate("w", state) < 0.1, "the plateau reduced the rate: the test reads the observations");
        Map<String, Tensor> entries = Npz.read(file);
        assertEquals(Tensor.vector(1, 3, 3), entries.get("meta/observedSteps"));
        assertEquals(Tensor.vector(0.25, 0.5, Double.NEGATIVE_INFINITY), entries.get("observed/accuracy"));
    }

    @Test
    void anObservationWithoutAMetricIsWrittenAsNaNAndReadBackWithoutIt() throws IOException {
        Observations sparse = Observations.none().with(0, Map.of("a", 1.0)).with(2, Map.of()).with(2, Map.of("b", 3.0));
        OptimizerState state = new OptimizerState(2, 1, Map.of("w", OPTIMIZER.init(PARAMS).ruleState("w")), sparse);
        Path file = dir.resolve("sparse.npz");
        Checkpoint.save(file, OPTIMIZER, PARAMS, state, Map.of());
        assertEquals(sparse, Checkpoint.load(file, OPTIMIZER, PARAMS).state().observations());
        assertTrue(Double.isNaN(Npz.read(file).get("observed/a").toArray()[1]));
    }

    @Test
    void aFileWithoutObservationsLoadsWithNone() throws IOException {
        Path file = dir.resolve("none.npz");
        Checkpoint.save(file, OPTIMIZER, PARAMS, OPTIMIZER.init(PARAMS), Map.of());
        assertTrue(Npz.read(file).keySet().stream().noneMatch(k -> k.startsWith("observed") || k.contains("observed")));
        Path old = dir.resolve("old.npz");
        Checkpoint.save(old, OPTIMIZER, PARAMS, observedState(), Map.of());
        rewrite(old, e -> {
            e.remove("meta/observedSteps");
            e.keySet().removeIf(k -> k.startsWith("observed/"));
        });
        assertEquals(Observations.none(), Checkpoint.load(old, OPTIMIZER, PARAMS).state().observations());
    }

    @Test
    void inconsistentObservationsAreRefusedAsMalformed() throws IOException {
        malformed("holds 2 values for 3 observations", e -> e.put("observed/loss", Tensor.vector(1, 2)));
        malformed("observed metrics [loss, accuracy] but no meta/observedSteps", e -> e.remove("meta/observedSteps"));
        malformed("are not whole numbers of steps in order from 0 to 3", e -> e.put("meta/observedSteps", Tensor.vector(1, 4, 4)));
        malformed("are not whole numbers of steps in order from 0 to 3", e -> e.put("meta/observedSteps", Tensor.vector(3, 1, 3)));
        malformed("are not whole numbers of steps in order from 0 to 3", e -> e.put("meta/observedSteps", Tensor.vector(1, 1.5, 3)));
        malformed("are not whole numbers of steps in order from 0 to 3",
                e -> e.put("meta/observedSteps", Tensor.vector(Double.NaN, 1, 3)));
    }

    private void malformed(String message, Consumer<Map<String, Tensor>> edit) throws IOException {
        Path file = dir.resolve("bad.npz");
        Checkpoint.save(file, OPTIMIZER, PARAMS, observedState(), Map.of());
        rewrite(file, edit);
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> Checkpoint.load(file, OPTIMIZER, PARAMS));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(message), e.getMessage());
    }

    private static void rewrite(Path file, Consumer<Map<String, Tensor>> edit) throws IOException {
        Map<String, Tensor> entries = new LinkedHashMap<>(Npz.read(file));
        edit.accept(entries);
        Npz.write(file, entries);
    }
}
