package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.adjoint.core.Tensor;

/**
 * The arrays a PyTorch reference script saved (entries named {@code config.entry}), and the comparison
 * the reference tests share: same shape, and a largest difference within a relative tolerance.
 */
final class TorchArrays {

    private final Map<String, Tensor> arrays;
    private final String script;

    /** The arrays of one {@code .npz} file and the name of the script that writes it (named when one is missing). */
    TorchArrays(Map<String, Tensor> arrays, String script) {
        this.arrays = arrays;
        this.script = script;
    }

    /** Entry {@code config.entry}; a missing one fails, naming the script to rerun. */
    Tensor get(String config, String entry) {
        Tensor t = arrays.get(config + "." + entry);
        if (t == null) {
            throw new AssertionError("no entry " + config + "." + entry + "; rerun " + script);
        }
        return t;
    }

    /** Same shape, and {@code max|expected − actual| ≤ tolerance · max(1, max|expected|)}. */
    static void assertClose(String what, Tensor expected, Tensor actual, double tolerance) {
        assertEquals(expected.shape(), actual.shape(), what + " shape");
        double scale = Math.max(1, expected.abs().max().item());
        double error = expected.maxAbsDifference(actual);
        assertTrue(error <= tolerance * scale, what + ": max difference " + error + " from torch");
    }
}
