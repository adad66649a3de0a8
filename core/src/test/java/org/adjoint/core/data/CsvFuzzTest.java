package org.adjoint.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.adjoint.testing.LoaderFuzz;
import org.adjoint.testing.Mutant;
import org.adjoint.testing.Mutants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Csv#read(Path)} fed truncated, bit-flipped and foreign files. A CSV file has no checksum, so
 * a flipped digit loads as another number; what must hold is that whatever loads has the original
 * number of feature columns and finite values, and anything else is refused with an
 * {@link IOException} naming the file (a {@code MalformedFileException}, or a
 * {@code FileSystemException} for a folder), never with Commons CSV's own exceptions.
 */
class CsvFuzzTest {

    @TempDir
    Path dir;

    @Test
    void csvFilesLoadWithTheirColumnsOrAreRefusedNamingTheFile() {
        long seed = LoaderFuzz.seed();
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("sepal length,\"sepal, width\",petal,class\n");
        for (int i = 0; i < 12; i++) {
            text.append(random.nextGaussian()).append(',').append(i * 0.25).append(",1e-3,").append(i % 3).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        Csv csv = Csv.withHeader().label("class");
        LoaderFuzz<Examples> fuzz = new LoaderFuzz<>("Csv.read", dir, csv::read, IOException.class)
                .onLoad((input, loaded) -> {
                    assertEquals(3, loaded.features().shape().dim(1), "the feature columns changed");
                    assertEquals(true, loaded.features().isFinite() && loaded.targets().isFinite());
                });
        List<Mutant> inputs = new ArrayList<>(Mutants.truncations(bytes, 60, 60, 40, random));
        inputs.addAll(Mutants.bitFlips(bytes, 500, random));
        inputs.add(Mutants.forged("an unterminated quote", "a,y\n\"1,2\n".getBytes(StandardCharsets.UTF_8)));
        inputs.add(Mutants.forged("text after a closing quote", "a,y\n\"1\"x,2\n".getBytes(StandardCharsets.UTF_8)));
        inputs.add(Mutants.forged("invalid UTF-8", new byte[] {'a', ',', 'y', '\n', (byte) 0xC3, ',', '1', '\n'}));
        inputs.add(Mutants.forged("a line of 100,000 fields", ("a,y\n" + "1,".repeat(100_000) + "1\n").getBytes(StandardCharsets.UTF_8)));
        inputs.addAll(Mutants.otherFormats());
        fuzz.feedAll(inputs, seed, Duration.ofSeconds(20));
        fuzz.feedPath("a folder", dir, seed);
        fuzz.feedPath("a missing file", dir.resolve("missing.csv"), seed);
        System.out.println(fuzz.summary());
    }
}
