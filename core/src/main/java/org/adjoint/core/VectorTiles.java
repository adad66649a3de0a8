package org.adjoint.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tiles of {@link VectorMatMul}:
 * {@code T[r, 0..w) += Σ_p strip[ai + p·ap + r·ar] · panel[off + p·step, +w)} for p < d and the h
 * rows r of a strip of A (packed, or in A itself with its strides), row r of T at
 * {@code target[at + r·stride]}, with
 * h × w = 6 × 4L, 4 × 4L, 6 × 2L or 4 × 2L (L lanes; the narrow ones for the last columns of a product,
 * so that a product ten columns wide is not padded to thirty-two). The tile stays in vector registers
 * (twenty-four accumulators for 6 × 4L) while each step loads the vectors of a row of B and broadcasts
 * the strip's elements: every accumulator is one chain of fused multiply-adds in p order.
 */
final class VectorTiles {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Lanes per vector. */
    static final int LANES = SPECIES.length();

    private VectorTiles() {
    }

    /** Six rows by four vectors. */
    static void sixByFour(double[] strip, int ai, int ap, int ar, double[] panel, int off, int step,
            int d, double[] target, int at, int stride) {
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
            int q = ai + p * ap;
            DoubleVector x = DoubleVector.broadcast(SPECIES, strip[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = DoubleVector.broadcast(SPECIES, strip[q + ar]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = DoubleVector.broadcast(SPECIES, strip[q + 2 * ar]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = DoubleVector.broadcast(SPECIES, strip[q + 3 * ar]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
            x = DoubleVector.broadcast(SPECIES, strip[q + 4 * ar]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            c43 = x.fma(b3, c43);
            x = DoubleVector.broadcast(SPECIES, strip[q + 5 * ar]);
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

    /** Four rows by four vectors. */
    static void fourByFour(double[] strip, int ai, int ap, int ar, double[] panel, int off, int step,
            int d, double[] target, int at, int stride) {
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
            int q = ai + p * ap;
            DoubleVector x = DoubleVector.broadcast(SPECIES, strip[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = DoubleVector.broadcast(SPECIES, strip[q + ar]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = DoubleVector.broadcast(SPECIES, strip[q + 2 * ar]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = DoubleVector.broadcast(SPECIES, strip[q + 3 * ar]);
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

    /** Six rows by two vectors. */
    static void sixByTwo(double[] strip, int ai, int ap, int ar, double[] panel, int off, int step,
            int d, double[] target, int at, int stride) {
        int r1 = at + stride;
        int r2 = r1 + stride;
        int r3 = r2 + stride;
        int r4 = r3 + stride;
        int r5 = r4 + stride;
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, target, at);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, target, at + LANES);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, target, r1);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, target, r1 + LANES);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, target, r2);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, target, r2 + LANES);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, target, r3);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, target, r3 + LANES);
        DoubleVector c40 = DoubleVector.fromArray(SPECIES, target, r4);
        DoubleVector c41 = DoubleVector.fromArray(SPECIES, target, r4 + LANES);
        DoubleVector c50 = DoubleVector.fromArray(SPECIES, target, r5);
        DoubleVector c51 = DoubleVector.fromArray(SPECIES, target, r5 + LANES);
        for (int p = 0; p < d; p++) {
            int s = off + p * step;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, panel, s);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, panel, s + LANES);
            int q = ai + p * ap;
            DoubleVector x = DoubleVector.broadcast(SPECIES, strip[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(SPECIES, strip[q + ar]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(SPECIES, strip[q + 2 * ar]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(SPECIES, strip[q + 3 * ar]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(SPECIES, strip[q + 4 * ar]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(SPECIES, strip[q + 5 * ar]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(target, at);
        c01.intoArray(target, at + LANES);
        c10.intoArray(target, r1);
        c11.intoArray(target, r1 + LANES);
        c20.intoArray(target, r2);
        c21.intoArray(target, r2 + LANES);
        c30.intoArray(target, r3);
        c31.intoArray(target, r3 + LANES);
        c40.intoArray(target, r4);
        c41.intoArray(target, r4 + LANES);
        c50.intoArray(target, r5);
        c51.intoArray(target, r5 + LANES);
    }

    /** Four rows by two vectors. */
    static void fourByTwo(double[] strip, int ai, int ap, int ar, double[] panel, int off, int step,
            int d, double[] target, int at, int stride) {
        int r1 = at + stride;
        int r2 = r1 + stride;
        int r3 = r2 + stride;
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, target, at);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, target, at + LANES);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, target, r1);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, target, r1 + LANES);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, target, r2);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, target, r2 + LANES);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, target, r3);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, target, r3 + LANES);
        for (int p = 0; p < d; p++) {
            int s = off + p * step;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, panel, s);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, panel, s + LANES);
            int q = ai + p * ap;
            DoubleVector x = DoubleVector.broadcast(SPECIES, strip[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(SPECIES, strip[q + ar]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(SPECIES, strip[q + 2 * ar]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(SPECIES, strip[q + 3 * ar]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        c00.intoArray(target, at);
        c01.intoArray(target, at + LANES);
        c10.intoArray(target, r1);
        c11.intoArray(target, r1 + LANES);
        c20.intoArray(target, r2);
        c21.intoArray(target, r2 + LANES);
        c30.intoArray(target, r3);
        c31.intoArray(target, r3 + LANES);
    }
}
