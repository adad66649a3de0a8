package org.adjoint.optim.sharded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.newton.Newton;
import org.adjoint.optim.minimize.newton.NewtonCg;
import org.adjoint.optim.minimize.newton.TrustRegionNewton;
import org.adjoint.optim.minimize.quasinewton.Bfgs;
import org.adjoint.optim.minimize.quasinewton.Lbfgs;
import org.adjoint.optim.sharded.Problems.Block;
import org.junit.jupiter.api.Test;

class ShardedObjectiveTest {

    private static final Block ALL = Problems.data(11, 240);
    private static final List<Block> SHARDS = Problems.split(ALL, 5);
    private static final FlatLayout MLP = FlatLayout.of(Problems.mlpParams(3));
    private static final VarFunction RIDGE = Problems.ridge(0.1);

    @Test
    void logisticRegressionEqualsTheUnshardedObjective() {
        ShardedObjective<Block> sharded = ShardedObjective.of(Problems.logistic(), SHARDS, 6).withRegularizer(RIDGE);
        Objective whole = Objective.of(Problems.unsharded(Problems.logistic(), ALL, RIDGE));
        assertSameDerivatives(sharded, whole, Tensor.vector(0.3, -0.7, 0.2, 0.1, 0.9, -0.4), 1e-12);
    }

    @Test
    void anMlpThroughAFlatLayoutEqualsTheUnshardedObjective() {
        ShardedObjective<Block> sharded = ShardedObjective.of(Problems.mlp(MLP), SHARDS, MLP.size()).withRegularizer(RIDGE);
        Objective whole = Objective.of(Problems.unsharded(Problems.mlp(MLP), ALL, RIDGE));
        assertSameDerivatives(sharded, whole, Problems.mlpParams(5).flatten(), 1e-12);
    }

    @Test
    void oneShardGivesTheBitsOfObjectiveOf() {
        ShardedObjective<Block> sharded = ShardedObjective.of(Problems.mlp(MLP), List.of(ALL), MLP.size()).withThreads(2);
        Objective whole = Objective.of(theta -> Problems.mlp(MLP).loss(theta, ALL));
        assertSameDerivatives(sharded, whole, Problems.mlpParams(5).flatten(), 0);
        Stopping stopping = Stopping.defaults().withMaxIterations(40);
        MinimizationResult a = Lbfgs.withMemory(5).minimize(sharded, Problems.mlpParams(5).flatten(), stopping);
        MinimizationResult b = Lbfgs.withMemory(5).minimize(whole, Problems.mlpParams(5).flatten(), stopping);
        assertBits(b.x(), a.x());
        assertEquals(b.iterations(), a.iterations());
    }

    @Test
    void everyMinimizerReachesTheUnshardedMinimum() {
        ShardedObjective<Block> sharded = ShardedObjective.of(Problems.logistic(), SHARDS, 6).withRegularizer(RIDGE).withThreads(2);
        Objective whole = Objective.of(Problems.unsharded(Problems.logistic(), ALL, RIDGE));
        Tensor start = Tensor.zeros(6);
        Stopping stopping = Stopping.defaults().withGradientTolerance(1e-7).withMaxIterations(500);
        Tensor reference = Newton.damped().minimize(whole, start, stopping).x();
        for (Minimizer m : List.of(Lbfgs.withMemory(7), Bfgs.standard(), NewtonCg.standard(), TrustRegionNewton.standard(),
                Newton.damped())) {
            MinimizationResult r = m.minimize(sharded, start, stopping);
            assertTrue(r.converged(), m + ": " + r);
            assertArrayEquals(reference.toArray(), r.x().toArray(), 1e-6, m + " on the sharded objective");
        }
    }

    @Test
    void resultsAreTheSameBitsOnAnyNumberOfThreadsAndCallAfterCall() {
        ShardedObjective<Block> one = ShardedObjective.of(Problems.mlp(MLP), Problems.split(ALL, 7), MLP.size())
                .withRegularizer(RIDGE);
        Tensor theta = Problems.mlpParams(8).flatten();
        Tensor v = Tensor.randomNormal(9, MLP.size());
        Evaluation e = one.evaluate(theta);
        Tensor hv = one.hessianVector(theta, v);
        Tensor h = one.hessian(theta);
        for (int threads : new int[] {1, 2, 4, 2}) {
            ShardedObjective<Block> f = one.withThreads(threads);
            for (int call = 0; call < 3; call++) {
                assertEquals(Double.doubleToLongBits(e.value()), Double.doubleToLongBits(f.evaluate(theta).value()));
                assertEquals(Double.doubleToLongBits(e.value()), Double.doubleToLongBits(f.value(theta)));
                assertBits(e.gradient(), f.evaluate(theta).gradient());
                assertBits(hv, f.hessianVector(theta, v));
            }
            assertBits(h, f.hessian(theta));
        }
    }

    @Test
    void helperThreadsAreDaemonsAndReusedAcrossCalls() {
        Set<Thread> used = ConcurrentHashMap.newKeySet();
        ShardLoss<Block> recording = (theta, b) -> {
            used.add(Thread.currentThread());
            return Problems.logistic().loss(theta, b);
        };
        ShardedObjective<Block> f = ShardedObjective.of(recording, SHARDS, 6).withThreads(4);
        for (int call = 0; call < 200; call++) {
            f.evaluate(Tensor.zeros(6));
        }
        used.remove(Thread.currentThread());
        assertTrue(used.stream().allMatch(t -> t.isDaemon() && t.getName().startsWith("adjoint-shard-")), used.toString());
        assertTrue(used.size() < 50, "200 calls with 3 helpers each ran on " + used.size() + " distinct helper threads");
    }

    @Test
    void configurationIsImmutable() {
        ShardedObjective<Block> f = ShardedObjective.of(Problems.logistic(), SHARDS, 6);
        ShardedObjective<Block> g = f.withThreads(3).withRegularizer(RIDGE);
        assertEquals(ShardedObjective.DEFAULT_THREADS, f.threads());
        assertEquals(3, g.threads());
        assertEquals("ShardedObjective[5 shards, dimension 6, 1 thread]", f.toString());
        assertEquals("ShardedObjective[5 shards, dimension 6, 3 threads, regularized]", g.toString());
        assertEquals(5, g.shardCount());
        assertEquals(6, g.dimension());
    }

    private static void assertSameDerivatives(Objective sharded, Objective whole, Tensor theta, double tolerance) {
        Tensor v = Tensor.randomNormal(4, theta.size());
        Evaluation a = sharded.evaluate(theta);
        Evaluation b = whole.evaluate(theta);
        assertClose(b.value(), a.value(), tolerance);
        assertClose(whole.value(theta), sharded.value(theta), tolerance);
        assertClose(b.gradient(), a.gradient(), tolerance);
        assertClose(whole.hessianVector(theta, v), sharded.hessianVector(theta, v), tolerance);
        assertClose(whole.hessian(theta), sharded.hessian(theta), tolerance);
    }

    /** Relative to the largest magnitude of the expected values; a tolerance of 0 demands the same bits. */
    private static void assertClose(Tensor expected, Tensor actual, double tolerance) {
        assertEquals(expected.shape(), actual.shape());
        if (tolerance == 0) {
            assertBits(expected, actual);
            return;
        }
        double scale = 0;
        for (double x : expected.toArray()) {
            scale = Math.max(scale, Math.abs(x));
        }
        assertArrayEquals(expected.toArray(), actual.toArray(), tolerance * scale);
    }

    private static void assertClose(double expected, double actual, double tolerance) {
        if (tolerance == 0) {
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), expected + " vs " + actual);
        } else {
            assertEquals(expected, actual, tolerance * Math.abs(expected));
        }
    }

    private static void assertBits(Tensor expected, Tensor actual) {
        assertEquals(expected.shape(), actual.shape());
        assertTrue(java.util.Arrays.equals(expected.toArray(), actual.toArray()), "not the same bits: " + expected + " vs " + actual);
    }
}
