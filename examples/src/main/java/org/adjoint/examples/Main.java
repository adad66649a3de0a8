package org.adjoint.examples;

import java.io.PrintStream;
import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.GradCheck;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/**
 * The examples' entry point. For now it runs one tour: exact derivatives of the Rosenbrock function
 * written as plain Java, checked against finite differences.
 */
public final class Main {

    private Main() {
    }

    /** Runs the tour and prints what it finds. */
    public static void main(String[] args) {
        tour(System.out);
    }

    /** The Rosenbrock function 100·(y − x²)² + (1 − x)², written with ordinary Var operations. */
    static Var rosenbrock(Var p) {
        Var x = p.slice(0, 0, 1);
        Var y = p.slice(0, 1, 2);
        return y.sub(x.square()).square().mul(100).add(x.neg().add(1).square()).sum();
    }

    static void tour(PrintStream out) {
        Tensor start = Tensor.vector(-1.2, 1.0);
        Derivatives.ValueAndGradient vg = Derivatives.valueAndGrad(Main::rosenbrock, start);
        out.println("Rosenbrock at " + start);
        out.println("  f      = " + vg.value());
        out.println("  ∇f     = " + vg.gradient());
        out.println("  ∇²f    = " + Derivatives.hessian(Main::rosenbrock, start).toString().replace("\n", "\n           "));
        out.println("  ∇²f·v  = " + Derivatives.hvp(Main::rosenbrock, start, Tensor.vector(1, 0)) + "  (v = [1, 0])");
        out.println("  gradient check: " + GradCheck.defaults().gradient(Main::rosenbrock, start));
        out.println("  Hessian check:  " + GradCheck.defaults().hessian(Main::rosenbrock, start));
    }
}
