package org.adjoint.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix-product kernel written with the Vector API ({@code jdk.incubator.vector}), used only
 * when it is available (see {@link Vectorization}).
 * <ul>
 * <li>The micro-kernel keeps a 6-row by 4-vector tile of C (6 × 32 doubles with AVX-512) in
 * twenty-four vector registers, twenty-four independent chains of fused multiply-adds; each step
 * loads four vectors of a row of B and broadcasts six elements of A, one broadcast per four
 * multiply-adds (an 8 × 2-vector tile needs one per two, and ran at 54 GFLOP/s on one core against
 * 62–66 for this one).</li>
 * <li>Each strip of rows of A is packed per k-block into a small array, column by column, zero-padded
 * below (strips of 4 rows or fewer use a 4-row tile): it stays in the first-level cache while the
 * micro-kernel sweeps B, whatever A's strides (A may be a transpose).</li>
 * <li>B is taken one k-block at a time (a block of B is at most 512 KB, the second-level cache). For a
 * range of at least {@link #PACK_ROWS} rows, each block is packed into contiguous panels of a tile's
 * width, zero-padded, as GotoBLAS does (the rows of a row-major B are a power of two apart for
 * n = 512 and fall into the same first-level cache sets). For fewer rows the copy does not pay for
 * itself and B is read where it is; only its last columns, fewer than a tile, are copied.</li>
 * <li>Tiles that stick out of C (last rows, last columns) are computed in a scratch tile and copied.</li>
 * </ul>
 *
 * <p>Every element of C is the same chain of fused multiply-adds,
 * {@code c ← fma(A[i, p], B[p, j], c)} for p = 0, 1, …, k − 1 from C's value, wherever its tile
 * falls (a k-block stores its partial sums into C and the next reloads them, exactly): so a product's
 * bits do not depend on the vector width, the block sizes, how rows are split across threads, or the
 * JIT (fused multiply-adds round exactly once in the interpreter as in compiled code).
 */
final class VectorMatMul implements MatMul.Kernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Columns of C per tile: four vectors. */
    private static final int NR = 4 * LANES;
    /** Rows of C per tile. */
    private static final int MR = 6;
    /** Elements of B per k-block: 512 KB, the second-level cache of the development machine. */
    private static final int BLOCK_ELEMENTS = 1 << 16;
    private static final int MIN_DEPTH = 16;
    private static final int MAX_DEPTH = 256;
    /**
     * Rows of A from which a k-block of B is packed into panels before use (fewer rows read B where
     * it is, all but its last columns, which do not fill a tile): measured on one core, packing gains
     * 10–15 % at 512³ and costs 10 % at 64×784×128 and 70 % at 16×150×100.
     */
    private static final int PACK_ROWS = 128;

    /** Rows of the next strip when {@code rest} rows are left: 6, but 7 or 8 rows go as 4 + 3 or 4 + 4. */
    private static int height(int rest) {
        return rest == 7 || rest == 8 ? 4 : Math.min(MR, rest);
    }

    @Override
    public void rows(double[] a, int rs, int cs, double[] b, double[] c, int k, int n, int from, int to) {
        if (from >= to || k == 0 || n == 0) {
            return;
        }
        int depth = Math.min(k, Math.max(MIN_DEPTH, Math.min(MAX_DEPTH, BLOCK_ELEMENTS / n)));
        boolean pack = to - from >= PACK_ROWS;
        int wide = pack ? 0 : n - n % NR;
        double[] panels = wide == n ? null : new double[depth * (n - wide + NR - 1) / NR * NR];
        double[] strip = new double[MR * depth];
        double[] sums = new double[MR * NR];
        for (int pp = 0; pp < k; pp += depth) {
            int d = Math.min(depth, k - pp);
            if (panels != null) {
                pack(b, n, wide, pp, d, depth, panels);
            }
            for (int i = from, h; i < to; i += h) {
                h = height(to - i);
                int pitch = h <= 4 ? 4 : MR;
                packStrip(a, rs, cs, i, h, pitch, pp, d, strip);
                sweep(strip, pitch, b, wide, panels, depth, pp, d, c, i, h, n, sums);
            }
        }
    }

    /**
     * Columns [wide, n) of B's rows [pp, pp + d) into panels of NR columns, panel t at
     * {@code t·depth·NR}, its rows NR apart; the padding after the last column is never written, so it
     * stays zero.
     */
    private static void pack(double[] b, int n, int wide, int pp, int d, int depth, double[] panels) {
        for (int j = wide; j < n; j += NR) {
            int w = Math.min(NR, n - j);
            int at = (j - wide) / NR * depth * NR;
            for (int p = 0; p < d; p++) {
                System.arraycopy(b, (pp + p) * n + j, panels, at + p * NR, w);
            }
        }
    }

    /**
     * Rows [i, i + h) of C gain the strip of A times each column tile of B's k-block from row pp: read
     * in B itself for columns below {@code wide}, in the packed panels after.
     */
    private static void sweep(double[] strip, int pitch, double[] b, int wide, double[] panels, int depth, int pp,
                              int d, double[] c, int i, int h, int n, double[] sums) {
        for (int j = 0; j < n; j += NR) {
            int w = Math.min(NR, n - j);
            double[] src = j < wide ? b : panels;
            int off = j < wide ? pp * n + j : (j - wide) / NR * depth * NR;
            int step = j < wide ? n : NR;
            if (h == pitch && w == NR) {
                tile(pitch, strip, src, off, step, d, c, i * n + j, n);
            } else {
                load(c, i * n + j, n, h, w, sums);
                tile(pitch, strip, src, off, step, d, sums, 0, NR);
                store(sums, h, c, i * n + j, n, w);
            }
        }
    }

    /**
     * Rows [i, i + h) of A, columns [pp, pp + d), column by column into {@code strip}: element (r, p)
     * at {@code p·pitch + r}, rows h to pitch zero.
     */
    private static void packStrip(double[] a, int rs, int cs, int i, int h, int pitch, int pp, int d,
                                  double[] strip) {
        for (int r = 0; r < pitch; r++) {
            if (r < h) {
                int q = (i + r) * rs + pp * cs;
                for (int p = 0; p < d; p++) {
                    strip[p * pitch + r] = a[q + p * cs];
                }
            } else {
                for (int p = 0; p < d; p++) {
                    strip[p * pitch + r] = 0;
                }
            }
        }
    }

    private static void tile(int pitch, double[] strip, double[] panel, int off, int step, int d, double[] target,
                             int at, int stride) {
        if (pitch == MR) {
            sixRows(strip, panel, off, step, d, target, at, stride);
        } else {
            fourRows(strip, panel, off, step, d, target, at, stride);
        }
    }

    /** {@code T[r, 0..4L) += Σ_p strip[p·6 + r] · panel[off + p·4L, +4L)} for p < d and rows r < 6, row r of T at {@code target[at + r·stride]}: twenty-four accumulators in registers, each broadcast element of A serving four multiply-adds. */
    private static void sixRows(double[] strip, double[] panel, int off, int step, int d, double[] target,
                                int at, int stride) {
        int r1 = at + stride;
        int r2 = r1 + stride;
        int r3 = r2 + stride;
        int r4 = r3 + stride;
        int r5 = r4 + stride;
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, target, at);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, target, at + LANES);
        DoubleVector c02 = DoubleVector.fromArray(SPECIES, target, at + 2 * LANES);
        DoubleVector c03 = DoubleVector.fromArray(SPECIES, target, at + 3 * LANES);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, target, r1);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, target, r1 + LANES);
        DoubleVector c12 = DoubleVector.fromArray(SPECIES, target, r1 + 2 * LANES);
        DoubleVector c13 = DoubleVector.fromArray(SPECIES, target, r1 + 3 * LANES);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, target, r2);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, target, r2 + LANES);
        DoubleVector c22 = DoubleVector.fromArray(SPECIES, target, r2 + 2 * LANES);
        DoubleVector c23 = DoubleVector.fromArray(SPECIES, target, r2 + 3 * LANES);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, target, r3);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, target, r3 + LANES);
        DoubleVector c32 = DoubleVector.fromArray(SPECIES, target, r3 + 2 * LANES);
        DoubleVector c33 = DoubleVector.fromArray(SPECIES, target, r3 + 3 * LANES);
        DoubleVector c40 = DoubleVector.fromArray(SPECIES, target, r4);
        DoubleVector c41 = DoubleVector.fromArray(SPECIES, target, r4 + LANES);
        DoubleVector c42 = DoubleVector.fromArray(SPECIES, target, r4 + 2 * LANES);
        DoubleVector c43 = DoubleVector.fromArray(SPECIES, target, r4 + 3 * LANES);
        DoubleVector c50 = DoubleVector.fromArray(SPECIES, target, r5);
        DoubleVector c51 = DoubleVector.fromArray(SPECIES, target, r5 + LANES);
        DoubleVector c52 = DoubleVector.fromArray(SPECIES, target, r5 + 2 * LANES);
        DoubleVector c53 = DoubleVector.fromArray(SPECIES, target, r5 + 3 * LANES);
        for (int p = 0; p < d; p++) {
            int s = off + p * step;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, panel, s);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, panel, s + LANES);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, panel, s + 2 * LANES);
            DoubleVector b3 = DoubleVector.fromArray(SPECIES, panel, s + 3 * LANES);
            int q = p * 6;
            DoubleVector x = DoubleVector.broadcast(SPECIES, strip[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = DoubleVector.broadcast(SPECIES, strip[q + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = DoubleVector.broadcast(SPECIES, strip[q + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = DoubleVector.broadcast(SPECIES, strip[q + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
            x = DoubleVector.broadcast(SPECIES, strip[q + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            c43 = x.fma(b3, c43);
            x = DoubleVector.broadcast(SPECIES, strip[q + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            c53 = x.fma(b3, c53);
        }
        c00.intoArray(target, at);
        c01.intoArray(target, at + LANES);
        c02.intoArray(target, at + 2 * LANES);
        c03.intoArray(target, at + 3 * LANES);
        c10.intoArray(target, r1);
        c11.intoArray(target, r1 + LANES);
        c12.intoArray(target, r1 + 2 * LANES);
        c13.intoArray(target, r1 + 3 * LANES);
        c20.intoArray(target, r2);
        c21.intoArray(target, r2 + LANES);
        c22.intoArray(target, r2 + 2 * LANES);
        c23.intoArray(target, r2 + 3 * LANES);
        c30.intoArray(target, r3);
        c31.intoArray(target, r3 + LANES);
        c32.intoArray(target, r3 + 2 * LANES);
        c33.intoArray(target, r3 + 3 * LANES);
        c40.intoArray(target, r4);
        c41.intoArray(target, r4 + LANES);
        c42.intoArray(target, r4 + 2 * LANES);
        c43.intoArray(target, r4 + 3 * LANES);
        c50.intoArray(target, r5);
        c51.intoArray(target, r5 + LANES);
        c52.intoArray(target, r5 + 2 * LANES);
        c53.intoArray(target, r5 + 3 * LANES);
    }

    /** As {@link #sixRows} for a strip of four rows (pitch 4). */
    private static void fourRows(double[] strip, double[] panel, int off, int step, int d, double[] target,
                                int at, int stride) {
        int r1 = at + stride;
        int r2 = r1 + stride;
        int r3 = r2 + stride;
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, target, at);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, target, at + LANES);
        DoubleVector c02 = DoubleVector.fromArray(SPECIES, target, at + 2 * LANES);
        DoubleVector c03 = DoubleVector.fromArray(SPECIES, target, at + 3 * LANES);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, target, r1);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, target, r1 + LANES);
        DoubleVector c12 = DoubleVector.fromArray(SPECIES, target, r1 + 2 * LANES);
        DoubleVector c13 = DoubleVector.fromArray(SPECIES, target, r1 + 3 * LANES);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, target, r2);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, target, r2 + LANES);
        DoubleVector c22 = DoubleVector.fromArray(SPECIES, target, r2 + 2 * LANES);
        DoubleVector c23 = DoubleVector.fromArray(SPECIES, target, r2 + 3 * LANES);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, target, r3);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, target, r3 + LANES);
        DoubleVector c32 = DoubleVector.fromArray(SPECIES, target, r3 + 2 * LANES);
        DoubleVector c33 = DoubleVector.fromArray(SPECIES, target, r3 + 3 * LANES);
        for (int p = 0; p < d; p++) {
            int s = off + p * step;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, panel, s);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, panel, s + LANES);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, panel, s + 2 * LANES);
            DoubleVector b3 = DoubleVector.fromArray(SPECIES, panel, s + 3 * LANES);
            int q = p * 4;
            DoubleVector x = DoubleVector.broadcast(SPECIES, strip[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = DoubleVector.broadcast(SPECIES, strip[q + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = DoubleVector.broadcast(SPECIES, strip[q + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = DoubleVector.broadcast(SPECIES, strip[q + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        c00.intoArray(target, at);
        c01.intoArray(target, at + LANES);
        c02.intoArray(target, at + 2 * LANES);
        c03.intoArray(target, at + 3 * LANES);
        c10.intoArray(target, r1);
        c11.intoArray(target, r1 + LANES);
        c12.intoArray(target, r1 + 2 * LANES);
        c13.intoArray(target, r1 + 3 * LANES);
        c20.intoArray(target, r2);
        c21.intoArray(target, r2 + LANES);
        c22.intoArray(target, r2 + 2 * LANES);
        c23.intoArray(target, r2 + 3 * LANES);
        c30.intoArray(target, r3);
        c31.intoArray(target, r3 + LANES);
        c32.intoArray(target, r3 + 2 * LANES);
        c33.intoArray(target, r3 + 3 * LANES);
    }

    /**
     * Copies C's rows {@code [0, rows)}, columns {@code [0, width)} (row r at {@code c[at + r·n]}) into
     * the scratch tile {@code sums} (row pitch NR): an edge tile then continues the same chain of
     * multiply-adds from C's value as a full tile does. The rest of the scratch tile holds whatever it
     * held: lanes do not mix, and only the copied part is stored back.
     */
    private static void load(double[] c, int at, int n, int rows, int width, double[] sums) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(c, at + r * n, sums, r * NR, width);
        }
    }

    /** Copies the scratch tile's rows {@code [0, rows)}, columns {@code [0, width)} back into C. */
    private static void store(double[] sums, int rows, double[] c, int at, int n, int width) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(sums, r * NR, c, at + r * n, width);
        }
    }
}
