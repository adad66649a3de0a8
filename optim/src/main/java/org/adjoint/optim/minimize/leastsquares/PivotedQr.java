package org.adjoint.optim.minimize.leastsquares;

/**
 * Householder QR with column pivoting of an m × n matrix (m ≥ n): {@code J·P = Q·R}, the pivot at each
 * stage the remaining column of largest norm (Golub and Van Loan, Algorithm 5.4.1), so that
 * {@code |R₀₀| ≥ |R₁₁| ≥ …} and a rank-deficient J shows as trailing zeros on R's diagonal. Q is kept
 * as its Householder vectors and applied to vectors, never formed. Immutable after construction.
 */
final class PivotedQr {

    private final int m;
    private final int n;
    /** The factored matrix, row-major m × n: R on and above the diagonal, Householder vectors below it. */
    private final double[] a;
    /** The Householder scalars βₖ, with Hₖ = I − βₖ·vₖvₖᵀ and vₖ's leading element stored in {@link #head}. */
    private final double[] beta;
    private final double[] head;
    private final double[] rDiagonal;
    private final int[] permutation;
    private final double[] columnNorms;

    /** Factors {@code j}, an m × n row-major matrix; {@code j} is not modified. */
    PivotedQr(double[] j, int m, int n) {
        this.m = m;
        this.n = n;
        this.a = j.clone();
        this.beta = new double[n];
        this.head = new double[n];
        this.rDiagonal = new double[n];
        this.permutation = new int[n];
        this.columnNorms = new double[n];
        for (int c = 0; c < n; c++) {
            permutation[c] = c;
            columnNorms[c] = columnNorm(c, 0);
        }
        for (int k = 0; k < n; k++) {
            swapColumns(k, largestRemaining(k));
            reflect(k);
        }
    }

    private int largestRemaining(int k) {
        int best = k;
        double bestNorm = -1;
        for (int c = k; c < n; c++) {
            double norm = columnNorm(c, k);
            if (norm > bestNorm) {
                bestNorm = norm;
                best = c;
            }
        }
        return best;
    }

    private double columnNorm(int c, int fromRow) {
        double scale = 0;
        for (int i = fromRow; i < m; i++) {
            scale = Math.max(scale, Math.abs(a[i * n + c]));
        }
        if (scale == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = fromRow; i < m; i++) {
            double t = a[i * n + c] / scale;
            sum += t * t;
        }
        return scale * Math.sqrt(sum);
    }

    private void swapColumns(int c1, int c2) {
        if (c1 == c2) {
            return;
        }
        for (int i = 0; i < m; i++) {
            double t = a[i * n + c1];
            a[i * n + c1] = a[i * n + c2];
            a[i * n + c2] = t;
        }
        int p = permutation[c1];
        permutation[c1] = permutation[c2];
        permutation[c2] = p;
    }

    /** Stage k: the reflector that zeroes column k below the diagonal, applied to the columns right of it. */
    private void reflect(int k) {
        double norm = columnNorm(k, k);
        if (norm == 0) {
            rDiagonal[k] = 0;
            return;
        }
        double alpha = a[k * n + k] > 0 ? -norm : norm;
        head[k] = a[k * n + k] - alpha;
        beta[k] = -1 / (alpha * head[k]);
        rDiagonal[k] = alpha;
        for (int c = k + 1; c < n; c++) {
            double s = head[k] * a[k * n + c];
            for (int i = k + 1; i < m; i++) {
                s += a[i * n + k] * a[i * n + c];
            }
            s *= beta[k];
            a[k * n + c] -= s * head[k];
            for (int i = k + 1; i < m; i++) {
                a[i * n + c] -= s * a[i * n + k];
            }
        }
    }

    /** {@code Qᵀb}, all m elements; {@code b} is not modified. */
    double[] qTransposeTimes(double[] b) {
        double[] y = b.clone();
        for (int k = 0; k < n; k++) {
            if (beta[k] == 0) {
                continue;
            }
            double s = head[k] * y[k];
            for (int i = k + 1; i < m; i++) {
                s += a[i * n + k] * y[i];
            }
            s *= beta[k];
            y[k] -= s * head[k];
            for (int i = k + 1; i < m; i++) {
                y[i] -= s * a[i * n + k];
            }
        }
        return y;
    }

    /**
     * The least-squares solution x of {@code J·x ≈ b} from {@code c = (Qᵀb)[0, n)}, in J's column order:
     * {@code R·y = c} by back substitution over the leading {@code rank} rows (y's trailing elements 0,
     * the basic solution when J is rank-deficient), then {@code x = P·y}.
     */
    double[] solve(double[] c, int rank) {
        double[] y = new double[n];
        for (int i = rank - 1; i >= 0; i--) {
            double s = c[i];
            for (int k = i + 1; k < rank; k++) {
                s -= a[i * n + k] * y[k];
            }
            y[i] = s / rDiagonal[i];
        }
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[permutation[k]] = y[k];
        }
        return x;
    }

    /**
     * {@code ‖R⁻ᵀPᵀq‖²}, which equals {@code qᵀ(JᵀJ)⁻¹q} since {@code JᵀJ = P·RᵀR·Pᵀ}; R must be
     * nonsingular.
     */
    double inverseNormSquared(double[] q) {
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double s = q[permutation[i]];
            for (int k = 0; k < i; k++) {
                s -= a[k * n + i] * w[k];
            }
            w[i] = s / rDiagonal[i];
            sum += w[i] * w[i];
        }
        return sum;
    }

    /**
     * J's numerical rank as pivoting reveals it: the number of leading stages k whose pivot keeps more
     * than {@code m·ε} of its column's norm, {@code |Rₖₖ| > m·ε·‖J·e_{P(k)}‖} (what is left is rounding
     * of a combination of the columns before it; the threshold is relative to each column, so it does not
     * depend on the parameters' scales).
     */
    int rank() {
        double tolerance = m * Math.ulp(1.0);
        int k = 0;
        while (k < n && Math.abs(rDiagonal[k]) > tolerance * columnNorms[permutation[k]]) {
            k++;
        }
        return k;
    }

    /** {@code (Jᵀb)} in J's column order, from {@code c = (Qᵀb)[0, n)}: {@code P·Rᵀc}. */
    double[] jTransposeTimes(double[] c) {
        double[] g = new double[n];
        for (int k = 0; k < n; k++) {
            double s = rDiagonal[k] * c[k];
            for (int i = 0; i < k; i++) {
                s += a[i * n + k] * c[i];
            }
            g[permutation[k]] = s;
        }
        return g;
    }

    /**
     * {@code (JᵀJ)⁻¹} in J's column order, n × n row-major, from {@code (JᵀJ)⁻¹ = P·R⁻¹R⁻ᵀ·Pᵀ}; R must
     * be nonsingular.
     */
    double[] inverseGram() {
        double[] rInv = new double[n * n];
        for (int c = n - 1; c >= 0; c--) {
            rInv[c * n + c] = 1 / rDiagonal[c];
            for (int i = c - 1; i >= 0; i--) {
                double s = 0;
                for (int k = i + 1; k <= c; k++) {
                    s += a[i * n + k] * rInv[k * n + c];
                }
                rInv[i * n + c] = -s / rDiagonal[i];
            }
        }
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = Math.max(i, j); k < n; k++) {
                    s += rInv[i * n + k] * rInv[j * n + k];
                }
                g[permutation[i] * n + permutation[j]] = s;
            }
        }
        return g;
    }

    /** R, n × n row-major upper triangular (a fresh copy). */
    double[] r() {
        double[] r = new double[n * n];
        for (int i = 0; i < n; i++) {
            r[i * n + i] = rDiagonal[i];
            for (int c = i + 1; c < n; c++) {
                r[i * n + c] = a[i * n + c];
            }
        }
        return r;
    }

    /** P as a map: column k of J·P is column {@code permutation()[k]} of J (a fresh copy). */
    int[] permutation() {
        return permutation.clone();
    }

    /** The Euclidean norms of J's columns, in J's own order (a fresh copy). */
    double[] columnNorms() {
        return columnNorms.clone();
    }
}
