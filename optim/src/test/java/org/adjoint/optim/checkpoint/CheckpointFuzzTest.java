package org.adjoint.optim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.Npz;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.Step;
import org.adjoint.optim.rules.AmsGrad;
import org.adjoint.optim.rules.Sgd;
import org.adjoint.optim.schedule.Schedule;
import org.adjoint.testing.LoaderFuzz;
import org.adjoint.testing.Mutant;
import org.adjoint.testing.Mutant.Kind;
import org.adjoint.testing.Mutants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Checkpoint#load} fed truncated, bit-flipped, forged and foreign files. Each must load the
 * saved checkpoint exactly (parameters, step and, through a resumed step, the rule state) or be
 * refused naming the file: with an {@link IOException} if the file is unreadable or not a checkpoint
 * (a {@link org.adjoint.core.io.MalformedFileException}, or a {@link java.nio.file.NoSuchFileException}),
 * with an {@link IllegalArgumentException} if it is a readable checkpoint written for other parameters
 * or another optimizer, or its counters are not what they must be. After every refusal the caller's
 * optimizer, parameters and state are unchanged and step on exactly as before.
 */
class CheckpointFuzzTest {

    private static final Optimizer OPTIMIZER = Optimizer.of(new AmsGrad(1e-2))
            .withGroup("layer2", new Sgd(0.1, 0.9)).withSchedule(Schedule.exponential(0.9));

    @TempDir
    Path dir;

    private static NamedTensors params() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("layer1.weight", Tensor.randomNormal(1, 3, 2));
        m.put("layer1.bias", Tensor.vector(0.5, -0.5, 0.25));
        m.put("layer2.weight", Tensor.randomNormal(2, 2, 3));
        return NamedTensors.of(m);
    }

    private static Step step(NamedTensors p, OptimizerState state) {
        return OPTIMIZER.step(p, p.map(t -> t.mul(0.7).add(0.1 * state.step()).sin()), state);
    }

    private static Step steps(int count) {
        Step s = new Step(params(), OPTIMIZER.init(params()));
        for (int i = 0; i < count; i++) {
            s = step(s.params(), s.state());
        }
        return s;
    }

    @Test
    void damagedForgedAndForeignFilesLoadExactlyOrAreRefusedNamingTheFileAndTheLiveRunIsUnchanged() throws IOException {
        long seed = LoaderFuzz.seed();
        Random random = new Random(seed);
        Step saved = steps(3);
        String afterSaved = fingerprint(step(saved.params(), saved.state()));
        Path file = dir.resolve("good.npz");
        Checkpoint.save(file, OPTIMIZER, saved.params(), saved.state(), Map.of("epoch", 2.0));
        byte[] bytes = Files.readAllBytes(file);

        Step live = steps(5);
        NamedTensors template = params();
        String liveNext = fingerprint(step(live.params(), live.state()));
        String templateBits = fingerprint(new Step(template, live.state()));
        String optimizer = OPTIMIZER.toString();
        LoaderFuzz<Checkpoint.Contents> fuzz = new LoaderFuzz<>("Checkpoint.load", dir,
                f -> Checkpoint.load(f, OPTIMIZER, template), IOException.class, IllegalArgumentException.class)
                .onLoad((input, loaded) -> {
                    assertNotEquals(Kind.FORGED, input.kind(), "a forged file loaded");
                    assertEquals(Map.of("epoch", 2.0), loaded.counters());
                    assertEquals(afterSaved, fingerprint(step(loaded.params(), loaded.state())), "a resumed step differs");
                })
                .afterFailure(input -> {
                    assertEquals(optimizer, OPTIMIZER.toString(), "the optimizer changed");
                    assertEquals(templateBits, fingerprint(new Step(template, live.state())), "the template changed");
                    assertEquals(liveNext, fingerprint(step(live.params(), live.state())), "the live run steps differently");
                });
        List<Mutant> inputs = new ArrayList<>(Mutants.truncations(bytes, 200, 120, 100, random));
        inputs.addAll(Mutants.bitFlips(bytes, 300, random));
        inputs.addAll(forgeries(Npz.read(file)));
        inputs.addAll(Mutants.otherFormats());
        fuzz.feedAll(inputs, seed, Duration.ofSeconds(10));
        fuzz.feedPath("a folder", dir, seed);
        fuzz.feedPath("a missing file", dir.resolve("missing.npz"), seed);
        System.out.println(fuzz.summary());
    }

    /** Checkpoints with right checksums whose entries are missing, misshapen, of the wrong kind or for another run. */
    private List<Mutant> forgeries(Map<String, Tensor> good) throws IOException {
        List<Mutant> out = new ArrayList<>();
        for (String key : good.keySet()) {
            // Counters are the caller's, any may be absent. Sgd's momentum buffer is absent before the first step,
            // so a file without it loads as a fresh buffer: a known gap (the rule does not see the step count).
            if (!key.startsWith("counter/") && !key.endsWith("/momentum_buffer")) {
                out.add(forged(key + " missing", good, e -> e.remove(key)));
            }
            Tensor value = good.get(key);
            Tensor misshapen = value.size() == 1 ? Tensor.vector(value.item(), value.item()) : Tensor.scalar(0);
            out.add(forged(key + " of shape " + misshapen.shape(), good, e -> e.put(key, misshapen)));
        }
        for (double step : new double[] {Double.NaN, -1, 1.5, 1e300, Double.POSITIVE_INFINITY}) {
            out.add(forged("meta/step " + step, good, e -> e.put("meta/step", Tensor.scalar(step))));
            out.add(forged("state/layer1.bias/step " + step, good, e -> e.put("state/layer1.bias/step", Tensor.scalar(step))));
        }
        out.add(forged("meta/format 2", good, e -> e.put("meta/format", Tensor.scalar(2))));
        out.add(forged("a rule name byte of 300", good, e -> e.put("meta/rule/layer1.bias", Tensor.vector(65, 300))));
        out.add(forged("a rule name byte of -1", good, e -> e.put("meta/rule/layer1.bias", Tensor.vector(65, -1))));
        out.add(forged("a rule name byte of 0.5", good, e -> e.put("meta/rule/layer1.bias", Tensor.vector(65, 0.5))));
        out.add(forged("a rule name in invalid UTF-8", good, e -> e.put("meta/rule/layer1.bias", Tensor.vector(0xC3, 0x28))));
        out.add(forged("an empty rule name", good, e -> e.put("meta/rule/layer1.bias", Tensor.zeros(0))));
        out.add(forged("the rule names swapped", good, e -> {
            Tensor a = e.get("meta/rule/layer1.bias");
            e.put("meta/rule/layer1.bias", e.get("meta/rule/layer2.weight"));
            e.put("meta/rule/layer2.weight", a);
        }));
        out.add(forged("an extra parameter", good, e -> e.put("params/layer3.weight", Tensor.zeros(2))));
        return out;
    }

    private Mutant forged(String what, Map<String, Tensor> good, Consumer<Map<String, Tensor>> change) throws IOException {
        Map<String, Tensor> entries = new LinkedHashMap<>(good);
        change.accept(entries);
        Path file = dir.resolve("forged.npz");
        Npz.write(file, entries);
        return Mutants.forged(what, Files.readAllBytes(file));
    }

    /** Every name, shape and bit of the parameters, and the step count. */
    private static String fingerprint(Step s) {
        StringBuilder sb = new StringBuilder("step " + s.state().step() + "\n");
        s.params().asMap().forEach((name, t) -> sb.append(name).append(' ').append(t.shape()).append(' ')
                .append(Arrays.toString(Arrays.stream(t.toArray()).mapToLong(Double::doubleToRawLongBits).toArray())).append('\n'));
        return sb.toString();
    }
}
