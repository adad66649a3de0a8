package org.adjoint.examples.bench;

import java.util.concurrent.TimeUnit;
import org.adjoint.autodiff.Derivatives;
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
 * Workload 4: the exact Hessian of the extended Rosenbrock function with n = 100, and its
 * Hessian-vector product with n = 10,000 (v = all ones), each next to one gradient of the same size
 * so that their cost can be given as a multiple of a gradient.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class SecondOrderBenchmark {

    private Tensor x100;
    private Tensor x10000;
    private Tensor v10000;

    /** The standard starting points. */
    @Setup
    public void setUp() {
        x100 = Workloads.rosenbrockStart(100);
        x10000 = Workloads.rosenbrockStart(10_000);
        v10000 = Tensor.ones(10_000);
    }

    /** The dense 100 × 100 Hessian. */
    @Benchmark
    public Tensor hessian100() {
        return Derivatives.hessian(Workloads::rosenbrock, x100);
    }

    /** One gradient with n = 100, for the ratio. */
    @Benchmark
    public Tensor gradient100() {
        return Derivatives.grad(Workloads::rosenbrock, x100);
    }

    /** ∇²f·v with n = 10,000. */
    @Benchmark
    public Tensor hvp10000() {
        return Derivatives.hvp(Workloads::rosenbrock, x10000, v10000);
    }

    /** One gradient with n = 10,000, for the ratio. */
    @Benchmark
    public Tensor gradient10000() {
        return Derivatives.grad(Workloads::rosenbrock, x10000);
    }
}
