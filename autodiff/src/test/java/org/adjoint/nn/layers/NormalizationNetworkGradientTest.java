package org.adjoint.nn.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.adjoint.autodiff.GradCheck;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Context;
import org.adjoint.nn.ModelState;
import org.adjoint.nn.Variables;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/**
 * Every parameter's gradient of a small network made of the new layers (embedding, layer norm, batch
 * norm in a training pass, dropout with a fixed seed) against central differences.
 */
class NormalizationNetworkGradientTest {

    @Test
    void everyParametersGradientMatchesFiniteDifferencesInATrainingPass() {
        Property.forAll(Gen.zip(Gen.integers(3, 6), Gen.integers(0, 1 << 20))).scaledTries(0.3).check(c -> {
            int n = c.first();
            long seed = c.second();
            Sequential net = Sequential.of(new Embedding(5, 4), new LayerNorm(4), new BatchNorm1d(4), Activation.TANH,
                    new Dropout(0.3), new Affine(4, 3));
            ModelState state = ModelState.initialize(net, seed);
            Tensor indices = Tensor.generate(org.adjoint.core.Shape.of(n), i -> (seed + 3L * i) % 5);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = (int) ((seed + i) % 3);
            }
            List<String> names = state.params().names();
            Function<Var[], Var> loss = vars -> {
                Map<String, Var> byName = new LinkedHashMap<>();
                for (int i = 0; i < vars.length; i++) {
                    byName.put(names.get(i), vars[i]);
                }
                return Losses.softmaxCrossEntropy(net.forward(Variables.of(byName), Var.constant(indices),
                        Context.training(seed, state.buffers())).output(), labels);
            };
            NamedTensors params = state.params();
            GradCheck.Report report = GradCheck.defaults().gradient(loss, params.asMap().values().toArray(new Tensor[0]));
            assertTrue(report.passed(), report::toString);
        });
    }
}
