package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The kernels in use are the ones the JVM's options ask for. Core's tests run twice (see its POM):
 * with the incubator module, where the Vector API kernels must really be loaded (a linkage failure
 * would otherwise fall back to the pure-Java kernels silently, for example if the module descriptor
 * stopped reading the incubator module), and with {@code adjoint.vector=false}, where they must not.
 */
class VectorizationTest {

    private static boolean vectorRequested() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && !"false".equals(System.getProperty("adjoint.vector"));
    }

    @Test
    void theMatrixProductKernelIsTheOneTheOptionsAskFor() {
        assertEquals(vectorRequested(), MatMul.KERNEL.getClass().getSimpleName().equals("VectorMatMul"),
                "kernel " + MatMul.KERNEL.getClass().getName());
    }

    @Test
    void theTranscendentalKernelsAreTheOnesTheOptionsAskFor() {
        assertEquals(vectorRequested(), Loops.FAST != null,
                "Vector API transcendentals " + Loops.FAST);
    }
}
