package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/**
 * The Vector API matrix product gives every element of C the bits of one chain of fused
 * multiply-adds, {@code c ← fma(A[i, p], B[p, j], c)} for p = 0 … k − 1: a reference that knows
 * nothing of tiles, vector widths or threads. Shapes cross the kernel's 128-deep k blocks and leave
 * edge rows and columns, where the tiles are computed in a zero-padded scratch copy. Core's tests
 * always run with the incubator module (see core/pom.xml), so the kernel can be loaded here even when
 * {@code adjoint.vector=false} keeps it out of the tensor operations.
 */
class VectorMatMulTest {

    private static final MatMul.Kernel KERNEL = new VectorMatMul();

    @Test
    void everyElementIsOneChainOfFusedMultiplyAdds() {
        Gen<int[]> shapes = Gen.doubles(1, 21).flatMap(m -> Gen.doubles(1, 300).flatMap(k -> Gen.doubles(1, 40)
                .map(n -> new int[] {(int) (double) m, (int) (double) k, (int) (double) n})));
        Property.forAll(shapes, Gen.doubles(0, 1)).check((shape, transposed) -> {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            double[] a = Tensor.randomNormal(m * 1000L + k, m * k).toArray();
            double[] b = Tensor.randomNormal(n * 1000L + k, k * n).toArray();
            double[] c = Tensor.randomNormal(7, m * n).toArray();
            int rs = transposed < 0.5 ? k : 1;
            int cs = transposed < 0.5 ? 1 : m;
            double[] expected = c.clone();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    for (int p = 0; p < k; p++) {
                        expected[i * n + j] = Math.fma(a[i * rs + p * cs], b[p * n + j], expected[i * n + j]);
                    }
                }
            }
            for (int from = 0; from < m; from += 8) {
                KERNEL.rows(a, rs, cs, b, c, k, n, from, Math.min(m, from + 8)); // as Parallel splits rows
            }
            for (int e = 0; e < expected.length; e++) {
                assertEquals(Double.doubleToRawLongBits(expected[e]), Double.doubleToRawLongBits(c[e]),
                        "C[" + e / n + ", " + e % n + "] of " + m + "×" + k + " @ " + k + "×" + n);
            }
        });
    }
}
