package org.adjoint.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.rules.AmsGrad;
import org.junit.jupiter.api.Test;

/** A plain Adam state handed to AMSGrad (issue 17, 26b): a clear error at the call, not a NullPointerException later. */
class ForeignStateTest {

    private static final NamedTensors PARAMS = NamedTensors.of(Map.of("w", Tensor.vector(1, -2)));

    @Test
    void anAmsGradStateBuiltFromAPlainAdamStateWithoutVMaxIsRefusedWhereItIsBuilt() {
        Adam.State adam = new Adam.State(0, Tensor.zeros(2), Tensor.zeros(2));
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new AmsGrad.State(adam.step(), adam.m(), adam.v(), null));
        assertEquals("AmsGrad.State: vMax is null; AMSGrad needs the largest second moment so far, which a plain Adam"
                + " state does not have (start from AmsGrad.init, or pass v as vMax)", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> new Adam.State(0, null, adam.v()));
        assertEquals("Adam.State: m is null", e.getMessage());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aPlainAdamStateSmuggledIntoAnAmsGradOptimizerByAnUncheckedCastIsAClearError() {
        AmsGrad amsGrad = new AmsGrad(1e-3);
        Adam.State adam = new Adam.State(0, Tensor.zeros(2), Tensor.zeros(2));
        OptimizerState state = new OptimizerState(0, 1, Map.of("w", new RuleState((UpdateRule) amsGrad, adam)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizer.of(amsGrad).step(PARAMS, PARAMS, state));
        assertEquals("step: the state of w is a org.adjoint.optim.rules.Adam$State, which " + amsGrad + " cannot step:"
                + " was it made by another rule and passed through a raw type or an unchecked cast?", e.getMessage());
    }
}
