package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.adjoint.autodiff.engine.Nodes;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/** Keeps {@link OpCatalogue} complete: every op class of the module must appear in a tested graph. */
class OpCatalogueTest {

    @Test
    void everyOpClassIsExercisedByTheCatalogue() throws IOException, URISyntaxException {
        Set<String> exercised = new TreeSet<>();
        for (OpCatalogue.Case c : OpCatalogue.all()) {
            Property.forAll(c.calls()).tries(20).check(call -> {
                Var[] params = new Var[call.inputs().length];
                for (int i = 0; i < params.length; i++) {
                    params[i] = Var.param(call.inputs()[i]);
                }
                collectOps(call.apply().apply(params), exercised);
            });
        }
        Set<String> declared = declaredOpClasses();
        assertTrue(declared.size() > 30, "found only " + declared + "; is the class scan broken?");
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(exercised);
        assertEquals(Set.of(), missing, "op classes with no entry in OpCatalogue");
    }

    @Test
    void catalogueNamesAreUnique() {
        Set<String> names = new TreeSet<>();
        for (OpCatalogue.Case c : OpCatalogue.all()) {
            assertTrue(names.add(c.name()), "duplicate catalogue entry " + c.name());
        }
    }

    private static void collectOps(Var output, Set<String> into) {
        Set<Var> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Var> stack = new ArrayDeque<>();
        stack.push(output);
        while (!stack.isEmpty()) {
            Var v = stack.pop();
            if (!seen.add(v)) {
                continue;
            }
            if (Nodes.op(v) != null) {
                into.add(Nodes.op(v).getClass().getSimpleName());
            }
            for (Var input : Nodes.inputs(v)) {
                stack.push(input);
            }
        }
    }

    /**
     * The concrete classes that implement {@link Op} anywhere under {@code org.adjoint.autodiff} in the
     * main code: the {@code ops} package and, should one be misplaced, every other package of the module.
     */
    private static Set<String> declaredOpClasses() throws IOException, URISyntaxException {
        Path root = Path.of(Var.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve(Var.class.getPackageName().replace('.', '/'));
        Set<String> ops = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> type = load(name.substring(0, name.length() - ".class".length()));
                if (Op.class.isAssignableFrom(type) && !type.isInterface()) {
                    ops.add(type.getSimpleName());
                }
            }
        }
        return ops;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OpCatalogueTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
