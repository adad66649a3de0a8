package org.adjoint.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adjoint.autodiff.Backward;
import org.adjoint.autodiff.BinaryOp;
import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.GradCheck;
import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.nn.init.Initializer;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Affine;
import org.adjoint.nn.layers.AppendOnes;
import org.adjoint.nn.layers.Linear;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.testing.PublicApi;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 12: every public method and constructor of every public class that autodiff exports
 * refuses {@code null} at the call with a {@link NullPointerException}, instead of accepting it and
 * failing far away ({@code Var.param(null)}, {@code Backward.of(null)}, …).
 */
class NullArgumentsTest {

    private static Map<Class<?>, Object> samples() {
        Var x = Var.param(Tensor.ones(2));
        Map<Class<?>, Object> samples = new HashMap<>();
        samples.put(Var.class, x);
        samples.put(Backward.class, Backward.of(x.square().sum()));
        samples.put(UnaryOp.class, new Square());
        samples.put(BinaryOp.class, org.adjoint.autodiff.ops.Mul.INSTANCE);
        samples.put(Derivatives.ValueAndGradient.class, Derivatives.valueAndGrad(v -> v.sum(), Tensor.ones(2)));
        samples.put(Derivatives.ValueAndJvp.class, Derivatives.valueAndJvp(v -> v.sin(), Tensor.ones(2), Tensor.ones(2)));
        samples.put(GradCheck.class, GradCheck.defaults());
        samples.put(GradCheck.Report.class, GradCheck.defaults().gradient((VarFunction) Var::sum, Tensor.ones(2)));
        samples.put(org.adjoint.autodiff.DerivativeCheck.class, org.adjoint.autodiff.DerivativeCheck.defaults());
        samples.put(org.adjoint.autodiff.CheckReport.class, new org.adjoint.autodiff.CheckReport("check", 1, List.of()));
        samples.put(org.adjoint.autodiff.OpContract.class, org.adjoint.autodiff.OpContract.of(new Square()));
        samples.put(org.adjoint.autodiff.OpContract.Kink.class,
                org.adjoint.autodiff.OpContract.Kink.of(Tensor.ones(2), Tensor.ones(2), Tensor.ones(2)));
        samples.put(org.adjoint.autodiff.OpContract.BadInput.class,
                new org.adjoint.autodiff.OpContract.BadInput(List.of(Tensor.ones(2)), IllegalArgumentException.class));
        samples.put(Layer.class, new Affine(2, 3));
        samples.put(Affine.class, new Affine(2, 3));
        samples.put(Linear.class, new Linear(2, 3));
        samples.put(AppendOnes.class, new AppendOnes());
        samples.put(Sequential.class, Sequential.of(new Linear(2, 3), Activation.RELU));
        samples.put(Activation.class, Activation.TANH);
        samples.put(ParameterSpec.class, new Affine(2, 3).parameters().get(0));
        samples.put(ConfusionMatrix.class, ConfusionMatrix.of(new int[] {0, 1}, new int[] {1, 1}, 2));
        samples.put(Variables.class, Variables.track(NamedTensors.of(Map.of("w", Tensor.ones(2)))));
        samples.put(Initializer.Fans.class, Initializer.Fans.of(Shape.of(3, 2)));
        samples.put(org.adjoint.autodiff.UnusedVariableException.class, new org.adjoint.autodiff.UnusedVariableException("unused", new int[] {0}));
        samples.put(Model.class, new Affine(2, 3));
        samples.put(Context.class, Context.evaluation());
        samples.put(Forward.class, Forward.of(x));
        samples.put(ModelState.class, ModelState.initialize(new Affine(2, 3), 0));
        samples.put(org.adjoint.nn.layers.Dropout.class, new org.adjoint.nn.layers.Dropout(0.5));
        samples.put(org.adjoint.nn.layers.LayerNorm.class, new org.adjoint.nn.layers.LayerNorm(2));
        samples.put(org.adjoint.nn.layers.BatchNorm1d.class, new org.adjoint.nn.layers.BatchNorm1d(2));
        samples.put(org.adjoint.nn.layers.BatchNorm2d.class, new org.adjoint.nn.layers.BatchNorm2d(2));
        samples.put(org.adjoint.nn.layers.Embedding.class, new org.adjoint.nn.layers.Embedding(3, 2));
        samples.put(Mode.Training.class, Mode.training(0));
        samples.put(Mode.Evaluation.class, Mode.evaluation());
        samples.put(org.adjoint.nn.layers.Conv2d.class, new org.adjoint.nn.layers.Conv2d(1, 2, 3));
        samples.put(org.adjoint.nn.layers.MaxPool2d.class, new org.adjoint.nn.layers.MaxPool2d(2));
        samples.put(org.adjoint.nn.layers.AvgPool2d.class, new org.adjoint.nn.layers.AvgPool2d(2));
        samples.put(org.adjoint.nn.layers.Flatten.class, new org.adjoint.nn.layers.Flatten());
        return samples;
    }

    /** y = x²: a user's unary op. */
    private record Square() implements UnaryOp {
        @Override
        public Tensor forward(Tensor x) {
            return x.square();
        }

        @Override
        public Var vjp(Var x, Var y, Var yBar) {
            return yBar.mul(x).mul(2);
        }
    }

    private static NullPointerTester tester() {
        return new NullPointerTester()
                .setDefault(Tensor.class, Tensor.ones(2))
                .setDefault(Shape.class, Shape.of(2))
                .setDefault(org.adjoint.core.ConvGeometry.class, org.adjoint.core.ConvGeometry.unit())
                .setDefault(Var.class, Var.param(Tensor.ones(2)))
                .setDefault(NamedTensors.class, NamedTensors.of(Map.of("w", Tensor.ones(2))))
                .setDefault(Variables.class, Variables.track(NamedTensors.of(Map.of("w", Tensor.ones(2)))))
                .setDefault(String.class, "w")
                .setDefault(Context.class, Context.evaluation())
                .setDefault(Forward.class, Forward.of(Var.param(Tensor.ones(2))))
                .setDefault(ModelState.class, ModelState.initialize(new Affine(2, 3), 0))
                .setDefault(Path.class, Path.of("no-such-dir", "file.npz"));
    }

    @Test
    void everyPublicEntryPointOfAutodiffRefusesNull() {
        List<Class<?>> classes = PublicApi.classes(Var.class, "org.adjoint.autodiff", "org.adjoint.nn",
                "org.adjoint.nn.init", "org.adjoint.nn.io", "org.adjoint.nn.layers");
        assertTrue(classes.size() >= 25, classes::toString);
        List<String> failures = PublicApi.nullFailures(tester(), classes, samples(), Set.of("AnomalyException.new"));
        assertEquals("", String.join("\n", failures));
    }
}
