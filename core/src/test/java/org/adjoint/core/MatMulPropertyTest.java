package org.adjoint.core;

import static org.adjoint.core.TensorAssertions.EPS;
import static org.adjoint.core.TensorAssertions.assertWithin;

import java.util.Arrays;
import org.adjoint.testing.Gen;
import org.adjoint.testing.Property;
import org.junit.jupiter.api.Test;

/**
 * The matrix product against the textbook triple loop, {@code cᵢⱼ = Σₚ aᵢₚ·bₚⱼ}, for every
 * combination of matrix and vector operands. The kernel may group its sums differently, so each
 * element must match within twice the rounding bound of k products and k additions,
 * {@code (k + 1)·(EPS/2)·Σₚ|aᵢₚ·bₚⱼ|}: once for the kernel, once for the reference.
 */
class MatMulPropertyTest {

    private static final int MAX_EXTENT = 12;

    /**
     * Operands for {@code a.matmul(b)}: an m×k matrix or, as NumPy treats it, a k-vector acting as a
     * row; a k×n matrix or a k-vector acting as a column.
     */
    record Operands(Tensor a, Tensor b) {
        @Override
        public String toString() {
            return a.shape() + " @ " + b.shape() + ": a = " + Arrays.toString(a.toArray()) + ", b = "
                    + Arrays.toString(b.toArray());
        }
    }

    private static final Gen<Operands> OPERANDS = source -> {
        int m = Gen.integers(1, MAX_EXTENT).generate(source);
        int k = Gen.integers(1, MAX_EXTENT).generate(source);
        int n = Gen.integers(1, MAX_EXTENT).generate(source);
        Shape left = Gen.booleans().generate(source) ? Shape.of(k) : Shape.of(m, k);
        Shape right = Gen.booleans().generate(source) ? Shape.of(k) : Shape.of(k, n);
        return new Operands(CoreGens.tensorOf(left).generate(source), CoreGens.tensorOf(right).generate(source));
    };

    @Test
    void matmulMatchesTheTripleLoopForMatricesAndVectors() {
        Property.forAll(OPERANDS).check(ab -> {
            Tensor a = ab.a();
            Tensor b = ab.b();
            assertWithin(naiveProduct(a, b, false), a.matmul(b), roundingBound(a, b), "matmul");
        });
    }

    /** (AB)ᵀ = BᵀAᵀ; for matrices only, since a vector's transpose is itself. */
    @Test
    void theTransposeOfAProductIsTheProductOfTheTransposesReversed() {
        Property.forAll(OPERANDS.filter(ab -> ab.a().rank() == 2 && ab.b().rank() == 2)).check(ab -> {
            Tensor a = ab.a();
            Tensor b = ab.b();
            assertWithin(a.matmul(b).transpose(), b.transpose().matmul(a.transpose()), roundingBound(a, b).transpose(),
                    "(AB)ᵀ vs BᵀAᵀ");
        });
    }

    /** Twice the bound on the rounding error of one computation of each element of {@code a @ b}. */
    private static Tensor roundingBound(Tensor a, Tensor b) {
        return naiveProduct(a, b, true).mul((a.shape().dim(-1) + 1) * EPS);
    }

    /**
     * {@code Σₚ aᵢₚ·bₚⱼ} (or {@code Σₚ |aᵢₚ·bₚⱼ|} for {@code magnitudes}) by a triple loop over
     * elements, in the shape NumPy gives: the vector axes are dropped.
     */
    private static Tensor naiveProduct(Tensor a, Tensor b, boolean magnitudes) {
        boolean rowVector = a.rank() == 1;
        boolean columnVector = b.rank() == 1;
        int m = rowVector ? 1 : a.shape().dim(0);
        int k = a.shape().dim(-1);
        int n = columnVector ? 1 : b.shape().dim(1);
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double term = (rowVector ? a.get(p) : a.get(i, p)) * (columnVector ? b.get(p) : b.get(p, j));
                    sum += magnitudes ? Math.abs(term) : term;
                }
                c[i * n + j] = sum;
            }
        }
        Shape shape = rowVector && columnVector ? Shape.SCALAR
                : rowVector ? Shape.of(n)
                : columnVector ? Shape.of(m)
                : Shape.of(m, n);
        return Tensor.of(shape, c);
    }
}
