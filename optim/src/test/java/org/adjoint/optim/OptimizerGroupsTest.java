package org.adjoint.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.rules.Sgd;
import org.junit.jupiter.api.Test;

/** A parameter group must select something: a typo in its name is an error, not a group of nothing. */
class OptimizerGroupsTest {

    private static final NamedTensors PARAMS = params();

    private static NamedTensors params() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("layer1.weight", Tensor.vector(1, 2));
        m.put("layer1.bias", Tensor.vector(3));
        m.put("layer2.weight", Tensor.vector(4));
        return NamedTensors.of(m);
    }

    @Test
    void aGroupWhoseNameMatchesNoParameterIsRefusedNamingTheParameters() {
        Optimizer typo = Optimizer.of(new Adam(1e-3)).withGroup("layr1", new Sgd(0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> typo.init(PARAMS));
        assertEquals("Optimizer: the group layr1 selects none of the parameters [layer1.weight, layer1.bias, layer2.weight]",
                e.getMessage());
        OptimizerState state = Optimizer.of(new Adam(1e-3)).init(PARAMS);
        e = assertThrows(IllegalArgumentException.class, () -> typo.step(PARAMS, PARAMS, state));
        assertEquals("Optimizer: the group layr1 selects none of the parameters [layer1.weight, layer1.bias, layer2.weight]",
                e.getMessage());
    }

    @Test
    void aGroupWhoseParametersAllBelongToAnEarlierGroupIsRefused() {
        Optimizer shadowed = Optimizer.of(new Adam(1e-3)).withGroup("layer1", new Sgd(0.1))
                .withGroup("layer1.bias", new Sgd(0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shadowed.init(PARAMS));
        assertEquals("Optimizer: the group layer1.bias selects only [layer1.bias], which the earlier group layer1 already"
                + " updates (the first group that selects a parameter wins)", e.getMessage());
        Optimizer twice = Optimizer.of(new Adam(1e-3)).withGroup("layer1.weight", new Sgd(0.1))
                .withGroup("layer1.bias", new Sgd(0.2)).withGroup("layer1", new Sgd(0.5));
        e = assertThrows(IllegalArgumentException.class, () -> twice.init(PARAMS));
        assertEquals("Optimizer: the group layer1 selects only [layer1.weight, layer1.bias], which the earlier groups"
                + " layer1.weight, layer1.bias already update (the first group that selects a parameter wins)", e.getMessage());
    }

    @Test
    void groupsThatEachSelectAParameterAreAccepted() {
        Optimizer ok = Optimizer.of(new Adam(1e-3)).withGroup("layer1.bias", new Sgd(0.5)).withGroup("layer1", new Sgd(0.1));
        OptimizerState state = ok.step(PARAMS, PARAMS, ok.init(PARAMS)).state();
        assertEquals(new Sgd(0.5), state.ruleState("layer1.bias").rule());
        assertEquals(new Sgd(0.1), state.ruleState("layer1.weight").rule());
        assertEquals(new Adam(1e-3), state.ruleState("layer2.weight").rule());
    }
}
