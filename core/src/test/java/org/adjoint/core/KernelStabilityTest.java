package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every kernel gives the same bits whether the interpreter, C1 or C2 runs it: the Spark module's
 * promise of identical results across runs and task retries rests on it. Each test forks JVMs with
 * the Vector API ({@code --add-modules jdk.incubator.vector}, as {@code spark-submit} starts every
 * JVM), evaluates each kernel on fixed inputs (see {@link KernelBits}) and compares bit patterns:
 * before and after a warm-up long enough for C2 to compile the kernels, and between an interpreted
 * JVM and one that compiles with C2 only. (Before the kernels wrote exp, log and tanh themselves, C2
 * compiled the Vector API's EXP, LOG and TANH to SVML routines while the interpreter ran per-lane
 * {@link Math} calls, and the bits changed after a few dozen calls.)
 */
class KernelStabilityTest {

    private static final int WARM_UP = 30_000;

    @Test
    void kernelsGiveTheSameBitsBeforeAndAfterTheJitCompilesThem() throws Exception {
        List<String> out = run(WARM_UP, "-Xbatch");
        assertTrue(out.get(0).contains("Vector API"), "the forked JVM should use the Vector API kernels: " + out.get(0));
        List<String> before = prefixed(out, "before ");
        List<String> after = prefixed(out, "after ");
        assertEquals(10, before.size(), String.join("\n", out));
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i), after.get(i), "kernel changed its bits after warm-up");
        }
    }

    @Test
    void anInterpretedJvmAndACompiledOneGiveTheSameBits() throws Exception {
        List<String> interpreted = prefixed(run(0, "-Xint"), "before ");
        List<String> compiled = prefixed(run(WARM_UP, "-XX:-TieredCompilation", "-Xbatch"), "after ");
        assertEquals(10, interpreted.size());
        assertEquals(interpreted, compiled, "interpreter (-Xint) against C2 only (-XX:-TieredCompilation)");
    }

    private static List<String> prefixed(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .collect(Collectors.toList());
    }

    /** Runs {@link KernelBits} in a new JVM with the Vector API and the given options; its output lines. */
    private static List<String> run(int warmUp, String... options) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire runs core's tests on the module path (core has a module-info): in the fork, put
        // everything on the class path, where the incubator module is read as any boot module is.
        String classPath = Stream.of(System.getProperty("jdk.module.path", ""), System.getProperty("java.class.path", ""))
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "-Xmx256m"));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", classPath, KernelBits.class.getName(), Integer.toString(warmUp)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        assertEquals(0, status, "forked JVM failed: " + command + "\n" + output);
        return output.lines().filter(l -> !l.startsWith("WARNING")).collect(Collectors.toList());
    }
}
