package org.adjoint.core;

import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The bridge between tensors and commons-math3's linear algebra: conversions both ways, and the few
 * decompositions the optimizers need, with errors phrased in terms of tensors.
 */
public final class LinearAlgebra {

    /** Pivots below this (relative to the matrix) make LU declare a matrix singular. */
    private static final double SINGULARITY_THRESHOLD = 1e-14;

    private LinearAlgebra() {
    }

    /** Eigenvalues in ascending order and the matching unit eigenvectors as the columns of a matrix. */
    public record SymmetricEigen(Tensor values, Tensor vectors) {
        /** Refuses nulls. */
        public SymmetricEigen {
            Objects.requireNonNull(values, "values");
            Objects.requireNonNull(vectors, "vectors");
        }
    }

    /** A commons-math3 matrix holding a copy of a rank-2 tensor. */
    public static RealMatrix toMatrix(Tensor t) {
        requireRank("toMatrix", t, 2);
        int rows = t.shape.dim(0);
        int cols = t.shape.dim(1);
        double[][] data = new double[rows][];
        for (int i = 0; i < rows; i++) {
            data[i] = java.util.Arrays.copyOfRange(t.data, i * cols, (i + 1) * cols);
        }
        return new Array2DRowRealMatrix(data, false);
    }

    /** A commons-math3 vector holding a copy of a rank-1 tensor. */
    public static RealVector toVector(Tensor t) {
        requireRank("toVector", t, 1);
        return new ArrayRealVector(t.data);
    }

    /** A rank-2 tensor holding a copy of {@code m}. */
    public static Tensor fromMatrix(RealMatrix m) {
        int rows = m.getRowDimension();
        int cols = m.getColumnDimension();
        Shape shape = Shape.of("fromMatrix", rows, cols);
        double[] data = new double[shape.size()];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(m.getRow(i), 0, data, i * cols, cols);
        }
        return new Tensor(shape, data);
    }

    /** A rank-1 tensor holding a copy of {@code v}. */
    public static Tensor fromVector(RealVector v) {
        return new Tensor(Shape.of(v.getDimension()), v.toArray());
    }

    /**
     * The solution x of {@code a·x = b} by LU decomposition with partial pivoting; {@code b} is a
     * vector or a matrix of right-hand sides.
     *
     * @throws SingularMatrixException if {@code a} is singular to working precision
     */
    public static Tensor solve(Tensor a, Tensor b) {
        requireSquare("solve", a);
        if (b.rank() < 1 || b.rank() > 2 || b.shape.dim(0) != a.shape.dim(0)) {
            throw new IllegalArgumentException("solve: " + a.shape + " · x = " + b.shape
                    + " — the right-hand side must have " + a.shape.dim(0) + " rows");
        }
        requireFinite("solve", a);
        LUDecomposition lu = new LUDecomposition(toMatrix(a), SINGULARITY_THRESHOLD);
        if (!lu.getSolver().isNonSingular()) {
            throw new SingularMatrixException("solve: the " + a.shape + " matrix is singular (an LU pivot is below "
                    + SINGULARITY_THRESHOLD + ")");
        }
        if (b.rank() == 1) {
            return fromVector(lu.getSolver().solve(toVector(b)));
        }
        return fromMatrix(lu.getSolver().solve(toMatrix(b)));
    }

    /**
     * The eigendecomposition of a symmetric matrix (only the symmetric part {@code (a + aᵀ)/2} is used).
     *
     * @throws IllegalArgumentException if {@code a} is not square or holds NaN or infinity
     */
    public static SymmetricEigen symmetricEigen(Tensor a) {
        requireSquare("symmetricEigen", a);
        requireFinite("symmetricEigen", a);
        Tensor sym = a.add(a.transpose()).mul(0.5);
        EigenDecomposition eig = new EigenDecomposition(toMatrix(sym));
        int n = a.shape.dim(0);
        double[] values = eig.getRealEigenvalues();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(values[i], values[j]));
        double[] sortedValues = new double[n];
        double[] vectors = new double[n * n];
        for (int c = 0; c < n; c++) {
            sortedValues[c] = values[order[c]];
            double[] v = eig.getEigenvector(order[c]).toArray();
            for (int r = 0; r < n; r++) {
                vectors[r * n + c] = v[r];
            }
        }
        return new SymmetricEigen(new Tensor(Shape.of(n), sortedValues), new Tensor(Shape.of(n, n), vectors));
    }

    /**
     * The Cholesky factorization {@code a = L·Lᵀ} of a symmetric positive definite matrix, or empty if
     * {@code a} is not positive definite to working precision (a pivot at or below
     * {@code 1e-12 · max|aᵢᵢ|}).
     *
     * @throws IllegalArgumentException if {@code a} is not square, not finite, or not symmetric: some
     *                                  {@code |aᵢⱼ − aⱼᵢ| > 1e-10 · max(|aᵢⱼ|, |aⱼᵢ|)} (the message names the
     *                                  pair, its values and the tolerance); symmetrize a matrix that is
     *                                  symmetric only to rounding first
     */
    public static Optional<Cholesky> cholesky(Tensor a) {
        requireSquare("cholesky", a);
        requireFinite("cholesky", a);
        return Cholesky.factor(a);
    }

    private static void requireRank(String op, Tensor t, int rank) {
        if (t.rank() != rank) {
            throw new IllegalArgumentException(op + ": expected rank " + rank + " but got shape " + t.shape);
        }
    }

    private static void requireSquare(String op, Tensor a) {
        if (a.rank() != 2 || a.shape.dim(0) != a.shape.dim(1)) {
            throw new IllegalArgumentException(op + ": expected a square matrix but got shape " + a.shape);
        }
    }

    private static void requireFinite(String op, Tensor a) {
        if (!a.isFinite()) {
            throw new IllegalArgumentException(op + ": the " + a.shape + " matrix holds NaN or infinity");
        }
    }
}
