package org.adjoint.optim.rules.laws;

import java.util.LinkedHashMap;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;
import org.junit.jupiter.api.Test;

/** The README's "Verify your own code" sample for update rules: a user's Lion obeys every law. */
class ReadmeRuleLawsTest {

    /**
     * Lion (Chen et al., 2023), a rule the library does not ship:
     * <pre>
     *   c = β₁·m + (1 − β₁)·g;   θ ← θ − η·sign(c);   m ← β₂·m + (1 − β₂)·g
     * </pre>
     */
    record Lion(double learningRate, double beta1, double beta2) implements UpdateRule<Lion.State> {

        record State(Tensor m) {
        }

        Lion {
            Hyperparameters.learningRate("Lion", learningRate);
            Hyperparameters.unitInterval("Lion", "beta1", beta1);
            Hyperparameters.unitInterval("Lion", "beta2", beta2);
        }

        @Override
        public State init(Tensor param) {
            return new State(Tensor.zeros(param.shape()));
        }

        @Override
        public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
            Tensor c = state.m().mul(beta1).add(grad.mul(1 - beta1));
            return new Update<>(param.sub(c.sign().mul(lr)), new State(state.m().mul(beta2).add(grad.mul(1 - beta2))));
        }

        @Override
        public Map<String, Tensor> save(State state) {
            return Map.of("exp_avg", state.m());
        }

        @Override
        public State restore(Map<String, Tensor> saved, Tensor param) {
            return new State(Slots.get("Lion", saved, "exp_avg", param.shape()));
        }
    }

    @Test
    void lionObeysEveryLaw() {
        Map<String, Tensor> values = new LinkedHashMap<>();
        values.put("w", Tensor.randomNormal(1, 3, 2));
        values.put("b", Tensor.scalar(0.5));
        NamedTensors params = NamedTensors.of(values);
        for (long seed = 0; seed < 20; seed++) {
            RuleLaws.all(new Lion(1e-2, 0.9, 0.99), params, RuleLaws.randomGradients(params, seed, 6), seed);
        }
    }
}
