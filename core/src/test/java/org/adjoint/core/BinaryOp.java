package org.adjoint.core;

import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import org.adjoint.verify.Gen;

/**
 * One broadcasting binary operation of {@link Tensor}: the method, what it computes on one pair of
 * elements, and the domain of each operand on which to test it. {@link #CATALOGUE} lists them all;
 * {@code BroadcastingPropertyTest} fails when a public binary method of {@code Tensor} is missing.
 *
 * @param method the name of the {@code Tensor} method
 * @param domain what the operands are, for failure reports
 * @param kernel the method itself
 * @param scalar the same operation on one pair of elements
 * @param left the elements of the left operand
 * @param right the elements of the right operand
 */
record BinaryOp(String method, String domain, BinaryOperator<Tensor> kernel, DoubleBinaryOperator scalar,
        Gen<Double> left, Gen<Double> right) {

    /** Small whole numbers, so that comparisons meet ties often. */
    private static final Gen<Double> SMALL_INTEGERS = Gen.integers(-2, 2).map(Integer::doubleValue);

    /** A non-commutative function for {@link Tensor#zip}, so that swapped operands would show. */
    private static final DoubleBinaryOperator ZIPPED = (a, b) -> 3 * a - b * b;

    static final List<BinaryOp> CATALOGUE = List.of(
            new BinaryOp("add", "reals", Tensor::add, (a, b) -> a + b, CoreGens.ELEMENTS, CoreGens.ELEMENTS),
            new BinaryOp("sub", "reals", Tensor::sub, (a, b) -> a - b, CoreGens.ELEMENTS, CoreGens.ELEMENTS),
            new BinaryOp("mul", "reals", Tensor::mul, (a, b) -> a * b, CoreGens.ELEMENTS, CoreGens.ELEMENTS),
            new BinaryOp("mulPositiveMask", "reals", Tensor::mulPositiveMask, (a, b) -> b > 0 ? a : Double.isNaN(b) ? Double.NaN : a * 0.0,
                    CoreGens.ELEMENTS, CoreGens.ELEMENTS),
            new BinaryOp("div", "divisors away from 0", Tensor::div, (a, b) -> a / b,
                    CoreGens.ELEMENTS, Gen.doublesAwayFrom(-10, 10, 0, 0.1)),
            new BinaryOp("pow", "positive bases", Tensor::pow, Math::pow, Gen.doubles(0.01, 10), Gen.doubles(-3, 3)),
            new BinaryOp("pow", "integer exponents", Tensor::pow, Math::pow,
                    CoreGens.ELEMENTS, Gen.integers(-3, 3).map(Integer::doubleValue)),
            new BinaryOp("maximum", "reals", Tensor::maximum, Math::max, CoreGens.ELEMENTS, CoreGens.ELEMENTS),
            new BinaryOp("minimum", "reals", Tensor::minimum, Math::min, CoreGens.ELEMENTS, CoreGens.ELEMENTS),
            new BinaryOp("gt", "small integers", Tensor::gt, (a, b) -> a > b ? 1 : 0, SMALL_INTEGERS, SMALL_INTEGERS),
            new BinaryOp("ge", "small integers", Tensor::ge, (a, b) -> a >= b ? 1 : 0, SMALL_INTEGERS, SMALL_INTEGERS),
            new BinaryOp("lt", "small integers", Tensor::lt, (a, b) -> a < b ? 1 : 0, SMALL_INTEGERS, SMALL_INTEGERS),
            new BinaryOp("le", "small integers", Tensor::le, (a, b) -> a <= b ? 1 : 0, SMALL_INTEGERS, SMALL_INTEGERS),
            new BinaryOp("eq", "small integers", Tensor::eq, (a, b) -> a == b ? 1 : 0, SMALL_INTEGERS, SMALL_INTEGERS),
            new BinaryOp("zip", "reals, f(a, b) = 3a − b²", (a, b) -> a.zip(b, ZIPPED), ZIPPED,
                    CoreGens.ELEMENTS, CoreGens.ELEMENTS));

    /** {@code pow on positive bases}. */
    @Override
    public String toString() {
        return method + " on " + domain;
    }
}
