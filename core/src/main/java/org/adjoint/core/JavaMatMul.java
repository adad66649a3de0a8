package org.adjoint.core;

/**
 * The pure-Java matrix-product kernel, for JVMs without the Vector API.
 *
 * <p>It is written so that HotSpot's C2 vectorizes its innermost loop (SuperWord). In JDK 17, C2
 * vectorizes {@code row[j] += x·b[j]} only when every array in the loop is indexed by {@code j} itself:
 * with offsets ({@code c[c0 + j]}, {@code b[b0 + j]}) it cannot rule out that two of them overlap in
 * the same array, and the loop stays scalar (measured here: 4 against 30 GFLOP/s per core). So each
 * block of B (up to 128 rows of 512 columns) is copied into separate row arrays once per call, each
 * row of C is copied into a scratch row, and the inner loop adds four weighted B rows to it:
 * {@code row[j] += a₀·b₀[j] + a₁·b₁[j] + a₂·b₂[j] + a₃·b₃[j]} (four terms is the most C2 vectorizes;
 * with two C rows or eight terms it gave up). The copies cost one pass over B per call and one over the
 * C row per block, small next to the k multiply-adds per element of C. Every element of C gets the
 * same sequence of roundings whatever the row range, so splitting rows across threads does not change
 * any bit.
 */
final class JavaMatMul {

    private static final int K_BLOCK = 128;
    private static final int J_BLOCK = 256;
    private static final int I_BLOCK = 8;

    private JavaMatMul() {
    }

    /** {@code c[from..to) += A[from..to)·b}, blocked; A addressed by strides (see {@link MatMul.Kernel}). */
    static void rows(double[] a, int rs, int cs, double[] b, double[] c, int k, int n, int from, int to) {
        if (from >= to || k == 0 || n == 0) {
            return;
        }
        // this thread's copies, kept between calls: allocating (so zeroing) them per call cost as much as a
        // small product's multiply-adds; only the first `width` elements of a row are read, all written first
        double[][] panel = Scratch.rows(Scratch.B_BLOCK, Math.min(k, K_BLOCK), Math.min(n, J_BLOCK));
        double[][] rows = Scratch.rows(Scratch.C_ROWS, Math.min(to - from, I_BLOCK), Math.min(n, J_BLOCK));
        for (int jj = 0; jj < n; jj += J_BLOCK) {
            int width = Math.min(n, jj + J_BLOCK) - jj;
            for (int pp = 0; pp < k; pp += K_BLOCK) {
                int depth = Math.min(k, pp + K_BLOCK) - pp;
                for (int p = 0; p < depth; p++) {
                    System.arraycopy(b, (pp + p) * n + jj, panel[p], 0, width);
                }
                for (int ii = from; ii < to; ii += I_BLOCK) {
                    int height = Math.min(to, ii + I_BLOCK) - ii;
                    for (int r = 0; r < height; r++) {
                        System.arraycopy(c, (ii + r) * n + jj, rows[r], 0, width);
                    }
                    accumulate(a, rs, cs, ii * rs + pp * cs, panel, depth, rows, height, width);
                    for (int r = 0; r < height; r++) {
                        System.arraycopy(rows[r], 0, c, (ii + r) * n + jj, width);
                    }
                }
            }
        }
    }

    /**
     * {@code rows[r] += Σₚ a[start + r·rs + p·cs]·panel[p]} over the block's {@code depth} rows, four at a time,
     * each group of four B rows applied to every C row while it is in the first-level cache.
     */
    private static void accumulate(double[] a, int rs, int cs, int start, double[][] panel, int depth, double[][] rows,
                                   int height, int width) {
        int p = 0;
        for (; p + 3 < depth; p += 4) {
            double[] b0 = panel[p];
            double[] b1 = panel[p + 1];
            double[] b2 = panel[p + 2];
            double[] b3 = panel[p + 3];
            for (int r = 0; r < height; r++) {
                int q = start + r * rs + p * cs;
                fourTerms(rows[r], width, a[q], b0, a[q + cs], b1, a[q + 2 * cs], b2, a[q + 3 * cs], b3);
            }
        }
        for (; p < depth; p++) {
            for (int r = 0; r < height; r++) {
                oneTerm(rows[r], width, a[start + r * rs + p * cs], panel[p]);
            }
        }
    }

    private static void fourTerms(double[] row, int width, double x0, double[] b0, double x1, double[] b1, double x2,
                                  double[] b2, double x3, double[] b3) {
        for (int j = 0; j < width; j++) {
            row[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
        }
    }

    private static void oneTerm(double[] row, int width, double x0, double[] b0) {
        for (int j = 0; j < width; j++) {
            row[j] += x0 * b0[j];
        }
    }
}
