package org.adjoint.core;

import java.util.Optional;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * The Cholesky factorization {@code A = L·Lᵀ} of a symmetric positive definite matrix (commons-math3's
 * {@code CholeskyDecomposition}), and solves with it. Newton's method uses it to solve
 * {@code H·p = −g} and to test whether a Hessian is positive definite. Made by
 * {@link LinearAlgebra#cholesky}.
 */
public final class Cholesky {

    /**
     * The asymmetry tolerated between {@code aᵢⱼ} and {@code aⱼᵢ}, relative to the larger of the two. The
     * check is strict on purpose: a matrix a user passes is expected to be symmetric; code that factors a
     * computed matrix, symmetric only to rounding, symmetrizes it first ({@code (A + Aᵀ)/2}).
     */
    static final double SYMMETRY = 1e-10;

    private final CholeskyDecomposition decomposition;

    private Cholesky(CholeskyDecomposition decomposition) {
        this.decomposition = decomposition;
    }

    /** The factorization of {@code a}, or empty if a pivot is at or below {@code 1e-12 · max|aᵢᵢ|}. */
    static Optional<Cholesky> factor(Tensor a) {
        requireSymmetric(a);
        int n = a.shape.dim(0);
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(a.data[i * n + i]));
        }
        try {
            return Optional.of(new Cholesky(new CholeskyDecomposition(LinearAlgebra.toMatrix(a), SYMMETRY,
                    1e-12 * Math.max(scale, Double.MIN_NORMAL))));
        } catch (NonPositiveDefiniteMatrixException e) {
            return Optional.empty();
        }
    }

    /**
     * Throws unless {@code |aᵢⱼ − aⱼᵢ| ≤ SYMMETRY · max(|aᵢⱼ|, |aⱼᵢ|)} for every pair, naming the pair
     * with the largest relative asymmetry, its values, the tolerance, and how many pairs fail.
     */
    private static void requireSymmetric(Tensor a) {
        int n = a.shape.dim(0);
        int worstI = -1;
        int worstJ = -1;
        double worst = 0;
        int failures = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double aij = a.data[i * n + j];
                double aji = a.data[j * n + i];
                double difference = Math.abs(aij - aji);
                double relative = difference / Math.max(Math.abs(aij), Math.abs(aji));
                if (difference > SYMMETRY * Math.max(Math.abs(aij), Math.abs(aji))) {
                    failures++;
                    if (relative > worst) {
                        worst = relative;
                        worstI = i;
                        worstJ = j;
                    }
                }
            }
        }
        if (failures > 0) {
            throw new IllegalArgumentException(asymmetryMessage(a, worstI, worstJ, failures));
        }
    }

    private static String asymmetryMessage(Tensor a, int i, int j, int failures) {
        int n = a.shape.dim(0);
        double aij = a.data[i * n + j];
        double aji = a.data[j * n + i];
        return "cholesky: the " + a.shape + " matrix is not symmetric: a[" + i + "][" + j + "] = " + aij + " but a[" + j
                + "][" + i + "] = " + aji + ", a difference of " + Math.abs(aij - aji) + " > " + SYMMETRY
                + " × max(|a[" + i + "][" + j + "]|, |a[" + j + "][" + i + "]|) = "
                + SYMMETRY * Math.max(Math.abs(aij), Math.abs(aji)) + " (" + failures + " of " + n * (n - 1) / 2
                + " pairs differ by more than that; symmetrize with (A + Aᵀ)/2 if A is symmetric only to rounding)";
    }

    /** The lower-triangular factor L. */
    public Tensor lower() {
        return LinearAlgebra.fromMatrix(decomposition.getL());
    }

    /** The solution x of {@code A·x = b} for a vector b. */
    public Tensor solve(Tensor b) {
        int n = decomposition.getL().getRowDimension();
        if (b.rank() != 1 || b.size() != n) {
            throw new IllegalArgumentException("Cholesky.solve: the right-hand side has shape " + b.shape
                    + " but the matrix is " + n + " × " + n);
        }
        return LinearAlgebra.fromVector(decomposition.getSolver().solve(LinearAlgebra.toVector(b)));
    }
}
