package org.adjoint.nn.init;

import java.util.random.RandomGenerator;
import org.adjoint.core.Interval;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * The initializers {@link Initializer}'s factories return: records, so that two made with the same
 * arguments are equal, and a layer that holds one prints it as the call that made it
 * ({@code Linear[in=3, out=2, weightInit=normal(0.0, 0.001)]}), not as a lambda's class name.
 */
final class Initializers {

    private Initializers() {
    }

    /** {@link Initializer#zeros()}. */
    record Zeros() implements Initializer {
        @Override
        public Tensor sample(Shape shape, RandomGenerator random) {
            return Tensor.zeros(shape);
        }

        @Override
        public String toString() {
            return "zeros()";
        }
    }

    /** {@link Initializer#constant(double)}. */
    record Constant(double value) implements Initializer {
        @Override
        public Tensor sample(Shape shape, RandomGenerator random) {
            return Tensor.full(shape, value);
        }

        @Override
        public String toString() {
            return "constant(" + value + ")";
        }
    }

    /** {@link Initializer#uniform(double, double)}, validated by the factory. */
    record Uniform(double low, double high) implements Initializer {
        @Override
        public Tensor sample(Shape shape, RandomGenerator random) {
            return Tensor.randomUniform(random, new Interval(low, high), shape.dims());
        }

        @Override
        public String toString() {
            return "uniform(" + low + ", " + high + ")";
        }
    }

    /** {@link Initializer#normal(double, double)}, validated by the factory. */
    record Normal(double mean, double std) implements Initializer {
        @Override
        public Tensor sample(Shape shape, RandomGenerator random) {
            return Tensor.randomNormal(random, shape.dims()).mul(std).add(mean);
        }

        @Override
        public String toString() {
            return "normal(" + mean + ", " + std + ")";
        }
    }

    /** {@link Initializer#kaimingUniform(double)}, validated by the factory. */
    record KaimingUniform(double a) implements Initializer {
        @Override
        public Tensor sample(Shape shape, RandomGenerator random) {
            double b = Math.sqrt(6.0 / ((1 + a * a) * Fans.of(shape).in()));
            return Initializer.uniform(-b, b).sample(shape, random);
        }

        @Override
        public String toString() {
            return "kaimingUniform(" + a + ")";
        }
    }

    /** The four fan-scaled initializers, each a uniform or normal distribution whose scale depends on the fans. */
    enum Scaled implements Initializer {
        /** {@link Initializer#xavierUniform()}. */
        XAVIER_UNIFORM("xavierUniform()") {
            @Override
            public Tensor sample(Shape shape, RandomGenerator random) {
                Fans f = Fans.of(shape);
                double a = Math.sqrt(6.0 / (f.in() + f.out()));
                return Initializer.uniform(-a, a).sample(shape, random);
            }
        },
        /** {@link Initializer#xavierNormal()}. */
        XAVIER_NORMAL("xavierNormal()") {
            @Override
            public Tensor sample(Shape shape, RandomGenerator random) {
                Fans f = Fans.of(shape);
                return Initializer.normal(0, Math.sqrt(2.0 / (f.in() + f.out()))).sample(shape, random);
            }
        },
        /** {@link Initializer#heUniform()}. */
        HE_UNIFORM("heUniform()") {
            @Override
            public Tensor sample(Shape shape, RandomGenerator random) {
                double a = Math.sqrt(6.0 / Fans.of(shape).in());
                return Initializer.uniform(-a, a).sample(shape, random);
            }
        },
        /** {@link Initializer#heNormal()}. */
        HE_NORMAL("heNormal()") {
            @Override
            public Tensor sample(Shape shape, RandomGenerator random) {
                return Initializer.normal(0, Math.sqrt(2.0 / Fans.of(shape).in())).sample(shape, random);
            }
        };

        private final String call;

        Scaled(String call) {
            this.call = call;
        }

        @Override
        public String toString() {
            return call;
        }
    }

    /** {@link Initializer#torchDefault()}. */
    record TorchDefault() implements Initializer {
        @Override
        public Tensor sample(Shape shape, RandomGenerator random) {
            double b = 1 / Math.sqrt(Fans.of(shape).in());
            return Initializer.uniform(-b, b).sample(shape, random);
        }

        @Override
        public String toString() {
            return "torchDefault()";
        }
    }

    /** {@link Initializer#torchBias(int)}. */
    record TorchBias(int fanIn) implements Initializer {
        @Override
        public Tensor sample(Shape shape, RandomGenerator random) {
            double b = 1 / Math.sqrt(fanIn);
            return Initializer.uniform(-b, b).sample(shape, random);
        }

        @Override
        public String toString() {
            return "torchBias(" + fanIn + ")";
        }
    }
}
