package org.adjoint.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.adjoint.autodiff.Var;

/**
 * Workload 6: the heap retained per recorded node. Builds many graphs of the 4,000-op scalar
 * Rosenbrock loop, keeps them reachable, and divides the growth of the used heap (after garbage
 * collection) by the number of nodes. An estimate, as every heap measurement from inside the JVM is.
 */
final class GraphMemory {

    private static final int GRAPHS = 200;
    private static final int OPS_PER_GRAPH = 4000;

    private GraphMemory() {
    }

    /** Bytes retained per recorded scalar node. */
    static double bytesPerNode() {
        Var[] x = new Var[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Var.param(i % 2 == 0 ? -1.2 : 1);
        }
        Workloads.rosenbrockScalarLoop(x);
        long before = usedAfterGc();
        Var[] kept = new Var[GRAPHS];
        for (int g = 0; g < GRAPHS; g++) {
            kept[g] = Workloads.rosenbrockScalarLoop(x);
        }
        long after = usedAfterGc();
        double perNode = (double) (after - before) / ((long) GRAPHS * OPS_PER_GRAPH);
        if (kept[GRAPHS - 1].item() == Double.MIN_VALUE) {
            System.out.println();
        }
        return perNode;
    }

    /**
     * The heap retained per training step of the {@code lenet} CNN ({@link Workloads.CnnStep}), measured after
     * the backward pass and the update: first with each step's graph kept reachable (its loss), then with
     * nothing kept; next to the size of the im2col buffers of a whole-batch unrolling, which the graph must
     * not hold (the kernel unrolls one image per thread at a time). A Markdown paragraph.
     */
    static String cnnStepReport() {
        Workloads.CnnStep cnn = new Workloads.CnnStep();
        for (int i = 0; i < 3; i++) {
            cnn.step();
        }
        long before = usedAfterGc();
        Var[] kept = new Var[CNN_STEPS];
        for (int i = 0; i < CNN_STEPS; i++) {
            kept[i] = cnn.stepKeepingGraph();
        }
        long withGraphs = usedAfterGc();
        double graphPerStep = (double) (withGraphs - before) / CNN_STEPS;
        if (kept[CNN_STEPS - 1].item() == Double.MIN_VALUE) {
            System.out.println();
        }
        kept = null;
        long beforeForward = usedAfterGc();
        kept = new Var[CNN_STEPS];
        for (int i = 0; i < CNN_STEPS; i++) {
            kept[i] = cnn.forwardOnly();
        }
        double forwardPerStep = (double) (usedAfterGc() - beforeForward) / CNN_STEPS;
        kept = null;
        long start = usedAfterGc();
        for (int i = 0; i < CNN_STEPS; i++) {
            cnn.step();
        }
        double droppedPerStep = (double) (usedAfterGc() - start) / CNN_STEPS;
        return String.format(java.util.Locale.ROOT, "%nCNN training step (lenet, batch 64), heap retained after backward"
                + " and update, over %d steps: %.2f MB per step with the step's graph kept reachable (forward pass alone,"
                + " graph kept: %.2f MB); %.3f MB per step with nothing kept. im2col buffers of one forward pass"
                + " unrolled for the whole batch (conv1 25 × 50,176, conv2 150 × 6,400 doubles; the kernel unrolls one"
                + " image per thread at a time, a 64th of that): %.2f MB.%n", CNN_STEPS, graphPerStep / 1e6,
                forwardPerStep / 1e6, droppedPerStep / 1e6, IM2COL_BYTES / 1e6);
    }

    /**
     * The first convolution alone (x 64×1×28×28, w 6×1×5×5, padding 2, no bias), forward and backward, its graph
     * kept: bytes retained per graph, next to its output (2.41 MB) and its im2col buffer (10.04 MB).
     */
    static String convAloneReport() {
        org.adjoint.core.Tensor x = org.adjoint.core.Tensor.randomNormal(1, 64, 1, 28, 28);
        org.adjoint.core.Tensor w = org.adjoint.core.Tensor.randomNormal(2, 6, 1, 5, 5);
        long before = usedAfterGc();
        Var[] kept = new Var[CNN_STEPS];
        for (int i = 0; i < CNN_STEPS; i++) {
            Var wv = Var.param(w);
            kept[i] = org.adjoint.autodiff.Convolutions.conv2d(Var.constant(x), wv, 1, 2, 1, 1).sum();
            org.adjoint.autodiff.Backward.of(kept[i]).gradients(wv);
        }
        double perGraph = (double) (usedAfterGc() - before) / CNN_STEPS;
        if (kept[CNN_STEPS - 1].item() == Double.MIN_VALUE) {
            System.out.println();
        }
        return String.format(java.util.Locale.ROOT, "conv1 alone (64×1×28×28 * 6×1×5×5, padding 2), forward and"
                + " backward, graph kept: %.2f MB per graph; its output 2.41 MB, its whole-batch im2col 10.04 MB.%n",
                perGraph / 1e6);
    }

    private static final int CNN_STEPS = 10;
    private static final double IM2COL_BYTES = 8.0 * (25 * 64 * 28 * 28 + 150 * 64 * 10 * 10);

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
