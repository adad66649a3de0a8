package org.adjoint.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

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

    /**
     * The doubles of {@code [lo, hi]} at least {@code gap} from every one of {@code kinks}: the
     * allowed intervals, each chosen in proportion to its length; choice 0 picks the interval whose
     * simplest value is nearest 0.
     */
    static Gen<Double> awayFromAll(double lo, double hi, double gap, double[] kinks) {
        requireRange("awayFromKinks", lo, hi);
        double[] sorted = kinks.clone();
        Arrays.sort(sorted);
        if (!(gap >= 0) || Double.isInfinite(gap) || sorted.length == 0 || !Double.isFinite(sorted[0])
                || !Double.isFinite(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("awayFromKinks: need a finite gap >= 0 and at least one kink, all finite;"
                    + " got gap " + gap + " and kinks " + Arrays.toString(kinks));
        }
        List<DoubleRange> allowed = new ArrayList<>();
        double start = lo;
        for (double kink : sorted) {
            double end = Math.min(hi, lastBelow(kink, gap));
            if (start <= end) {
                allowed.add(new DoubleRange(start, end));
            }
            start = Math.max(start, firstAbove(kink, gap));
        }
        if (start <= hi) {
            allowed.add(new DoubleRange(start, hi));
        }
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("awayFromKinks: no value of [" + lo + ", " + hi + "] is at least "
                    + gap + " away from all of " + Arrays.toString(kinks));
        }
        // Nearest 0 first; on a tie the positive side, as doublesAwayFrom does.
        allowed.sort(Comparator.<DoubleRange>comparingDouble(range -> Math.abs(range.anchor))
                .thenComparingDouble(range -> -range.anchor));
        return union(allowed);
    }

    private static Gen<Double> union(List<DoubleRange> ranges) {
        double total = 0;
        for (DoubleRange range : ranges) {
            total += Folding.halfLength(range.lo, range.hi);
        }
        long[] lastTicket = new long[ranges.size()];
        double cumulative = 0;
        for (int i = 0; i < lastTicket.length; i++) {
            cumulative += Folding.halfLength(ranges.get(i).lo, ranges.get(i).hi);
            double share = total == 0 ? (i + 1.0) / lastTicket.length : cumulative / total;
            lastTicket[i] = i == lastTicket.length - 1 ? Folding.STEPS - 1 : (long) (share * (Folding.STEPS - 1));
        }
        return source -> {
            long ticket = ranges.size() == 1 ? 0 : source.draw(Folding.STEPS);
            int i = 0;
            while (ticket > lastTicket[i]) {
                i++;
            }
            return ranges.get(i).draw(source);
        };
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
