package org.adjoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The public API of a module, found by listing its compiled classes: every public class (nested
 * ones too, if all their enclosing classes are public) in the given packages. Used by the tests that
 * pass null to every public entry point, so that a new class cannot be left out.
 */
public final class PublicApi {

    private PublicApi() {
    }

    /**
     * The public classes of {@code packages}, from the class directory (or jar) that holds {@code anchor}.
     *
     * @param anchor   a class compiled into the same output as the packages
     * @param packages package names, e.g. {@code "org.adjoint.core"}; subpackages are not included
     */
    public static List<Class<?>> classes(Class<?> anchor, String... packages) {
        Path root = root(anchor);
        List<Class<?>> found = new ArrayList<>();
        for (String pkg : packages) {
            Path dir = root.resolve(pkg.replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".class") && !name.equals("package-info.class") && !name.equals("module-info.class")) {
                        Class<?> type = load(anchor, pkg + "." + name.substring(0, name.length() - 6));
                        if (isPublicApi(type)) {
                            found.add(type);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        found.sort(Comparator.comparing(Class::getName));
        return found;
    }

    /**
     * The public instance methods {@code type} declares (for an interface, its default methods only:
     * the abstract ones are the implementer's), without compiler-generated ones.
     */
    public static List<Method> instanceMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !m.isSynthetic() && !m.isBridge())
                .filter(m -> !type.isInterface() || m.isDefault())
                .toList();
    }

    /**
     * Passes null to every reference parameter of every public constructor and declared public method
     * of each class (instance methods on {@code samples.get(type)}) and returns one line per entry point
     * that did not throw {@link NullPointerException} at once. Abstract methods are the implementer's
     * and are skipped. {@code nullable} lists entry points, as
     * {@code "Class.method"}, whose parameters may be null by their documentation.
     *
     * @throws AssertionError if a class with public instance methods has no sample
     */
    public static List<String> nullFailures(com.google.common.testing.NullPointerTester tester, List<Class<?>> classes,
                                            java.util.Map<Class<?>, Object> samples, java.util.Set<String> nullable) {
        List<String> failures = new ArrayList<>();
        for (Class<?> type : classes) {
            Object sample = samples.get(type);
            if (sample == null && !instanceMethods(type).isEmpty()) {
                failures.add(type.getName() + ": no sample to call its instance methods on");
            }
            for (java.lang.reflect.Constructor<?> c : type.getConstructors()) {
                if (!nullable.contains(type.getSimpleName() + ".new")) {
                    check(failures, c.toString(), c.getParameterTypes(), i -> tester.testConstructorParameter(c, i));
                }
            }
            for (Method m : type.getDeclaredMethods()) {
                boolean isStatic = Modifier.isStatic(m.getModifiers());
                if (!Modifier.isPublic(m.getModifiers()) || Modifier.isAbstract(m.getModifiers()) || m.isSynthetic() || m.isBridge() || m.getName().equals("equals")
                        || nullable.contains(type.getSimpleName() + "." + m.getName()) || (!isStatic && sample == null)) {
                    continue;
                }
                check(failures, m.toString(), m.getParameterTypes(),
                        i -> tester.testMethodParameter(isStatic ? null : sample, m, i));
            }
        }
        return failures;
    }

    private static void check(List<String> failures, String entry, Class<?>[] parameters,
                              java.util.function.IntConsumer test) {
        for (int i = 0; i < parameters.length; i++) {
            if (!parameters[i].isPrimitive()) {
                try {
                    test.accept(i);
                } catch (AssertionError | RuntimeException e) {
                    failures.add(entry + " parameter " + i + ": " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
        }
    }

    private static boolean isPublicApi(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> load(Class<?> anchor, String name) {
        try {
            return Class.forName(name, false, anchor.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path root(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
