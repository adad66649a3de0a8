package org.adjoint.examples.lessons;

import java.io.PrintStream;
import java.util.List;
import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.GradCheck;
import org.adjoint.core.Tensor;
import org.adjoint.examples.Example;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;

/**
 * The first stop of the tour: the exact gradient, Hessian and Hessian-vector product of the Rosenbrock
 * function written as plain Java, each checked against finite differences.
 */
public final class DerivativesExample implements Example {

    @Override
    public String name() {
        return "derivatives";
    }

    @Override
    public String summary() {
        return "exact ∇f, ∇²f and ∇²f·v of Rosenbrock written as plain Java, checked against finite differences";
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public Outcome run(Options options, PrintStream out) {
        Tensor start = Tensor.vector(-1.2, 1.0);
        Derivatives.ValueAndGradient vg = Derivatives.valueAndGrad(TrajectoriesExample::rosenbrock, start);
        Tensor hessian = Derivatives.hessian(TrajectoriesExample::rosenbrock, start);
        out.println("Rosenbrock f = (1 − x)² + 100(y − x²)² at " + start);
        out.println("  f      = " + vg.value());
        out.println("  ∇f     = " + vg.gradient());
        out.println("  ∇²f    = " + hessian.toString().replace("\n", "\n           "));
        out.println("  ∇²f·v  = " + Derivatives.hvp(TrajectoriesExample::rosenbrock, start, Tensor.vector(1, 0)) + "  (v = [1, 0])");
        GradCheck.Report gradient = GradCheck.defaults().gradient(TrajectoriesExample::rosenbrock, start);
        GradCheck.Report second = GradCheck.defaults().hessian(TrajectoriesExample::rosenbrock, start);
        out.println("  gradient check: " + gradient);
        out.println("  Hessian check:  " + second);
        return new Outcome().figure("f", vg.value()).figure("gradient check error", gradient.maxError())
                .figure("Hessian check error", second.maxError());
    }
}
