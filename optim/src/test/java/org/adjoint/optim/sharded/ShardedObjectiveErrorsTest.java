package org.adjoint.optim.sharded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;
import org.adjoint.optim.sharded.Problems.Block;
import org.junit.jupiter.api.Test;

class ShardedObjectiveErrorsTest {

    private static final List<Block> SHARDS = Problems.split(Problems.data(2, 40), 4);

    @Test
    void configurationErrorsNameTheValues() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ShardedObjective.of(Problems.logistic(), List.<Block>of(), 6));
        assertEquals("ShardedObjective: no shards; a sum over data needs at least one shard", none.getMessage());
        IllegalArgumentException dimension = assertThrows(IllegalArgumentException.class,
                () -> ShardedObjective.of(Problems.logistic(), SHARDS, 0));
        assertEquals("ShardedObjective: θ must have at least 1 component, got dimension 0", dimension.getMessage());
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
                () -> ShardedObjective.of(Problems.logistic(), SHARDS, 6).withThreads(0));
        assertEquals("ShardedObjective.withThreads: need at least 1 thread, got 0", threads.getMessage());
    }

    @Test
    void thetaOfTheWrongLengthNamesBothLengths() {
        ShardedObjective<Block> f = ShardedObjective.of(Problems.logistic(), SHARDS, 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.evaluate(Tensor.zeros(5)));
        assertEquals("ShardedObjective.evaluate: θ must be a vector of 6 components (the objective's dimension)"
                + " but has shape [5] (5 components)", e.getMessage());
        IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
                () -> f.hessianVector(Tensor.zeros(6), Tensor.zeros(7)));
        assertTrue(v.getMessage().startsWith("ShardedObjective.hessianVector: the direction v must be a vector of 6"), v.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.value(Tensor.zeros(2, 3)));
    }

    @Test
    void aShardWhoseLossIsNotAScalarIsNamed() {
        ShardLoss<Block> rowwise = (theta, b) -> Var.constant(b.x()).matmul(theta.slice(0, 0, 5).reshape(5, 1));
        ShardFailureException e = assertThrows(ShardFailureException.class,
                () -> ShardedObjective.of(rowwise, SHARDS, 6).withThreads(2).evaluate(Tensor.zeros(6)));
        assertEquals(0, e.shard());
        assertTrue(e.getMessage().startsWith("shard 0 of 4: the loss failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("scalar"), e.getMessage());
    }

    /**
     * A non-finite loss is a value, not an error, exactly as for {@code Objective.of}: the minimizers
     * decide what a NaN or infinite trial means (a line search backs off; a non-finite start stops the
     * run with its reason), so the sharded objective must not end a fit that could recover.
     */
    @Test
    void aShardWithNanDataGivesTheNanTheUnshardedObjectiveGives() {
        List<Block> shards = new ArrayList<>(SHARDS);
        Block bad = shards.get(2);
        double[] x = bad.x().toArray();
        x[7] = Double.NaN;
        shards.set(2, new Block(Tensor.of(bad.x().shape(), x), bad.negY()));
        ShardedObjective<Block> f = ShardedObjective.of(Problems.logistic(), shards, 6).withThreads(4);
        assertTrue(Double.isNaN(f.value(Tensor.zeros(6))));
        assertTrue(Double.isNaN(f.evaluate(Tensor.zeros(6)).value()));
        assertTrue(!f.evaluate(Tensor.zeros(6)).gradient().isFinite());
    }

    @Test
    void aThrowingShardIsWrappedWithItsCauseAndTheLowestFailingShardIsReported() {
        IllegalStateException boom = new IllegalStateException("cannot read block");
        ShardLoss<Block> loss = (theta, b) -> {
            if (b.x().get(0, 0) == SHARDS.get(1).x().get(0, 0) || b.x().get(0, 0) == SHARDS.get(3).x().get(0, 0)) {
                throw boom;
            }
            return Problems.logistic().loss(theta, b);
        };
        for (int threads : new int[] {1, 2, 4}) {
            ShardFailureException e = assertThrows(ShardFailureException.class,
                    () -> ShardedObjective.of(loss, SHARDS, 6).withThreads(threads).evaluate(Tensor.zeros(6)));
            assertEquals(1, e.shard());
            assertSame(boom, e.getCause());
            assertEquals("shard 1 of 4: the loss failed: cannot read block", e.getMessage());
        }
    }

    @Test
    void aNonScalarRegularizerIsRefused() {
        ShardedObjective<Block> f = ShardedObjective.of(Problems.logistic(), SHARDS, 6).withRegularizer(theta -> theta.mul(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.value(Tensor.zeros(6)));
        assertEquals("ShardedObjective: the regularizer must return a scalar but returned shape [6]", e.getMessage());
    }

    @Test
    void aShardLossOverAFlatLayoutSurvivesSerialization() throws Exception {
        FlatLayout layout = FlatLayout.of(Problems.mlpParams(1));
        ShardLoss<Block> loss = Problems.mlp(layout);
        @SuppressWarnings("unchecked")
        ShardLoss<Block> copy = (ShardLoss<Block>) roundTrip(loss);
        Tensor theta = Problems.mlpParams(4).flatten();
        Block b = SHARDS.get(0);
        assertEquals(loss.loss(Var.constant(theta), b).item(), copy.loss(Var.constant(theta), b).item());
        assertEquals(layout, roundTrip(layout));
        assertEquals(Problems.mlpParams(4), layout.unflatten(theta.toArray()));
        assertEquals("FlatLayout[w1[5, 4], b1[4], w2[4, 1], b2[1]] (29 parameters)", layout.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layout.unflatten(new double[3]));
        assertEquals("FlatLayout.unflatten: θ has 3 values but the layout has 29 parameters", e.getMessage());
    }

    private static Object roundTrip(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
