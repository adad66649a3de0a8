package org.adjoint.verify;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;

/** Finds the JUnit test method that is running, to name it in replay instructions. */
final class TestLocator {

    private static final String UNKNOWN = "YourTest#yourMethod";

    private TestLocator() {
    }

    /**
     * {@code Class#method} of the innermost JUnit test method on the stack, or a placeholder. A
     * property checked inside a dynamic test runs in a lambda ({@code lambda$factory$0}) that the
     * {@code @TestFactory} method created; it is named by that factory method.
     */
    static String currentTest() {
        Optional<String> found = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(TestLocator::isTestMethod)
                        .map(f -> nameWithoutPackage(f.getDeclaringClass()) + "#" + testMethodName(f.getMethodName()))
                        .findFirst());
        return found.orElse(UNKNOWN);
    }

    private static boolean isTestMethod(StackWalker.StackFrame frame) {
        String name = testMethodName(frame.getMethodName());
        try {
            for (Method method : frame.getDeclaringClass().getDeclaredMethods()) {
                if (method.getName().equals(name) && hasJUnitAnnotation(method)) {
                    return true;
                }
            }
        } catch (SecurityException | LinkageError e) {
            // A class we cannot inspect is not worth failing the report for.
        }
        return false;
    }

    /** The enclosing method's name for a lambda body ({@code lambda$name$3}), else the name itself. */
    private static String testMethodName(String frameMethod) {
        if (frameMethod.startsWith("lambda$")) {
            int end = frameMethod.indexOf('$', "lambda$".length());
            return end < 0 ? frameMethod : frameMethod.substring("lambda$".length(), end);
        }
        return frameMethod;
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
