package org.adjoint.core;

import static org.adjoint.core.TensorAssertions.EPS;
import static org.adjoint.core.TensorAssertions.assertWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
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

    /**
     * Matrices large enough for the kernels' tiles (four rows by two vectors), their edges and the
     * parallel split: each kernel, called directly, against the triple loop.
     */
    @Test
    void bothKernelsMatchTheTripleLoopOnLargerMatrices() {
        Gen<Operands> large = Gen.zip(Gen.integers(1, 70), Gen.integers(1, 70), Gen.integers(1, 70)).flatMap(t ->
                Gen.zip(CoreGens.tensorOf(Shape.of(t.first(), t.second())), CoreGens.tensorOf(Shape.of(t.second(), t.third())),
                        Operands::new));
        Property.forAll(large).scaledTries(0.25).check(ab -> {
            Tensor a = ab.a();
            Tensor b = ab.b();
            int m = a.shape().dim(0);
            int k = a.shape().dim(1);
            int n = b.shape().dim(1);
            for (MatMul.Kernel kernel : new MatMul.Kernel[] {MatMul.JAVA, MatMul.KERNEL}) {
                double[] c = new double[m * n];
                kernel.rows(a.toArray(), k, 1, b.toArray(), c, k, n, 0, m);
                assertWithin(naiveProduct(a, b, false), Tensor.of(Shape.of(m, n), c), roundingBound(a, b), "kernel " + kernel);
            }
            assertWithin(naiveProduct(a, b, false), a.matmul(b), roundingBound(a, b), "matmul, parallel when large");
        });
    }

    /** The Vector API kernel is used exactly when its module is present and not switched off (see core/pom.xml). */
    @Test
    void theVectorKernelIsUsedWhenItsModuleIsPresent() {
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        boolean wanted = !"false".equals(System.getProperty("adjoint.vector"));
        assertEquals(present && wanted ? "Vector API" : "pure Java", MatMul.kernelName());
    }

    /**
     * The transposed products read their operands in place: {@code transposedMatmul} walks A by
     * columns, so sizes up to 70 also cover its tiles, edges and parallel split.
     */
    @Test
    void transposedProductsMatchTheTripleLoopOnTheTransposedOperand() {
        Gen<Operands> matrices = Gen.zip(Gen.integers(1, 70), Gen.integers(1, 70), Gen.integers(1, 70)).flatMap(t ->
                Gen.zip(CoreGens.tensorOf(Shape.of(t.first(), t.second())), CoreGens.tensorOf(Shape.of(t.second(), t.third())),
                        Operands::new));
        Property.forAll(matrices).scaledTries(0.25).check(ab -> {
            Tensor a = ab.a();
            Tensor b = ab.b();
            Tensor expected = naiveProduct(a, b, false);
            Tensor bound = roundingBound(a, b);
            assertWithin(expected, a.matmulTransposed(b.transpose()), bound, "a · (bᵀ)ᵀ");
            assertWithin(expected, a.transpose().transposedMatmul(b), bound, "(aᵀ)ᵀ · b");
        });
    }

    @Test
    void transposedProductsRejectMismatchedOrNonMatrixOperands() {
        Tensor a = Tensor.zeros(3, 4);
        IllegalArgumentException inner = assertThrows(IllegalArgumentException.class,
                () -> a.matmulTransposed(Tensor.zeros(2, 5)));
        assertTrue(inner.getMessage().contains("matmulTransposed: [3, 4] @ [2, 5]ᵀ"),
                inner.getMessage());
        IllegalArgumentException columns = assertThrows(IllegalArgumentException.class,
                () -> a.transposedMatmul(Tensor.zeros(4, 2)));
        assertTrue(columns.getMessage().contains("inner dimensions 3 and 4"),
                columns.getMessage());
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> a.transposedMatmul(Tensor.zeros(3)));
        assertTrue(rank.getMessage().contains("must both be matrices"), rank.getMessage());
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
