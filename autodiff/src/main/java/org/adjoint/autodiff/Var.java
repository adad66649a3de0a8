package org.adjoint.autodiff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import org.adjoint.autodiff.engine.Nodes;
import org.adjoint.autodiff.ops.Abs;
import org.adjoint.autodiff.ops.Add;
import org.adjoint.autodiff.ops.AddRows;
import org.adjoint.autodiff.ops.Atan;
import org.adjoint.autodiff.ops.BroadcastTo;
import org.adjoint.autodiff.ops.Clamp;
import org.adjoint.autodiff.ops.Concat;
import org.adjoint.autodiff.ops.Cos;
import org.adjoint.autodiff.ops.CumSum;
import org.adjoint.autodiff.ops.Div;
import org.adjoint.autodiff.ops.DropoutMask;
import org.adjoint.autodiff.ops.Elu;
import org.adjoint.autodiff.ops.Erf;
import org.adjoint.autodiff.ops.Exp;
import org.adjoint.autodiff.ops.Expm1;
import org.adjoint.autodiff.ops.Gather;
import org.adjoint.autodiff.ops.Gelu;
import org.adjoint.autodiff.ops.GeluTanh;
import org.adjoint.autodiff.ops.IntList;
import org.adjoint.autodiff.ops.LeakyRelu;
import org.adjoint.autodiff.ops.Log1p;
import org.adjoint.autodiff.ops.Log;
import org.adjoint.autodiff.ops.LogSoftmax;
import org.adjoint.autodiff.ops.LogSumExp;
import org.adjoint.autodiff.ops.MatMul;
import org.adjoint.autodiff.ops.MatMulTransposed;
import org.adjoint.autodiff.ops.Maximum;
import org.adjoint.autodiff.ops.Mean;
import org.adjoint.autodiff.ops.Minimum;
import org.adjoint.autodiff.ops.Mul;
import org.adjoint.autodiff.ops.Neg;
import org.adjoint.autodiff.ops.Normalization;
import org.adjoint.autodiff.ops.Pad;
import org.adjoint.autodiff.ops.Permute;
import org.adjoint.autodiff.ops.Pow;
import org.adjoint.autodiff.ops.PowConstant;
import org.adjoint.autodiff.ops.ReduceMax;
import org.adjoint.autodiff.ops.ReduceMin;
import org.adjoint.autodiff.ops.Relu;
import org.adjoint.autodiff.ops.Reshape;
import org.adjoint.autodiff.ops.Scale;
import org.adjoint.autodiff.ops.Scatter;
import org.adjoint.autodiff.ops.Shift;
import org.adjoint.autodiff.ops.Sigmoid;
import org.adjoint.autodiff.ops.Silu;
import org.adjoint.autodiff.ops.Sin;
import org.adjoint.autodiff.ops.Slice;
import org.adjoint.autodiff.ops.Softmax;
import org.adjoint.autodiff.ops.Softplus;
import org.adjoint.autodiff.ops.Sqrt;
import org.adjoint.autodiff.ops.Sub;
import org.adjoint.autodiff.ops.Sum;
import org.adjoint.autodiff.ops.SumTo;
import org.adjoint.autodiff.ops.TakeRows;
import org.adjoint.autodiff.ops.Tan;
import org.adjoint.autodiff.ops.Tanh;
import org.adjoint.autodiff.ops.TransposedMatMul;
import org.adjoint.autodiff.ops.Where;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * A differentiable value: a {@link Tensor} together with how it was computed.
 *
 * <p>Reverse mode is define-by-run. A parameter ({@link #param}) is a leaf that gradients are taken
 * with respect to; a constant ({@link #constant}) is data. Every operation on a value that depends on
 * a parameter records one node — its op and its inputs — and returns a new {@code Var}; an operation
 * whose inputs are all constants records nothing and returns a constant, so evaluation code built
 * from constants runs at plain tensor speed. {@link Backward} walks the recorded graph and
 * <em>returns</em> gradients: nothing is accumulated in the values, there is nothing to zero, and
 * there is no global or thread-local state, so threads differentiate their own functions
 * independently, even when they share parameters.
 *
 * <p>Elementwise binary operations broadcast as in NumPy. The subgradients chosen at kinks are those
 * of PyTorch: {@code relu'(0) = 0}, {@code abs'(0) = 0}, ties in {@code max}/{@code min} (reductions
 * and elementwise) share the gradient equally, and {@code clamp} passes the gradient at its bounds.
 *
 * <pre>{@code
 * Var w = Var.param(Tensor.randomNormal(0, 10, 3).mul(0.01));
 * Var loss = Losses.softmaxCrossEntropy(Var.constant(x).matmul(w), labels);
 * Tensor dw = Backward.of(loss).gradient(w);
 * }</pre>
 *
 * <p>This class is a facade: each operation delegates in one line to its op class in
 * {@code org.adjoint.autodiff.ops}, and the engine ({@code org.adjoint.autodiff.engine}) reads a
 * node's op, inputs and traversal scratch through {@code engine.Nodes}, never through public methods.
 */
public final class Var {

    private static final Var[] NO_INPUTS = new Var[0];
    private static final VarHandle CLAIM;

    static {
        try {
            CLAIM = MethodHandles.lookup().findVarHandle(Var.class, "claim", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        Nodes.install(new NodeFields());
    }

    private final Tensor value;
    private final Op op;
    private final Var[] inputs;
    private final boolean requiresGrad;
    /**
     * The graph traversal that has claimed this node's {@link #slot}, or null (the slot-claim protocol
     * of {@code engine.Traversal}). Written only through {@code CLAIM}, by compare-and-set.
     */
    @SuppressWarnings("unused") // accessed through CLAIM
    private Object claim;
    /** Scratch space of the traversal that claimed this node. */
    private int slot;
    /**
     * Whether the engine's zero-cotangent rule can have work to do at this node
     * ({@code engine.Pointwise}): 0 not yet known, 1 no, 2 yes. A cache of a fact about the immutable
     * op and values.
     */
    private byte zeroRule;

    private Var(Tensor value, Op op, Var[] inputs, boolean requiresGrad) {
        this.value = value;
        this.op = op;
        this.inputs = inputs;
        this.requiresGrad = requiresGrad;
    }

    // ---------------------------------------------------------------- creation

    /** A trainable leaf: gradients can be taken with respect to it. */
    public static Var param(Tensor value) {
        Objects.requireNonNull(value, "value");
        return new Var(value, null, NO_INPUTS, true);
    }

    /** A trainable scalar leaf. */
    public static Var param(double value) {
        return param(Tensor.scalar(value));
    }

    /** A constant: operations on constants alone are not recorded. */
    public static Var constant(Tensor value) {
        Objects.requireNonNull(value, "value");
        return new Var(value, null, NO_INPUTS, false);
    }

    /** A constant scalar. */
    public static Var constant(double value) {
        return constant(Tensor.scalar(value));
    }

    /** Records {@code op} applied to {@code x}, or just computes it when {@code x} is a constant. */
    public static Var apply(UnaryOp op, Var x) {
        Tensor y = op.forward(x.value);
        return x.requiresGrad ? new Var(y, op, new Var[] {x}, true) : constant(y);
    }

    /** Records {@code op} applied to {@code a} and {@code b}, or just computes it when both are constants. */
    public static Var apply(BinaryOp op, Var a, Var b) {
        Tensor y = op.forward(a.value, b.value);
        return a.requiresGrad || b.requiresGrad ? new Var(y, op, new Var[] {a, b}, true) : constant(y);
    }

    /**
     * Records an op of any arity whose forward value the caller computed: for a custom {@link Op}
     * that is neither a {@link UnaryOp} nor a {@link BinaryOp}, or that computes its forward from
     * several inputs at once. {@code value} must be the op's output for the inputs' values; the
     * engine calls {@link Op#vjp} with the inputs in this order. Records nothing, and returns a
     * constant, when no input requires a gradient.
     */
    public static Var record(Op op, Tensor value, Var... inputs) {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        for (Var input : inputs) {
            if (input.requiresGrad) {
                return new Var(value, op, inputs.clone(), true);
            }
        }
        return constant(value);
    }

    // ---------------------------------------------------------------- inspection

    /** The value. */
    public Tensor value() {
        return value;
    }

    /** The value's shape. */
    public Shape shape() {
        return value.shape();
    }

    /** The only element of a one-element value. */
    public double item() {
        return value.item();
    }

    /** Whether this value depends on a parameter, so gradients flow through it. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** A constant with the same value: gradients do not flow back through the result. */
    public Var detach() {
        return requiresGrad ? constant(value) : this;
    }

    @Override
    public String toString() {
        String kind = op != null ? "recorded by " + op : requiresGrad ? "param" : "constant";
        return "Var(" + value + ", " + kind + ")";
    }

    // ---------------------------------------------------------------- arithmetic (broadcasting)

    /** {@code this + other}. */
    public Var add(Var other) {
        return apply(Add.INSTANCE, this, other);
    }

    /** {@code this − other}. */
    public Var sub(Var other) {
        return apply(Sub.INSTANCE, this, other);
    }

    /** {@code this · other}, elementwise. */
    public Var mul(Var other) {
        return apply(Mul.INSTANCE, this, other);
    }

    /** {@code this / other}, elementwise. */
    public Var div(Var other) {
        return apply(Div.INSTANCE, this, other);
    }

    /** {@code this ^ exponent}, elementwise; differentiating the exponent needs a positive base. */
    public Var pow(Var exponent) {
        return apply(Pow.INSTANCE, this, exponent);
    }

    /** The elementwise larger of this and {@code other}; ties split the gradient equally. */
    public Var maximum(Var other) {
        return apply(Maximum.INSTANCE, this, other);
    }

    /** The elementwise smaller of this and {@code other}; ties split the gradient equally. */
    public Var minimum(Var other) {
        return apply(Minimum.INSTANCE, this, other);
    }

    /** {@code this + c}. */
    public Var add(double c) {
        return apply(new Shift(c), this);
    }

    /** {@code this − c}. */
    public Var sub(double c) {
        return apply(new Shift(-c), this);
    }

    /** {@code this · c}. */
    public Var mul(double c) {
        return apply(new Scale(c), this);
    }

    /** {@code this / c}, computed as {@code this · (1/c)}. */
    public Var div(double c) {
        return apply(new Scale(1 / c), this);
    }

    /** {@code this ^ p} for a constant exponent. */
    public Var pow(double p) {
        return apply(new PowConstant(p), this);
    }

    /** {@code this²}. */
    public Var square() {
        return pow(2);
    }

    /** {@code −this}. */
    public Var neg() {
        return apply(Neg.INSTANCE, this);
    }

    // ---------------------------------------------------------------- elementwise functions

    /** {@code eˣ}. */
    public Var exp() {
        return apply(Exp.INSTANCE, this);
    }

    /** The natural logarithm. */
    public Var log() {
        return apply(Log.INSTANCE, this);
    }

    /** The square root. */
    public Var sqrt() {
        return apply(Sqrt.INSTANCE, this);
    }

    /** The sine. */
    public Var sin() {
        return apply(Sin.INSTANCE, this);
    }

    /** The cosine. */
    public Var cos() {
        return apply(Cos.INSTANCE, this);
    }

    /** The tangent. */
    public Var tan() {
        return apply(Tan.INSTANCE, this);
    }

    /** The arctangent, in (−π/2, π/2). */
    public Var atan() {
        return apply(Atan.INSTANCE, this);
    }

    /** The hyperbolic tangent. */
    public Var tanh() {
        return apply(Tanh.INSTANCE, this);
    }

    /** The logistic function {@code 1 / (1 + e⁻ˣ)}. */
    public Var sigmoid() {
        return apply(Sigmoid.INSTANCE, this);
    }

    /** {@code max(x, 0)}; the derivative at 0 is taken as 0. */
    public Var relu() {
        return apply(Relu.INSTANCE, this);
    }

    /** {@code |x|}; the derivative at 0 is taken as 0. */
    public Var abs() {
        return apply(Abs.INSTANCE, this);
    }

    /** Each element limited to {@code [low, high]}; the gradient passes where {@code low ≤ x ≤ high}. */
    public Var clamp(double low, double high) {
        return apply(new Clamp(low, high), this);
    }

    // ---------------------------------------------------------------- reductions

    /** The sum of all elements, a scalar. */
    public Var sum() {
        return apply(new Sum(IntList.range(value.rank()), false), this);
    }

    /** The sum along one axis, which is removed. */
    public Var sum(int axis) {
        return apply(new Sum(IntList.of(axis), false), this);
    }

    /** The sum along the given axes, kept with extent 1 if {@code keepDims}. */
    public Var sum(int[] axes, boolean keepDims) {
        return apply(new Sum(IntList.copyOf(axes), keepDims), this);
    }

    /** The mean of all elements, a scalar; an empty value has no mean (an exception, not NaN). */
    public Var mean() {
        return Mean.all(this);
    }

    /** The mean along one axis, which is removed. */
    public Var mean(int axis) {
        return mean(new int[] {axis}, false);
    }

    /**
     * The mean along the given axes, kept with extent 1 if {@code keepDims}.
     *
     * @throws IllegalArgumentException if the reduced axes are empty while the result is not: the
     *     mean of nothing is undefined (NumPy and PyTorch return NaN)
     */
    public Var mean(int[] axes, boolean keepDims) {
        return Mean.apply(this, axes, keepDims);
    }

    /** The largest element, a scalar; tied maxima share the gradient equally. */
    public Var max() {
        return apply(new ReduceMax(IntList.range(value.rank()), false), this);
    }

    /** The largest element along one axis, which is removed. */
    public Var max(int axis) {
        return apply(new ReduceMax(IntList.of(axis), false), this);
    }

    /** The largest elements along the given axes, kept with extent 1 if {@code keepDims}. */
    public Var max(int[] axes, boolean keepDims) {
        return apply(new ReduceMax(IntList.copyOf(axes), keepDims), this);
    }

    /** The smallest element, a scalar; tied minima share the gradient equally. */
    public Var min() {
        return apply(new ReduceMin(IntList.range(value.rank()), false), this);
    }

    /** The smallest element along one axis, which is removed. */
    public Var min(int axis) {
        return apply(new ReduceMin(IntList.of(axis), false), this);
    }

    /** The smallest elements along the given axes, kept with extent 1 if {@code keepDims}. */
    public Var min(int[] axes, boolean keepDims) {
        return apply(new ReduceMin(IntList.copyOf(axes), keepDims), this);
    }

    /** {@code log Σ exp(x)} over all elements, computed without overflow. */
    public Var logSumExp() {
        return apply(new LogSumExp(IntList.range(value.rank()), false), this);
    }

    /** {@code log Σ exp(x)} along the given axes, computed without overflow. */
    public Var logSumExp(int[] axes, boolean keepDims) {
        return apply(new LogSumExp(IntList.copyOf(axes), keepDims), this);
    }

    /** {@code exp(x) / Σ exp(x)} along {@code axis}, computed without overflow. */
    public Var softmax(int axis) {
        return apply(new Softmax(IntList.of(axis)), this);
    }

    /** {@code x − log Σ exp(x)} along {@code axis}, computed without overflow. */
    public Var logSoftmax(int axis) {
        return apply(new LogSoftmax(axis), this);
    }

    /** Sums over broadcast axes down to {@code shape}: the adjoint of {@link #broadcastTo}. */
    public Var sumTo(Shape shape) {
        return shape.equals(shape()) ? this : apply(new SumTo(shape), this);
    }

    /** This value stretched to {@code shape} by broadcasting. */
    public Var broadcastTo(Shape shape) {
        return shape.equals(shape()) ? this : apply(new BroadcastTo(shape), this);
    }

    // ---------------------------------------------------------------- linear algebra and layout

    /**
     * The matrix product; vectors act as a row on the left and a column on the right, as in NumPy. With
     * an operand of rank 3 or more, {@code torch.matmul}'s batched product: the leading axes are stacks
     * of matrices and broadcast.
     */
    public Var matmul(Var other) {
        return MatMul.apply(this, other);
    }

    /**
     * {@code this · otherᵀ} for matrices: the same value as {@code matmul(other.transpose())}, without
     * recording or copying the transpose. This is the product of a layer {@code x·Wᵀ} whose weight
     * has one row per output.
     */
    public Var matmulTransposed(Var other) {
        return apply(MatMulTransposed.INSTANCE, this, other);
    }

    /** {@code thisᵀ · other} for matrices: the same value as {@code transpose().matmul(other)}, without the copy. */
    public Var transposedMatmul(Var other) {
        return apply(TransposedMatMul.INSTANCE, this, other);
    }

    /** The axes reversed: the matrix transpose for rank 2. */
    public Var transpose() {
        return apply(Permute.reversed(value.rank()), this);
    }

    /** The axes reordered: axis i of the result is axis {@code axes[i]}. */
    public Var permute(int... axes) {
        return apply(new Permute(IntList.copyOf(axes)), this);
    }

    /** The same elements in a new shape; one extent may be −1. */
    public Var reshape(int... dims) {
        return reshape(value.reshape(dims).shape());
    }

    /** The same elements viewed with {@code shape}, which must have the same size; this value itself if the shape is unchanged. */
    public Var reshape(Shape shape) {
        return shape.equals(shape()) ? this : apply(new Reshape(shape), this);
    }

    /** The elements with index in {@code [start, end)} along {@code axis}. */
    public Var slice(int axis, int start, int end) {
        return apply(new Slice(axis, start, end), this);
    }

    /** Zeros added along {@code axis}, {@code before} ahead and {@code after} behind. */
    public Var pad(int axis, int before, int after) {
        return apply(new Pad(axis, before, after), this);
    }

    /** For a matrix, element {@code indices[i]} of each row i (the correct-class score per example). */
    public Var gather(int[] indices) {
        return apply(new Gather(IntList.copyOf(indices)), this);
    }

    /** An {@code n × columns} matrix of zeros with {@code this[i]} at {@code (i, indices[i])}: the adjoint of gather. */
    public Var scatter(int[] indices, int columns) {
        return apply(new Scatter(IntList.copyOf(indices), columns), this);
    }

    /** The values joined along {@code axis}. */
    public static Var concat(int axis, Var... parts) {
        return Concat.apply(axis, parts);
    }

    /**
     * Elements of {@code a} where {@code mask} is nonzero and of {@code b} elsewhere. The mask is data,
     * not differentiated. The branch not chosen receives an exact zero cotangent, selected rather than
     * multiplied, and a zero cotangent pulls back to zero through every elementwise op whatever its
     * local derivative (the engine's zero-cotangent rule), so a NaN or infinity computed in that
     * branch never reaches the gradient or the Hessian: {@code where(x > 0, sqrt(x), 0)} at x ≤ 0 and
     * {@code where(x != 0, sin(x)/x, 1)} at 0 differentiate as the chosen branch. (PyTorch and JAX give
     * NaN there and advise a second {@code where} to keep the other branch's input in its domain;
     * that is unnecessary here.)
     */
    public static Var where(Tensor mask, Var a, Var b) {
        return apply(new Where(mask), a, b);
    }

    // ---------------------------------------------------------------- activations and special functions (issue 21)

    /** {@code ln(1 + x)}, accurate for small x. */
    public Var log1p() {
        return apply(Log1p.INSTANCE, this);
    }

    /** {@code eˣ − 1}, accurate for small x. */
    public Var expm1() {
        return apply(Expm1.INSTANCE, this);
    }

    /** {@code ln(1 + eˣ)}, computed without overflow; its derivative is the logistic function. */
    public Var softplus() {
        return apply(Softplus.INSTANCE, this);
    }

    /** {@code ln(1 + e^{βx}) / β} for β &gt; 0, PyTorch's {@code softplus(x, beta)}. */
    public Var softplus(double beta) {
        return apply(new Softplus(beta), this);
    }

    /** The error function {@code erf x}. */
    public Var erf() {
        return apply(Erf.INSTANCE, this);
    }

    /** The exact GELU {@code x · Φ(x)}, Φ the standard normal distribution function. */
    public Var gelu() {
        return apply(Gelu.INSTANCE, this);
    }

    /** GELU's tanh approximation, PyTorch's {@code gelu(x, approximate='tanh')}. */
    public Var geluTanh() {
        return apply(GeluTanh.INSTANCE, this);
    }

    /** SiLU (swish) {@code x · σ(x)}. */
    public Var silu() {
        return apply(Silu.INSTANCE, this);
    }

    /** {@code x} for x &gt; 0, else {@code slope · x}; the derivative at 0 is the slope (PyTorch's). */
    public Var leakyRelu(double slope) {
        return apply(new LeakyRelu(slope), this);
    }

    /** {@code x} for x &gt; 0, else {@code α(eˣ − 1)}; the derivative at 0 is α (PyTorch's). */
    public Var elu(double alpha) {
        return apply(new Elu(alpha), this);
    }

    /** The running sum along {@code axis} (negative counts from the end), PyTorch's {@code cumsum}. */
    public Var cumsum(int axis) {
        return CumSum.apply(this, axis, false);
    }

    // ---------------------------------------------------------------- embedding, dropout, normalization

    /**
     * The rows of this tensor {@code [rows, d…]} picked by {@code indices} laid out in {@code indexShape},
     * giving {@code indexShape ++ [d…]}: an embedding lookup; repeated rows accumulate their gradients.
     */
    public Var takeRows(int[] indices, Shape indexShape) {
        return apply(new TakeRows(IntList.copyOf(indices), indexShape), this);
    }

    /** Zeros of shape {@code [rows, d…]} with each row of this {@code indexShape ++ [d…]} added at its index: the adjoint of takeRows. */
    public Var addRows(int[] indices, Shape indexShape, int rows) {
        return apply(new AddRows(IntList.copyOf(indices), indexShape, rows), this);
    }

    /** Inverted dropout with probability {@code p} and a mask drawn from {@code seed} ({@link DropoutMask}). */
    public Var dropout(double p, long seed) {
        return DropoutMask.apply(this, p, seed);
    }

    /** Normalized over the last {@code k} axes, {@code (x − μ)/√(σ² + eps)}, as PyTorch's {@code layer_norm} without affine. */
    public Var layerNorm(int k, double eps) {
        return Normalization.layerNorm(this, k, eps);
    }

    // ---------------------------------------------------------------- convolution and pooling

    /** The convolution of this (N, C, H, W) with {@code weight} (O, C/groups, kH, kW); see {@link Convolutions}. */
    public Var conv2d(Var weight, org.adjoint.core.ConvGeometry geometry) {
        return org.adjoint.autodiff.ops.Conv2d.apply(this, weight, geometry);
    }

    /** Max pooling of this (N, C, H, W) over square windows; ties as {@link Convolutions#maxPool2d}. */
    public Var maxPool2d(int kernel, int stride, int padding) {
        return Convolutions.maxPool2d(this, kernel, stride, padding);
    }

    /** Average pooling of this (N, C, H, W) over square windows, padding counted (PyTorch's default). */
    public Var avgPool2d(int kernel, int stride, int padding) {
        return Convolutions.avgPool2d(this, kernel, stride, padding);
    }

    /** Average pooling of this (N, C, H, W) to an {@code height × width} output, as PyTorch's adaptive pooling. */
    public Var adaptiveAvgPool2d(int height, int width) {
        return Convolutions.adaptiveAvgPool2d(this, height, width);
    }

    /** The elements at flat positions {@code indices}, shaped {@code shape}. */
    public Var takeFlat(int[] indices, Shape shape) {
        return apply(new org.adjoint.autodiff.ops.TakeFlat(IntList.copyOf(indices), shape), this);
    }

    /** Zeros of {@code shape} with element i of this added at flat position {@code indices[i]}: the adjoint of takeFlat. */
    public Var scatterAddFlat(int[] indices, Shape shape) {
        return apply(new org.adjoint.autodiff.ops.ScatterAddFlat(IntList.copyOf(indices), shape), this);
    }

    // ---------------------------------------------------------------- einsum (issue 21)

    /**
     * Einstein summation as {@code torch.einsum}: {@code einsum("ij,jk->ik", a, b)} is {@code a·b},
     * {@code einsum("bhqd,bhkd->bhqk", q, k)} attention scores; see {@link Einsum} for the grammar.
     */
    public static Var einsum(String spec, Var... operands) {
        return Einsum.of(spec, operands);
    }

    // ---------------------------------------------------------------- the engine's access

    /**
     * The engine's access to the node fields above, installed in {@link Nodes} when this class is
     * initialized: the only implementation of {@link Nodes.Access}, so the engine's calls through it
     * inline to plain field accesses.
     */
    private static final class NodeFields implements Nodes.Access {

        @Override
        public Op op(Var node) {
            return node.op;
        }

        @Override
        public Var[] inputs(Var node) {
            return node.inputs;
        }

        @Override
        public Object claimant(Var node) {
            return CLAIM.getOpaque(node);
        }

        @Override
        public boolean claim(Var node, Object holder, Object traversal) {
            return CLAIM.compareAndSet(node, holder, traversal);
        }

        @Override
        public int slot(Var node) {
            return node.slot;
        }

        @Override
        public void slot(Var node, int value) {
            node.slot = value;
        }

        @Override
        public byte zeroRule(Var node) {
            return node.zeroRule;
        }

        @Override
        public void zeroRule(Var node, byte value) {
            node.zeroRule = value;
        }
    }
}
