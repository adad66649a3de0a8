package org.adjoint.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.rules.Sgd;
import org.junit.jupiter.api.Test;

/** The optimizer state pairs each parameter's rule with its typed state, and a step checks the pairing. */
class OptimizerStateTest {

    private static final NamedTensors PARAMS = NamedTensors.of(Map.of("w", Tensor.vector(1, -2)));

    @Test
    void eachParameterCarriesTheRuleThatMadeItsState() {
        Optimizer optimizer = Optimizer.of(new Adam(1e-3)).withGroup("w", new Sgd(0.1, 0.9));
        OptimizerState state = optimizer.step(PARAMS, PARAMS, optimizer.init(PARAMS)).state();
        RuleState<?> w = state.ruleState("w");
        assertEquals(new Sgd(0.1, 0.9), w.rule());
        assertEquals(Map.of("momentum_buffer", PARAMS.get("w")), w.save());
        RuleState<Sgd.State> typed = RuleState.init(new Sgd(0.1, 0.9), PARAMS.get("w"));
        Update<RuleState<Sgd.State>> stepped = typed.step(PARAMS.get("w"), PARAMS.get("w"), 0.1);
        assertEquals(PARAMS.get("w"), stepped.state().state().buffer());
    }

    @Test
    void aStateMadeByAnotherRuleOrOtherHyperparametersIsRefused() {
        OptimizerState adamState = Optimizer.of(new Adam(1e-3)).init(PARAMS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizer.of(new Sgd(0.1)).step(PARAMS, PARAMS, adamState));
        assertEquals("step: the state of w was made by " + new Adam(1e-3) + " but this optimizer updates it with "
                + new Sgd(0.1), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Optimizer.of(new Adam(2e-3)).step(PARAMS, PARAMS, adamState));
    }

    @Test
    void anEqualRuleBuiltAgainStepsTheSameState() {
        Optimizer first = Optimizer.of(new Adam(1e-3));
        OptimizerState state = first.init(PARAMS);
        Step a = first.step(PARAMS, PARAMS, state);
        Step b = Optimizer.of(new Adam(1e-3)).step(PARAMS, PARAMS, state);
        assertEquals(a.params(), b.params());
        assertSame(state.ruleState("w").rule().getClass(), b.state().ruleState("w").rule().getClass());
    }

    @Test
    void theEvaluationParametersAreTheIterateUnlessARuleSaysOtherwise() {
        Optimizer optimizer = Optimizer.of(new Adam(1e-3));
        Step step = optimizer.step(PARAMS, PARAMS, optimizer.init(PARAMS));
        assertEquals(step.params(), optimizer.evaluationParameters(step.params(), step.state()));
        NamedTensors other = NamedTensors.of(Map.of("v", Tensor.vector(1, -2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> optimizer.evaluationParameters(other, step.state()));
        assertEquals("evaluationParameters: the optimizer state is for the parameters [w] but the parameters are [v]",
                e.getMessage());
    }

    @Test
    void anEvaluationParameterOfAnotherShapeIsRefused() {
        StatelessRule broken = new StatelessRule() {
            @Override
            public double learningRate() {
                return 0.1;
            }

            @Override
            public Tensor apply(Tensor param, Tensor grad, double learningRate) {
                return param;
            }

            @Override
            public Tensor evaluationParam(Tensor param, None state) {
                return Tensor.scalar(1);
            }
        };
        Optimizer optimizer = Optimizer.of(broken);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> optimizer.evaluationParameters(PARAMS, optimizer.init(PARAMS)));
        assertEquals("evaluationParameters: " + broken + " returned shape [] for w, of shape [2]", e.getMessage());
    }
}
