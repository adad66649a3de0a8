package org.adjoint.examples.bench;

import java.util.concurrent.TimeUnit;
import org.adjoint.autodiff.Backward;
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
 * Workload 3: the extended Rosenbrock function with n = 1,000, written with tensor ops and as a loop
 * of 4,000 scalar operations on 0-d values (the per-op overhead), forward only and forward plus
 * backward (the gradient with respect to all 1,000 inputs).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class RosenbrockBenchmark {

    private static final int N = 1000;

    private Tensor x;
    private Var[] scalars;

    /** The standard starting point, as one vector and as 1,000 scalar parameters. */
    @Setup
    public void setUp() {
        x = Workloads.rosenbrockStart(N);
        scalars = new Var[N];
        for (int i = 0; i < N; i++) {
            scalars[i] = Var.param(x.get(i));
        }
    }

    /** Tensor ops, forward only (on a parameter, so the graph is recorded). */
    @Benchmark
    public double tensorForward() {
        return Workloads.rosenbrock(Var.param(x)).item();
    }

    /** Tensor ops, forward and backward. */
    @Benchmark
    public Tensor tensorForwardBackward() {
        Var p = Var.param(x);
        return Backward.of(Workloads.rosenbrock(p)).gradient(p);
    }

    /** 4,000 scalar ops, forward only (recorded). */
    @Benchmark
    public double scalarForward() {
        return Workloads.rosenbrockScalarLoop(scalars).item();
    }

    /** 4,000 scalar ops, forward and backward to all 1,000 inputs. */
    @Benchmark
    public Tensor[] scalarForwardBackward() {
        return Backward.of(Workloads.rosenbrockScalarLoop(scalars)).gradients(scalars);
    }
}
