package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** Graphs belong to whoever builds them: threads differentiating at once must not see each other. */
class ConcurrencyTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 200;

    @Test
    void threadsSharingParametersGetTheSameGradientsAsASerialRun() throws Exception {
        Var w = Var.param(Tensor.randomNormal(1, 8, 3));
        List<Tensor> batches = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            batches.add(Tensor.randomNormal(100 + t, 16, 8));
        }
        List<Tensor> serial = new ArrayList<>();
        for (Tensor batch : batches) {
            serial.add(gradientOf(w, batch));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Tensor>>> results = new ArrayList<>();
            for (Tensor batch : batches) {
                Callable<List<Tensor>> task = () -> {
                    start.await();
                    List<Tensor> mine = new ArrayList<>();
                    for (int r = 0; r < ROUNDS; r++) {
                        mine.add(gradientOf(w, batch));
                    }
                    return mine;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (int t = 0; t < THREADS; t++) {
                for (Tensor g : results.get(t).get()) {
                    assertEquals(serial.get(t), g, "thread " + t + " saw another thread's graph");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void threadsComputingHessiansOfTheirOwnFunctionsAgreeWithSerialRuns() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Tensor x = Tensor.randomNormal(t, 6);
                Tensor expected = Derivatives.hessian(TestFunctions::rosenbrock, x);
                results.add(pool.submit(() -> {
                    for (int r = 0; r < ROUNDS / 4; r++) {
                        if (!Derivatives.hessian(TestFunctions::rosenbrock, x).equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertEquals(true, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The gradient of a small softmax regression loss on one batch, with a shared weight leaf. */
    private static Tensor gradientOf(Var w, Tensor batch) {
        int[] labels = new int[batch.shape().dim(0)];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3;
        }
        Var loss = Losses.softmaxCrossEntropy(Var.constant(batch).matmul(w).tanh(), labels);
        return Backward.of(loss).gradient(w);
    }
}
