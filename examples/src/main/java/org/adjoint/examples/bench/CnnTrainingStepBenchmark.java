package org.adjoint.examples.bench;

import java.util.concurrent.TimeUnit;
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
 * Issue 21's training-step workload: one Adam step (forward, backward, update) of the {@code lenet} example's
 * CNN on a batch of 64 ({@link Workloads.CnnStep}), as {@code lenet_adam_b64} in
 * {@code examples/src/main/python/torch_benchmarks.py}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class CnnTrainingStepBenchmark {

    private Workloads.CnnStep training;

    /** Builds the network, the batch and the optimizer. */
    @Setup
    public void setUp() {
        training = new Workloads.CnnStep();
    }

    /** One training step; returns the loss. */
    @Benchmark
    public double lenetAdamStep() {
        return training.step();
    }
}
