package org.adjoint.nn.io;

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
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.Npz;
import org.adjoint.nn.Layer;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.testing.LoaderFuzz;
import org.adjoint.testing.Mutant.Kind;
import org.adjoint.testing.Mutant;
import org.adjoint.testing.Mutants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ParameterFile#load} and {@link ParameterFile#read} fed truncated, bit-flipped, forged and
 * foreign files. Each must load the saved parameters exactly, or be refused naming the file: with an
 * {@link IOException} if the file is unreadable (a {@link org.adjoint.core.io.MalformedFileException},
 * or a {@link java.nio.file.NoSuchFileException}), with an {@link IllegalArgumentException} if it is
 * a readable archive that does not fit the model. The model's parameters are unchanged after every
 * refusal.
 */
class ParameterFileFuzzTest {

    private static final Layer NET = Mlp.of(Activation.TANH, 3, 4, 2);

    @TempDir
    Path dir;

    @Test
    void damagedForgedAndForeignFilesLoadExactlyOrAreRefusedNamingTheFileAndTheModelIsUnchanged() throws IOException {
        long seed = LoaderFuzz.seed();
        Random random = new Random(seed);
        NamedTensors saved = NET.initialize(3);
        NamedTensors model = NET.initialize(4);
        String modelBits = bits(model);
        Path file = dir.resolve("good.npz");
        ParameterFile.save(file, saved);
        byte[] bytes = Files.readAllBytes(file);
        List<Mutant> inputs = new ArrayList<>(Mutants.truncations(bytes, 200, 120, 100, random));
        inputs.addAll(Mutants.bitFlips(bytes, 300, random));
        inputs.addAll(forgeries(saved));
        inputs.addAll(Mutants.otherFormats());

        LoaderFuzz<NamedTensors> load = new LoaderFuzz<>("ParameterFile.load", dir, f -> ParameterFile.load(f, model),
                IOException.class, IllegalArgumentException.class)
                .onLoad((input, loaded) -> {
                    assertNotEquals(Kind.FORGED, input.kind(), "a forged file loaded");
                    assertEquals(bits(saved), bits(loaded), "the parameters changed");
                })
                .afterFailure(input -> assertEquals(modelBits, bits(model), "the model's parameters changed"));
        load.feedAll(inputs, seed, Duration.ofSeconds(10));
        load.feedPath("a folder", dir, seed);
        load.feedPath("a missing file", dir.resolve("missing.npz"), seed);

        LoaderFuzz<NamedTensors> read = new LoaderFuzz<>("ParameterFile.read", dir, ParameterFile::read,
                IOException.class, IllegalArgumentException.class)
                .onLoad((input, loaded) -> {
                    if (input.kind() != Kind.FORGED) {
                        assertEquals(bits(saved), bits(loaded), "the parameters or their names changed");
                    }
                });
        read.feedAll(inputs, seed, Duration.ofSeconds(10));
        System.out.println(load.summary());
        System.out.println(read.summary());
    }

    /** Archives with right checksums whose parameters are missing, extra, misshapen or misnamed. */
    private List<Mutant> forgeries(NamedTensors saved) throws IOException {
        List<Mutant> out = new ArrayList<>();
        Map<String, Tensor> missing = new LinkedHashMap<>(saved.asMap());
        missing.remove("layer2.bias");
        out.add(archive("layer2.bias missing", missing));
        Map<String, Tensor> extra = new LinkedHashMap<>(saved.asMap());
        extra.put("layer3.weight", Tensor.zeros(2, 2));
        out.add(archive("an extra layer3.weight", extra));
        Map<String, Tensor> misshapen = new LinkedHashMap<>(saved.asMap());
        misshapen.put("layer1.weight", Tensor.zeros(3, 4));
        out.add(archive("layer1.weight transposed", misshapen));
        misshapen.put("layer1.weight", Tensor.scalar(1));
        out.add(archive("layer1.weight a scalar", misshapen));
        for (String name : List.of("", ".", "layer1..weight", "layer1.", ".bias")) {
            Map<String, Tensor> misnamed = new LinkedHashMap<>(saved.asMap());
            misnamed.put(name, Tensor.scalar(1));
            out.add(archive("an entry named '" + name + ".npy'", misnamed));
        }
        return out;
    }

    private Mutant archive(String what, Map<String, Tensor> tensors) throws IOException {
        Path file = dir.resolve("forged.npz");
        Npz.write(file, tensors);
        return Mutants.forged(what, Files.readAllBytes(file));
    }

    /** Every name, shape and bit of the parameters, in order. */
    private static String bits(NamedTensors p) {
        StringBuilder sb = new StringBuilder();
        p.asMap().forEach((name, t) -> sb.append(name).append(' ').append(t.shape()).append(' ')
                .append(Arrays.toString(Arrays.stream(t.toArray()).mapToLong(Double::doubleToRawLongBits).toArray())).append('\n'));
        return sb.toString();
    }
}
