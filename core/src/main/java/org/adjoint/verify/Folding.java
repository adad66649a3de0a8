package org.adjoint.verify;

/**
 * Turns one uniform choice into a number in a range such that choice 0 is the range's simplest
 * value (its <em>anchor</em>: 0 when in range, else the integer or end nearest 0) and larger choices move
 * steadily away from it.
 *
 * <p>The range is folded at the anchor: choices first walk up from the anchor to the upper end, then
 * down from the anchor to the lower end. Every value has exactly one choice, the choice is uniform,
 * and on each side of the anchor the value is monotone in the choice, which is what lets the
 * shrinker's binary search find the exact point where a property starts to fail.
 */
final class Folding {

    /** The number of distinct positions in a continuous draw: 53 random bits, a double's precision. */
    static final long STEPS = 1L << 53;

    private Folding() {
    }

    /** An integer in {@code [lo, hi]}, from one choice. */
    static long integer(Source source, long lo, long hi) {
        long anchor = Math.max(lo, Math.min(hi, 0));
        long k = source.draw(hi - lo + 1);
        long above = hi - anchor;
        return k <= above ? anchor + k : anchor - (k - above);
    }

    /** The simplest double of {@code [lo, hi]}: 0, else the integer nearest 0, else the end nearest 0. */
    static double anchor(double lo, double hi) {
        if (lo <= 0 && 0 <= hi) {
            return 0.0;
        }
        double end = lo > 0 ? lo : hi;
        double integer = lo > 0 ? Math.ceil(lo) : Math.floor(hi);
        return lo <= integer && integer <= hi ? integer : end;
    }

    /** A double in {@code [lo, hi]}, uniform at 53-bit resolution, from one choice. */
    static double continuous(Source source, double lo, double hi, double anchor) {
        double t = source.draw(STEPS) / (double) (STEPS - 1);
        // Halved lengths cannot overflow even for a range as wide as [-Double.MAX_VALUE, Double.MAX_VALUE].
        double halfAbove = hi / 2 - anchor / 2;
        double halfBelow = anchor / 2 - lo / 2;
        double position = t * (halfAbove + halfBelow);
        double x = position <= halfAbove ? anchor + 2 * position : anchor - 2 * (position - halfAbove);
        return Math.max(lo, Math.min(hi, x));
    }

    /** Half the length of {@code [lo, hi]}, without overflow. */
    static double halfLength(double lo, double hi) {
        return hi / 2 - lo / 2;
    }
}
