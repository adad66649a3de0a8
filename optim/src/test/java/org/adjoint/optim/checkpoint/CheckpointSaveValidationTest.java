package org.adjoint.optim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.RuleState;
import org.adjoint.optim.UpdateRule;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.rules.AmsGrad;
import org.adjoint.optim.rules.RmsProp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Checkpoint#save} checks the state against the parameters before writing: it never writes a file it cannot load. */
class CheckpointSaveValidationTest {

    @TempDir
    Path dir;

    private static final NamedTensors PARAMS = NamedTensors.of(Map.of("w", Tensor.vector(1, 2)));

    private static OptimizerState stateOf(RuleState<?> w) {
        return new OptimizerState(0, 1, Map.of("w", w));
    }

    @Test
    void aStateOfTheWrongShapeIsRefusedNamingTheRuleSlotAndShapesAndNoFileIsWritten() {
        Path file = dir.resolve("c.npz");
        Adam adam = new Adam(1e-3);
        OptimizerState wrong = stateOf(new RuleState<>(adam, new Adam.State(0, Tensor.zeros(3), Tensor.zeros(3))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.save(file, Optimizer.of(adam), PARAMS, wrong, Map.of()));
        assertEquals("checkpoint: the state of w does not fit the parameter, of shape [2]: Adam: the saved exp_avg has"
                + " shape [3] but the parameter has [2]", e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void aStateMissingASlotIsRefusedNamingTheSlot() {
        RmsProp withMomentum = new RmsProp(1e-2, 0.99, 1e-8, 0, 0.9);
        OptimizerState noBuffer = stateOf(new RuleState<>(withMomentum, new RmsProp.State(Tensor.zeros(2), null)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.save(dir.resolve("c.npz"), Optimizer.of(withMomentum), PARAMS, noBuffer, Map.of()));
        assertEquals("checkpoint: the state of w does not fit the parameter, of shape [2]: RmsProp: the saved state has"
                + " no momentum_buffer (it has [square_avg])", e.getMessage());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void anotherRulesStateSmuggledInByAnUncheckedCastIsAClearErrorNotAClassCastException() {
        AmsGrad amsGrad = new AmsGrad(1e-3);
        OptimizerState adamState = stateOf(new RuleState((UpdateRule) amsGrad, new Adam.State(0, Tensor.zeros(2),
                Tensor.zeros(2))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.save(dir.resolve("c.npz"), Optimizer.of(amsGrad), PARAMS, adamState, Map.of()));
        assertEquals("checkpoint: the state of w is a org.adjoint.optim.rules.Adam$State, which " + amsGrad
                + " did not make and cannot save (built with a raw type or an unchecked cast?)", e.getMessage());
    }
}
