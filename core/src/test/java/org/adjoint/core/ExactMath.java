package org.adjoint.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * exp, log and tanh to 60 significant digits with {@link BigDecimal}: the reference for measuring
 * errors in ulps. Finite arguments only; exp for x in [−746, 710], log for finite x > 0.
 */
final class ExactMath {

    private static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
    private static final BigDecimal LN2 =
            new BigDecimal("0.69314718055994530941723212145817656807550013436025525412068000949339362196969472");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal EPSILON = new BigDecimal("1e-70");

    private ExactMath() {
    }

    /** eˣ = 2ᵏ·eʳ with r = x − k·ln2, |r| ≤ ln2/2. */
    static BigDecimal exp(double x) {
        BigDecimal bx = new BigDecimal(x);
        int k = (int) Math.rint(x / Math.log(2));
        BigDecimal r = bx.subtract(LN2.multiply(BigDecimal.valueOf(k)), MC);
        return BigDecimal.ONE.add(expm1Series(r), MC).multiply(TWO.pow(k, MC), MC);
    }

    /** ln x = e·ln2 + 2·atanh((m − 1)/(m + 1)) for x = m·2ᵉ, 1 ≤ m < 2. */
    static BigDecimal log(double x) {
        int e = Math.getExponent(x);
        if (e < Double.MIN_EXPONENT) {
            e = Math.getExponent(x * 0x1p60) - 60;
        }
        BigDecimal m = new BigDecimal(Math.scalb(x, -e)); // exact: a power-of-two scaling into [1, 2)
        BigDecimal s = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC);
        BigDecimal s2 = s.multiply(s, MC);
        BigDecimal power = s;
        BigDecimal sum = BigDecimal.ZERO;
        for (int n = 1; power.abs().compareTo(EPSILON) > 0; n += 2) {
            sum = sum.add(power.divide(BigDecimal.valueOf(n), MC), MC);
            power = power.multiply(s2, MC);
        }
        return LN2.multiply(BigDecimal.valueOf(e), MC).add(sum.multiply(TWO, MC), MC);
    }

    /** tanh x = E/(E + 2) with E = e^{2x} − 1, computed without cancellation near 0. */
    static BigDecimal tanh(double x) {
        BigDecimal y = new BigDecimal(x).multiply(TWO);
        BigDecimal e = Math.abs(x) < 0.5 ? expm1Series(y) : exp(2 * x).subtract(BigDecimal.ONE, MC);
        return e.divide(e.add(TWO), MC);
    }

    /** eʸ − 1 by its Taylor series, for |y| ≤ 1. */
    private static BigDecimal expm1Series(BigDecimal y) {
        BigDecimal term = y;
        BigDecimal sum = BigDecimal.ZERO;
        for (int n = 2; term.abs().compareTo(EPSILON.multiply(y.abs())) > 0; n++) {
            sum = sum.add(term, MC);
            term = term.multiply(y, MC).divide(BigDecimal.valueOf(n), MC);
        }
        return sum;
    }

    /** |got − exact| in units of the last place of the double nearest the exact value. */
    static double ulps(double got, BigDecimal exact) {
        double nearest = exact.doubleValue();
        double ulp = Math.ulp(nearest);
        return new BigDecimal(got).subtract(exact).abs().divide(new BigDecimal(ulp), MC).doubleValue();
    }
}
