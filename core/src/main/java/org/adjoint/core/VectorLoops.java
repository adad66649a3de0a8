package org.adjoint.core;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.NE;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.adjoint.core.Elementwise.UnaryLoop;

/**
 * exp, log and tanh written with the Vector API, used only when it is available (see
 * {@link Vectorization}): {@link StableMath}'s algorithms, operation for operation, on whole vectors.
 * Only operations that IEEE 754 rounds exactly are used, never {@code lanewise(EXP)} and friends:
 * C2 compiles those to SVML routines while the interpreter and C1 run per-lane {@link Math} calls,
 * so their bits changed as the JIT warmed up. So every element gets the same bits in the
 * interpreter, C1 and C2, in a vector lane or not, whatever the vector width. Elements that do not
 * fill a vector, and vectors holding a rare input (log of a subnormal, zero, negative or non-finite
 * number; tanh of NaN or of |x| > 19.1), are computed by {@link StableMath} itself.
 *
 * <p>Each loop holds its whole computation in one method, with no helper taking or returning a
 * vector: C2 keeps vectors in registers only within one compiled method, and a helper that the
 * interpreter has called often enough gets compiled on its own (with boxed vectors) and is then
 * no longer inlined, which made log and tanh ten times slower. The polynomials are loops over their
 * coefficients to keep each method under C2's inlining node budget.
 */
final class VectorLoops implements Loops.Transcendentals {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** {@link StableMath#tail}'s coefficients, highest degree first. */
    private static final double[] TAIL = {StableMath.C13, StableMath.C12, StableMath.C11, StableMath.C10,
        StableMath.C9, StableMath.C8, StableMath.C7, StableMath.C6, StableMath.C5, StableMath.C4, StableMath.C3,
        StableMath.C2};
    /** fdlibm's R(z) for log, highest degree first. */
    private static final double[] LOG_R = {StableMath.LG7, StableMath.LG6, StableMath.LG5, StableMath.LG4,
        StableMath.LG3, StableMath.LG2, StableMath.LG1};

    @Override
    public UnaryLoop exp() {
        return VectorLoops::exp;
    }

    @Override
    public UnaryLoop log() {
        return VectorLoops::log;
    }

    @Override
    public UnaryLoop tanh() {
        return VectorLoops::tanh;
    }

    /** {@link StableMath#exp} over {@code x[from..to)} into {@code o}. */
    static void exp(double[] x, double[] o, int from, int to) {
        int i = from;
        for (; i <= to - LANES; i += LANES) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, x, i);
            DoubleVector xc = v.max(StableMath.EXP_LOW).min(StableMath.EXP_HIGH);
            DoubleVector t = xc.fma(StableMath.INV_LN2, StableMath.SHIFTER);
            DoubleVector kd = t.sub(StableMath.SHIFTER);
            LongVector k = t.reinterpretAsLongs().sub(StableMath.SHIFTER_BITS);
            DoubleVector r = kd.fma(broadcast(-StableMath.LN2_HI), xc);
            r = kd.fma(broadcast(-StableMath.LN2_LO), r);
            DoubleVector q = broadcast(TAIL[0]);
            for (int j = 1; j < TAIL.length; j++) {
                q = r.fma(q, broadcast(TAIL[j]));
            }
            q = r.fma(q, broadcast(1));
            LongVector k1 = k.lanewise(ASHR, 1);
            DoubleVector s1 = k1.add(1023).lanewise(LSHL, 52).reinterpretAsDoubles();
            DoubleVector s2 = k.sub(k1).add(1023).lanewise(LSHL, 52).reinterpretAsDoubles();
            DoubleVector y = s1.mul(r).fma(q, s1).mul(s2);
            y.blend(v, v.compare(NE, v)).intoArray(o, i);
        }
        for (; i < to; i++) {
            o[i] = StableMath.exp(x[i]);
        }
    }

    /** {@link StableMath#log} over {@code x[from..to)} into {@code o}. */
    static void log(double[] x, double[] o, int from, int to) {
        int i = from;
        for (; i <= to - LANES; i += LANES) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, x, i);
            if (!v.compare(GE, Double.MIN_NORMAL).and(v.compare(LE, Double.MAX_VALUE)).allTrue()) {
                for (int j = i; j < i + LANES; j++) {
                    o[j] = StableMath.log(x[j]);
                }
                continue;
            }
            LongVector bits = v.reinterpretAsLongs();
            DoubleVector m = bits.and(StableMath.MANTISSA).or(StableMath.ONE_BITS).reinterpretAsDoubles();
            DoubleVector k = bits.lanewise(LSHR, 52).add(StableMath.SHIFTER_BITS).reinterpretAsDoubles()
                    .sub(StableMath.SHIFTER + 1023);
            VectorMask<Double> high = m.compare(GT, StableMath.SQRT2);
            m = m.blend(m.mul(0.5), high);
            k = k.blend(k.add(1), high);
            DoubleVector f = m.sub(1);
            DoubleVector s = f.div(f.add(2));
            DoubleVector z = s.mul(s);
            DoubleVector rz = broadcast(LOG_R[0]);
            for (int j = 1; j < LOG_R.length; j++) {
                rz = z.fma(rz, broadcast(LOG_R[j]));
            }
            DoubleVector r = z.mul(rz);
            DoubleVector halfSquare = f.mul(0.5).mul(f);
            DoubleVector inner = s.mul(halfSquare.add(r)).add(k.mul(StableMath.LN2_LO_LOG));
            k.mul(StableMath.LN2_HI_LOG).sub(halfSquare.sub(inner).sub(f)).intoArray(o, i);
        }
        for (; i < to; i++) {
            o[i] = StableMath.log(x[i]);
        }
    }

    /** {@link StableMath#tanh} over {@code x[from..to)} into {@code o}. */
    static void tanh(double[] x, double[] o, int from, int to) {
        int i = from;
        for (; i <= to - LANES; i += LANES) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, x, i);
            DoubleVector a = v.abs();
            if (!a.compare(LE, StableMath.TANH_ONE).allTrue()) {
                for (int j = i; j < i + LANES; j++) {
                    o[j] = StableMath.tanh(x[j]);
                }
                continue;
            }
            DoubleVector y = a.mul(2);
            DoubleVector t = y.fma(StableMath.INV_LN2, StableMath.SHIFTER);
            DoubleVector kd = t.sub(StableMath.SHIFTER);
            DoubleVector rHigh = kd.fma(broadcast(-StableMath.LN2_HI), y);
            DoubleVector r = kd.fma(broadcast(-StableMath.LN2_LO), rHigh);
            DoubleVector rLow = kd.fma(broadcast(-StableMath.LN2_LO), rHigh.sub(r));
            DoubleVector q = broadcast(TAIL[0]);
            for (int j = 1; j < TAIL.length; j++) {
                q = r.fma(q, broadcast(TAIL[j]));
            }
            DoubleVector inner = r.mul(r).fma(q, rLow.fma(r, rLow));
            DoubleVector p = r.add(inner);
            DoubleVector pLow = inner.sub(p.sub(r));
            DoubleVector s = t.reinterpretAsLongs().sub(StableMath.SHIFTER_BITS).add(1023).lanewise(LSHL, 52)
                    .reinterpretAsDoubles();
            DoubleVector sp = s.mul(p);
            DoubleVector sMinus1 = s.sub(1);
            DoubleVector e = sp.add(sMinus1);
            DoubleVector eSum = e.sub(sp);
            DoubleVector eLow = sp.sub(e.sub(eSum)).add(sMinus1.sub(eSum)).add(s.mul(pLow));
            DoubleVector d = e.add(2);
            DoubleVector dSum = d.sub(e);
            DoubleVector dLow = e.sub(d.sub(dSum)).add(broadcast(2).sub(dSum)).add(eLow);
            DoubleVector inverse = broadcast(1).div(d);
            DoubleVector th = e.mul(inverse);
            th = th.neg().fma(d, e).add(eLow).sub(th.mul(dLow)).fma(inverse, th);
            LongVector sign = v.reinterpretAsLongs().and(Long.MIN_VALUE);
            th.reinterpretAsLongs().and(Long.MAX_VALUE).or(sign).reinterpretAsDoubles().intoArray(o, i);
        }
        for (; i < to; i++) {
            o[i] = StableMath.tanh(x[i]);
        }
    }

    private static DoubleVector broadcast(double v) {
        return DoubleVector.broadcast(SPECIES, v);
    }
}
