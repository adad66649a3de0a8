package org.adjoint.examples.bench;

import java.util.concurrent.TimeUnit;
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

/** Workload 1: one Adam step (forward, backward, update) of an MLP with softmax cross-entropy. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrainingStepBenchmark {

    /** {@code in-hidden-out/batch}. */
    @Param({"784-128-10/64", "784-512-10/256"})
    public String workload;

    private Workloads.TrainingStep training;

    /** Builds the network, the batch and the optimizer. */
    @Setup
    public void setUp() {
        String[] parts = workload.split("[-/]");
        training = new Workloads.TrainingStep(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]), Integer.parseInt(parts[3]));
    }

    /** One training step. */
    @Benchmark
    public double adamStep() {
        return training.step();
    }
}
