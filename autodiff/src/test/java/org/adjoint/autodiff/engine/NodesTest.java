package org.adjoint.autodiff.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.ops.Mul;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** The engine's access bridge to a node's private fields. */
class NodesTest {

    @Test
    void aRecordedNodeShowsItsOpAndInputs() {
        Var x = Var.param(Tensor.vector(1, 2));
        Var c = Var.constant(Tensor.vector(3, 4));
        Var y = x.mul(c);
        assertSame(Mul.INSTANCE, Nodes.op(y));
        assertArrayEquals(new Var[] {x, c}, Nodes.inputs(y));
    }

    @Test
    void leavesHaveNoOpAndNoInputs() {
        Var x = Var.param(1);
        assertNull(Nodes.op(x));
        assertEquals(0, Nodes.inputs(x).length);
        assertNull(Nodes.op(Var.constant(1).add(Var.constant(2))), "constants record nothing");
    }

    @Test
    void theAccessCannotBeReplaced() {
        Var.param(0); // Var is initialized and has installed its access
        assertThrows(IllegalStateException.class, () -> Nodes.install(null));
    }

    @Test
    void aClaimIsTakenOnlyFromItsCurrentHolder() {
        Var x = Var.param(1);
        Object first = new Object();
        Object second = new Object();
        assertEquals(true, Nodes.claim(x, Nodes.claimant(x), first));
        assertEquals(false, Nodes.claim(x, null, second), "the holder has changed");
        assertSame(first, Nodes.claimant(x));
    }
}
