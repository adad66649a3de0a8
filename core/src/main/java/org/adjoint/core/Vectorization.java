package org.adjoint.core;

import java.lang.System.Logger.Level;

/**
 * Whether the optional kernels written with the Vector API ({@code jdk.incubator.vector}) are used,
 * decided once per JVM: they are when the JVM runs with {@code --add-modules jdk.incubator.vector}
 * and the system property {@code adjoint.vector} is not {@code false}. Otherwise the pure-Java
 * kernels run and nothing touches the incubator module.
 *
 * <p>A JVM without the module, where {@code adjoint.vector} is not {@code false}, gets one
 * {@link Level#WARNING WARNING} through {@link System.Logger} (logger {@value #LOGGER}) naming the
 * flag and the speed it would buy: most users never chose the slow path, they just did not know about
 * the flag (Lucene warns in the same situation). Setting {@code -Dadjoint.vector=false} says "I chose
 * pure Java" and silences it. The decision, and so the message, happens when the first kernel is
 * chosen, in this class's initialization: the JVM runs a class initializer exactly once, even when
 * several threads use their first kernels at the same time.
 *
 * <p>The two kinds of kernel may differ in the last bits (fused versus separate rounding in products,
 * {@link StableMath}'s exp, log and tanh versus {@link Math}'s, all within about one ulp). Each is
 * deterministic: the same inputs give the same bits in the interpreter, C1 and C2, before and after
 * the JIT warms up, so runs and retried tasks agree (checked by {@code KernelStabilityTest}). That is
 * why no kernel uses the Vector API's transcendental operators ({@code lanewise(EXP)} and friends),
 * which C2 compiles to SVML routines while the interpreter runs per-lane {@link Math} calls.
 */
final class Vectorization {

    /** The name of the logger the missing-flag warning goes to. */
    static final String LOGGER = "org.adjoint";

    /**
     * The warning for a JVM without the module. The gains are BENCHMARKS.md's, Vector API against pure
     * Java in the two full runs of issue 22's third session (the pure-Java kernels had become faster
     * since the first such figures, 3–4× and 2–3×): matrix products 2.5× (64×784·784×128) and 2.4×
     * (512³); MLP Adam steps 1.4× and 1.7×, the LeNet step 1.3×, the softmax classifier 1.9×.
     */
    static final String NOTICE = "Adjoint runs its pure-Java kernels because the JVM was started without the"
            + " Vector API module. Add the JVM option '--add-modules jdk.incubator.vector' for 2-2.5x faster matrix"
            + " products and 1.3-1.9x faster network training (see BENCHMARKS.md), or set -Dadjoint.vector=false to"
            + " keep pure Java without this message.";

    /** True when the Vector API kernels are in use. */
    static final boolean ENABLED = decide();

    private Vectorization() {
    }

    /** Reads the JVM's options once and warns when the user has not chosen between the two kernels. */
    private static boolean decide() {
        if ("false".equals(System.getProperty("adjoint.vector"))) {
            return false;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            System.getLogger(LOGGER).log(Level.WARNING, NOTICE);
            return false;
        }
        return true;
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
