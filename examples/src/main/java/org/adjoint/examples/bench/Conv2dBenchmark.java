package org.adjoint.examples.bench;

import java.util.concurrent.TimeUnit;
import org.adjoint.autodiff.Backward;
import org.adjoint.autodiff.Convolutions;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 21's convolution workload: {@code conv2d} forward and backward (input, weight and bias gradients of
 * the output's sum) for a batch of 64 images 1×28×28 and 32 filters 3×3, as PyTorch's
 * {@code F.conv2d(x, w, b).sum().backward()} in {@code examples/src/main/python/torch_conv_timing.py}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class Conv2dBenchmark {

    private Tensor x;
    private Tensor w;
    private Tensor b;

    /** Draws the batch and the filters. */
    @Setup
    public void setUp() {
        x = Tensor.randomNormal(1, 64, 1, 28, 28);
        w = Tensor.randomNormal(2, 32, 1, 3, 3);
        b = Tensor.randomNormal(3, 32);
    }

    /** One forward and backward pass; returns a gradient element so that nothing is optimized away. */
    @Benchmark
    public double conv2dForwardBackward() {
        Var xv = Var.param(x);
        Var wv = Var.param(w);
        Var bv = Var.param(b);
        Var y = Convolutions.conv2d(xv, wv, bv, 1, 0, 1, 1);
        Tensor[] g = Backward.of(y.sum()).gradients(xv, wv, bv);
        return g[0].get(0, 0, 0, 0) + g[1].get(0, 0, 0, 0) + g[2].get(0);
    }
}
