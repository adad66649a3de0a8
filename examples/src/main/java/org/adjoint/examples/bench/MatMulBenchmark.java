package org.adjoint.examples.bench;

import java.util.concurrent.TimeUnit;
import org.adjoint.core.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Workload 5: dense matrix products, reported in GFLOP/s (2·m·k·n flops each). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class MatMulBenchmark {

    /** {@code m×k·k×n}. */
    @Param({"64x784x128", "512x512x512"})
    public String shape;

    private Tensor a;
    private Tensor b;

    /** Random operands. */
    @Setup
    public void setUp() {
        String[] d = shape.split("x");
        int m = Integer.parseInt(d[0]);
        int k = Integer.parseInt(d[1]);
        int n = Integer.parseInt(d[2]);
        a = Workloads.matrix(m, k, 5);
        b = Workloads.matrix(k, n, 6);
    }

    /** The product. */
    @Benchmark
    public Tensor matmul() {
        return a.matmul(b);
    }
}
