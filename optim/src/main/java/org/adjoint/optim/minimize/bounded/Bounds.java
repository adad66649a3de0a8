package org.adjoint.optim.minimize.bounded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.adjoint.core.Tensor;

/**
 * Simple bounds {@code lᵢ ≤ xᵢ ≤ uᵢ} on each variable of a vector; either side may be absent
 * ({@code lᵢ = −∞}, {@code uᵢ = +∞}), and {@code lᵢ = uᵢ} fixes a variable. Immutable.
 *
 * <p>Refused at construction, with the index and the values in the message: arrays of different
 * lengths, a NaN bound, {@code lᵢ > uᵢ}, and {@code lᵢ = +∞} or {@code uᵢ = −∞} (an empty interval).
 */
public final class Bounds {

    private final double[] lower;
    private final double[] upper;

    private Bounds(double[] lower, double[] upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * The bounds {@code lower[i] ≤ xᵢ ≤ upper[i]}; use {@code Double.NEGATIVE_INFINITY} or
     * {@code Double.POSITIVE_INFINITY} for a side without a bound. The arrays are copied.
     *
     * @throws IllegalArgumentException if the lengths differ or are 0, a bound is NaN, or a lower bound
     *                                  exceeds its upper bound (naming the index and both values)
     */
    public static Bounds of(double[] lower, double[] upper) {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        if (lower.length != upper.length || lower.length == 0) {
            throw new IllegalArgumentException("Bounds: lower and upper must have one non-zero length, got "
                    + lower.length + " and " + upper.length);
        }
        for (int i = 0; i < lower.length; i++) {
            check(i, lower[i], upper[i]);
        }
        return new Bounds(lower.clone(), upper.clone());
    }

    /** The bounds of two vectors of one length; see {@link #of(double[], double[])}. */
    public static Bounds of(Tensor lower, Tensor upper) {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        if (lower.rank() != 1 || upper.rank() != 1) {
            throw new IllegalArgumentException("Bounds: lower and upper must be vectors, got shapes " + lower.shape()
                    + " and " + upper.shape());
        }
        return of(lower.toArray(), upper.toArray());
    }

    /** The same interval {@code [lower, upper]} for each of {@code n} variables. */
    public static Bounds box(int n, double lower, double upper) {
        requirePositive(n);
        double[] l = new double[n];
        double[] u = new double[n];
        Arrays.fill(l, lower);
        Arrays.fill(u, upper);
        return of(l, u);
    }

    /** No bound on any of {@code n} variables: L-BFGS-B is then L-BFGS. */
    public static Bounds unbounded(int n) {
        return box(n, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** {@code xᵢ ≥ 0} for each of {@code n} variables. */
    public static Bounds nonNegative(int n) {
        return box(n, 0, Double.POSITIVE_INFINITY);
    }

    private static void requirePositive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Bounds: the number of variables must be positive, got " + n);
        }
    }

    private static void check(int i, double l, double u) {
        if (Double.isNaN(l) || Double.isNaN(u)) {
            throw new IllegalArgumentException("Bounds: bound " + i + " is NaN: lower = " + l + ", upper = " + u);
        }
        if (l > u) {
            throw new IllegalArgumentException("Bounds: lower bound " + i + " exceeds its upper bound: " + l + " > " + u);
        }
        if (l == Double.POSITIVE_INFINITY || u == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("Bounds: bound " + i + " leaves no feasible value: lower = " + l
                    + ", upper = " + u);
        }
    }

    /** n, the number of variables. */
    public int dimension() {
        return lower.length;
    }

    /** lᵢ, −∞ when variable i has no lower bound. */
    public double lower(int i) {
        return lower[index(i)];
    }

    /** uᵢ, +∞ when variable i has no upper bound. */
    public double upper(int i) {
        return upper[index(i)];
    }

    /** The lower bounds as a new array. */
    public double[] lower() {
        return lower.clone();
    }

    /** The upper bounds as a new array. */
    public double[] upper() {
        return upper.clone();
    }

    /** Whether every variable has both a finite lower and a finite upper bound. */
    public boolean isBoxed() {
        for (int i = 0; i < lower.length; i++) {
            if (Double.isInfinite(lower[i]) || Double.isInfinite(upper[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether no variable has a bound. */
    public boolean isUnbounded() {
        for (int i = 0; i < lower.length; i++) {
            if (Double.isFinite(lower[i]) || Double.isFinite(upper[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code l ≤ x ≤ u}.
     *
     * @throws IllegalArgumentException if x is not a vector of length n
     */
    public boolean contains(Tensor x) {
        double[] v = values("contains", x);
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= lower[i] && v[i] <= upper[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code P(x)}, the nearest point of the box: each {@code xᵢ} clipped to {@code [lᵢ, uᵢ]}.
     *
     * @throws IllegalArgumentException if x is not a vector of length n
     */
    public Tensor project(Tensor x) {
        double[] v = values("project", x);
        for (int i = 0; i < v.length; i++) {
            v[i] = clip(i, v[i]);
        }
        return Tensor.vector(v);
    }

    /**
     * The projected gradient {@code P(x − g) − x}, the first-order optimality measure of a bounded
     * problem: zero exactly at a KKT point x (each component of g zero, or pointing out of the box at an
     * active bound). L-BFGS-B stops when its ∞-norm is small.
     *
     * @throws IllegalArgumentException if x or g is not a vector of length n
     */
    public Tensor projectedGradient(Tensor x, Tensor g) {
        double[] xv = values("projectedGradient", x);
        double[] gv = values("projectedGradient", g);
        double[] pg = new double[xv.length];
        for (int i = 0; i < pg.length; i++) {
            pg[i] = clip(i, xv[i] - gv[i]) - xv[i];
        }
        return Tensor.vector(pg);
    }

    /**
     * Which variables of x sit exactly at a bound. Iterates of the bounded minimizers are projected onto
     * the box, so a variable held by its bound equals it exactly.
     *
     * @throws IllegalArgumentException if x is not a vector of length n
     */
    public ActiveSet activeSet(Tensor x) {
        double[] v = values("activeSet", x);
        List<Integer> atLower = new ArrayList<>();
        List<Integer> atUpper = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (v[i] == lower[i]) {
                atLower.add(i);
            }
            if (v[i] == upper[i]) {
                atUpper.add(i);
            }
        }
        return new ActiveSet(atLower, atUpper);
    }

    /** {@code v} clipped to {@code [lᵢ, uᵢ]}. */
    double clip(int i, double v) {
        return Math.min(Math.max(v, lower[i]), upper[i]);
    }

    /**
     * The elements of x, checked to be a vector of length n.
     *
     * @throws IllegalArgumentException naming the operation and both shapes otherwise
     */
    double[] values(String operation, Tensor x) {
        Objects.requireNonNull(x, "x");
        if (x.rank() != 1 || x.size() != lower.length) {
            throw new IllegalArgumentException("Bounds." + operation + ": expected a vector of length " + lower.length
                    + ", got shape " + x.shape());
        }
        return x.toArray();
    }

    private int index(int i) {
        if (i < 0 || i >= lower.length) {
            throw new IndexOutOfBoundsException("Bounds: variable " + i + " out of range for " + lower.length + " variables");
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bounds b && Arrays.equals(lower, b.lower) && Arrays.equals(upper, b.upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Bounds[");
        for (int i = 0; i < lower.length; i++) {
            s.append(i == 0 ? "" : ", ").append('[').append(lower[i]).append(", ").append(upper[i]).append(']');
        }
        return s.append(']').toString();
    }
}
