package org.adjoint.optim.minimize.newton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.optim.minimize.CriticalPoint;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.StopReason;
import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.optim.minimize.problems.TestProblem;
import org.junit.jupiter.api.Test;

/**
 * The lessons' warning about saddle points, made exact: Newton's method with the unmodified Hessian
 * is attracted to any critical point. From the standard starts of Beale's and Wood's functions the
 * pure step converges to a saddle point, and the damped variant stops because the Newton direction
 * does not descend; the modified method (H + τI positive definite) reaches the minimum.
 */
class NewtonSaddleTest {

    @Test
    void pureNewtonConvergesToASaddleOfBealesFunction() {
        TestProblem beale = MoreGarbowHillstrom.problem(5);
        MinimizationResult pure = Newton.pure().minimize(Objective.of(beale.function()), beale.start());
        assertEquals(StopReason.GRADIENT_TOLERANCE, pure.reason(), pure::toString);
        assertTrue(pure.value() > 14, pure::toString);
        CriticalPoint point = CriticalPoint.classify(Objective.of(beale.function()), pure.x(), 1e-6);
        assertEquals(CriticalPoint.Kind.SADDLE, point.kind(), point::toString);

        MinimizationResult damped = Newton.damped().minimize(Objective.of(beale.function()), beale.start());
        assertEquals(StopReason.LINE_SEARCH_FAILED, damped.reason());
        assertTrue(damped.message().contains("not a descent direction"), damped.message());
        assertEquals(beale.start(), damped.x(), "the best point, the start, is kept");

        MinimizationResult modified = Newton.modified().minimize(Objective.of(beale.function()), beale.start());
        assertTrue(modified.value() < 1e-10, modified::toString);
    }

    @Test
    void pureNewtonConvergesToASaddleOfWoodsFunction() {
        TestProblem wood = MoreGarbowHillstrom.problem(14);
        MinimizationResult pure = Newton.pure().minimize(Objective.of(wood.function()), wood.start());
        assertTrue(pure.converged() && pure.value() > 7, pure::toString);
        assertEquals(CriticalPoint.Kind.SADDLE, CriticalPoint.classify(Objective.of(wood.function()), pure.x(), 1e-6).kind());
        MinimizationResult damped = Newton.damped().minimize(Objective.of(wood.function()), wood.start());
        assertEquals(StopReason.LINE_SEARCH_FAILED, damped.reason(), damped::toString);
        assertTrue(Newton.modified().minimize(Objective.of(wood.function()), wood.start()).value() < 1e-10);
    }
}
