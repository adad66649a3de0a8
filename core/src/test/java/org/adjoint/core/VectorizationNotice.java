package org.adjoint.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A {@code main} for the child JVMs of {@link VectorizationNoticeTest}: {@code args[0]} threads are
 * released together and each uses its first kernels at once (a matrix product and an exponential,
 * which choose their kernels separately), so the kernel choice, and any warning, happens under
 * concurrent first use. Prints {@code kernels <name>} at the end.
 */
final class VectorizationNotice {

    private VectorizationNotice() {
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = Integer.parseInt(args[0]);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            long seed = i;
            Thread worker = new Thread(() -> {
                awaitQuietly(start);
                Tensor a = Tensor.randomNormal(seed, 9, 7);
                a.matmul(a.transpose()).exp();
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.println("kernels " + MatMul.kernelName());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
