package org.adjoint.verify;

/**
 * The generators behind {@link Gen#doubles} and {@link Gen#doublesAwayFrom}: a closed interval of
 * finite doubles and how to draw from it.
 */
final class DoubleRange {

    /** One draw in this many is the anchor itself, so simple values come up and shrinking reaches them. */
    private static final int KINDS = 8;

    private final double lo;
    private final double hi;
    private final double anchor;

    DoubleRange(double lo, double hi) {
        requireRange("doubles", lo, hi);
        this.lo = lo;
        this.hi = hi;
        this.anchor = Folding.anchor(lo, hi);
    }

    /** Kind 0 is the anchor; every other kind is a uniform draw folded around the anchor. */
    double draw(Source source) {
        return source.draw(KINDS) == 0 ? anchor : Folding.continuous(source, lo, hi, anchor);
    }

    /**
     * The doubles of {@code [lo, hi]} with {@code |x − point| ≥ gap}, as evaluated in floating point.
     * With an allowed interval on each side of the gap, a first continuous choice picks the side in
     * proportion to its length; choice 0 picks the side whose simplest value is nearer 0 (the right
     * side on a tie).
     */
    static Gen<Double> awayFrom(double lo, double hi, double point, double gap) {
        if (!Double.isFinite(point) || !(gap >= 0) || Double.isInfinite(gap)) {
            throw new IllegalArgumentException("doublesAwayFrom: need a finite point and a finite gap >= 0, got point "
                    + point + " and gap " + gap);
        }
        requireRange("doublesAwayFrom", lo, hi);
        double leftEnd = Math.min(hi, lastBelow(point, gap));
        double rightStart = Math.max(lo, firstAbove(point, gap));
        boolean hasLeft = lo <= leftEnd;
        boolean hasRight = rightStart <= hi;
        if (!hasLeft && !hasRight) {
            throw new IllegalArgumentException("doublesAwayFrom: no value of [" + lo + ", " + hi + "] is at least "
                    + gap + " away from " + point);
        }
        DoubleRange left = hasLeft ? new DoubleRange(lo, leftEnd) : null;
        DoubleRange right = hasRight ? new DoubleRange(rightStart, hi) : null;
        if (left == null || right == null) {
            DoubleRange only = left == null ? right : left;
            return only::draw;
        }
        return union(left, right);
    }

    private static Gen<Double> union(DoubleRange left, DoubleRange right) {
        boolean rightIsNearer = Math.abs(right.anchor) <= Math.abs(left.anchor);
        DoubleRange near = rightIsNearer ? right : left;
        DoubleRange far = rightIsNearer ? left : right;
        double nearLength = Folding.halfLength(near.lo, near.hi);
        double total = nearLength + Folding.halfLength(far.lo, far.hi);
        double nearShare = total == 0 ? 0.5 : nearLength / total;
        long lastNearTicket = (long) (nearShare * (Folding.STEPS - 1));
        return source -> source.draw(Folding.STEPS) <= lastNearTicket ? near.draw(source) : far.draw(source);
    }

    private static void requireRange(String op, double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
            throw new IllegalArgumentException(op + ": need finite lo <= hi, got [" + lo + ", " + hi + "]");
        }
    }

    /** {@code point − gap}, nudged down until {@code |x − point| ≥ gap} holds despite rounding. */
    private static double lastBelow(double point, double gap) {
        double x = point - gap;
        while (!(Math.abs(x - point) >= gap)) {
            x = Math.nextDown(x);
        }
        return x;
    }

    /** {@code point + gap}, nudged up until {@code |x − point| ≥ gap} holds despite rounding. */
    private static double firstAbove(double point, double gap) {
        double x = point + gap;
        while (!(Math.abs(x - point) >= gap)) {
            x = Math.nextUp(x);
        }
        return x;
    }
}
