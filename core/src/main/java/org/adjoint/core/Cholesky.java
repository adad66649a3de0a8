package org.adjoint.core;

import java.util.Optional;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;

/**
 * The Cholesky factorization {@code A = L·Lᵀ} of a symmetric positive definite matrix (commons-math3's
 * {@code CholeskyDecomposition}), and solves with it. Newton's method uses it to solve
 * {@code H·p = −g} and to test whether a Hessian is positive definite. Made by
 * {@link LinearAlgebra#cholesky}.
 */
public final class Cholesky {

    /** Asymmetry tolerated, relative to the entries: a Hessian computed row by row is symmetric only to rounding. */
    private static final double SYMMETRY = 1e-10;

    private final CholeskyDecomposition decomposition;

    private Cholesky(CholeskyDecomposition decomposition) {
        this.decomposition = decomposition;
    }

    /** The factorization of {@code a}, or empty if a pivot is at or below {@code 1e-12 · max|aᵢᵢ|}. */
    static Optional<Cholesky> factor(Tensor a) {
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
        } catch (NonSymmetricMatrixException e) {
            throw new IllegalArgumentException("cholesky: the " + a.shape + " matrix is not symmetric: " + e.getMessage(), e);
        }
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
