package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Extreme inputs through values, gradients and Hessians: each gets its exact finite answer, the
 * IEEE infinity it documents, or a clear exception — never a NaN that surfaces ops later.
 */
class NumericalEdgeCaseTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double NEG_INF = Double.NEGATIVE_INFINITY;
    private static final double LOG_2 = Math.log(2);

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    /** The tensor with −0 made +0: exact comparisons here are about values, not the sign of a zero. */
    private static Tensor unsigned(Tensor t) {
        return t.add(0.0);
    }

    private static Tensor matrix(double[]... rows) {
        return Tensor.matrix(rows);
    }

    // ------------------------------------------------------------ softmax, log-softmax, log-sum-exp

    /** The Hessian of log-sum-exp is diag(p) − p·pᵀ with p the softmax. */
    @Test
    void logSumExpWithMinusInfinityEntries() {
        Tensor x = Tensor.vector(NEG_INF, 0, 0);
        assertEquals(LOG_2, Var.param(x).logSumExp().item());
        assertEquals(Tensor.vector(0, 0.5, 0.5), Derivatives.grad(Var::logSumExp, x));
        assertEquals(matrix(new double[] {0, 0, 0}, new double[] {0, 0.25, -0.25}, new double[] {0, -0.25, 0.25}),
                unsigned(Derivatives.hessian(Var::logSumExp, x)));
    }

    @Test
    void logSumExpOfOnlyMinusInfinityIsMinusInfinityWithTheUniformGradient() {
        Tensor x = Tensor.vector(NEG_INF, NEG_INF);
        assertEquals(NEG_INF, Var.param(x).logSumExp().item());
        assertEquals(Tensor.vector(0.5, 0.5), Derivatives.grad(Var::logSumExp, x));
        assertEquals(matrix(new double[] {0.25, -0.25}, new double[] {-0.25, 0.25}),
                Derivatives.hessian(Var::logSumExp, x));
    }

    @Test
    void logSumExpWithPlusInfinityIsInfiniteAndItsGradientIsTheLimit() {
        assertEquals(INF, Var.param(Tensor.vector(INF, 0)).logSumExp().item());
        assertEquals(Tensor.vector(1, 0), Derivatives.grad(Var::logSumExp, Tensor.vector(INF, 0)));
        assertEquals(Tensor.vector(0.5, 0.5, 0), Derivatives.grad(Var::logSumExp, Tensor.vector(INF, INF, 0)));
        Tensor rows = matrix(new double[] {INF, 1}, new double[] {NEG_INF, NEG_INF});
        assertEquals(matrix(new double[] {1, 0}, new double[] {0.5, 0.5}),
                Derivatives.grad(v -> v.logSumExp(new int[] {1}, false).sum(), rows));
    }

    @Test
    void logSumExpOfHugeValues() {
        Tensor x = Tensor.vector(1e300, -1e300, 0);
        assertEquals(1e300, Var.param(x).logSumExp().item());
        assertEquals(Tensor.vector(1, 0, 0), Derivatives.grad(Var::logSumExp, x));
        assertEquals(Tensor.zeros(3, 3), unsigned(Derivatives.hessian(Var::logSumExp, x)));
    }

    /** Σ c·softmax(x): x̄ = p·(c − Σ c·p), 0 where p is 0. */
    @Test
    void softmaxGradientIsExactlyZeroAtMinusInfinity() {
        Var c = Var.constant(Tensor.vector(1, 2, 3));
        VarFunction f = v -> v.softmax(0).mul(c).sum();
        Tensor x = Tensor.vector(NEG_INF, 0, 0);
        assertEquals(Tensor.vector(0, 0.5, 0.5), Var.param(x).softmax(0).value());
        assertEquals(Tensor.vector(0, -0.25, 0.25), unsigned(Derivatives.grad(f, x)));
        Tensor h = unsigned(Derivatives.hessian(f, x));
        assertEquals(Tensor.zeros(3), h.slice(0, 0, 1).reshape(3));
        assertEquals(Tensor.zeros(3), h.slice(1, 0, 1).reshape(3));
    }

    @Test
    void softmaxGradientAtInfiniteAndHugeScores() {
        Var c = Var.constant(Tensor.vector(1, 2, 3));
        VarFunction f = v -> v.softmax(0).mul(c).sum();
        // p = (½, ½, 0): x̄ = p·(c − 1.5) = (−¼, ¼, 0)
        assertEquals(Tensor.vector(-0.25, 0.25, 0), unsigned(Derivatives.grad(f, Tensor.vector(INF, INF, 0))));
        assertEquals(Tensor.vector(0, 0, 0), unsigned(Derivatives.grad(f, Tensor.vector(1e300, -1e300, 0))));
        // A row of −∞ is uniform, p = ⅓ each: x̄ = ⅓·(c − 2)
        Tensor g = Derivatives.grad(f, Tensor.vector(NEG_INF, NEG_INF, NEG_INF));
        assertEquals(Tensor.vector(-1.0 / 3, 0, 1.0 / 3), unsigned(g));
    }

    /**
     * log-softmax at a −∞ score is −∞, and its derivative with respect to that score is 1 − p = 1:
     * the pull-back is exact, finite, and nothing else depends on the −∞ entry.
     */
    @Test
    void logSoftmaxGradientAtMinusInfinity() {
        Tensor x = Tensor.vector(NEG_INF, 0, 0);
        assertEquals(Tensor.vector(NEG_INF, -LOG_2, -LOG_2), Var.param(x).logSoftmax(0).value());
        assertEquals(Tensor.zeros(3), unsigned(Derivatives.grad(v -> v.logSoftmax(0).slice(0, 1, 3).sum(), x)));
        assertEquals(Tensor.vector(1, -0.5, -0.5), Derivatives.grad(v -> v.logSoftmax(0).slice(0, 0, 1).sum(), x));
        assertEquals(Tensor.vector(-LOG_2, -LOG_2, NEG_INF), Var.param(Tensor.vector(INF, INF, 1)).logSoftmax(0).value());
        assertEquals(Tensor.vector(0.5, -0.5, 0),
                unsigned(Derivatives.grad(v -> v.logSoftmax(0).slice(0, 0, 1).sum(), Tensor.vector(INF, INF, 1))));
    }

    /** Loss −log p[label] and gradient (p − onehot)/n, with p the softmax's limit. */
    @Test
    void softmaxCrossEntropyAtInfiniteScores() {
        assertCrossEntropy(new double[] {NEG_INF, 0, 0}, 1, LOG_2, new double[] {0, -0.5, 0.5});
        assertCrossEntropy(new double[] {NEG_INF, 0, 0}, 0, INF, new double[] {-1, 0.5, 0.5});
        assertCrossEntropy(new double[] {INF, INF, 0}, 0, LOG_2, new double[] {-0.5, 0.5, 0});
        assertCrossEntropy(new double[] {INF, 0}, 1, INF, new double[] {1, -1});
        assertCrossEntropy(new double[] {NEG_INF, NEG_INF}, 0, LOG_2, new double[] {-0.5, 0.5});
        assertCrossEntropy(new double[] {1e300, -1e300, 0}, 1, 2e300, new double[] {1, -1, 0});
    }

    private static void assertCrossEntropy(double[] scores, int label, double loss, double[] gradient) {
        Var s = Var.param(matrix(scores));
        Var y = Losses.softmaxCrossEntropy(s, new int[] {label});
        assertEquals(loss, y.item(), () -> "loss at " + Arrays.toString(scores));
        assertEquals(matrix(gradient), unsigned(Backward.of(y).gradient(s)), () -> "gradient at "
                + Arrays.toString(scores));
    }

    @Test
    void softmaxCrossEntropyHessianIgnoresAMinusInfinityScore() {
        VarFunction f = v -> Losses.softmaxCrossEntropy(v.reshape(1, 3), new int[] {2});
        assertEquals(matrix(new double[] {0, 0, 0}, new double[] {0, 0.25, -0.25}, new double[] {0, -0.25, 0.25}),
                unsigned(Derivatives.hessian(f, Tensor.vector(NEG_INF, 0, 0))));
    }

    @Test
    void softmaxesOfAnEmptyRowAreEmptyAndLogSumExpOfNothingIsMinusInfinity() {
        Tensor empty = Tensor.zeros(3, 0);
        assertEquals(Tensor.zeros(3, 0), Derivatives.grad(v -> v.softmax(1).sum(), empty));
        assertEquals(Tensor.zeros(3, 0), Derivatives.grad(v -> v.logSoftmax(1).sum(), empty));
        Var x = Var.param(empty);
        Var lse = x.logSumExp(new int[] {1}, false);
        assertEquals(Tensor.full(Shape.of(3), NEG_INF), lse.value());
        assertEquals(Tensor.zeros(3, 0), Backward.of(lse.sum()).gradient(x));
    }

    // ------------------------------------------------------------ empty values

    /**
     * One op applied to parameters: its exact value, and the exact gradients of the sum of its value
     * with respect to each input.
     */
    record Case(String name, Tensor[] inputs, Function<Var[], Var> op, Tensor value, Tensor[] gradients) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case unary(String name, Tensor x, Function<Var, Var> op, Tensor value, Tensor gradient) {
        return new Case(name, new Tensor[] {x}, v -> op.apply(v[0]), value, new Tensor[] {gradient});
    }

    private static Case binary(String name, Tensor a, Tensor b, Function<Var[], Var> op, Tensor value, Tensor aBar,
                               Tensor bBar) {
        return new Case(name, new Tensor[] {a, b}, op, value, new Tensor[] {aBar, bBar});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"emptyCases", "scalarCases"})
    void valueAndGradientAreExact(Case c) {
        Var[] params = Arrays.stream(c.inputs()).map(Var::param).toArray(Var[]::new);
        Var y = c.op().apply(params);
        assertEquals(c.value(), y.value(), "value");
        Tensor[] g = Backward.of(y.sum()).gradients(params);
        for (int i = 0; i < g.length; i++) {
            assertEquals(c.gradients()[i], g[i], "gradient of input " + i);
        }
    }

    /** Every kind of op on [3, 0] (and its relatives): empty values and gradients, and the sums of nothing. */
    static Stream<Case> emptyCases() {
        return emptyOps().map(c -> new Case("empty " + c.name(), c.inputs(), c.op(), c.value(), c.gradients()));
    }

    private static Stream<Case> emptyOps() {
        Tensor x = Tensor.zeros(3, 0);
        Tensor column = Tensor.ones(3, 1);
        Tensor none = Tensor.zeros(0);
        Stream<Case> elementwise = Stream.of(
                unary("exp", x, Var::exp, x, x), unary("log", x, Var::log, x, x), unary("sqrt", x, Var::sqrt, x, x),
                unary("sin", x, Var::sin, x, x), unary("cos", x, Var::cos, x, x), unary("tan", x, Var::tan, x, x),
                unary("atan", x, Var::atan, x, x), unary("tanh", x, Var::tanh, x, x),
                unary("sigmoid", x, Var::sigmoid, x, x), unary("relu", x, Var::relu, x, x),
                unary("abs", x, Var::abs, x, x), unary("neg", x, Var::neg, x, x), unary("square", x, Var::square, x, x),
                unary("clamp", x, v -> v.clamp(0, 1), x, x), unary("pow(3)", x, v -> v.pow(3), x, x),
                unary("add(1)", x, v -> v.add(1), x, x), unary("mul(2)", x, v -> v.mul(2), x, x),
                unary("div(2)", x, v -> v.div(2), x, x));
        Stream<Case> broadcast = Stream.of(
                binary("add", x, column, v -> v[0].add(v[1]), x, x, Tensor.zeros(3, 1)),
                binary("sub", x, column, v -> v[0].sub(v[1]), x, x, Tensor.zeros(3, 1)),
                binary("mul", x, column, v -> v[0].mul(v[1]), x, x, Tensor.zeros(3, 1)),
                binary("div", x, column, v -> v[0].div(v[1]), x, x, Tensor.zeros(3, 1)),
                binary("pow", x, column, v -> v[0].pow(v[1]), x, x, Tensor.zeros(3, 1)),
                binary("maximum", x, column, v -> v[0].maximum(v[1]), x, x, Tensor.zeros(3, 1)),
                binary("minimum", x, column, v -> v[0].minimum(v[1]), x, x, Tensor.zeros(3, 1)),
                binary("where", x, column, v -> Var.where(x, v[0], v[1]), x, x, Tensor.zeros(3, 1)));
        Stream<Case> others = Stream.of(
                unary("sum", x, Var::sum, Tensor.scalar(0), x),
                unary("sum(1)", x, v -> v.sum(1), Tensor.zeros(3), x),
                unary("sum(0)", x, v -> v.sum(0), none, x),
                unary("max(0)", x, v -> v.max(0), none, x),
                unary("min(0)", x, v -> v.min(0), none, x),
                unary("mean(0)", x, v -> v.mean(0), none, x),
                unary("logSumExp(1)", x, v -> v.logSumExp(new int[] {1}, false), Tensor.full(Shape.of(3), NEG_INF), x),
                unary("softmax(1)", x, v -> v.softmax(1), x, x),
                unary("logSoftmax(1)", x, v -> v.logSoftmax(1), x, x),
                binary("matmul", Tensor.zeros(2, 0), Tensor.zeros(0, 3), v -> v[0].matmul(v[1]), Tensor.zeros(2, 3),
                        Tensor.zeros(2, 0), Tensor.zeros(0, 3)),
                binary("vector dot", none, none, v -> v[0].matmul(v[1]), Tensor.scalar(0), none, none),
                binary("matmulTransposed", Tensor.zeros(2, 0), Tensor.zeros(3, 0), v -> v[0].matmulTransposed(v[1]),
                        Tensor.zeros(2, 3), Tensor.zeros(2, 0), Tensor.zeros(3, 0)),
                binary("transposedMatmul", Tensor.zeros(0, 2), Tensor.zeros(0, 3), v -> v[0].transposedMatmul(v[1]),
                        Tensor.zeros(2, 3), Tensor.zeros(0, 2), Tensor.zeros(0, 3)),
                unary("transpose", x, Var::transpose, Tensor.zeros(0, 3), x),
                unary("reshape", x, v -> v.reshape(0, 5), Tensor.zeros(0, 5), x),
                unary("slice", x, v -> v.slice(0, 1, 2), Tensor.zeros(1, 0), x),
                unary("pad", x, v -> v.pad(1, 1, 1), Tensor.zeros(3, 2), x),
                binary("concat", x, Tensor.ones(3, 2), v -> Var.concat(1, v[0], v[1]), Tensor.ones(3, 2), x,
                        Tensor.ones(3, 2)),
                unary("gather", Tensor.zeros(0, 4), v -> v.gather(new int[0]), none, Tensor.zeros(0, 4)),
                unary("scatter", none, v -> v.scatter(new int[0], 3), Tensor.zeros(0, 3), none),
                unary("broadcastTo", Tensor.zeros(1, 0), v -> v.broadcastTo(Shape.of(3, 0)), x, Tensor.zeros(1, 0)),
                unary("sumTo", x, v -> v.sumTo(Shape.of(1, 0)), Tensor.zeros(1, 0), x));
        return Stream.of(elementwise, broadcast, others).flatMap(c -> c);
    }

    /** Rank-0 values wherever a tensor may be: elementwise, broadcast, reduced over no axes, reshaped. */
    static Stream<Case> scalarCases() {
        return scalarOps().map(c -> new Case("rank 0 " + c.name(), c.inputs(), c.op(), c.value(), c.gradients()));
    }

    private static Stream<Case> scalarOps() {
        Tensor two = Tensor.scalar(2);
        Tensor one = Tensor.scalar(1);
        Tensor v = Tensor.vector(1, 2, 3);
        double e2 = Math.exp(2);
        return Stream.of(
                unary("exp", two, Var::exp, Tensor.scalar(e2), Tensor.scalar(e2)),
                unary("log", two, Var::log, Tensor.scalar(Math.log(2)), Tensor.scalar(0.5)),
                unary("sqrt", two, Var::sqrt, Tensor.scalar(Math.sqrt(2)), Tensor.scalar(1 / (Math.sqrt(2) * 2))),
                unary("pow(3)", two, x -> x.pow(3), Tensor.scalar(8), Tensor.scalar(12)),
                unary("relu", two, Var::relu, two, one),
                unary("clamp", two, x -> x.clamp(0, 1), one, Tensor.scalar(0)),
                unary("sum", two, Var::sum, two, one),
                unary("sum over no axes", two, x -> x.sum(new int[0], false), two, one),
                unary("mean", two, Var::mean, two, one),
                unary("max", two, Var::max, two, one),
                unary("min", two, Var::min, two, one),
                unary("logSumExp", two, Var::logSumExp, two, one),
                unary("transpose", two, Var::transpose, two, one),
                unary("reshape", two, x -> x.reshape(1, 1), Tensor.matrix(new double[][] {{2}}), one),
                unary("broadcastTo", two, x -> x.broadcastTo(Shape.of(2, 3)), Tensor.full(Shape.of(2, 3), 2),
                        Tensor.scalar(6)),
                unary("sumTo", Tensor.ones(2, 3), x -> x.sumTo(Shape.SCALAR), Tensor.scalar(6), Tensor.ones(2, 3)),
                binary("add", two, v, x -> x[0].add(x[1]), Tensor.vector(3, 4, 5), Tensor.scalar(3), Tensor.ones(3)),
                binary("mul", two, v, x -> x[0].mul(x[1]), Tensor.vector(2, 4, 6), Tensor.scalar(6),
                        Tensor.full(Shape.of(3), 2)),
                binary("div", v, two, x -> x[0].div(x[1]), Tensor.vector(0.5, 1, 1.5), Tensor.full(Shape.of(3), 0.5),
                        Tensor.scalar(-1.5)),
                binary("maximum", two, v, x -> x[0].maximum(x[1]), Tensor.vector(2, 2, 3), Tensor.scalar(1.5),
                        Tensor.vector(0, 0.5, 1)),
                binary("where", two, v, x -> Var.where(Tensor.vector(1, 0, 1), x[0], x[1]), Tensor.vector(2, 2, 2),
                        Tensor.scalar(2), Tensor.vector(0, 1, 0)));
    }

    @Test
    void rankZeroWhereAnAxisOrAMatrixIsNeededIsAClearError() {
        Var s = Var.param(2);
        Var m = Var.param(Tensor.ones(2, 2));
        String range = "axis 0 is out of range for shape [] of rank 0";
        assertMessage("matmul: [] @ [] — operands must be vectors or matrices (rank 1 or 2)", () -> s.matmul(s));
        assertMessage("matmul: [2, 2] @ [] — operands must be vectors or matrices (rank 1 or 2)", () -> m.matmul(s));
        assertMessage("matmulTransposed: [] and [2, 2] must both be matrices", () -> s.matmulTransposed(m));
        assertMessage("transposedMatmul: [2, 2] and [] must both be matrices", () -> m.transposedMatmul(s));
        assertMessage("gather: needs a matrix and one index per row, got shape [] and 1 indices",
                () -> s.gather(new int[] {0}));
        assertMessage("scatter: needs a vector of one value per index, got shape [] and 1 indices",
                () -> s.scatter(new int[] {0}, 2));
        assertMessage("slice: " + range, () -> s.slice(0, 0, 1));
        assertMessage("pad: " + range, () -> s.pad(0, 1, 0));
        assertMessage("concat: " + range, () -> Var.concat(0, s, s));
        assertMessage("softmax: " + range, () -> s.softmax(0));
        assertMessage("logSoftmax: " + range, () -> s.logSoftmax(0));
        assertMessage("sum: " + range, () -> s.sum(0));
        assertMessage("max: " + range, () -> s.max(0));
        assertMessage("softmaxCrossEntropy: scores of shape [] need to be an n × classes matrix with one label per row;"
                + " got 1 labels", () -> Losses.softmaxCrossEntropy(s, new int[] {0}));
    }

    @Test
    void derivativesOfAFunctionOfAScalar() {
        Tensor two = Tensor.scalar(2);
        assertEquals(Tensor.scalar(12), Derivatives.grad(v -> v.pow(3), two));
        assertEquals(Tensor.scalar(12), Derivatives.hessian(v -> v.pow(3), two));
        assertEquals(Tensor.scalar(12), Derivatives.hvp(v -> v.pow(3), two, Tensor.scalar(1)));
        assertEquals(Tensor.scalar(Math.exp(2)), Derivatives.jacobian(Var::exp, two));
    }

    @Test
    void extremaOfNothingAreErrorsNamingTheOp() {
        Var empty = Var.param(Tensor.zeros(3, 0));
        assertMessage("max: axis 1 of shape [3, 0] is empty (no identity for max)", empty::max);
        assertMessage("min: axis 1 of shape [3, 0] is empty (no identity for min)", () -> empty.min(1));
        assertEquals(Tensor.zeros(0, 0), Derivatives.hessian(v -> v.square().sum(), Tensor.zeros(0)));
        assertEquals(Tensor.zeros(0, 0), Derivatives.jacobian(Var::exp, Tensor.zeros(0)));
    }

    @Test
    void theMeanOfNothingIsAnErrorAndEmptyResultsAreFine() {
        Var empty = Var.param(Tensor.zeros(3, 0));
        assertMessage("mean: axes [0, 1] of shape [3, 0] hold no elements, and the mean of nothing is undefined",
                empty::mean);
        assertMessage("mean: axes [1] of shape [3, 0] hold no elements, and the mean of nothing is undefined",
                () -> empty.mean(1));
        Var columnMeans = empty.mean(0);
        assertEquals(Tensor.zeros(0), columnMeans.value());
        assertEquals(Tensor.zeros(3, 0), Backward.of(columnMeans.sum()).gradient(empty));
    }

    @Test
    void lossesOverNoExamplesAreErrors() {
        Var scores = Var.param(Tensor.zeros(0, 3));
        assertMessage("softmaxCrossEntropy: scores of shape [0, 3] hold no examples; the mean loss over none is undefined",
                () -> Losses.softmaxCrossEntropy(scores, new int[0]));
        assertMessage("multiclassHinge: scores of shape [0, 3] hold no examples; the mean loss over none is undefined",
                () -> Losses.multiclassHinge(scores, new int[0], 1));
        assertMessage("meanSquaredError: prediction [0] and target [0] have no elements; the mean over none is undefined",
                () -> Losses.meanSquaredError(Var.param(Tensor.zeros(0)), Var.constant(Tensor.zeros(0))));
    }

    // ------------------------------------------------------------ exp, log, division, sqrt, pow

    private static Tensor[] gradients(Var y, Var... wrt) {
        return Backward.of(y).gradients(wrt);
    }

    /** IEEE overflow: e^710 is beyond the doubles, so it is +∞, and so is its derivative e^x. */
    @Test
    void expOverflowsToInfinityAndUnderflowsToZero() {
        Var x = Var.param(Tensor.vector(710, 709, -1000, NEG_INF));
        Var y = x.exp();
        assertEquals(Tensor.vector(INF, Math.exp(709), 0, 0), y.value());
        assertEquals(Tensor.vector(INF, Math.exp(709), 0, 0), Backward.of(y.sum()).gradient(x));
    }

    /** log 0 = −∞ with derivative 1/0 = +∞, as the one-sided limits; a negative argument is a NaN domain error. */
    @Test
    void logOfZeroIsMinusInfinityWithDerivativePlusInfinity() {
        assertEquals(NEG_INF, Var.param(0).log().item());
        assertEquals(Tensor.scalar(INF), Derivatives.grad(Var::log, Tensor.scalar(0)));
        assertEquals(Tensor.scalar(NEG_INF), Derivatives.hessian(Var::log, Tensor.scalar(0)));
        assertEquals(Tensor.scalar(Double.NaN), Var.param(-1).log().value());
    }

    @Test
    void divisionByZeroFollowsIeeeForwardAndBackward() {
        Var a = Var.param(Tensor.vector(1, -1, 0, 1));
        Var b = Var.param(Tensor.vector(0, 0, 0, -0.0));
        Var q = a.div(b);
        assertEquals(Tensor.vector(INF, NEG_INF, Double.NaN, NEG_INF), q.value());
        Tensor[] g = gradients(q.sum(), a, b);
        assertEquals(Tensor.vector(INF, INF, INF, NEG_INF), g[0], "1/b");
        assertEquals(Tensor.vector(NEG_INF, INF, Double.NaN, NEG_INF), g[1], "−q/b");
    }

    @Test
    void sqrtAtZeroIsZeroWithAnInfiniteDerivative() {
        assertEquals(0, Var.param(0).sqrt().item());
        assertEquals(Tensor.scalar(INF), Derivatives.grad(Var::sqrt, Tensor.scalar(0)));
        assertEquals(Tensor.scalar(NEG_INF), Derivatives.hessian(Var::sqrt, Tensor.scalar(0)));
    }

    @Test
    void integerPowersOfNegativeBasesWork() {
        // (−2)³ = −8, d/dx x³ = 3x² = 12, d²/dx² = 6x = −12: by a constant and by a recorded exponent.
        assertEquals(-8, Var.param(-2).pow(3).item());
        assertEquals(Tensor.scalar(12), Derivatives.grad(v -> v.pow(3), Tensor.scalar(-2)));
        assertEquals(Tensor.scalar(-12), Derivatives.hessian(v -> v.pow(3), Tensor.scalar(-2)));
        assertEquals(Tensor.scalar(12), Derivatives.grad(v -> v.pow(Var.constant(3)), Tensor.scalar(-2)));
        assertEquals(Tensor.scalar(-12), Derivatives.hessian(v -> v.pow(Var.constant(3)), Tensor.scalar(-2)));
        assertEquals(Tensor.scalar(-0.25), Derivatives.grad(v -> v.pow(-1), Tensor.scalar(-2)));
        // No real power of a negative base varies with the exponent: b̄ is NaN (the anomaly mode names it).
        Var a = Var.param(-2);
        Var b = Var.param(3);
        Tensor[] g = gradients(a.pow(b), a, b);
        assertEquals(Tensor.scalar(12), g[0]);
        assertEquals(Tensor.scalar(Double.NaN), g[1]);
    }

    @Test
    void nonIntegerPowersOfNegativeBasesAreNaN() {
        assertEquals(Double.NaN, Var.param(-8).pow(1.0 / 3).item());
        assertEquals(Tensor.scalar(Double.NaN), Derivatives.grad(v -> v.pow(0.5), Tensor.scalar(-2)));
    }

    @Test
    void powersOfZero() {
        assertEquals(Tensor.scalar(0), Derivatives.grad(v -> v.pow(0), Tensor.scalar(0)));
        assertEquals(Tensor.scalar(1), Derivatives.grad(v -> v.pow(1), Tensor.scalar(0)));
        assertEquals(Tensor.scalar(0), Derivatives.grad(v -> v.pow(2), Tensor.scalar(0)));
        assertEquals(Tensor.scalar(2), Derivatives.hessian(v -> v.pow(2), Tensor.scalar(0)));
        assertEquals(Tensor.scalar(0), Derivatives.hessian(v -> v.pow(3), Tensor.scalar(0)));
        assertEquals(Tensor.scalar(INF), Derivatives.grad(v -> v.pow(0.5), Tensor.scalar(0)));
        assertEquals(Tensor.scalar(INF), Derivatives.hessian(v -> v.pow(1.5), Tensor.scalar(0)));
        assertEquals(Tensor.scalar(NEG_INF), Derivatives.grad(v -> v.pow(-1), Tensor.scalar(0)));
    }

    /** 0ᵇ = 0 for b > 0 and a⁰ = 1 for every a: their derivatives are 0, not 0·log 0 or 0·0⁻¹ (NaN). */
    @Test
    void powersOfZeroWithARecordedExponent() {
        Var a = Var.param(Tensor.vector(0, 0, 0, 2));
        Var b = Var.param(Tensor.vector(2, 0, 0.5, 0));
        Var y = a.pow(b);
        assertEquals(Tensor.vector(0, 1, 0, 1), y.value());
        Tensor[] g = gradients(y.sum(), a, b);
        assertEquals(Tensor.vector(0, 0, INF, 0), g[0]);
        assertEquals(Tensor.vector(0, 0, 0, Math.log(2)), g[1]);
        // f(a, b) = aᵇ at (0, 2): ∂²f/∂a² = b(b − 1)a^(b−2) = 2, and the terms with log a vanish with a.
        VarFunction f = v -> v.slice(0, 0, 1).pow(v.slice(0, 1, 2)).sum();
        assertEquals(matrix(new double[] {2, 0}, new double[] {0, 0}), unsigned(Derivatives.hessian(f, Tensor.vector(0, 2))));
        // At b = 0 but a = 2 nothing is masked: ∂²(aᵇ)/∂a∂b = aᵇ⁻¹(1 + b ln a) = ½, ∂²/∂b² = aᵇ (ln a)².
        Tensor h = Derivatives.hessian(f, Tensor.vector(2, 0));
        assertEquals(matrix(new double[] {0, 0.5}, new double[] {0.5, Math.log(2) * Math.log(2)}), unsigned(h));
    }

    // ------------------------------------------------------------ ties and NaN at kinks (KinkTest has the basics)

    @Test
    void tiesAtInfinityAndBetweenSignedZerosShareTheGradient() {
        assertEquals(Tensor.vector(0.5, 0.5, 0), Derivatives.grad(Var::max, Tensor.vector(INF, INF, 1)));
        assertEquals(Tensor.vector(0.5, 0.5), Derivatives.grad(Var::max, Tensor.vector(NEG_INF, NEG_INF)));
        assertEquals(Tensor.vector(0.5, 0.5), Derivatives.grad(Var::min, Tensor.vector(-0.0, 0.0)));
        Var a = Var.param(Tensor.vector(INF, -0.0));
        Var b = Var.param(Tensor.vector(INF, 0.0));
        Tensor[] g = gradients(a.maximum(b).sum(), a, b);
        assertEquals(Tensor.vector(0.5, 0.5), g[0]);
        assertEquals(Tensor.vector(0.5, 0.5), g[1]);
    }

    @Test
    void tiesOverSeveralAxesAndWithBroadcasting() {
        Tensor x = Tensor.fromNested(new double[][][] {{{1, 5}, {5, 2}}, {{5, 0}, {3, 3}}});
        // The maxima over axes 0 and 1: 5 twice in the first column of x (halves), once in the second.
        Tensor g = Derivatives.grad(v -> v.max(new int[] {0, 1}, true).sum(), x);
        assertEquals(Tensor.fromNested(new double[][][] {{{0, 1}, {0.5, 0}}, {{0.5, 0}, {0, 0}}}), g);
        // Three times in the first column of y: thirds.
        Tensor y = Tensor.fromNested(new double[][][] {{{5, 5}, {5, 2}}, {{5, 0}, {3, 3}}});
        Tensor third = Tensor.fromNested(new double[][][] {{{1.0 / 3, 1}, {1.0 / 3, 0}}, {{1.0 / 3, 0}, {0, 0}}});
        assertEquals(third, Derivatives.grad(v -> v.max(new int[] {0, 1}, false).sum(), y));
        // A broadcast scalar tied with one of three elements collects its own share and the whole of the rest.
        Var v = Var.param(Tensor.vector(1, 2, 3));
        Var s = Var.param(2);
        Tensor[] h = gradients(v.maximum(s).sum(), v, s);
        assertEquals(Tensor.vector(0, 0.5, 1), h[0]);
        assertEquals(Tensor.scalar(1.5), h[1]);
    }

    /** The tie weights are data: max(x)² at a tie has the Hessian 2·w·wᵀ with w = (½, ½). */
    @Test
    void secondDerivativesThroughATie() {
        assertEquals(matrix(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}),
                Derivatives.hessian(v -> v.max().square(), Tensor.vector(2, 2)));
        // max(x, 1)² with x₀ = 1 tied: y = 1, ∂f/∂x₀ = 2y·½, ∂²f/∂x₀² = 2·½·½.
        assertEquals(matrix(new double[] {0.5, 0}, new double[] {0, 0}),
                Derivatives.hessian(v -> v.maximum(Var.constant(1)).square().sum(), Tensor.vector(1, 0.5)));
    }

    /** A NaN input makes the value NaN and, as relu and abs do, the gradient: it is not hidden as 0. */
    @Test
    void aNaNAtAKinkGivesANaNGradient() {
        double nan = Double.NaN;
        assertEquals(Tensor.vector(nan, nan), Derivatives.grad(Var::max, Tensor.vector(1, nan)));
        Var a = Var.param(Tensor.vector(nan, 1));
        Var b = Var.param(Tensor.vector(1, 1));
        Tensor[] g = gradients(a.maximum(b).sum(), a, b);
        assertEquals(Tensor.vector(nan, 0.5), g[0]);
        assertEquals(Tensor.vector(nan, 0.5), g[1]);
        Tensor[] m = gradients(a.minimum(b).sum(), a, b);
        assertEquals(Tensor.vector(nan, 0.5), m[0]);
        assertEquals(Tensor.vector(nan, 0.5), m[1]);
        assertEquals(Tensor.vector(nan, 1, 0), Derivatives.grad(v -> v.clamp(0, 1).sum(), Tensor.vector(nan, 1, 2)));
        assertEquals(Tensor.vector(nan, 0), Derivatives.grad(v -> v.abs().sum(), Tensor.vector(nan, 0)));
    }

    // ------------------------------------------------------------ where: the branch not chosen

    private static Tensor positive(Var x) {
        return x.value().gt(0);
    }

    @Test
    void whereSqrtHasTheChosenBranchsGradientAtNegativeAndZeroInputs() {
        VarFunction f = x -> Var.where(positive(x), x.sqrt(), Var.constant(0)).sum();
        Tensor x = Tensor.vector(-1, 0, 4);
        assertEquals(2, f.apply(Var.param(x)).item());
        assertEquals(Tensor.vector(0, 0, 0.25), Derivatives.grad(f, x));
        Tensor h = unsigned(Derivatives.hessian(f, x));
        assertEquals(Tensor.vector(0, 0, -1.0 / 32), Tensor.vector(h.get(0, 0), h.get(1, 1), h.get(2, 2)));
        assertEquals(Tensor.zeros(3), unsigned(Derivatives.hvp(f, x, Tensor.vector(1, 1, 0))));
    }

    /** f = where(x > 0, √x, 0)·x is x^{3/2} for x > 0: f' = 1.5·√x, f'' = 0.75/√x; 0 elsewhere. */
    @Test
    void whereSqrtTimesXAtSecondOrder() {
        VarFunction f = x -> Var.where(positive(x), x.sqrt(), Var.constant(0)).mul(x).sum();
        Tensor x = Tensor.vector(-1, 0, 4);
        assertEquals(Tensor.vector(0, 0, 3), unsigned(Derivatives.grad(f, x)));
        assertEquals(matrix(new double[] {0, 0, 0}, new double[] {0, 0, 0}, new double[] {0, 0, 0.375}),
                unsigned(Derivatives.hessian(f, x)));
    }

    @Test
    void whereSincIsNaNFreeAtZeroAtEveryOrder() {
        VarFunction f = x -> Var.where(x.value().map(v -> v != 0 ? 1 : 0), x.sin().div(x), Var.constant(1)).sum();
        double a = 1.5;
        Tensor x = Tensor.vector(0, a);
        assertEquals(1 + Math.sin(a) / a, f.apply(Var.param(x)).item(), 1e-15);
        Tensor g = Derivatives.grad(f, x);
        assertEquals(0, g.get(0));
        assertEquals(Math.cos(a) / a - Math.sin(a) / (a * a), g.get(1), 1e-15);
        Tensor h = unsigned(Derivatives.hessian(f, x));
        assertEquals(Tensor.vector(0, 0, 0), Tensor.vector(h.get(0, 0), h.get(0, 1), h.get(1, 0)));
        double secondDerivative = -Math.sin(a) / a - 2 * Math.cos(a) / (a * a) + 2 * Math.sin(a) / (a * a * a);
        assertEquals(secondDerivative, h.get(1, 1), 1e-15);
    }

    @Test
    void whereGuardsOverflowLogOfZeroAndDivisionByZero() {
        VarFunction exp = x -> Var.where(x.value().map(v -> v < 700 ? 1 : 0), x.exp(), Var.constant(0)).sum();
        assertEquals(Tensor.vector(0, Math.exp(1)), Derivatives.grad(exp, Tensor.vector(1000, 1)));
        VarFunction log = x -> Var.where(positive(x), x.log(), Var.constant(0)).sum();
        assertEquals(Tensor.vector(0, 0.5), Derivatives.grad(log, Tensor.vector(0, 2)));
        assertEquals(Tensor.vector(0, -0.25), unsigned(Derivatives.hessian(log, Tensor.vector(0, 2)).sum(1)));
        VarFunction reciprocal = x -> Var.where(positive(x.abs()), Var.constant(1).div(x), Var.constant(0)).sum();
        assertEquals(Tensor.vector(0, -0.25), Derivatives.grad(reciprocal, Tensor.vector(0, 2)));
        assertEquals(Tensor.vector(0, 0.25), unsigned(Derivatives.hessian(reciprocal, Tensor.vector(0, 2)).sum(1)));
    }

    /** Every elementwise op, at inputs where its value or derivative is NaN or infinite. */
    static Stream<Arguments> elementwiseOps() {
        Var infinity = Var.constant(INF);
        Var zero = Var.constant(0);
        return Stream.of(
                Arguments.of("exp", (Function<Var, Var>) Var::exp), Arguments.of("log", (Function<Var, Var>) Var::log),
                Arguments.of("sqrt", (Function<Var, Var>) Var::sqrt), Arguments.of("sin", (Function<Var, Var>) Var::sin),
                Arguments.of("cos", (Function<Var, Var>) Var::cos), Arguments.of("tan", (Function<Var, Var>) Var::tan),
                Arguments.of("atan", (Function<Var, Var>) Var::atan), Arguments.of("tanh", (Function<Var, Var>) Var::tanh),
                Arguments.of("sigmoid", (Function<Var, Var>) Var::sigmoid),
                Arguments.of("relu", (Function<Var, Var>) Var::relu), Arguments.of("abs", (Function<Var, Var>) Var::abs),
                Arguments.of("square", (Function<Var, Var>) Var::square),
                Arguments.of("clamp", (Function<Var, Var>) v -> v.clamp(-1, 1)),
                Arguments.of("pow(0.5)", (Function<Var, Var>) v -> v.pow(0.5)),
                Arguments.of("pow(-1)", (Function<Var, Var>) v -> v.pow(-1)),
                Arguments.of("x^x", (Function<Var, Var>) v -> v.pow(v)),
                Arguments.of("x·x", (Function<Var, Var>) v -> v.mul(v)),
                Arguments.of("x·∞", (Function<Var, Var>) v -> v.mul(infinity)),
                Arguments.of("1/x", (Function<Var, Var>) v -> Var.constant(1).div(v)),
                Arguments.of("x/0", (Function<Var, Var>) v -> v.div(zero)),
                Arguments.of("x + ∞", (Function<Var, Var>) v -> v.add(infinity).sub(v)),
                Arguments.of("maximum", (Function<Var, Var>) v -> v.maximum(zero)),
                Arguments.of("minimum", (Function<Var, Var>) v -> v.minimum(zero)),
                Arguments.of("where", (Function<Var, Var>) v -> Var.where(Tensor.ones(1), v.log(), v)),
                Arguments.of("log1p", (Function<Var, Var>) Var::log1p), Arguments.of("expm1", (Function<Var, Var>) Var::expm1),
                Arguments.of("softplus", (Function<Var, Var>) Var::softplus),
                Arguments.of("softplus(3)", (Function<Var, Var>) v -> v.softplus(3)),
                Arguments.of("erf", (Function<Var, Var>) Var::erf), Arguments.of("gelu", (Function<Var, Var>) Var::gelu),
                Arguments.of("geluTanh", (Function<Var, Var>) Var::geluTanh),
                Arguments.of("silu", (Function<Var, Var>) Var::silu),
                Arguments.of("leakyRelu", (Function<Var, Var>) v -> v.leakyRelu(0.2)),
                Arguments.of("elu", (Function<Var, Var>) v -> v.elu(1.5)));
    }

    /**
     * where(false, op(x), x): the gradient is exactly that of x, 1, and the Hessian exactly 0, at NaN,
     * ±∞, 0 and −1, whatever op computed. An elementwise op not marked {@code engine.Pointwise} fails here.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwiseOps")
    void theUnchosenBranchContributesExactlyNothing(String name, Function<Var, Var> op) {
        Tensor x = Tensor.vector(Double.NaN, INF, NEG_INF, 0, -1);
        VarFunction f = v -> Var.where(Tensor.zeros(5), op.apply(v), v).sum();
        assertEquals(Tensor.ones(5), Derivatives.grad(f, x));
        assertEquals(Tensor.zeros(5, 5), unsigned(Derivatives.hessian(f, x)));
    }

    /** The same rule outside where: an op whose output does not matter contributes exactly nothing. */
    @Test
    void aZeroCotangentPullsBackToZeroThroughAnyElementwiseOp() {
        // relu(log x) is 0 for 0 < x ≤ 1, so its derivative at 0 is 0, not relu'·(1/0) = 0·∞.
        assertEquals(Tensor.vector(0, 0.5), Derivatives.grad(v -> v.log().relu().sum(), Tensor.vector(0, 2)));
        // 0·√x is 0 everywhere.
        assertEquals(Tensor.vector(0, 0), Derivatives.grad(v -> v.sqrt().mul(0).sum(), Tensor.vector(0, 4)));
        // The branch that is used still shows its true derivative: √x at 0 is +∞, at −1 NaN.
        assertEquals(Tensor.vector(INF, Double.NaN), Derivatives.grad(v -> v.sqrt().sum(), Tensor.vector(0, -1)));
    }

    // ------------------------------------------------------------ anomaly mode

    private static String anomaly(Var output, Var wrt) {
        return assertThrows(AnomalyException.class, () -> Backward.of(output).detectingAnomalies().gradient(wrt))
                .getMessage();
    }

    @Test
    void anomalyModeNamesTheFirstOpThatMadeNaNOrInfinityFromFiniteInputs() {
        Var x = Var.param(Tensor.vector(2, -1));
        assertEquals("forward: Log[] produced NaN at flat index 1 from finite inputs of shapes ([2])",
                anomaly(x.log().mul(3).sum(), x));
        Var a = Var.param(0);
        Var b = Var.param(Tensor.vector(1, 0));
        assertEquals("forward: Div[] produced NaN at flat index 1 from finite inputs of shapes ([], [2])",
                anomaly(a.div(b).sum(), a));
        // sqrt(0) = 0 is fine; dividing by it is where NaN is made.
        Var r = Var.param(Tensor.vector(4, 0));
        assertEquals("forward: Div[] produced NaN at flat index 1 from finite inputs of shapes ([2], [2])",
                anomaly(r.sqrt().div(r).sum(), r));
        Var big = Var.param(Tensor.vector(1, 710));
        assertEquals("forward: Exp[] produced Infinity at flat index 1 from finite inputs of shapes ([2])",
                anomaly(big.exp().sum(), big));
    }

    /** The norm at 0: sqrt's derivative there is +∞, and the square's rule then makes ∞·0 = NaN. */
    @Test
    void anomalyModeNamesTheFirstDerivativeRuleThatMadeInfinity() {
        Var x = Var.param(Tensor.zeros(2));
        Var norm = x.square().sum().sqrt();
        assertEquals(0, norm.item());
        assertEquals(Tensor.vector(Double.NaN, Double.NaN), Backward.of(norm).gradient(x), "IEEE, without the mode");
        assertEquals("backward: the derivative rule of Sqrt[] produced Infinity at flat index 0 in the gradient of"
                + " input 0 (inputs of shapes ([]), output [])", anomaly(norm, x));
        Var y = Var.param(Tensor.vector(0, 1));
        assertEquals("backward: the derivative rule of PowConstant[p=0.5] produced Infinity at flat index 0 in the"
                + " gradient of input 0 (inputs of shapes ([2]), output [2])", anomaly(y.pow(0.5).sum(), y));
    }

    /** Non-finite values that never reach the output or the gradient are not anomalies. */
    @Test
    void anomalyModeAcceptsGuardedBranchesAndFiniteLimits() {
        Var x = Var.param(Tensor.vector(-1, 0, 4));
        Var guarded = Var.where(positive(x), x.sqrt(), Var.constant(0)).sum();
        assertEquals(Tensor.vector(0, 0, 0.25), Backward.of(guarded).detectingAnomalies().gradient(x));
        Var z = Var.param(Tensor.vector(0, 2));
        assertEquals(Tensor.vector(0, 0.5), Backward.of(z.log().relu().sum()).detectingAnomalies().gradient(z));
        Var m = Var.param(Tensor.vector(Double.NEGATIVE_INFINITY, 0));
        assertEquals(Tensor.vector(0, 1), Backward.of(m.exp().sum()).detectingAnomalies().gradient(m));
    }

    /** Without the mode nothing is thrown: values and gradients are what IEEE arithmetic gives. */
    @Test
    void withoutAnomalyModeDomainErrorsAreIeeeValues() {
        Var x = Var.param(Tensor.vector(-1, 0));
        Var log = x.log();
        assertEquals(Tensor.vector(Double.NaN, NEG_INF), log.value());
        // 1/x, the rule's formula (also the derivative of the complex logarithm at −1), as PyTorch gives.
        assertEquals(Tensor.vector(-1, INF), Backward.of(log.sum()).gradient(x));
        Var s = Var.param(Tensor.vector(-1, 0));
        assertEquals(Tensor.vector(Double.NaN, 0), s.sqrt().value());
        assertEquals(Tensor.vector(Double.NaN, INF), Backward.of(s.sqrt().sum()).gradient(s));
    }
}
