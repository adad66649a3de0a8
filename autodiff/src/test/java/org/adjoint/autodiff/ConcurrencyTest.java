package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.adjoint.autodiff.engine.Nodes;
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

    /**
     * Threads whose graphs share recorded intermediate nodes, not just leaves: their traversals meet
     * on those nodes, and whichever loses the race to a node's slot records it in its own table.
     */
    @Test
    void threadsSharingRecordedNodesGetTheSameGradientsAsASerialRun() throws Exception {
        Var w = Var.param(Tensor.randomNormal(3, 8, 3));
        Var shared = w.mul(0.5).tanh().add(w.square().mul(0.1));
        List<Tensor> batches = new ArrayList<>();
        List<Tensor> serial = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            batches.add(Tensor.randomNormal(200 + t, 16, 8));
            serial.add(Backward.of(lossThrough(shared, batches.get(t))).gradient(w));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Tensor batch = batches.get(t);
                Tensor expected = serial.get(t);
                results.add(pool.submit(() -> {
                    start.await();
                    for (int r = 0; r < ROUNDS; r++) {
                        if (!Backward.of(lossThrough(shared, batch)).gradient(w).equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            start.countDown();
            for (Future<Boolean> result : results) {
                assertEquals(true, result.get(), "a thread saw another thread's traversal");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A node whose slot some other traversal holds is located through the fallback table instead. */
    @Test
    void aNodeHeldByAnotherTraversalIsStillDifferentiated() {
        Var x = Var.param(Tensor.vector(0.3, -1.2, 2.0));
        Var inner = x.sin().mul(x);
        Tensor expected = Backward.of(inner.square().sum()).gradient(x);
        Object otherTraversal = new Object();
        assertEquals(true, Nodes.claim(inner, Nodes.claimant(inner), otherTraversal), "could not occupy the slot");
        assertEquals(true, Nodes.claim(x, Nodes.claimant(x), otherTraversal), "could not occupy the slot");
        assertEquals(expected, Backward.of(inner.square().sum()).gradient(x));
        assertEquals(expected, Backward.of(inner.square().sum()).gradient(x), "and again");
    }

    private static Var lossThrough(Var shared, Tensor batch) {
        int[] labels = new int[batch.shape().dim(0)];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3;
        }
        return Losses.softmaxCrossEntropy(Var.constant(batch).matmul(shared), labels);
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
