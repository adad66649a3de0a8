package org.adjoint.core;

/**
 * The matrix-product kernel written with the Vector API ({@code jdk.incubator.vector}), used only
 * when it is available (see {@link Vectorization}).
 * <ul>
 * <li>The micro-kernel keeps a 6-row by 4-vector tile of C (6 × 32 doubles with AVX-512) in
 * twenty-four vector registers, twenty-four independent chains of fused multiply-adds; each step
 * loads four vectors of a row of B and broadcasts six elements of A, one broadcast per four
 * multiply-adds (an 8 × 2-vector tile needs one per two; on one core, 512³ ran at 58 GFLOP/s with it
 * against 72 with this one).</li>
 * <li>A full strip of rows of A is read in A itself, whatever its strides (A may be a transpose):
 * packing it cost more than it saved when B is narrow (64×128·128×10 took twice as long). The last
 * strip of a range, when it has fewer rows than a tile, is copied with zero padding below (strips of
 * 4 rows or fewer use a 4-row tile).</li>
 * <li>B is taken one k-block at a time (a block of B is at most 512 KB, the second-level cache). For a
 * range of at least {@link #PACK_ROWS} rows, each block is packed into contiguous panels of a tile's
 * width, as GotoBLAS does (the rows of a row-major B are a power of two apart for
 * n = 512 and fall into the same first-level cache sets). For fewer rows the copy does not pay for
 * itself and B is read where it is; only its last columns, fewer than a tile, are copied.</li>
 * <li>Tiles that stick out of C (last rows, last columns) are computed in a scratch tile and copied;
 * last columns that fit in two vectors take a two-vector tile (see {@link VectorTiles}).</li>
 * </ul>
 *
 * <p>Every element of C is the same chain of fused multiply-adds,
 * {@code c ← fma(A[i, p], B[p, j], c)} for p = 0, 1, …, k − 1 from C's value, wherever its tile
 * falls (a k-block stores its partial sums into C and the next reloads them, exactly): so a product's
 * bits do not depend on the vector width, the block sizes, how rows are split across threads, or the
 * JIT (fused multiply-adds round exactly once in the interpreter as in compiled code).
 */
final class VectorMatMul implements MatMul.Kernel {

    private static final int LANES = VectorTiles.LANES;
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

    /** Where a strip's element (r, p) is: {@code data[at + p·step + r·row]}. */
    private record Strip(double[] data, int at, int step, int row) {
    }

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
        // this thread's scratch arrays (see Scratch); padding in them may hold an earlier call's values, but a
        // padded row or column of a tile only ever reaches the rows and columns of C that are not stored
        double[] panels = wide == n ? null : Scratch.doubles(Scratch.PANELS, depth * (n - wide + NR - 1) / NR * NR);
        double[] strip = Scratch.doubles(Scratch.STRIP, MR * depth);
        double[] sums = Scratch.doubles(Scratch.TILE, MR * NR);
        for (int pp = 0; pp < k; pp += depth) {
            int d = Math.min(depth, k - pp);
            if (panels != null) {
                pack(b, n, wide, pp, d, depth, panels);
            }
            for (int i = from, h; i < to; i += h) {
                h = height(to - i);
                int pitch = h <= 4 ? 4 : MR;
                if (h == pitch) {
                    sweep(new Strip(a, i * rs + pp * cs, cs, rs), pitch, b, wide, panels, depth, pp, d, c, i, h, n,
                            sums);
                } else {
                    packStrip(a, rs, cs, i, h, pitch, pp, d, strip);
                    sweep(new Strip(strip, 0, pitch, 1), pitch, b, wide, panels, depth, pp, d, c, i, h, n,
                            sums);
                }
            }
        }
    }

    /**
     * Columns [wide, n) of B's rows [pp, pp + d) into panels of NR columns, panel t at
     * {@code t·depth·NR}, its rows NR apart. The padding after the last column is never written: it
     * holds whatever the thread's scratch array held, and reaches only columns of a tile that are not
     * stored into C (each column of C depends on its own column of B alone).
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
    private static void sweep(Strip strip, int pitch, double[] b, int wide, double[] panels, int depth, int pp,
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
                if (w <= NR / 2) {
                    narrowTile(pitch, strip, src, off, step, d, sums, 0, NR);
                } else {
                    tile(pitch, strip, src, off, step, d, sums, 0, NR);
                }
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

    private static void tile(int pitch, Strip strip, double[] panel, int off, int step, int d, double[] target,
                             int at, int stride) {
        if (pitch == MR) {
            VectorTiles.sixByFour(strip.data(), strip.at(), strip.step(), strip.row(), panel, off, step, d, target,
                    at, stride);
        } else {
            VectorTiles.fourByFour(strip.data(), strip.at(), strip.step(), strip.row(), panel, off, step, d, target,
                    at, stride);
        }
    }

    /** As {@link #tile} for the first two vectors' width of the panel only (the last, narrow columns). */
    private static void narrowTile(int pitch, Strip strip, double[] panel, int off, int step, int d,
                                   double[] target, int at, int stride) {
        if (pitch == MR) {
            VectorTiles.sixByTwo(strip.data(), strip.at(), strip.step(), strip.row(), panel, off, step, d, target,
                    at, stride);
        } else {
            VectorTiles.fourByTwo(strip.data(), strip.at(), strip.step(), strip.row(), panel, off, step, d, target,
                    at, stride);
        }
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
