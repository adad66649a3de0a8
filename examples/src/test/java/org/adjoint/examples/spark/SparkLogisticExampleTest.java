package org.adjoint.examples.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;
import org.adjoint.examples.plot.PngAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark example run tiny on local[2]: both fits lower the loss, the coefficients are near the truth, the PNG decodes. */
class SparkLogisticExampleTest {

    @TempDir
    Path dir;

    @Test
    void bothFitsLowerTheLossAndThePlotIsWritten() throws IOException {
        SparkLogisticExample example = new SparkLogisticExample();
        Options options = Options.none().with("out", dir).with("rows", 20_000).with("partitions", 2)
                .with("master", "local[2]").with("hidden", 8).with("iterations", 20);
        options.requireKnown(example);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Outcome o = example.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));
        for (String fit : new String[] {"logistic regression", "MLP 20-8-2"}) {
            assertTrue(o.figure(fit + " final loss") < 0.9 * o.figure(fit + " initial loss"), o.summary());
            assertTrue(o.figure(fit + " iterations") >= 1, o.summary());
        }
        assertTrue(o.figure("logistic regression largest coefficient error") < 0.2, o.summary());
        assertEquals(1, o.files().size());
        PngAssertions.assertPng(o.files().get(0), 800, 500);
        String out = printed.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("ms per iteration") && out.contains("Generated and cached 20000 rows"), out);
    }
}
