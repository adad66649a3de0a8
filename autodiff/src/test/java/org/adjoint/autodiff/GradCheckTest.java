package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

class GradCheckTest {

    /** sin with a deliberately wrong derivative rule: +sin instead of cos. */
    private static final UnaryOp WRONG_SIN = new UnaryOp() {
        @Override
        public Tensor forward(Tensor x) {
            return x.sin();
        }

        @Override
        public Var vjp(Var x, Var y, Var yBar) {
            return yBar.mul(x.sin());
        }
    };

    /** x³ whose first derivative is right but whose rule is not differentiable: it uses x's value as data. */
    private static final UnaryOp FLAT_CUBE = new UnaryOp() {
        @Override
        public Tensor forward(Tensor x) {
            return x.pow(3);
        }

        @Override
        public Var vjp(Var x, Var y, Var yBar) {
            return yBar.mul(Var.constant(x.value().square().mul(3)));
        }
    };

    private static final Tensor X = Tensor.vector(0.3, -1.1, 2.0);

    @Test
    void correctRulesPass() {
        GradCheck.Report g = GradCheck.defaults().gradient(x -> x.sin().mul(x).sum(), X);
        assertTrue(g.passed(), g::toString);
        assertTrue(g.maxError() < 1e-8, g::toString);
        GradCheck.Report h = GradCheck.defaults().hessian(x -> x.sin().mul(x).sum(), X);
        assertTrue(h.passed(), h::toString);
    }

    @Test
    void aWrongFirstDerivativeIsCaughtAndLocated() {
        GradCheck.Report r = GradCheck.defaults().gradient(x -> Var.apply(WRONG_SIN, x).sum(), X);
        assertFalse(r.passed());
        assertTrue(r.toString().startsWith("FAILED: worst error"), r.toString());
        int worst = 0;
        double worstError = 0;
        for (int k = 0; k < X.size(); k++) {
            double a = Math.sin(X.get(k));
            double n = Math.cos(X.get(k));
            double error = Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n));
            if (error > worstError) {
                worst = k;
                worstError = error;
            }
        }
        assertEquals("∂/∂x0[" + worst + "]", r.location());
        assertEquals(Math.sin(X.get(worst)), r.analytic(), 1e-15);
        assertEquals(Math.cos(X.get(worst)), r.numeric(), 1e-9);
        assertEquals(worstError, r.maxError(), 1e-8);
    }

    @Test
    void aRuleThatIsRightToFirstOrderButNotDifferentiableFailsTheHessianCheck() {
        VarFunction f = x -> Var.apply(FLAT_CUBE, x).sum();
        assertTrue(GradCheck.defaults().gradient(f, X).passed());
        GradCheck.Report h = GradCheck.defaults().hessian(f, X);
        assertFalse(h.passed(), h::toString);
        assertEquals(0.0, h.analytic());
    }

    @Test
    void crossDerivativesBetweenInputsAreChecked() {
        Function<Var[], Var> f = v -> v[0].mul(v[1]).exp().sum();
        GradCheck.Report r = GradCheck.defaults().hessian(f, Tensor.vector(0.2, 0.5), Tensor.vector(-0.3, 0.9));
        assertTrue(r.passed(), r::toString);
        Function<Var[], Var> wrong = v -> v[0].mul(v[1].detach()).exp().sum();
        GradCheck.Report w = GradCheck.defaults().gradient(wrong, Tensor.vector(0.2, 0.5), Tensor.vector(-0.3, 0.9));
        assertFalse(w.passed());
        assertTrue(w.location().startsWith("∂/∂x1"), w::toString);
    }

    @Test
    void nanIsNeverAPass() {
        GradCheck.Report r = GradCheck.defaults().gradient(x -> x.log().sum(), Tensor.vector(-1, 2));
        assertFalse(r.passed());
        assertTrue(Double.isNaN(r.maxError()));
    }

    @Test
    void rejectsBadSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradCheck.defaults().withStep(-1));
        assertEquals("GradCheck: step = -1.0 must be positive and finite", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradCheck.defaults().withTolerance(0));
        assertThrows(IllegalArgumentException.class, () -> GradCheck.defaults().gradient(x -> x, X));
    }
}
