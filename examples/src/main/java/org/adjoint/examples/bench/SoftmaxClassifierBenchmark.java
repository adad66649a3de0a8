package org.adjoint.examples.bench;

import java.util.concurrent.TimeUnit;
import org.adjoint.autodiff.Backward;
import org.adjoint.autodiff.Losses;
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
 * Workload 2: forward and backward of a linear softmax classifier on the digits' batch size,
 * {@code loss = softmaxCrossEntropy(X·Wᵀ + b, y)} with X [1797, 64], W [10, 64], b [10].
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class SoftmaxClassifierBenchmark {

    private Workloads.Batch batch;
    private Tensor weights;
    private Tensor bias;

    /** Builds the batch and the parameters. */
    @Setup
    public void setUp() {
        batch = Workloads.Batch.of(1797, 64, 10, 3);
        weights = Tensor.randomNormal(4, 10, 64).mul(0.01);
        bias = Tensor.zeros(10);
    }

    /** The loss and its gradients with respect to W and b. */
    @Benchmark
    public Tensor[] forwardBackward() {
        Var w = Var.param(weights);
        Var b = Var.param(bias);
        Var loss = Losses.softmaxCrossEntropy(Var.constant(batch.inputs()).matmulTransposed(w).add(b), batch.labels());
        return Backward.of(loss).gradients(w, b);
    }
}
