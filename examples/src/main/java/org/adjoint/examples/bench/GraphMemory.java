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

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
