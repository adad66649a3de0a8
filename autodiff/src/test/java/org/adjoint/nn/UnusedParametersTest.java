package org.adjoint.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.adjoint.autodiff.Backward;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, items 2 and 26: a loss that does not reach a parameter is an error naming it, unless the
 * caller opts in to zeros (PyTorch's {@code allow_unused}).
 */
class UnusedParametersTest {

    private static NamedTensors params() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("w", Tensor.vector(1, 2));
        m.put("b", Tensor.vector(3));
        m.put("frozen", Tensor.vector(4, 5, 6));
        return NamedTensors.of(m);
    }

    private static Var loss(Variables vars) {
        return vars.get("w").square().sum().add(vars.get("b").sum());
    }

    @Test
    void aParameterTheLossDoesNotUseIsAnErrorNamingIt() {
        Variables vars = Variables.track(params());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vars.gradients(loss(vars)));
        assertEquals("gradients: the loss was not computed from parameter [frozen] (shape [3]); a Var made by"
                + " another Variables.track or Var.param of the same values is a different variable"
                + " (use gradientsAllowingUnused to get zeros instead)", e.getMessage());
    }

    @Test
    void optingInGivesZerosForUnusedParameters() {
        Variables vars = Variables.track(params());
        NamedTensors g = vars.gradientsAllowingUnused(loss(vars));
        assertEquals(Tensor.vector(2, 4), g.get("w"));
        assertEquals(Tensor.vector(1), g.get("b"));
        assertEquals(Tensor.zeros(3), g.get("frozen"));
    }

    @Test
    void variablesFromAnotherTrackCallAreNamedNotSilentlyZero() {
        Variables first = Variables.track(params());
        Variables second = Variables.track(params());
        Var mixed = first.get("w").sum().add(second.get("b").sum()).add(first.get("frozen").sum());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> first.gradients(mixed));
        assertEquals("gradients: the loss was not computed from parameter [b] (shape [1]); a Var made by"
                + " another Variables.track or Var.param of the same values is a different variable"
                + " (use gradientsAllowingUnused to get zeros instead)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> second.gradients(mixed));
        assertEquals("gradients: the loss was not computed from parameters [w, frozen] (shapes [2], [3]); a Var made by"
                + " another Variables.track or Var.param of the same values is a different variable"
                + " (use gradientsAllowingUnused to get zeros instead)", e.getMessage());
    }

    @Test
    void backwardNamesEveryUnusedVariableAndTheCaveat() {
        Var x = Var.param(1);
        Var y = Var.param(Tensor.zeros(2));
        Var twin = Var.param(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Backward.of(x.exp()).gradients(y, x, twin));
        assertEquals("backward: variables 0, 2 (shapes [2], []) are not on the graph of the output: the output was not"
                + " computed from them; a Var made by another Var.param of the same value is a different variable"
                + " (use allowingUnused() to get zeros instead)", e.getMessage());
    }
}
