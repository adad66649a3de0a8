package org.adjoint.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Variables;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.rules.AdaDelta;
import org.adjoint.optim.rules.AdaGrad;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.rules.AdamW;
import org.adjoint.optim.rules.Adamax;
import org.adjoint.optim.rules.CenteredRmsProp;
import org.adjoint.optim.rules.NAdam;
import org.adjoint.optim.rules.NesterovMomentum;
import org.adjoint.optim.schedule.Schedule;
import org.junit.jupiter.api.Test;

/**
 * The library under load: eight threads, started together, doing the same work as a serial run must
 * get bit-identical results. This finds shared mutable state anywhere on the path (graph recording,
 * the backward sweep, the parallel kernels' helper threads, the optimizers), since any leak between
 * threads changes some bit of some result.
 */
class ConcurrencyStressTest {

    private static final int THREADS = 8;

    /** Runs {@code work(t)} for every thread index serially, then on eight threads at once, and compares bit for bit. */
    private static void assertSameAsSerial(IntFunction<List<double[]>> work) throws Exception {
        List<List<double[]>> serial = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            serial.add(work.apply(t));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<double[]>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<List<double[]>> task = () -> {
                    start.await();
                    return work.apply(thread);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (int t = 0; t < THREADS; t++) {
                List<double[]> concurrent = futures.get(t).get();
                assertEquals(serial.get(t).size(), concurrent.size());
                for (int i = 0; i < concurrent.size(); i++) {
                    assertArrayEquals(serial.get(t).get(i), concurrent.get(i), "thread " + t + ", result " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A different smooth function of six variables for each thread: a scaled chained Rosenbrock plus a tanh term. */
    private static VarFunction functionOf(int thread) {
        double a = 1 + 0.5 * thread;
        double b = 0.1 * (thread + 1);
        return x -> {
            Var head = x.slice(0, 0, 5);
            Var tail = x.slice(0, 1, 6);
            return tail.sub(head.square()).square().mul(a).add(head.neg().add(1).square()).sum()
                    .add(x.mul(b).tanh().sum());
        };
    }

    @Test
    void eightThreadsEachComputeAThousandGradientsAndHessiansOfTheirOwnFunction() throws Exception {
        assertSameAsSerial(t -> {
            VarFunction f = functionOf(t);
            List<double[]> out = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Tensor x = Tensor.randomNormal(1000L * t + i, 6);
                out.add(Derivatives.grad(f, x).toArray());
                out.add(Derivatives.hessian(f, x).toArray());
            }
            return out;
        });
    }

    @Test
    void eightThreadsRunningLargeParallelKernelsAtOnce() throws Exception {
        Tensor inputs = Tensor.randomNormal(7, 128, 256);
        assertSameAsSerial(t -> {
            List<double[]> out = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Tensor w = Tensor.randomNormal(100L * t + i, 256, 128);
                out.add(Derivatives.grad(v -> Var.constant(inputs).matmul(v).tanh().sum(), w).toArray());
            }
            return out;
        });
    }

    @Test
    void threadsSharingReadOnlyParametersGetTheirOwnGradients() throws Exception {
        Sequential net = Mlp.of(Activation.TANH, 20, 32, 5);
        NamedTensors shared = net.initialize(3);
        Tensor before = shared.flatten();
        assertSameAsSerial(t -> {
            List<double[]> out = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Tensor x = Tensor.randomNormal(10_000L * t + i, 8, 20);
                int[] labels = {t % 5, 1, 2, 3, 4, 0, 1, i % 5};
                Variables vars = Variables.track(shared);
                Var loss = Losses.softmaxCrossEntropy(net.forward(vars, Var.constant(x)), labels);
                out.add(vars.gradients(loss).flatten().toArray());
            }
            return out;
        });
        assertArrayEquals(before.toArray(), shared.flatten().toArray(), "the shared parameters were changed");
    }

    @Test
    void threadsTrainingFromSharedStartingParametersWithTheirOwnOptimizers() throws Exception {
        Sequential net = Mlp.of(Activation.RELU, 10, 16, 3);
        NamedTensors start = net.initialize(5);
        List<UpdateRule<?>> rules = List.of(new Adam(1e-2), new NesterovMomentum(0.1, 0.9),
                new CenteredRmsProp(1e-2), new AdaGrad(0.1), new AdaDelta(),
                new AdamW(1e-2), new NAdam(1e-2), new Adamax(1e-2));
        assertSameAsSerial(t -> {
            Optimizer optimizer = Optimizer.of(rules.get(t)).withSchedule(Schedule.exponential(0.999));
            NamedTensors params = start;
            OptimizerState state = optimizer.init(params);
            Tensor x = Tensor.randomNormal(500L + t, 32, 10);
            int[] labels = new int[32];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (i * (t + 1)) % 3;
            }
            for (int step = 0; step < 300; step++) {
                Variables vars = Variables.track(params);
                Var loss = Losses.softmaxCrossEntropy(net.forward(vars, Var.constant(x)), labels);
                Step s = optimizer.step(params, vars.gradients(loss), state);
                params = s.params();
                state = s.state();
            }
            return List.of(params.flatten().toArray());
        });
    }
}
