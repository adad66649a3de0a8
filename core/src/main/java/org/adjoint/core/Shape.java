package org.adjoint.core;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * The dimensions of a tensor: an immutable list of non-negative extents, outermost first.
 *
 * <p>A rank-0 shape {@code []} describes a scalar. Shapes compare by value, so they can be used as
 * map keys and in {@code assertEquals}. Layout is always row-major: the last axis is contiguous.
 */
public final class Shape {

    /** The shape of a scalar, {@code []}. */
    public static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final int size;

    private Shape(int[] dims) {
        this.dims = dims;
        long nonzero = 1;
        boolean empty = false;
        for (int d : dims) {
            if (d == 0) {
                empty = true;
            } else {
                nonzero *= d;
                if (nonzero > Integer.MAX_VALUE) {
                    throw tooLarge(dims);
                }
            }
        }
        this.size = empty ? 0 : (int) nonzero;
    }

    /**
     * The error for extents whose product overflows an array. Zero extents are left out of the
     * product, as in NumPy ({@code np.empty((0, 2**40, 2**40))} is "array is too big"), so that
     * every stride of every shape fits in an {@code int}.
     */
    private static IllegalArgumentException tooLarge(int[] dims) {
        BigInteger total = BigInteger.ONE;
        for (int d : dims) {
            total = d == 0 ? total : total.multiply(BigInteger.valueOf(d));
        }
        return new IllegalArgumentException("shape " + Arrays.toString(dims) + ": the nonzero extents multiply to "
                + total + ", more than the " + Integer.MAX_VALUE + " elements an array can hold");
    }

    /**
     * {@link #of(int...)} for the result of {@code op}: an error names {@code op} first.
     *
     * @throws IllegalArgumentException naming {@code op} if an extent is negative or the size overflows
     */
    static Shape of(String op, int... dims) {
        try {
            return of(dims);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": " + e.getMessage(), e);
        }
    }

    /**
     * The error for a sum of extents (or of sizes) beyond {@link Integer#MAX_VALUE}: {@code op} and
     * {@code what} name it. Callers compare first, so that the message is built only on failure.
     */
    static IllegalArgumentException tooLong(String op, String what, long sum) {
        return new IllegalArgumentException(op + ": " + what + " is " + sum + ", more than the "
                + Integer.MAX_VALUE + " elements an array can hold");
    }

    /**
     * A shape with the given extents.
     *
     * @throws IllegalArgumentException if an extent is negative, or if the nonzero extents multiply to
     *     more than {@link Integer#MAX_VALUE} (zeros are left out of that product, as NumPy does, so
     *     {@code [0, 65536, 65536]} is refused too)
     */
    public static Shape of(int... dims) {
        if (dims.length == 0) {
            return SCALAR;
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims)
                        + ": extent of axis " + i + " is negative");
            }
        }
        return new Shape(dims.clone());
    }

    /** The number of axes; 0 for a scalar. */
    public int rank() {
        return dims.length;
    }

    /** The number of elements: the product of the extents (1 for a scalar). */
    public int size() {
        return size;
    }

    /**
     * The extent of one axis. Negative axes count from the end, as in NumPy ({@code -1} is the last).
     *
     * @throws IllegalArgumentException if the axis is out of range
     */
    public int dim(int axis) {
        return dims[axis(axis)];
    }

    /** A copy of the extents. */
    public int[] dims() {
        return dims.clone();
    }

    /**
     * Normalizes an axis that may be negative to {@code [0, rank)}.
     *
     * @throws IllegalArgumentException if the axis is outside {@code [-rank, rank)}
     */
    public int axis(int axis) {
        int a = axis < 0 ? axis + dims.length : axis;
        if (a < 0 || a >= dims.length) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for shape " + this
                    + " of rank " + dims.length);
        }
        return a;
    }

    /** {@link #axis(int)}, with {@code op} named in the error message. */
    int axis(String op, int axis) {
        try {
            return axis(axis);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": " + e.getMessage(), e);
        }
    }

    /** The axes of this shape followed by those of {@code other}, e.g. {@code [2] ++ [3, 4] = [2, 3, 4]}. */
    public Shape concat(Shape other) {
        int[] joined = Arrays.copyOf(dims, dims.length + other.dims.length);
        System.arraycopy(other.dims, 0, joined, dims.length, other.dims.length);
        return of(joined);
    }

    /**
     * The shape a reduction over {@code axes} gives: those axes removed, or kept with extent 1 if
     * {@code keepDims}. Axes may be negative and must be distinct.
     *
     * @throws IllegalArgumentException if an axis is out of range or listed twice
     */
    public Shape reduce(int[] axes, boolean keepDims) {
        boolean[] reduced = reducedAxes("reduce", axes);
        return keepDims ? kept(reduced) : dropped(reduced);
    }

    /** Which axes {@code axes} names, validated; {@code op} names the operation in error messages. */
    boolean[] reducedAxes(String op, int[] axes) {
        boolean[] reduced = new boolean[dims.length];
        for (int axis : axes) {
            int a = axis(op, axis);
            if (reduced[a]) {
                throw new IllegalArgumentException(op + ": axis " + axis + " is listed twice in "
                        + Arrays.toString(axes) + " for shape " + this);
            }
            reduced[a] = true;
        }
        return reduced;
    }

    /** This shape with the reduced axes set to extent 1. */
    Shape kept(boolean[] reduced) {
        int[] kept = dims.clone();
        for (int i = 0; i < kept.length; i++) {
            if (reduced[i]) {
                kept[i] = 1;
            }
        }
        return new Shape(kept);
    }

    /** This shape without the reduced axes. */
    Shape dropped(boolean[] reduced) {
        int[] remaining = new int[dims.length];
        int n = 0;
        for (int i = 0; i < dims.length; i++) {
            if (!reduced[i]) {
                remaining[n++] = dims[i];
            }
        }
        return of(Arrays.copyOf(remaining, n));
    }

    /** Row-major strides: the distance in elements between neighbours along each axis. */
    public int[] strides() {
        int[] strides = new int[dims.length];
        int s = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= dims[i];
        }
        return strides;
    }

    /**
     * The shape two operands broadcast to under NumPy's rules: align trailing axes; each pair of
     * extents must be equal or one of them 1.
     *
     * @param op the operation's name, used in the error message
     * @throws IllegalArgumentException naming the operation and both shapes if they do not broadcast
     */
    public static Shape broadcast(String op, Shape a, Shape b) {
        Objects.requireNonNull(op, "op");
        if (a.equals(b)) {
            return a;
        }
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 1; i <= rank; i++) {
            int da = i <= a.rank() ? a.dims[a.rank() - i] : 1;
            int db = i <= b.rank() ? b.dims[b.rank() - i] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + a + " and " + b
                        + " do not broadcast (axis " + (rank - i) + " of the result: " + da + " vs " + db + ")");
            }
            out[rank - i] = da == 1 ? db : da;
        }
        try {
            return new Shape(out);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": " + e.getMessage(), e);
        }
    }

    /** Whether this shape broadcasts to {@code target} without changing {@code target}. */
    public boolean broadcastsTo(Shape target) {
        if (rank() > target.rank()) {
            return false;
        }
        int offset = target.rank() - rank();
        for (int i = 0; i < rank(); i++) {
            if (dims[i] != 1 && dims[i] != target.dims[i + offset]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The shape {@code dims} asks for when {@code op} views {@code size} elements of this shape in it:
     * one extent may be −1, inferred from the others.
     *
     * @throws IllegalArgumentException naming {@code op}, this shape and {@code dims} if no such view exists
     */
    Shape reshaped(String op, int size, int... dims) {
        int[] resolved = dims.clone();
        int infer = -1;
        long known = 1; // a long: empty tensors may be viewed with extents whose product overflows
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] == -1 && infer < 0) {
                infer = i;
            } else if (resolved[i] < 0) {
                throw new IllegalArgumentException(op + ": extent " + resolved[i] + " of axis " + i + " in "
                        + Arrays.toString(dims) + " is negative; only one extent may be -1, to be inferred");
            } else {
                known *= resolved[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || size % known != 0) {
                throw new IllegalArgumentException(op + ": cannot view shape " + this + " (" + size
                        + " elements) as " + Arrays.toString(dims) + (known == 0
                        ? ": with a zero extent beside it, the -1 could be anything" : ""));
            }
            resolved[infer] = (int) (size / known);
        }
        Shape target = of(op, resolved);
        if (target.size() != size) {
            throw new IllegalArgumentException(op + ": cannot view shape " + this + " (" + size
                    + " elements) as " + Arrays.toString(dims));
        }
        return target;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** The extents in brackets, e.g. {@code [3, 4]}; {@code []} for a scalar. */
    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
