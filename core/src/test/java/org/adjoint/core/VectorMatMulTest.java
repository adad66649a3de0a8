package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/**
 * The Vector API matrix product gives every element of C the bits of one chain of fused
 * multiply-adds, {@code c ← fma(A[i, p], B[p, j], c)} for p = 0 … k − 1: a reference that knows
 * nothing of tiles, vector widths, k-blocks or threads. Shapes cross the kernel's k blocks (256 deep
 * for narrow B, shallower for wide B) and leave edge rows and columns, where the tiles are computed in
 * a zero-padded scratch copy. Core's tests always run with the incubator module (see core/pom.xml),
 * so the kernel can be loaded here even when {@code adjoint.vector=false} keeps it out of the tensor
 * operations.
 */
class VectorMatMulTest {

    private static final MatMul.Kernel KERNEL = new VectorMatMul();

    @Test
    void everyElementIsOneChainOfFusedMultiplyAdds() {
        Gen<int[]> shapes = Gen.doubles(1, 21).flatMap(m -> Gen.doubles(1, 300).flatMap(k -> Gen.doubles(1, 40)
                .map(n -> new int[] {(int) (double) m, (int) (double) k, (int) (double) n})));
        Property.forAll(shapes, Gen.doubles(0, 1)).check((shape, transposed) -> check(shape, transposed < 0.5, 8));
    }

    /**
     * Wide B (several shallow k-blocks, several column tiles and a ragged last one), rows split at any
     * point, not only at multiples of the tile height: strips of 1 to 8 rows meet every tile shape.
     */
    @Test
    void wideProductsSplitAnywhereKeepTheChains() {
        Gen<int[]> shapes = Gen.doubles(1, 14).flatMap(m -> Gen.doubles(200, 700).flatMap(k -> Gen.doubles(60, 420)
                .flatMap(n -> Gen.doubles(1, 9).map(split -> new int[] {(int) (double) m, (int) (double) k,
                        (int) (double) n, (int) (double) split}))));
        Property.forAll(shapes, Gen.doubles(0, 1)).tries(40)
                .check((shape, transposed) -> check(shape, transposed < 0.5, shape[3]));
    }

    /** Row ranges of 128 rows or more pack each k-block of B into zero-padded panels first: same chains. */
    @Test
    void tallRangesPackBAndKeepTheChains() {
        Gen<int[]> shapes = Gen.doubles(128, 150).flatMap(m -> Gen.doubles(1, 300).flatMap(k -> Gen.doubles(1, 300)
                .map(n -> new int[] {(int) (double) m, (int) (double) k, (int) (double) n})));
        Property.forAll(shapes, Gen.doubles(0, 1)).tries(12)
                .check((shape, transposed) -> check(shape, transposed < 0.5, shape[0]));
    }

    /** Runs the kernel on {@code shape = {m, k, n}} in row ranges of {@code split} rows against the reference. */
    private static void check(int[] shape, boolean transposed, int split) {
        int m = shape[0];
        int k = shape[1];
        int n = shape[2];
        double[] a = Tensor.randomNormal(m * 1000L + k, m * k).toArray();
        double[] b = Tensor.randomNormal(n * 1000L + k, k * n).toArray();
        double[] c = Tensor.randomNormal(7, m * n).toArray();
        int rs = transposed ? 1 : k;
        int cs = transposed ? m : 1;
        double[] expected = c.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    expected[i * n + j] = Math.fma(a[i * rs + p * cs], b[p * n + j], expected[i * n + j]);
                }
            }
        }
        for (int from = 0; from < m; from += split) {
            KERNEL.rows(a, rs, cs, b, c, k, n, from, Math.min(m, from + split)); // as Parallel splits rows
        }
        for (int e = 0; e < expected.length; e++) {
            assertEquals(Double.doubleToRawLongBits(expected[e]), Double.doubleToRawLongBits(c[e]),
                    "C[" + e / n + ", " + e % n + "] of " + m + "×" + k + " @ " + k + "×" + n + " in rows of " + split);
        }
    }
}
