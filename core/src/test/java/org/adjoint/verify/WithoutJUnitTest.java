package org.adjoint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JUnit stays optional for users (issue 19): in a JVM with only core's classes and commons-math3 on
 * the class path, the harness loads, a property passes and a failing one shrinks and reports.
 */
class WithoutJUnitTest {

    @Test
    void propertiesRunWithoutJUnitOnTheClassPath() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> entries = Stream.of(System.getProperty("jdk.module.path", ""), System.getProperty("java.class.path", ""))
                .flatMap(p -> Stream.of(p.split(File.pathSeparator)))
                .filter(e -> !e.isEmpty())
                .filter(e -> e.contains("commons-math3") || e.endsWith("classes") || e.endsWith("test-classes"))
                .distinct().collect(Collectors.toList());
        String classPath = String.join(File.pathSeparator, entries);
        List<String> command = List.of(java, "-Xmx128m", "-cp", classPath, WithoutJUnit.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "forked JVM failed: " + command + "\n" + output + errors);
        assertEquals(List.of("no JUnit", "passed", "falsified, shrunk to 10"), output.lines().toList(),
                "class path " + classPath + "\nstderr:\n" + errors);
    }
}
