package org.adjoint.optim.minimize.bounded;

import java.util.ArrayList;
import java.util.List;

/**
 * The limited-memory BFGS matrix of L-BFGS-B in compact form (Byrd, Nocedal and Schnabel 1994;
 * Byrd, Lu, Nocedal and Zhu 1995, section 3):
 * <pre>
 *   B = θ·I − W·M·Wᵀ,   W = [Y  θS]  (n × 2k),
 *   M = [ −D   Lᵀ  ]⁻¹      D = diag(sᵢᵀyᵢ),  Lᵢⱼ = sᵢᵀyⱼ for i &gt; j (else 0),
 *       [  L  θSᵀS ]
 * </pre>
 * with the k ≤ m newest pairs {@code sᵢ = xᵢ₊₁ − xᵢ}, {@code yᵢ = gᵢ₊₁ − gᵢ} (oldest first) and
 * {@code θ = yᵀy / sᵀy} of the newest pair (θ = 1 and B = I with no pair). A pair is kept only if
 * {@code sᵀy > ε·yᵀy} (ε the machine epsilon), the paper's test, so that B stays positive definite.
 * One instance per run; mutable.
 */
final class CompactMemory {

    private static final double EPS = Math.ulp(1.0);

    private final int memory;
    private final List<double[]> s = new ArrayList<>();
    private final List<double[]> y = new ArrayList<>();
    private double theta = 1;
    private double[][] m = new double[0][0];

    CompactMemory(int memory) {
        this.memory = memory;
    }

    /** k, the number of pairs kept. */
    int pairs() {
        return s.size();
    }

    /** θ, the scaling of the identity in B. */
    double theta() {
        return theta;
    }

    /** Row i of W: {@code (y₁ᵢ … yₖᵢ, θs₁ᵢ … θsₖᵢ)}. */
    double[] row(int i) {
        int k = s.size();
        double[] w = new double[2 * k];
        for (int j = 0; j < k; j++) {
            w[j] = y.get(j)[i];
            w[k + j] = theta * s.get(j)[i];
        }
        return w;
    }

    /** {@code M·v}, v of length 2k. */
    double[] timesM(double[] v) {
        return Dense.times(m, v);
    }

    /** Forgets every pair: B = I. */
    void clear() {
        s.clear();
        y.clear();
        theta = 1;
        m = new double[0][0];
    }

    /** Adds the pair (s, y) if {@code sᵀy > ε·yᵀy}, dropping the oldest beyond m; returns whether it was kept. */
    boolean update(double[] step, double[] change) {
        double sy = Dense.dot(step, change);
        double yy = Dense.dot(change, change);
        if (!(sy > EPS * yy)) {
            return false;
        }
        s.add(step);
        y.add(change);
        if (s.size() > memory) {
            s.remove(0);
            y.remove(0);
        }
        theta = yy / sy;
        m = Dense.inverse(middle());
        return true;
    }

    /** The 2k × 2k matrix whose inverse is M. */
    private double[][] middle() {
        int k = s.size();
        double[][] a = new double[2 * k][2 * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double l = i > j ? Dense.dot(s.get(i), y.get(j)) : 0;
                a[k + i][j] = l;
                a[j][k + i] = l;
                a[k + i][k + j] = theta * Dense.dot(s.get(i), s.get(j));
            }
            a[i][i] = -Dense.dot(s.get(i), y.get(i));
        }
        return a;
    }
}
