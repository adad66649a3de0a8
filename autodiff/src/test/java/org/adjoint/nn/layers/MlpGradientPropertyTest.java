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
import org.adjoint.nn.Variables;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/** For random widths, batch sizes and activations, every parameter's gradient against finite differences. */
class MlpGradientPropertyTest {

    private record Case(Activation activation, int[] widths, int batch, long seed) {
        @Override
        public String toString() {
            return activation + " widths " + java.util.Arrays.toString(widths) + ", batch " + batch + ", seed " + seed;
        }
    }

    private static final Gen<Case> CASES = Gen.zip(Gen.elements(Activation.values()),
            Gen.lists(Gen.integers(1, 5), 2, 4), Gen.zip(Gen.integers(1, 4), Gen.integers(0, 1 << 20)))
            .map(t -> new Case(t.first(), t.second().stream().mapToInt(Integer::intValue).toArray(),
                    t.third().first(), t.third().second()));

    @Test
    void everyParametersGradientMatchesFiniteDifferences() {
        Property.forAll(CASES).scaledTries(0.5).check(c -> {
            Sequential net = Mlp.of(c.activation(), c.widths());
            NamedTensors params = net.initialize(c.seed());
            Tensor x = Tensor.randomNormal(c.seed() + 1, c.batch(), c.widths()[0]);
            int classes = c.widths()[c.widths().length - 1];
            int[] labels = new int[c.batch()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (int) ((c.seed() + i) % classes);
            }
            if (c.activation() == Activation.RELU) {
                Property.assume(hiddenUnitsAwayFromTheKink(c.widths(), params, x));
            }
            List<String> names = params.names();
            Function<Var[], Var> loss = vars -> {
                Map<String, Var> byName = new LinkedHashMap<>();
                for (int i = 0; i < vars.length; i++) {
                    byName.put(names.get(i), vars[i]);
                }
                return Losses.softmaxCrossEntropy(net.forward(Variables.of(byName), Var.constant(x)), labels);
            };
            GradCheck.Report report = GradCheck.defaults().gradient(loss, params.asMap().values().toArray(new Tensor[0]));
            assertTrue(report.passed(), report::toString);
        });
    }

    /** Whether every hidden ReLU input is at least 1e-3 from 0, so a finite difference cannot cross its kink. */
    private static boolean hiddenUnitsAwayFromTheKink(int[] widths, NamedTensors params, Tensor x) {
        Variables v = Variables.constants(params);
        Var h = Var.constant(x);
        for (int layer = 1; layer < widths.length - 1; layer++) {
            Var z = new Affine(widths[layer - 1], widths[layer]).forward(v.scope("layer" + layer), h);
            if (z.value().abs().min().item() < 1e-3) {
                return false;
            }
            h = z.relu();
        }
        return true;
    }
}
