package org.adjoint.core;

/**
 * Fused elementwise kernels for optimizer update rules. Each reads its inputs once and writes one new
 * tensor, where the same expression written with {@link Tensor} operations makes a pass over memory
 * and allocates an array for every operation: for Adam on 100,000 parameters, three passes instead of
 * thirteen. Each kernel evaluates its formula in exactly the order written, operation by operation,
 * so its result is bit-for-bit that of the equivalent chain of tensor operations.
 *
 * <p>All operands must have the same shape (no broadcasting); a mismatch is an
 * {@link IllegalArgumentException} naming the kernel and the shapes.
 */
public final class Fused {

    private Fused() {
    }

    /**
     * The exponential moving average {@code β·avg + (1 − β)·x}, as
     * {@code avg.mul(β).add(x.mul(1 − β))}.
     */
    public static Tensor movingAverage(Tensor average, double beta, Tensor x) {
        requireSameShape("movingAverage", average, x);
        double[] a = average.data;
        double[] y = x.data;
        double[] out = new double[a.length];
        double rest = 1 - beta;
        Elementwise.split(out.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = beta * a[i] + y[i] * rest;
            }
        });
        return new Tensor(average.shape, out);
    }

    /**
     * The exponential moving average of squares {@code β·avg + (1 − β)·x²}, as
     * {@code avg.mul(β).add(x.mul(x).mul(1 − β))}.
     */
    public static Tensor movingAverageOfSquares(Tensor average, double beta, Tensor x) {
        requireSameShape("movingAverageOfSquares", average, x);
        double[] a = average.data;
        double[] y = x.data;
        double[] out = new double[a.length];
        double rest = 1 - beta;
        Elementwise.split(out.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = beta * a[i] + y[i] * y[i] * rest;
            }
        });
        return new Tensor(average.shape, out);
    }

    /**
     * The adaptive step {@code θ − (n / (√s / c + ε))·η} of Adam, RMSProp and AdaGrad, as
     * {@code θ.sub(n.div(s.sqrt().div(c).add(ε)).mul(η))}.
     *
     * @param param     θ
     * @param numerator n, the (averaged) gradient
     * @param second    s, the (averaged or summed) squared gradient, non-negative
     * @param rootScale c, dividing √s (a bias correction; 1 for none)
     * @param epsilon   ε, added to the scaled root
     * @param stepSize  η
     */
    public static Tensor rootRatioStep(Tensor param, Tensor numerator, Tensor second, double rootScale, double epsilon,
                                       double stepSize) {
        requireSameShape("rootRatioStep", param, numerator);
        requireSameShape("rootRatioStep", param, second);
        double[] p = param.data;
        double[] n = numerator.data;
        double[] s = second.data;
        double[] out = new double[p.length];
        Elementwise.split(out.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = p[i] - n[i] / (Math.sqrt(s[i]) / rootScale + epsilon) * stepSize;
            }
        });
        return new Tensor(param.shape, out);
    }

    private static void requireSameShape(String kernel, Tensor a, Tensor b) {
        if (!a.shape.equals(b.shape)) {
            throw new IllegalArgumentException(kernel + ": shapes " + a.shape + " and " + b.shape
                    + " differ (fused kernels do not broadcast)");
        }
    }
}
