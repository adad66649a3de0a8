package org.adjoint.core;

/**
 * Per-thread work arrays that kernels reuse from call to call instead of allocating them each time.
 *
 * <p>A new Java array is zeroed, and on a machine where the heap is not in cache that costs as much
 * as writing it: a training step of a small CNN allocated 60 MB, mostly the unrolled receptive
 * fields and the matrix kernel's copies of B, each made once per image. A kernel takes its buffers
 * here instead. Each thread has its own, so kernels running on the helper threads of
 * {@link Parallel} never share one; a kernel must not hold a buffer across a call that may use the
 * same slot (no kernel here calls itself). The contents are whatever the last user left: a kernel
 * writes every element it reads.
 */
final class Scratch {

    /** The unrolled receptive fields of one image ({@link Convolution}). */
    static final int UNFOLDED = 0;
    /** One image's output channels, or their cotangent ({@link Convolution}). */
    static final int CHANNELS = 1;
    /** B's columns packed in panels ({@code VectorMatMul}). */
    static final int PANELS = 2;
    /** A short strip of A's rows, padded ({@code VectorMatMul}). */
    static final int STRIP = 3;
    /** A tile of C that sticks out of C ({@code VectorMatMul}). */
    static final int TILE = 4;
    private static final int SLOTS = 5;

    private static final ThreadLocal<double[][]> ARRAYS = ThreadLocal.withInitial(() -> new double[SLOTS][]);
    /** {@link JavaMatMul}'s copies of a block of B and of a block of C's rows, row by row. */
    private static final ThreadLocal<double[][][]> MATRICES = ThreadLocal.withInitial(() -> new double[2][][]);
    /** The block of B ({@link JavaMatMul}). */
    static final int B_BLOCK = 0;
    /** The block of C's rows ({@link JavaMatMul}). */
    static final int C_ROWS = 1;

    private Scratch() {
    }

    /** This thread's array for {@code slot}, of at least {@code size} elements, grown if needed. */
    static double[] doubles(int slot, int size) {
        double[][] arrays = ARRAYS.get();
        double[] array = arrays[slot];
        if (array == null || array.length < size) {
            array = new double[size];
            arrays[slot] = array;
        }
        return array;
    }

    /**
     * This thread's matrix for {@code slot}, {@code rows} separate arrays of at least {@code columns}
     * elements each, grown if needed.
     */
    static double[][] rows(int slot, int rows, int columns) {
        double[][][] matrices = MATRICES.get();
        double[][] matrix = matrices[slot];
        if (matrix == null || matrix.length < rows || matrix[0].length < columns) {
            matrix = new double[Math.max(rows, matrix == null ? 0 : matrix.length)]
                    [Math.max(columns, matrix == null ? 0 : matrix[0].length)];
            matrices[slot] = matrix;
        }
        return matrix;
    }
}
