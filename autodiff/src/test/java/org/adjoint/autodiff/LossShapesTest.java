package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 8: a loss never broadcasts its prediction against its target behind the caller's
 * back ([3, 1] against [3] would silently average a 3 × 3 table of differences).
 */
class LossShapesTest {

    @Test
    void meanSquaredErrorRefusesAPredictionAndTargetOfDifferentShapes() {
        Var column = Var.param(Tensor.vector(1, 2, 3).reshape(3, 1));
        Var target = Var.constant(Tensor.vector(1, 2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.meanSquaredError(column, target));
        assertEquals("meanSquaredError: the prediction's shape [3, 1] differs from the target's shape [3]; losses do"
                + " not broadcast: reshape one, or broadcast the target explicitly with broadcastTo", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Losses.meanSquaredError(column, Var.constant(2)));
    }

    @Test
    void anExplicitBroadcastIsTheCallersChoice() {
        Var p = Var.param(Tensor.vector(1, 2, 4));
        Var target = Var.constant(1).broadcastTo(p.shape());
        assertEquals((0 + 1 + 9) / 3.0, Losses.meanSquaredError(p, target).item(), 1e-15);
    }
}
