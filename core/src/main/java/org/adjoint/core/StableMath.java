package org.adjoint.core;

/**
 * exp, log and tanh built only from operations that IEEE 754 rounds exactly (addition,
 * multiplication, division, fused multiply-add, comparisons and bit manipulation), in scalar form:
 * the lane-by-lane twin of {@code VectorLoops}, which applies the same operations in the same order
 * to whole vectors, so that an element's result depends on its value only, never on where it sits in
 * the array, on the vector width, or on whether the interpreter or the JIT runs the code. Each is
 * within about one ulp of the exact value (measured in {@code StableMathAccuracyTest}) and gives the
 * special values {@link Math} gives.
 *
 * <p>Why not {@link Math} or the Vector API's {@code EXP}: C2 compiles the Vector API's
 * transcendental operators to SVML routines while the interpreter runs per-lane {@link Math} calls,
 * which differ in the last bits, so results changed as the JIT warmed up.
 */
final class StableMath {

    /** 1.5·2⁵²: adding it rounds a double of magnitude below 2⁵¹ to an integer held in the low bits. */
    static final double SHIFTER = 0x1.8p52;
    static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    static final double INV_LN2 = 0x1.71547652b82fep0;
    /** ln 2 = LN2_HI + LN2_LO to about 2⁻¹⁰⁶. */
    static final double LN2_HI = 0x1.62e42fefa39efp-1;
    static final double LN2_LO = 0x1.abc9e3b39803fp-56;
    /** Beyond these, exp is +∞ or rounds to 0; clamping keeps the exponent arithmetic in range. */
    static final double EXP_HIGH = 710;
    static final double EXP_LOW = -746;
    /** tanh(x) rounds to ±1 for |x| above 19.07. */
    static final double TANH_ONE = 19.1;

    /** eʳ = 1 + r·(1 + r·(C2 + r·(C3 + …))): Cn = 1/n!, degree 13, |r| ≤ ln2/2: error below 2⁻⁵⁸. */
    static final double C2 = 1.0 / 2;
    static final double C3 = 1.0 / 6;
    static final double C4 = 1.0 / 24;
    static final double C5 = 1.0 / 120;
    static final double C6 = 1.0 / 720;
    static final double C7 = 1.0 / 5040;
    static final double C8 = 1.0 / 40320;
    static final double C9 = 1.0 / 362880;
    static final double C10 = 1.0 / 3628800;
    static final double C11 = 1.0 / 39916800;
    static final double C12 = 1.0 / 479001600;
    static final double C13 = 1.0 / 6227020800.0;

    /** fdlibm's split of ln 2 for log (LN2_HI_LOG has trailing zeros, so k·LN2_HI_LOG is exact). */
    static final double LN2_HI_LOG = Double.longBitsToDouble(0x3fe62e42fee00000L);
    static final double LN2_LO_LOG = Double.longBitsToDouble(0x3dea39ef35793c76L);
    /** fdlibm's minimax coefficients: log(1+f) = f − f²/2 + s·(f²/2 + R(s²)), s = f/(2+f). */
    static final double LG1 = Double.longBitsToDouble(0x3fe5555555555593L);
    static final double LG2 = Double.longBitsToDouble(0x3fd999999997fa04L);
    static final double LG3 = Double.longBitsToDouble(0x3fd2492494229359L);
    static final double LG4 = Double.longBitsToDouble(0x3fcc71c51d8e78afL);
    static final double LG5 = Double.longBitsToDouble(0x3fc7466496cb03deL);
    static final double LG6 = Double.longBitsToDouble(0x3fc39a09d078c69fL);
    static final double LG7 = Double.longBitsToDouble(0x3fc2f112df3e5244L);
    static final double SQRT2 = Math.sqrt(2);
    static final double TWO54 = 0x1p54;
    static final long MANTISSA = 0x000f_ffff_ffff_ffffL;
    static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    private StableMath() {
    }

    /** (eʳ − 1 − r)/r², by Horner's rule with fused multiply-adds. */
    static double tail(double r) {
        double q = Math.fma(r, C13, C12);
        q = Math.fma(r, q, C11);
        q = Math.fma(r, q, C10);
        q = Math.fma(r, q, C9);
        q = Math.fma(r, q, C8);
        q = Math.fma(r, q, C7);
        q = Math.fma(r, q, C6);
        q = Math.fma(r, q, C5);
        q = Math.fma(r, q, C4);
        q = Math.fma(r, q, C3);
        return Math.fma(r, q, C2);
    }

    /** 2ᵏ for an integer k in [−1022, 1023]. */
    static double twoTo(long k) {
        return Double.longBitsToDouble((k + 1023) << 52);
    }

    /**
     * eˣ: x = k·ln2 + r with k = round(x/ln2) (Cody and Waite, the product k·ln2 exact through fused
     * multiply-adds), eʳ = 1 + r·q(r), and 2ᵏ applied in two halves so that subnormal results and
     * those near overflow come out without overflowing the exponent field.
     */
    static double exp(double x) {
        double xc = Math.min(Math.max(x, EXP_LOW), EXP_HIGH);
        double t = Math.fma(xc, INV_LN2, SHIFTER);
        double kd = t - SHIFTER;
        long k = Double.doubleToRawLongBits(t) - SHIFTER_BITS;
        double r = Math.fma(kd, -LN2_HI, xc);
        r = Math.fma(kd, -LN2_LO, r);
        double q = Math.fma(r, tail(r), 1);
        long k1 = k >> 1;
        double s1 = twoTo(k1);
        double y = Math.fma(s1 * r, q, s1) * twoTo(k - k1);
        return x != x ? x : y;
    }

    /**
     * ln x as in fdlibm: x = 2ᵏ·m with √½ ≤ m < √2 (subnormals scaled by 2⁵⁴ first), f = m − 1,
     * ln m = f − f²/2 + s·(f²/2 + R(s²)) with s = f/(2+f); ln x = k·ln2 + ln m.
     */
    static double log(double x) {
        boolean subnormal = x < Double.MIN_NORMAL;
        long bits = Double.doubleToRawLongBits(subnormal ? x * TWO54 : x);
        double m = Double.longBitsToDouble(bits & MANTISSA | ONE_BITS);
        double k = Double.longBitsToDouble(SHIFTER_BITS + (bits >>> 52)) - (SHIFTER + 1023);
        k = subnormal ? k - 54 : k;
        boolean high = m > SQRT2;
        m = high ? m * 0.5 : m;
        k = high ? k + 1 : k;
        double f = m - 1;
        double s = f / (2 + f);
        double z = s * s;
        double rz = Math.fma(z, LG7, LG6);
        rz = Math.fma(z, rz, LG5);
        rz = Math.fma(z, rz, LG4);
        rz = Math.fma(z, rz, LG3);
        rz = Math.fma(z, rz, LG2);
        rz = Math.fma(z, rz, LG1);
        double r = z * rz;
        double halfSquare = 0.5 * f * f;
        double y = k * LN2_HI_LOG - ((halfSquare - (s * (halfSquare + r) + k * LN2_LO_LOG)) - f);
        if (!(x > 0 && x < Double.POSITIVE_INFINITY)) {
            y = x == 0 ? Double.NEGATIVE_INFINITY : x < 0 ? Double.NaN : x;
        }
        return y;
    }

    /**
     * tanh x = E/(E + 2) with E = e^{2|x|} − 1 = 2ᵏ·(eʳ − 1) + (2ᵏ − 1) in one rounding (eʳ − 1 with
     * no cancellation near 0); the quotient is corrected for the rounding of E + 2, which would
     * otherwise cost up to an ulp for small x. The sign is put back at the end; ±1 beyond
     * {@link #TANH_ONE}.
     */
    static double tanh(double x) {
        double a = Math.abs(x);
        double y = 2 * Math.min(a, TANH_ONE);
        double t = Math.fma(y, INV_LN2, SHIFTER);
        double kd = t - SHIFTER;
        long k = Double.doubleToRawLongBits(t) - SHIFTER_BITS;
        double rHigh = Math.fma(kd, -LN2_HI, y);
        double r = Math.fma(kd, -LN2_LO, rHigh);
        double rLow = Math.fma(kd, -LN2_LO, rHigh - r); // y − k·ln2 = r + rLow
        double inner = Math.fma(r * r, tail(r), Math.fma(rLow, r, rLow));
        double p = r + inner; // e^(r + rLow) − 1 = p + pLow
        double pLow = inner - (p - r);
        double s = twoTo(k);
        double e = s * p + (s - 1); // E = e + eLow
        double eLow = twoSumError(s * p, s - 1, e) + s * pLow;
        double d = e + 2;
        double dLow = twoSumError(e, 2, d) + eLow; // E + 2 = d + dLow
        double inverse = 1 / d;
        double q = e * inverse;
        double th = Math.fma(Math.fma(-q, d, e) + eLow - q * dLow, inverse, q); // E/(E + 2), one Newton step
        return x != x ? x : Math.copySign(a > TANH_ONE ? 1 : th, x);
    }

    /** The rounding error of {@code sum = a + b}: a + b = sum + error exactly (Knuth's TwoSum). */
    static double twoSumError(double a, double b, double sum) {
        double bVirtual = sum - a;
        return (a - (sum - bVirtual)) + (b - bVirtual);
    }
}
