package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user who starts the JVM without the Vector API module sees one warning naming the flag, the gain
 * and how to silence it; a user who chose either kernel sees nothing. Each case runs
 * {@link VectorizationNotice} in a child JVM whose {@link System.LoggerFinder} is
 * {@link PrintingLoggerFinder} (a logger finder is global, so not in this JVM), with eight threads
 * using their first kernels at once.
 */
class VectorizationNoticeTest {

    private static final int THREADS = 8;

    @TempDir
    Path services;

    @Test
    void withoutTheModuleOneWarningNamesTheFlagTheGainAndTheWayToSilenceIt() throws Exception {
        List<String> out = run();
        List<String> records = records(out);
        assertEquals(1, records.size(), "exactly one record expected:\n" + String.join("\n", out));
        String record = records.get(0);
        assertTrue(record.startsWith("LOG org.adjoint WARNING "), record);
        assertTrue(record.contains("'--add-modules jdk.incubator.vector'"), record);
        assertTrue(record.contains("2-2.5x faster matrix products") && record.contains("1.3-1.9x faster network training"),
                record);
        assertTrue(record.contains("-Dadjoint.vector=false"), record);
        assertTrue(out.contains("kernels pure Java"), String.join("\n", out));
    }

    @Test
    void choosingPureJavaExplicitlyLogsNothing() throws Exception {
        List<String> out = run("-Dadjoint.vector=false");
        assertEquals(List.of(), records(out), String.join("\n", out));
        assertTrue(out.contains("kernels pure Java"), String.join("\n", out));
    }

    @Test
    void withTheModuleNothingIsLogged() throws Exception {
        List<String> out = run("--add-modules", "jdk.incubator.vector");
        assertEquals(List.of(), records(out), String.join("\n", out));
        assertTrue(out.contains("kernels Vector API"), String.join("\n", out));
    }

    private static List<String> records(List<String> out) {
        return out.stream().filter(l -> l.startsWith("LOG org.adjoint")).collect(Collectors.toList());
    }

    /** Runs {@link VectorizationNotice} in a new JVM with the given options; its output lines. */
    private List<String> run(String... options) throws IOException, InterruptedException {
        Path file = services.resolve("META-INF/services/java.lang.System$LoggerFinder");
        Files.createDirectories(file.getParent());
        Files.writeString(file, PrintingLoggerFinder.class.getName() + "\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // As in KernelStabilityTest: everything on the class path in the child.
        String classPath = Stream.of(services.toString(), System.getProperty("jdk.module.path", ""),
                System.getProperty("java.class.path", "")).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", classPath, VectorizationNotice.class.getName(), Integer.toString(THREADS)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        assertEquals(0, status, "child JVM failed: " + command + "\n" + output);
        return output.lines().collect(Collectors.toList());
    }
}
