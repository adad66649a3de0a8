package org.adjoint.core;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import java.util.random.RandomGenerator;
import org.adjoint.core.internal.Buffers;

/**
 * An immutable dense n-dimensional array of {@code double}s in row-major order.
 *
 * <p>Rank 0 is a scalar, rank 1 a vector, rank 2 a matrix, and so on. Every operation returns a new
 * tensor and leaves its operands unchanged, so tensors can be shared freely between threads.
 * Elementwise binary operations broadcast as in NumPy: shapes are aligned on their trailing axes and
 * an extent of 1 stretches to match. Axes may be given negative, counting from the end.
 *
 * <p>Every shape error is an {@link IllegalArgumentException} that names the operation and the shapes
 * involved, for example {@code matmul: [3, 4] @ [5, 2] — inner dimensions 4 and 5 differ}. A result
 * with more elements than a Java array holds ({@link Integer#MAX_VALUE}) is refused the same way,
 * before anything is allocated: {@code identity(65536)}, {@code [65536, 0] @ [0, 65536]}, a pad or
 * concatenation whose extent passes {@code Integer.MAX_VALUE}. Every method refuses a {@code null}
 * argument with a {@link NullPointerException} at the call.
 *
 * <pre>{@code
 * Tensor w = Tensor.randomNormal(42, 3, 4).mul(0.01);
 * Tensor x = Tensor.matrix(new double[][] {{1, 2, 3, 4}});
 * Tensor scores = x.matmul(w.transpose());      // shape [1, 3]
 * }</pre>
 */
public final class Tensor {

    final Shape shape;
    final double[] data;
    /**
     * {@link #isFinite()}, once computed: 0 unknown, else {@link #FINITE} or {@link #NOT_FINITE}. A
     * cache, not state: racing threads compute and store the same value, and a byte is written whole.
     */
    private byte finiteness;
    private static final byte FINITE = 1;
    private static final byte NOT_FINITE = 2;

    static {
        Buffers.install(t -> t.data);
    }

    /** Wraps without copying; callers inside the package hand over ownership of {@code data}. */
    Tensor(Shape shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    // ---------------------------------------------------------------- factories

    /** A rank-0 tensor holding one value. */
    public static Tensor scalar(double value) {
        return new Tensor(Shape.SCALAR, new double[] {value});
    }

    /** A rank-1 tensor holding a copy of {@code values}. */
    public static Tensor vector(double... values) {
        return new Tensor(Shape.of(values.length), values.clone());
    }

    /** A rank-2 tensor holding a copy of the rows; every row must have the same length. */
    public static Tensor matrix(double[][] rows) {
        Objects.requireNonNull(rows, "rows");
        return NestedArrays.toTensor(rows);
    }

    /**
     * A tensor from nested arrays of any depth: {@code double[]}, {@code double[][]}, {@code double[][][]}, …
     * The first element at each depth sets the shape.
     *
     * @throws IllegalArgumentException naming the element's index if an array is empty, ragged, null, or
     *     nested differently from the first element at its depth (mixed nesting)
     */
    public static Tensor fromNested(Object nestedArrays) {
        Objects.requireNonNull(nestedArrays, "nestedArrays");
        return NestedArrays.toTensor(nestedArrays);
    }

    /**
     * A tensor of the given shape holding a copy of {@code data} in row-major order.
     *
     * @throws IllegalArgumentException if {@code data.length} differs from the shape's size
     */
    public static Tensor of(Shape shape, double[] data) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("Tensor.of: shape " + shape + " holds " + shape.size()
                    + " elements but " + data.length + " values were given");
        }
        return new Tensor(shape, data.clone());
    }

    /**
     * A tensor of the given shape whose element at row-major position {@code i} is
     * {@code element.applyAsDouble(i)}, computed once per element in order, as
     * {@link Arrays#setAll(double[], IntToDoubleFunction)} does. Unlike {@link #of}, it allocates only
     * the tensor's own array: the way to build a large tensor from data held in another form (the
     * bytes of a file) without a second copy of its doubles.
     */
    public static Tensor generate(Shape shape, IntToDoubleFunction element) {
        double[] data = new double[shape.size()];
        Arrays.setAll(data, element);
        return new Tensor(shape, data);
    }

    /** A tensor of zeros. */
    public static Tensor zeros(int... dims) {
        return zeros(Shape.of(dims));
    }

    /** A tensor of zeros. */
    public static Tensor zeros(Shape shape) {
        return new Tensor(shape, new double[shape.size()]);
    }

    /** A tensor of ones. */
    public static Tensor ones(int... dims) {
        return full(Shape.of(dims), 1);
    }

    /** A tensor of ones. */
    public static Tensor ones(Shape shape) {
        return full(shape, 1);
    }

    /** A tensor with every element equal to {@code value}. */
    public static Tensor full(Shape shape, double value) {
        double[] data = new double[shape.size()];
        Arrays.fill(data, value);
        return new Tensor(shape, data);
    }

    /** The n×n identity matrix. */
    public static Tensor identity(int n) {
        return Factories.identity(n);
    }

    /** The vector {@code [0, 1, …, n − 1]}. */
    public static Tensor arange(int n) {
        return arange(0, n, 1);
    }

    /**
     * The vector {@code start, start + step, …} of values below {@code end} (above it for a negative
     * step), as in NumPy; element i is computed as {@code start + i·step}, not by repeated addition.
     */
    public static Tensor arange(double start, double end, double step) {
        return Factories.arange(start, end, step);
    }

    /** {@code n} evenly spaced values from {@code start} to {@code end}, both included. */
    public static Tensor linspace(double start, double end, int n) {
        return Factories.linspace(start, end, n);
    }

    /** Standard normal samples from a {@link Random} seeded with {@code seed}: the same seed, the same tensor. */
    public static Tensor randomNormal(long seed, int... dims) {
        return randomNormal(new Random(seed), dims);
    }

    /** Standard normal samples drawn from {@code random}. */
    public static Tensor randomNormal(RandomGenerator random, int... dims) {
        return Factories.randomNormal(random, dims);
    }

    /**
     * Samples uniform on {@code range} from a {@link Random} seeded with {@code seed}: the same seed,
     * the same tensor. For example {@code Tensor.randomUniform(42, new Interval(-1, 1), 3, 4)}.
     */
    public static Tensor randomUniform(long seed, Interval range, int... dims) {
        return randomUniform(new Random(seed), range, dims);
    }

    /** Samples uniform on {@code range} drawn from {@code random}. */
    public static Tensor randomUniform(RandomGenerator random, Interval range, int... dims) {
        return Factories.randomUniform(random, range, dims);
    }

    /** The one-hot matrix of the labels: row i has a 1 in column {@code labels[i]}. */
    public static Tensor oneHot(int[] labels, int classes) {
        return Factories.oneHot(labels, classes);
    }

    // ---------------------------------------------------------------- inspection

    /** The shape. */
    public Shape shape() {
        return shape;
    }

    /** The number of axes. */
    public int rank() {
        return shape.rank();
    }

    /** The number of elements. */
    public int size() {
        return data.length;
    }

    /**
     * The element at the given index, one coordinate per axis.
     *
     * @throws IllegalArgumentException if the number of coordinates or any coordinate is out of range
     */
    public double get(int... index) {
        if (index.length != rank()) {
            throw new IllegalArgumentException("get: " + index.length + " indices " + Arrays.toString(index)
                    + " for a tensor of shape " + shape);
        }
        int offset = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape.dim(i)) {
                throw new IllegalArgumentException("get: index " + Arrays.toString(index) + " is out of bounds for shape "
                        + shape + " (axis " + i + ")");
            }
            offset = offset * shape.dim(i) + index[i];
        }
        return data[offset];
    }

    /**
     * The only element of a one-element tensor (any rank).
     *
     * @throws IllegalArgumentException if the tensor has more or fewer than one element
     */
    public double item() {
        if (data.length != 1) {
            throw new IllegalArgumentException("item: tensor of shape " + shape + " has " + data.length
                    + " elements, not one");
        }
        return data[0];
    }

    /** A copy of the elements in row-major order. */
    public double[] toArray() {
        return data.clone();
    }

    /**
     * The elements as {@code int}s, for index tensors such as {@link #argmax(int)}'s result.
     *
     * @throws IllegalArgumentException if an element is not an integer in {@code int} range
     */
    public int[] toIntArray() {
        int[] out = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (int) data[i];
            if (out[i] != data[i]) {
                throw new IllegalArgumentException("toIntArray: element " + i + " is " + data[i] + ", not an int");
            }
        }
        return out;
    }

    /** Whether every element is finite (neither NaN nor infinite). Scans once; the answer is then remembered. */
    public boolean isFinite() {
        byte known = finiteness;
        if (known == 0) {
            known = FINITE;
            for (double v : data) {
                if (!Double.isFinite(v)) {
                    known = NOT_FINITE;
                    break;
                }
            }
            finiteness = known;
        }
        return known == FINITE;
    }

    // ---------------------------------------------------------------- elementwise

    /** {@code f} applied to every element. */
    public Tensor map(DoubleUnaryOperator f) {
        return Elementwise.map(this, Loops.of(f));
    }

    /** {@code f} applied to aligned elements of this and {@code other}, broadcast. */
    public Tensor zip(Tensor other, DoubleBinaryOperator f) {
        return Elementwise.zip("zip", this, other, Loops.of(f));
    }

    /** {@code this + other}, broadcast. */
    public Tensor add(Tensor other) {
        if (actsAsScalar(other)) {
            return add(other.data[0]);
        }
        return Elementwise.zip("add", this, other, Loops.ADD);
    }

    /** {@code this − other}, broadcast. */
    public Tensor sub(Tensor other) {
        if (actsAsScalar(other)) {
            return add(-other.data[0]); // x − c is defined as x + (−c), to the bit
        }
        return Elementwise.zip("sub", this, other, Loops.SUB);
    }

    /** {@code this · other} elementwise, broadcast. */
    public Tensor mul(Tensor other) {
        if (actsAsScalar(other)) {
            return mul(other.data[0]);
        }
        return Elementwise.zip("mul", this, other, Loops.MUL);
    }

    /**
     * {@code (this · other) · scale} elementwise, broadcast, in one pass: the same bits as
     * {@code mul(other).mul(scale)} without the intermediate tensor (a derivative such as
     * {@code 2·x·ȳ} is one of these).
     */
    public Tensor mul(Tensor other, double scale) {
        return Elementwise.zip("mul", this, other, Loops.scaledProduct(scale));
    }

    /** {@code this / other} elementwise, broadcast (IEEE: x/0 is ±∞ or NaN). */
    public Tensor div(Tensor other) {
        if (actsAsScalar(other)) {
            return div(other.data[0]);
        }
        return Elementwise.zip("div", this, other, Loops.DIV);
    }

    /**
     * Whether {@code other} holds one element and broadcasting it leaves this tensor's shape as it is,
     * so that a binary operation with it is the scalar operation (one pass, no expanded copy).
     */
    private boolean actsAsScalar(Tensor other) {
        return other.data.length == 1 && other.rank() <= rank();
    }

    /** {@code this ^ other} elementwise, broadcast, as {@link Math#pow}. */
    public Tensor pow(Tensor other) {
        return Elementwise.zip("pow", this, other, Loops.of(Math::pow));
    }

    /** The elementwise larger of this and {@code other}, broadcast; NaN if either is NaN. */
    public Tensor maximum(Tensor other) {
        return Elementwise.zip("maximum", this, other, Loops.MAX);
    }

    /** The elementwise smaller of this and {@code other}, broadcast; NaN if either is NaN. */
    public Tensor minimum(Tensor other) {
        return Elementwise.zip("minimum", this, other, Loops.MIN);
    }

    /** {@code this + c}. (One-element tensors, as in loops of scalar ops, skip the loop machinery.) */
    public Tensor add(double c) {
        if (data.length == 1) {
            return new Tensor(shape, new double[] {data[0] + c});
        }
        return Elementwise.map(this, Loops.shift(c));
    }

    /** {@code this · c}. */
    public Tensor mul(double c) {
        if (data.length == 1) {
            return new Tensor(shape, new double[] {data[0] * c});
        }
        return Elementwise.map(this, Loops.scale(c));
    }

    /** {@code this / c}. */
    public Tensor div(double c) {
        if (data.length == 1) {
            return new Tensor(shape, new double[] {data[0] / c});
        }
        return Elementwise.map(this, Loops.divide(c));
    }

    /** {@code this ^ p} elementwise, as {@link Math#pow}. */
    public Tensor pow(double p) {
        if (p == 2) {
            return square();
        }
        if (p == 1) {
            return this;
        }
        return map(x -> Math.pow(x, p));
    }

    /** {@code −this}. */
    public Tensor neg() {
        if (data.length == 1) {
            return new Tensor(shape, new double[] {-data[0]});
        }
        return Elementwise.map(this, Loops.NEG);
    }

    /** {@code this²} elementwise. */
    public Tensor square() {
        if (data.length == 1) {
            return new Tensor(shape, new double[] {data[0] * data[0]});
        }
        return Elementwise.map(this, Loops.SQUARE);
    }

    /** {@code |this|} elementwise. */
    public Tensor abs() {
        return Elementwise.map(this, Loops.ABS);
    }

    /** −1, 0 or 1 by the sign of each element; both zeros give +0, and NaN stays NaN. */
    public Tensor sign() {
        return map(x -> Math.signum(x) + 0.0);
    }

    /** {@code eˣ} elementwise. */
    public Tensor exp() {
        return Elementwise.map(this, Loops.EXP);
    }

    /** The natural logarithm, elementwise (−∞ at 0, NaN below). */
    public Tensor log() {
        return Elementwise.map(this, Loops.LOG);
    }

    /** The square root, elementwise (NaN below 0). */
    public Tensor sqrt() {
        return Elementwise.map(this, Loops.SQRT);
    }

    /** The sine, elementwise. */
    public Tensor sin() {
        return map(Math::sin);
    }

    /** The cosine, elementwise. */
    public Tensor cos() {
        return map(Math::cos);
    }

    /** The tangent, elementwise. */
    public Tensor tan() {
        return map(Math::tan);
    }

    /** The arctangent, elementwise, in (−π/2, π/2). */
    public Tensor atan() {
        return map(Math::atan);
    }

    /** The hyperbolic tangent, elementwise. */
    public Tensor tanh() {
        return Elementwise.map(this, Loops.TANH);
    }

    /** The logistic function {@code 1 / (1 + e⁻ˣ)}, elementwise, without overflow for large |x|. */
    public Tensor sigmoid() {
        return map(Elementwise::sigmoid);
    }

    /**
     * {@code log Σ exp(x)} over {@code axes}, computed as {@code m + log Σ exp(x − m)} with m the
     * maximum, so that nothing overflows; the axes are removed, or kept with extent 1. It is +∞ if an
     * element is +∞, and −∞ over empty axes or where every element is −∞.
     */
    public Tensor logSumExp(int[] axes, boolean keepDims) {
        return Exponentials.logSumExp(this, axes, keepDims);
    }

    /**
     * {@code x − log Σ exp(x)} along {@code axis}: the logarithm of the softmax, without overflow or
     * log 0; where that difference would be ∞ − ∞ (infinite elements) it is the log of
     * {@link #softmax(int[])}'s limit.
     */
    public Tensor logSoftmax(int axis) {
        return Exponentials.logSoftmax(this, axis);
    }

    /** {@code exp(x) / Σ exp(x)} along {@code axis}, computed as {@code exp(x − m) / Σ exp(x − m)} with m the maximum. */
    public Tensor softmax(int axis) {
        return Exponentials.softmax(this, new int[] {axis});
    }

    /**
     * {@code exp(x) / Σ exp(x)} with the sums over {@code axes}: the gradient of
     * {@link #logSumExp(int[], boolean)}. Infinite elements are limits: −∞ gets probability 0, +∞
     * elements share it equally, and a group of only −∞ elements is uniform.
     */
    public Tensor softmax(int[] axes) {
        return Exponentials.softmax(this, axes);
    }

    /**
     * {@code (softmax(1) − oneHot(labels, classes)) · scale} for a matrix of scores (rows × classes),
     * in one pass after the exponentials and with one array: the same bits as the three steps. With
     * {@code scale} = ȳ / rows it is the cotangent of the scores of a mean softmax cross-entropy.
     *
     * @throws IllegalArgumentException if this is not a matrix, or the labels do not match its rows
     *         or lie outside {@code [0, classes)}
     */
    public Tensor softmaxMinusOneHot(int[] labels, double scale) {
        return Exponentials.softmaxMinusOneHot(this, labels, scale);
    }

    /** {@code max(x, 0)} elementwise; NaN stays NaN and −0 becomes 0. */
    public Tensor relu() {
        return Elementwise.map(this, Loops.RELU);
    }

    /**
     * The step function {@code [x > 0]} elementwise: 1 where an element is positive, 0 where it is
     * zero or negative, NaN where it is NaN (so a NaN input is not hidden by a zero gradient). The
     * derivative mask of {@link #relu()}.
     */
    public Tensor positiveMask() {
        return Elementwise.map(this, Loops.POSITIVE);
    }

    /**
     * {@code this · x.positiveMask()}, broadcast, in one pass without the mask: the same bits as the two
     * steps (this where x is positive, this · 0 where it is zero or negative, NaN where x is NaN). The
     * cotangent of {@link #relu()}.
     */
    public Tensor mulPositiveMask(Tensor x) {
        return Elementwise.zip("mulPositiveMask", this, x, Loops.MUL_POSITIVE);
    }

    /** Each element limited to {@code [low, high]}. */
    public Tensor clamp(double low, double high) {
        if (low > high) {
            throw new IllegalArgumentException("clamp: low " + low + " is above high " + high);
        }
        return map(x -> Math.min(Math.max(x, low), high));
    }

    // ---------------------------------------------------------------- comparison masks

    /** 1 where {@code this > other}, else 0 (broadcast). */
    public Tensor gt(Tensor other) {
        return Elementwise.zip("gt", this, other, Loops.of((a, b) -> a > b ? 1 : 0));
    }

    /** 1 where {@code this ≥ other}, else 0 (broadcast). */
    public Tensor ge(Tensor other) {
        return Elementwise.zip("ge", this, other, Loops.of((a, b) -> a >= b ? 1 : 0));
    }

    /** 1 where {@code this < other}, else 0 (broadcast). */
    public Tensor lt(Tensor other) {
        return Elementwise.zip("lt", this, other, Loops.of((a, b) -> a < b ? 1 : 0));
    }

    /** 1 where {@code this ≤ other}, else 0 (broadcast). */
    public Tensor le(Tensor other) {
        return Elementwise.zip("le", this, other, Loops.of((a, b) -> a <= b ? 1 : 0));
    }

    /** 1 where {@code this == other}, else 0 (broadcast). */
    public Tensor eq(Tensor other) {
        return Elementwise.zip("eq", this, other, Loops.of((a, b) -> a == b ? 1 : 0));
    }

    /** 1 where {@code this > c}, else 0. */
    public Tensor gt(double c) {
        return map(x -> x > c ? 1 : 0);
    }

    /**
     * Elements of {@code a} where {@code mask} is nonzero, of {@code b} elsewhere; all three broadcast
     * together.
     */
    public static Tensor where(Tensor mask, Tensor a, Tensor b) {
        return Elementwise.where(mask, a, b);
    }

    // ---------------------------------------------------------------- reductions

    /** The sum of all elements, as a scalar (0 for an empty tensor). */
    public Tensor sum() {
        return Reduce.reduce("sum", this, allAxes(), false, Reduce.Kind.SUM);
    }

    /** The sum along one axis, which is removed. */
    public Tensor sum(int axis) {
        return Reduce.reduce("sum", this, new int[] {axis}, false, Reduce.Kind.SUM);
    }

    /** The sum along the given axes; they are kept with extent 1 if {@code keepDims}, else removed. */
    public Tensor sum(int[] axes, boolean keepDims) {
        return Reduce.reduce("sum", this, axes, keepDims, Reduce.Kind.SUM);
    }

    /**
     * The mean of all elements, as a scalar.
     *
     * @throws IllegalArgumentException if the tensor is empty: the mean of no elements is undefined
     *     (NumPy and PyTorch return NaN)
     */
    public Tensor mean() {
        requireElementsToAverage(allAxes(), 1);
        return sum().mul(1.0 / data.length);
    }

    /** The mean along one axis, which is removed. */
    public Tensor mean(int axis) {
        return mean(new int[] {axis}, false);
    }

    /**
     * The mean along the given axes; they are kept with extent 1 if {@code keepDims}, else removed.
     *
     * @throws IllegalArgumentException if the reduced axes hold no elements while the result does
     *     (an empty result, such as the mean of a [0, 4] matrix along axis 1, is fine)
     */
    public Tensor mean(int[] axes, boolean keepDims) {
        Tensor sum = sum(axes, keepDims);
        requireElementsToAverage(axes, sum.size());
        return sum.mul((double) sum.size() / data.length);
    }

    /** Fails when a mean would divide by zero elements (giving NaN); {@code results} is the number of means taken. */
    private void requireElementsToAverage(int[] axes, int results) {
        if (data.length == 0 && results > 0) {
            throw new IllegalArgumentException("mean: axes " + Arrays.toString(axes) + " of shape " + shape
                    + " hold no elements, and the mean of nothing is undefined");
        }
    }

    /** The largest element, as a scalar. */
    public Tensor max() {
        return Reduce.reduce("max", this, allAxes(), false, Reduce.Kind.MAX);
    }

    /** The largest element along one axis, which is removed. */
    public Tensor max(int axis) {
        return Reduce.reduce("max", this, new int[] {axis}, false, Reduce.Kind.MAX);
    }

    /** The largest elements along the given axes, kept with extent 1 if {@code keepDims}. */
    public Tensor max(int[] axes, boolean keepDims) {
        return Reduce.reduce("max", this, axes, keepDims, Reduce.Kind.MAX);
    }

    /** The smallest element, as a scalar. */
    public Tensor min() {
        return Reduce.reduce("min", this, allAxes(), false, Reduce.Kind.MIN);
    }

    /** The smallest element along one axis, which is removed. */
    public Tensor min(int axis) {
        return Reduce.reduce("min", this, new int[] {axis}, false, Reduce.Kind.MIN);
    }

    /** The smallest elements along the given axes, kept with extent 1 if {@code keepDims}. */
    public Tensor min(int[] axes, boolean keepDims) {
        return Reduce.reduce("min", this, axes, keepDims, Reduce.Kind.MIN);
    }

    /**
     * The index of the largest element along {@code axis} (which is removed), as a tensor of
     * whole numbers; the first wins ties. Use {@link #toIntArray()} to get {@code int}s.
     */
    public Tensor argmax(int axis) {
        return Reduce.argmax(this, axis);
    }

    /** Like {@link #argmax(int)}, keeping the reduced axis with extent 1 if {@code keepDims}. */
    public Tensor argmax(int axis, boolean keepDims) {
        Tensor indices = Reduce.argmax(this, axis);
        if (!keepDims) {
            return indices;
        }
        int[] dims = shape.dims();
        dims[shape.axis("argmax", axis)] = 1;
        return indices.reshape(dims);
    }

    /** The row-major (flat) index of the largest element; the first wins ties. */
    public int argmax() {
        if (data.length == 0) {
            throw new IllegalArgumentException("argmax: the tensor of shape " + shape + " is empty");
        }
        return (int) Reduce.argmax(reshape(-1), 0).item();
    }

    /** Sums over the axes that broadcasting would stretch, giving {@code shape}: the adjoint of broadcasting. */
    public Tensor sumTo(Shape shape) {
        return Reduce.sumTo(this, shape);
    }

    private int[] allAxes() {
        int[] axes = new int[rank()];
        Arrays.setAll(axes, i -> i);
        return axes;
    }

    // ---------------------------------------------------------------- linear algebra

    /**
     * The matrix product. A vector on the left acts as a row and one on the right as a column, and
     * that axis is dropped from the result, as in NumPy.
     */
    public Tensor matmul(Tensor other) {
        return MatMul.matmul(this, other);
    }

    /** {@code this · otherᵀ} for matrices, as {@code matmul(other.transpose())} (the weight layout of {@code x·Wᵀ}). */
    public Tensor matmulTransposed(Tensor other) {
        return MatMul.timesTransposed(this, other);
    }

    /** {@code thisᵀ · other} for matrices, without materializing the transpose. */
    public Tensor transposedMatmul(Tensor other) {
        return MatMul.transposedTimes(this, other);
    }

    /**
     * The two-dimensional convolution (cross-correlation, as PyTorch's {@code conv2d}) of this input
     * (N, C, H, W) with {@code weight} (O, C/groups, kH, kW), placed by {@code geometry}: shape (N, O, OH, OW).
     */
    public Tensor conv2d(Tensor weight, ConvGeometry geometry) {
        return Convolution.forward(this, weight, geometry);
    }

    /**
     * The transposed convolution of this output cotangent (N, O, OH, OW) with {@code weight}: the gradient of
     * {@code conv2d} with respect to an input of shape {@code inputShape}.
     */
    public Tensor conv2dInputGrad(Tensor weight, ConvGeometry geometry, Shape inputShape) {
        return Convolution.inputGrad(this, weight, geometry, inputShape);
    }

    /**
     * The gradient of {@code conv2d} with respect to a weight of shape {@code weightShape}, for this input and
     * the output cotangent {@code yBar}.
     */
    public Tensor conv2dWeightGrad(Tensor yBar, ConvGeometry geometry, Shape weightShape) {
        return Convolution.weightGrad(this, yBar, geometry, weightShape);
    }

    /**
     * For this (N, C, H, W), the flat index of each {@code kh × kw} window's maximum (windows placed by
     * {@code geometry}, padding counting as −∞), in output order (N, C, OH, OW). Ties go to the first maximum
     * of the window in row-major order, as in PyTorch.
     */
    public int[] maxPool2dIndices(int kh, int kw, ConvGeometry geometry) {
        return Pooling.maxIndices(this, kh, kw, geometry);
    }

    /** The elements at flat positions {@code indices}, shaped {@code shape} (which holds {@code indices.length}). */
    public Tensor takeFlat(int[] indices, Shape shape) {
        return Pooling.takeFlat(this, indices, shape);
    }

    /** The adjoint of {@link #takeFlat}: zeros of {@code shape} with element i of this added at {@code indices[i]}. */
    public Tensor scatterAddFlat(int[] indices, Shape shape) {
        return Pooling.scatterAddFlat(this, indices, shape);
    }

    // ---------------------------------------------------------------- layout

    /**
     * The same elements in a new shape of equal size; one extent may be −1 to be inferred. Shares the
     * (immutable) storage, so it costs no copy.
     */
    public Tensor reshape(int... dims) {
        return new Tensor(shape.reshaped("reshape", data.length, dims), data);
    }

    /** The same elements viewed with {@code shape}, which must have the same size. */
    public Tensor reshape(Shape shape) {
        if (shape.equals(this.shape)) {
            return this;
        }
        if (shape.size() != data.length) {
            throw new IllegalArgumentException("reshape: cannot view shape " + this.shape + " (" + data.length
                    + " elements) as " + shape);
        }
        return new Tensor(shape, data);
    }

    /** This tensor stretched to {@code shape} by broadcasting. */
    public Tensor broadcastTo(Shape shape) {
        return Layout.broadcastTo(this, shape);
    }

    /** The axes in reverse order: the matrix transpose for rank 2, unchanged for ranks 0 and 1 (NumPy's {@code .T}). */
    public Tensor transpose() {
        int[] axes = new int[rank()];
        Arrays.setAll(axes, i -> axes.length - 1 - i);
        return permute(axes);
    }

    /** The axes reordered: axis i of the result is axis {@code axes[i]} of this tensor. */
    public Tensor permute(int... axes) {
        return Layout.permute(this, axes);
    }

    /** The elements with index in {@code [start, end)} along {@code axis}. */
    public Tensor slice(int axis, int start, int end) {
        return Indexing.slice(this, axis, start, end);
    }

    /** Zeros added along {@code axis}: {@code before} of them ahead and {@code after} behind; the adjoint of {@link #slice}. */
    public Tensor pad(int axis, int before, int after) {
        return Indexing.pad(this, axis, before, after);
    }

    /** The tensors joined along {@code axis}; their extents on other axes must agree. */
    public static Tensor concat(int axis, Tensor... tensors) {
        return Indexing.concat(axis, tensors);
    }

    /**
     * The slices at {@code indices} along {@code axis}, in that order (NumPy's {@code take}); for
     * {@code axis = 0} the rows of a minibatch. Indices may repeat.
     */
    public Tensor take(int axis, int[] indices) {
        return Indexing.take(this, axis, indices);
    }

    /** For a matrix, element {@code indices[i]} of each row i: the correct-class score picked per example. */
    public Tensor gather(int[] indices) {
        return Indexing.gather(this, indices);
    }

    /** The adjoint of {@link #gather}: an {@code n × columns} matrix of zeros with {@code this[i]} at {@code (i, indices[i])}. */
    public Tensor scatter(int[] indices, int columns) {
        return Indexing.scatter(this, indices, columns);
    }

    // ---------------------------------------------------------------- equality

    /**
     * Whether {@code other} has the same shape and every element satisfies
     * {@code |a − b| ≤ atol + rtol·|b|} (NumPy's {@code allclose}; NaN never matches).
     */
    public boolean allClose(Tensor other, double rtol, double atol) {
        return Comparison.allClose(this, other, rtol, atol);
    }

    /**
     * The largest elementwise {@code |this − other|}; NaN if any difference is NaN.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public double maxAbsDifference(Tensor other) {
        return Comparison.maxAbsDifference(this, other);
    }

    /** Exact equality of shape and of every element's bits (so NaN equals NaN and 0.0 differs from −0.0). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor other && shape.equals(other.shape) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(data);
    }

    /** The elements in nested brackets, as NumPy prints arrays, eliding the middle of long axes. */
    @Override
    public String toString() {
        return Format.toString(this);
    }
}
