package org.adjoint.core;

/**
 * Whether the optional kernels written with the Vector API ({@code jdk.incubator.vector}) are used,
 * decided once per JVM: they are when the JVM runs with {@code --add-modules jdk.incubator.vector}
 * and the system property {@code adjoint.vector} is not {@code false}. Otherwise the pure-Java
 * kernels run and nothing touches the incubator module.
 *
 * <p>The two kinds of kernel may differ in the last bits (fused versus separate rounding in products,
 * {@link StableMath}'s exp, log and tanh versus {@link Math}'s, all within about one ulp). Each is
 * deterministic: the same inputs give the same bits in the interpreter, C1 and C2, before and after
 * the JIT warms up, so runs and retried tasks agree (checked by {@code KernelStabilityTest}). That is
 * why no kernel uses the Vector API's transcendental operators ({@code lanewise(EXP)} and friends),
 * which C2 compiles to SVML routines while the interpreter runs per-lane {@link Math} calls.
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
