package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class LinearAlgebraTest {

    private static final Tensor A = Tensor.matrix(new double[][] {{4, 1}, {1, 3}});

    @Test
    void convertsBothWaysWithoutLoss() {
        RealMatrix m = LinearAlgebra.toMatrix(A);
        assertEquals(1.0, m.getEntry(0, 1));
        assertEquals(A, LinearAlgebra.fromMatrix(m));
        Tensor v = Tensor.vector(0.1, 0.2, 0.3);
        assertEquals(v, LinearAlgebra.fromVector(LinearAlgebra.toVector(v)));
        assertThrows(IllegalArgumentException.class, () -> LinearAlgebra.toMatrix(v));
    }

    @Test
    void solvesVectorAndMatrixRightHandSides() {
        Tensor x = LinearAlgebra.solve(A, Tensor.vector(1, 2));
        assertTrue(A.matmul(x).allClose(Tensor.vector(1, 2), 1e-14, 1e-14), x::toString);
        Tensor inverse = LinearAlgebra.solve(A, Tensor.identity(2));
        assertTrue(A.matmul(inverse).allClose(Tensor.identity(2), 1e-14, 1e-14), inverse::toString);
    }

    @Test
    void singularAndMalformedSystemsFailClearly() {
        Tensor singular = Tensor.matrix(new double[][] {{1, 2}, {2, 4}});
        SingularMatrixException e = assertThrows(SingularMatrixException.class,
                () -> LinearAlgebra.solve(singular, Tensor.vector(1, 1)));
        assertTrue(e.getMessage().startsWith("solve: the [2, 2] matrix is singular"), e.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> LinearAlgebra.solve(A, Tensor.vector(1, 2, 3)));
        assertEquals("solve: [2, 2] · x = [3] — the right-hand side must have 2 rows", shape.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LinearAlgebra.solve(Tensor.matrix(new double[][] {{Double.NaN, 0}, {0, 1}}), Tensor.vector(1, 1)));
    }

    @Test
    void symmetricEigenSortsAscendingAndReconstructs() {
        LinearAlgebra.SymmetricEigen eig = LinearAlgebra.symmetricEigen(A);
        double[] values = eig.values().toArray();
        assertTrue(values[0] <= values[1]);
        assertEquals(7.0, values[0] + values[1], 1e-12);
        assertEquals(11.0, values[0] * values[1], 1e-12);
        Tensor q = eig.vectors();
        Tensor rebuilt = q.mul(eig.values()).matmul(q.transpose());
        assertTrue(rebuilt.allClose(A, 1e-12, 1e-12), rebuilt::toString);
    }

    @Test
    void choleskyFactorsPositiveDefiniteMatricesAndRefusesOthers() {
        Cholesky c = LinearAlgebra.cholesky(A).orElseThrow();
        assertTrue(c.lower().matmul(c.lower().transpose()).allClose(A, 1e-14, 1e-14));
        assertEquals(0.0, c.lower().get(0, 1));
        Tensor x = c.solve(Tensor.vector(1, 2));
        assertTrue(A.matmul(x).allClose(Tensor.vector(1, 2), 1e-14, 1e-14), x::toString);
        assertTrue(LinearAlgebra.cholesky(Tensor.matrix(new double[][] {{1, 2}, {2, 1}})).isEmpty(), "indefinite");
        assertTrue(LinearAlgebra.cholesky(Tensor.matrix(new double[][] {{1, 1}, {1, 1}})).isEmpty(), "singular");
        assertTrue(LinearAlgebra.cholesky(Tensor.zeros(2, 2)).isEmpty(), "zero");
        assertThrows(IllegalArgumentException.class, () -> c.solve(Tensor.vector(1, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> LinearAlgebra.cholesky(Tensor.matrix(new double[][] {{1, 0}, {1, 1}})));
    }

    /** A user's matrix is checked strictly; the message names the worst pair, its values and the tolerance. */
    @Test
    void choleskyRefusesAnAsymmetricMatrixNamingThePairAndTheTolerance() {
        Tensor a = Tensor.matrix(new double[][] {{2, 1e-17, 0}, {0, 2, 1}, {0, 1 + 1e-9, 2}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinearAlgebra.cholesky(a));
        assertEquals("cholesky: the [3, 3] matrix is not symmetric: a[0][1] = 1.0E-17 but a[1][0] = 0.0, a difference of"
                + " 1.0E-17 > 1.0E-10 × max(|a[0][1]|, |a[1][0]|) = 1.0E-27 (2 of 3 pairs differ by more than that;"
                + " symmetrize with (A + Aᵀ)/2 if A is symmetric only to rounding)", e.getMessage());
        Tensor symmetricToTheTolerance = Tensor.matrix(new double[][] {{2, 1}, {1 + 1e-11, 2}});
        assertTrue(LinearAlgebra.cholesky(symmetricToTheTolerance).isPresent());
    }

    @Test
    void saddleHasEigenvaluesOfBothSigns() {
        LinearAlgebra.SymmetricEigen eig = LinearAlgebra.symmetricEigen(Tensor.matrix(new double[][] {{2, 0}, {0, -2}}));
        assertEquals(Tensor.vector(-2, 2), eig.values());
    }
}
