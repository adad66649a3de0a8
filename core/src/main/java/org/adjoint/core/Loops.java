package org.adjoint.core;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.adjoint.core.Elementwise.BinaryLoop;
import org.adjoint.core.Elementwise.UnaryLoop;

/**
 * The loops behind {@link Tensor}'s elementwise operations, one per operation, each a plain loop over
 * {@code double[]} that the JIT compiles on its own and vectorizes where the arithmetic allows. They
 * are written out one by one on purpose: see {@link Elementwise.UnaryLoop}.
 */
final class Loops {

    static final BinaryLoop ADD = (x, xo, y, yo, o, oo, n) -> {
        for (int i = 0; i < n; i++) {
            o[oo + i] = x[xo + i] + y[yo + i];
        }
    };
    static final BinaryLoop SUB = (x, xo, y, yo, o, oo, n) -> {
        for (int i = 0; i < n; i++) {
            o[oo + i] = x[xo + i] - y[yo + i];
        }
    };
    static final BinaryLoop MUL = (x, xo, y, yo, o, oo, n) -> {
        for (int i = 0; i < n; i++) {
            o[oo + i] = x[xo + i] * y[yo + i];
        }
    };
    static final BinaryLoop DIV = (x, xo, y, yo, o, oo, n) -> {
        for (int i = 0; i < n; i++) {
            o[oo + i] = x[xo + i] / y[yo + i];
        }
    };
    static final BinaryLoop MAX = (x, xo, y, yo, o, oo, n) -> {
        for (int i = 0; i < n; i++) {
            o[oo + i] = Math.max(x[xo + i], y[yo + i]);
        }
    };
    static final BinaryLoop MIN = (x, xo, y, yo, o, oo, n) -> {
        for (int i = 0; i < n; i++) {
            o[oo + i] = Math.min(x[xo + i], y[yo + i]);
        }
    };

    static final UnaryLoop NEG = (x, o, from, to) -> {
        for (int i = from; i < to; i++) {
            o[i] = -x[i];
        }
    };
    static final UnaryLoop SQUARE = (x, o, from, to) -> {
        for (int i = from; i < to; i++) {
            o[i] = x[i] * x[i];
        }
    };
    static final UnaryLoop SQRT = (x, o, from, to) -> {
        for (int i = from; i < to; i++) {
            o[i] = Math.sqrt(x[i]);
        }
    };
    static final UnaryLoop ABS = (x, o, from, to) -> {
        for (int i = from; i < to; i++) {
            o[i] = Math.abs(x[i]);
        }
    };
    /*
     * RELU and POSITIVE are branch-free on purpose: with inputs of random sign a conditional mispredicts
     * half the time (4 ns per element against 0.2 for max, which also vectorizes).
     */
    static final UnaryLoop RELU = (x, o, from, to) -> {
        for (int i = from; i < to; i++) {
            o[i] = Math.max(x[i], 0.0);
        }
    };
    /** {@code [x > 0]}: max(x, 0) is 0 or positive, clamping to 1 and rounding up gives 0 or 1; NaN stays NaN. */
    static final UnaryLoop POSITIVE = (x, o, from, to) -> {
        for (int i = from; i < to; i++) {
            o[i] = Math.ceil(Math.min(Math.max(x[i], 0.0), 1.0));
        }
    };
    /** {@code x · [y > 0]}, the mask computed as in {@link #POSITIVE}: the same bits as the two passes. */
    static final BinaryLoop MUL_POSITIVE = (x, xo, y, yo, o, oo, n) -> {
        for (int i = 0; i < n; i++) {
            o[oo + i] = x[xo + i] * Math.ceil(Math.min(Math.max(y[yo + i], 0.0), 1.0));
        }
    };
    /**
     * Vector API versions of the costly functions ({@code VectorLoops}, giving {@link StableMath}'s
     * bits), or null when that API is not in use.
     */
    static final Transcendentals FAST =
            Vectorization.choose("org.adjoint.core.VectorLoops", Transcendentals.class, null);

    static final UnaryLoop EXP = FAST != null ? FAST.exp() : (x, o, from, to) -> {
        for (int i = from; i < to; i++) {
            o[i] = Math.exp(x[i]);
        }
    };
    static final UnaryLoop LOG = FAST != null ? FAST.log() : (x, o, from, to) -> {
        for (int i = from; i < to; i++) {
            o[i] = Math.log(x[i]);
        }
    };
    static final UnaryLoop TANH = FAST != null ? FAST.tanh() : of(Math::tanh);

    /** Loops for the functions whose cost is the function itself, where vector code pays most. */
    interface Transcendentals {
        UnaryLoop exp();

        UnaryLoop log();

        UnaryLoop tanh();
    }

    private Loops() {
    }

    /** {@code x + c}. */
    static UnaryLoop shift(double c) {
        return (x, o, from, to) -> {
            for (int i = from; i < to; i++) {
                o[i] = x[i] + c;
            }
        };
    }

    /** {@code x · c}. */
    static UnaryLoop scale(double c) {
        return (x, o, from, to) -> {
            for (int i = from; i < to; i++) {
                o[i] = x[i] * c;
            }
        };
    }

    /** {@code (x · y) · c}. */
    static BinaryLoop scaledProduct(double c) {
        return (x, xo, y, yo, o, oo, n) -> {
            for (int i = 0; i < n; i++) {
                o[oo + i] = x[xo + i] * y[yo + i] * c;
            }
        };
    }

    /** {@code x / c}. */
    static UnaryLoop divide(double c) {
        return (x, o, from, to) -> {
            for (int i = from; i < to; i++) {
                o[i] = x[i] / c;
            }
        };
    }

    /**
     * Any function, element by element: for the operations without a loop of their own (the costs of
     * sin, tanh and pow are in the function, not the call) and for user code.
     */
    static UnaryLoop of(DoubleUnaryOperator f) {
        return (x, o, from, to) -> {
            for (int i = from; i < to; i++) {
                o[i] = f.applyAsDouble(x[i]);
            }
        };
    }

    /** Any binary function, element by element. */
    static BinaryLoop of(DoubleBinaryOperator f) {
        return (x, xo, y, yo, o, oo, n) -> {
            for (int i = 0; i < n; i++) {
                o[oo + i] = f.applyAsDouble(x[xo + i], y[yo + i]);
            }
        };
    }
}
