package org.adjoint.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;

/** Finds the JUnit test method that is running, to name it in replay instructions. */
final class TestLocator {

    private static final String UNKNOWN = "YourTest#yourMethod";

    private TestLocator() {
    }

    /** {@code Class#method} of the innermost JUnit test method on the stack, or a placeholder. */
    static String currentTest() {
        Optional<String> found = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(TestLocator::isTestMethod)
                        .map(f -> nameWithoutPackage(f.getDeclaringClass()) + "#" + f.getMethodName())
                        .findFirst());
        return found.orElse(UNKNOWN);
    }

    private static boolean isTestMethod(StackWalker.StackFrame frame) {
        try {
            for (Method method : frame.getDeclaringClass().getDeclaredMethods()) {
                if (method.getName().equals(frame.getMethodName()) && hasJUnitAnnotation(method)) {
                    return true;
                }
            }
        } catch (SecurityException | LinkageError e) {
            // A class we cannot inspect is not worth failing the report for.
        }
        return false;
    }

    private static boolean hasJUnitAnnotation(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().getName().startsWith("org.junit.")) {
                return true;
            }
        }
        return false;
    }

    private static String nameWithoutPackage(Class<?> type) {
        String packageName = type.getPackageName();
        return packageName.isEmpty() ? type.getName() : type.getName().substring(packageName.length() + 1);
    }
}
