package org.adjoint.core;

import java.util.random.RandomGenerator;

/** The bodies of {@link Tensor}'s factories that compute their elements; each validates its arguments first. */
final class Factories {

    private Factories() {
    }

    static Tensor identity(int n) {
        Shape shape = Shape.of("identity", n, n);
        double[] data = new double[shape.size()];
        for (int i = 0; i < n; i++) {
            data[i * n + i] = 1;
        }
        return new Tensor(shape, data);
    }

    static Tensor arange(double start, double end, double step) {
        if (step == 0 || !Double.isFinite(step) || !Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("arange: start " + start + ", end " + end + " and step " + step
                    + " must be finite and the step nonzero");
        }
        double count = Math.max(0, Math.ceil((end - start) / step));
        if (!(count <= Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("arange: start " + start + ", end " + end + " and step " + step
                    + " give " + String.format("%.0f", count) + " elements, more than the " + Integer.MAX_VALUE
                    + " an array can hold");
        }
        int n = (int) count;
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = start + i * step;
        }
        return new Tensor(Shape.of(n), data);
    }

    static Tensor linspace(double start, double end, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("linspace: the number of points " + n + " is negative");
        }
        double[] data = new double[n];
        double step = n > 1 ? (end - start) / (n - 1) : 0;
        for (int i = 0; i < n; i++) {
            data[i] = start + i * step;
        }
        if (n > 1) {
            data[n - 1] = end;
        }
        return new Tensor(Shape.of(n), data);
    }

    static Tensor randomNormal(RandomGenerator random, int... dims) {
        Shape shape = Shape.of(dims);
        double[] data = new double[shape.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextGaussian();
        }
        return new Tensor(shape, data);
    }

    static Tensor randomUniform(RandomGenerator random, Interval range, int... dims) {
        Shape shape = Shape.of(dims);
        double[] data = new double[shape.size()];
        double low = range.low();
        double width = range.width();
        for (int i = 0; i < data.length; i++) {
            data[i] = low + width * random.nextDouble();
        }
        return new Tensor(shape, data);
    }

    static Tensor oneHot(int[] labels, int classes) {
        if ((long) labels.length * classes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("oneHot: " + labels.length + " labels × " + classes
                    + " classes is more than the " + Integer.MAX_VALUE + " elements an array can hold");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("oneHot: label " + labels[i] + " of row " + i
                        + " is outside [0, " + classes + ")");
            }
        }
        return Indexing.scatter(Tensor.full(Shape.of(labels.length), 1), labels, classes);
    }
}
