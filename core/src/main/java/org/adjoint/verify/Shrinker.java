package org.adjoint.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Shrinks a failing trial by editing its choice sequence and replaying the edits.
 *
 * <p>An edit is adopted when the replayed trial still fails with the same exception class and its
 * recorded choices are simpler: shorter, or equally long and lexicographically smaller. Each
 * adoption makes the sequence strictly simpler, so shrinking ends; the attempt and time budgets
 * keep it quick even for slow properties.
 *
 * <p>Passes, repeated until none of them improves the sequence:
 * <ol>
 *   <li>delete chunks of 8, 4, 2 and 1 choices (also lowering the choice just before the chunk, in
 *       case it counted the deleted items);</li>
 *   <li>zero chunks of 8, 4 and 2 choices;</li>
 *   <li>lower each choice by binary search toward 0;</li>
 *   <li>lower equal choices together (to shrink values that must stay equal, like duplicates);</li>
 *   <li>move amount from a choice to the one one or two places after it (to shrink the first of
 *       two values whose sum or order matters).</li>
 * </ol>
 *
 * <p>All edits are local, so shrinking can stop short of the true minimum when a simpler value
 * needs several distant edits at once: shrinking the shape of a tensor that is followed by other
 * values shifts their choices, so such a tensor may keep an extent of 2 or 3 where 1 would do.
 * Its elements still shrink to simple values.
 */
final class Shrinker<T> {

    /** At most this many edits are replayed. */
    static final int MAX_ATTEMPTS = 5000;

    /** Shrinking stops adopting edits after this long, whatever the attempt count. */
    static final long TIME_BUDGET_NANOS = 30_000_000_000L;

    private final Function<long[], Trial<T>> replay;
    private final Class<? extends Throwable> failureClass;
    private final Set<Long> tried = new HashSet<>();
    private final long deadline = System.nanoTime() + TIME_BUDGET_NANOS;
    private Trial<T> best;
    private int attempts;
    private int steps;

    /**
     * @param replay runs the property on the value generated from a choice sequence
     * @param failing the failing trial to shrink
     */
    Shrinker(Function<long[], Trial<T>> replay, Trial<T> failing) {
        this.replay = replay;
        this.failureClass = failing.failure().getClass();
        this.best = failing;
    }

    /** Shrinks as far as the passes and budgets allow and returns the simplest failing trial found. */
    Trial<T> shrink() {
        int stepsBefore;
        do {
            stepsBefore = steps;
            deleteChunks();
            zeroChunks();
            lowerEachChoice();
            lowerEqualChoices();
            moveAmountsForward();
        } while (steps > stepsBefore && !outOfBudget());
        return best;
    }

    /** How many simpler failing sequences were adopted. */
    int steps() {
        return steps;
    }

    private void deleteChunks() {
        for (int k = 8; k >= 1; k /= 2) {
            for (int i = length() - k; i >= 0; i--) {
                if (i + k > length()) {
                    continue;
                }
                long[] candidate = without(best.choices(), i, k);
                if (!consider(candidate) && i > 0 && candidate[i - 1] > 0) {
                    candidate[i - 1]--;
                    consider(candidate);
                }
            }
        }
    }

    private void zeroChunks() {
        for (int k = 8; k >= 2; k /= 2) {
            for (int i = length() - k; i >= 0; i--) {
                if (i + k <= length()) {
                    long[] candidate = best.choices().clone();
                    Arrays.fill(candidate, i, i + k, 0);
                    consider(candidate);
                }
            }
        }
    }

    private void lowerEachChoice() {
        for (int i = length() - 1; i >= 0; i--) {
            if (i < length()) {
                lowerTogether(new int[] {i});
            }
        }
    }

    private void lowerEqualChoices() {
        Map<Long, List<Integer>> positions = new LinkedHashMap<>();
        long[] choices = best.choices();
        for (int i = 0; i < choices.length; i++) {
            if (choices[i] != 0) {
                positions.computeIfAbsent(choices[i], v -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> group : positions.values()) {
            if (group.size() > 1) {
                lowerTogether(group.stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }

    /** Sets the choices at {@code indices} to the smallest common value that still fails. */
    private void lowerTogether(int[] indices) {
        long[] start = best.choices();
        for (int i : indices) {
            if (i >= start.length || start[i] != start[indices[0]]) {
                return;
            }
        }
        searchDown(start[indices[0]], v -> {
            long[] candidate = start.clone();
            for (int i : indices) {
                candidate[i] = v;
            }
            return candidate;
        });
    }

    private void moveAmountsForward() {
        for (int distance = 2; distance >= 1; distance--) {
            for (int i = length() - 1 - distance; i >= 0; i--) {
                if (i + distance < length() && best.choices()[i] > 0) {
                    moveAmount(i, i + distance);
                }
            }
        }
    }

    /** Lowers choice {@code from} as far as possible while raising choice {@code to} by as much. */
    private void moveAmount(int from, int to) {
        long[] start = best.choices();
        searchDown(start[from], v -> {
            long[] candidate = start.clone();
            candidate[from] = v;
            long raised = start[to] + (start[from] - v);
            candidate[to] = raised < 0 ? Long.MAX_VALUE : raised;
            return candidate;
        });
    }

    /**
     * Binary search for the smallest {@code v} in {@code [0, failing]} whose candidate still fails,
     * assuming {@code candidateFor(failing)} fails and failure is monotone in {@code v}.
     */
    private void searchDown(long failing, LongFunction<long[]> candidateFor) {
        if (failing == 0 || consider(candidateFor.apply(0))) {
            return;
        }
        long passing = 0;
        while (failing - passing > 1 && !outOfBudget()) {
            long mid = passing + (failing - passing) / 2;
            if (consider(candidateFor.apply(mid))) {
                failing = mid;
            } else {
                passing = mid;
            }
        }
    }

    /** Replays {@code candidate} and adopts its trial if it fails the same way and is simpler. */
    private boolean consider(long[] candidate) {
        if (outOfBudget() || !tried.add(fingerprint(candidate))) {
            return false;
        }
        attempts++;
        Trial<T> trial = replay.apply(candidate);
        if (!trial.failsWith(failureClass) || !simpler(trial.choices(), best.choices())) {
            return false;
        }
        best = trial;
        steps++;
        return true;
    }

    private boolean outOfBudget() {
        return attempts >= MAX_ATTEMPTS || System.nanoTime() - deadline > 0;
    }

    private int length() {
        return best.choices().length;
    }

    /** Shorter is simpler; among equally long sequences, lexicographically smaller is simpler. */
    static boolean simpler(long[] a, long[] b) {
        return a.length != b.length ? a.length < b.length : Arrays.compare(a, b) < 0;
    }

    private static long[] without(long[] choices, int from, int count) {
        long[] out = new long[choices.length - count];
        System.arraycopy(choices, 0, out, 0, from);
        System.arraycopy(choices, from + count, out, from, choices.length - from - count);
        return out;
    }

    /** A 64-bit hash; remembering hashes instead of whole sequences keeps memory flat for big values. */
    private static long fingerprint(long[] choices) {
        long h = choices.length;
        for (long c : choices) {
            h = (h ^ c) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        return h;
    }
}
