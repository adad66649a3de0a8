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

    @Test
    void saddleHasEigenvaluesOfBothSigns() {
        LinearAlgebra.SymmetricEigen eig = LinearAlgebra.symmetricEigen(Tensor.matrix(new double[][] {{2, 0}, {0, -2}}));
        assertEquals(Tensor.vector(-2, 2), eig.values());
    }
}
