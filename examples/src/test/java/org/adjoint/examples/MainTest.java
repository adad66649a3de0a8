package org.adjoint.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line: help, and clear usage errors with exit status 2. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryExampleWithItsSummary() {
        assertEquals(0, run("--help"));
        for (Example e : Main.EXAMPLES) {
            assertTrue(out().contains(e.name()) && out().contains(e.summary()), e.name());
        }
        assertEquals(17, Main.EXAMPLES.size());
    }

    @Test
    void helpForOneExampleListsItsOptions() {
        assertEquals(0, run("--help", "batch-sizes"));
        assertTrue(out().contains("--batch") && out().contains("--lr") && out().contains("--seed") && out().contains("--out"), out());
    }

    @Test
    void unknownExampleIsAUsageError() {
        assertEquals(2, run("no-such-example"));
        assertTrue(err().contains("no example 'no-such-example'") && err().contains("trajectories"), err());
    }

    @Test
    void unknownOptionIsAUsageErrorNamingIt() {
        assertEquals(2, run("step-sizes", "--learning-rate", "3"));
        assertTrue(err().contains("--learning-rate") && err().contains("--reg"), err());
    }

    @Test
    void badValuesAreUsageErrorsNamingTheValue() {
        assertEquals(2, run("batch-sizes", "--epochs", "0"));
        assertTrue(err().contains("--epochs = '0'"), err());
        assertEquals(2, run("newton", "--tolerance", "tiny"));
        assertTrue(err().contains("'tiny'"), err());
        assertEquals(2, run("newton", "--tolerance"));
        assertTrue(err().contains("needs a value"), err());
    }

    @Test
    void missingFashionMnistIsAClearFailure() throws Exception {
        Path empty = Files.createTempDirectory("no-fashion");
        assertEquals(1, run("two-layer", "--dataset", "fashion", "--data", empty.toString()));
        assertTrue(err().contains(empty.toString()) && err().contains("dataset-fashion-mnist"), err());
    }
}
