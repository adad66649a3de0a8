package org.adjoint.optim.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.adjoint.autodiff.Derivatives;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.quasinewton.Bfgs;
import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.optim.minimize.problems.TestProblem;
import org.junit.jupiter.api.Test;

class ObjectiveTest {

    @Test
    void anAutodiffObjectiveGivesExactDerivativesAndCountsThem() {
        TestProblem p = MoreGarbowHillstrom.problem(14);
        CountingObjective f = Objective.of(p.function());
        Tensor x = Tensor.vector(0.5, -0.25, 1.5, 2);
        Tensor v = Tensor.vector(1, 2, 3, 4);
        assertEquals(f.evaluate(x).gradient(), Derivatives.grad(p.function(), x));
        assertEquals(f.hessian(x), Derivatives.hessian(p.function(), x));
        assertEquals(f.hessianVector(x, v), Derivatives.hvp(p.function(), x, v));
        assertEquals(f.evaluate(x).value(), f.value(x));
        assertEquals(new Evaluations(1, 2, 1, 1), f.counts());
        assertEquals(5, f.counts().total());
    }

    @Test
    void eachRunCountsItsOwnEvaluations() {
        CountingObjective f = Objective.of(x -> x.square().sum());
        MinimizationResult first = Bfgs.standard().minimize(f, Tensor.vector(1, 2));
        MinimizationResult second = Bfgs.standard().minimize(f, Tensor.vector(1, 2));
        assertEquals(first.evaluations(), second.evaluations());
    }

    @Test
    void aNonScalarFunctionIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Objective.of(x -> x.mul(2)).value(Tensor.vector(1, 2)));
        assertEquals("objective: the function must return a scalar but returned shape [2]", e.getMessage());
    }
}
