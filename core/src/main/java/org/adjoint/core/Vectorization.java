package org.adjoint.core;

/**
 * Whether the optional kernels written with the Vector API ({@code jdk.incubator.vector}) are used,
 * decided once per JVM: they are when the JVM runs with {@code --add-modules jdk.incubator.vector}
 * and the system property {@code adjoint.vector} is not {@code false}. Otherwise the pure-Java
 * kernels run and nothing touches the incubator module.
 *
 * <p>The two kinds of kernel may differ in the last bits (fused versus separate rounding in products,
 * SVML's exponential and logarithm versus {@link Math}'s, both within one ulp); each is
 * deterministic.
 */
final class Vectorization {

    /** True when the Vector API kernels are in use. */
    static final boolean ENABLED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("adjoint.vector"));

    private Vectorization() {
    }

    /**
     * A new instance of the named Vector API class when {@link #ENABLED}, else {@code fallback}. The
     * class is loaded by name so that nothing links against the incubator module unless it is present.
     */
    static <T> T choose(String className, Class<T> type, T fallback) {
        if (!ENABLED) {
            return fallback;
        }
        try {
            return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            return fallback;
        }
    }
}
