package org.adjoint.optim.minimize.linesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.QuadraticGens;
import org.adjoint.optim.minimize.internal.Vectors;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/**
 * On random smooth one-dimensional functions, bounded below, and random descent directions: every
 * step a line search accepts satisfies the conditions it promises.
 */
class LineSearchPropertyTest {

    /** f(x) = a·x² + b·x + c·sin(ω·x + p), with a > 0 so that f is bounded below. */
    private record Smooth(double a, double b, double c, double omega, double phase) {
        Var apply(Var x) {
            return x.square().mul(a).add(x.mul(b)).add(x.mul(omega).add(phase).sin().mul(c)).sum();
        }
    }

    /** A function, a point, and a direction that descends there (its sign set by the slope). */
    private record Case(Smooth f, double x, double scale) {
        LineFunction line() {
            Objective objective = Objective.of(this.f::apply);
            Tensor point = Tensor.vector(x);
            Evaluation e = objective.evaluate(point);
            double direction = -Math.signum(e.gradient().item()) * scale;
            return new LineFunction(objective, point, Tensor.vector(direction), e);
        }
    }

    private static final Gen<Case> CASES = Gen.zip(
            Gen.zip(Gen.doubles(0.01, 3), Gen.doubles(-5, 5), Gen.doubles(-3, 3)),
            Gen.zip(Gen.doubles(0.1, 6), Gen.doubles(0, 6.3)),
            Gen.zip(Gen.doubles(-4, 4), Gen.doubles(0.01, 10)))
            .map(t -> new Case(new Smooth(t.first().first(), t.first().second(), t.first().third(), t.second().first(),
                    t.second().second()), t.third().first(), t.third().second()));

    private static LineFunction descending(Case c) {
        LineFunction phi = c.line();
        Property.assume(phi.slope0() < -1e-8);
        return phi;
    }

    @Test
    void armijoStepsDecreaseSufficiently() {
        Backtracking armijo = new Backtracking(1e-4, 0.5, 60);
        Property.forAll(CASES, Gen.doubles(0.01, 10)).check((c, initial) -> {
            LineFunction phi = descending(c);
            LineSearchResult r = armijo.search(phi, initial);
            assertTrue(r.succeeded(), r::message);
            LinePoint p = r.point();
            assertTrue(p.value() <= phi.value0() + 1e-4 * p.alpha() * phi.slope0(), () -> p + " for " + c);
            assertTrue(p.alpha() <= initial);
        });
    }

    @Test
    void strongWolfeStepsMeetBothConditions() {
        Property.forAll(CASES, Gen.doubles(0.01, 10), Gen.elements(0.1, 0.5, 0.9)).check((c, initial, c2) -> {
            LineFunction phi = descending(c);
            LineSearchResult r = new StrongWolfe(1e-4, c2, 100).search(phi, initial);
            assertTrue(r.succeeded(), () -> r.message() + " for " + c);
            LinePoint p = r.point();
            assertTrue(p.value() <= phi.value0() + 1e-4 * p.alpha() * phi.slope0(), () -> "sufficient decrease: " + p);
            assertTrue(Math.abs(p.slope()) <= -c2 * phi.slope0(), () -> "curvature: " + p + " with c2 = " + c2);
        });
    }

    /** Every accepted Hager–Zhang step meets the Wolfe conditions (T1) or the approximate Wolfe conditions (T2). */
    @Test
    void hagerZhangStepsMeetWolfeOrApproximateWolfe() {
        Property.forAll(CASES, Gen.doubles(0.01, 10), Gen.elements(0.1, 0.5, 0.9)).check((c, initial, sigma) -> {
            LineFunction phi = descending(c);
            double delta = 0.1;
            LineSearchResult r = new HagerZhang(delta, sigma, 1e-6, 0.5, 0.66, 5, 100).search(phi, initial);
            assertEquals(LineSearchStatus.ACCEPTED, r.status(), () -> r.message() + " for " + c);
            LinePoint p = r.point();
            double f0 = phi.value0();
            double g0 = phi.slope0();
            boolean curvature = p.slope() >= sigma * g0;
            boolean wolfe = p.value() - f0 <= delta * p.alpha() * g0 && curvature;
            boolean approximate = p.value() <= f0 + 1e-6 * Math.abs(f0) && curvature && p.slope() <= (2 * delta - 1) * g0;
            assertTrue(wolfe || approximate, () -> "neither Wolfe nor approximate Wolfe: " + p + " for " + c);
        });
    }

    @Test
    void moreThuenteStepsMeetBothConditions() {
        Property.forAll(CASES, Gen.doubles(0.01, 10), Gen.elements(0.1, 0.4, 0.9)).check((c, initial, c2) -> {
            LineFunction phi = descending(c);
            LineSearchResult r = MoreThuente.withCurvature(c2).search(phi, initial);
            assertTrue(r.succeeded(), () -> r.message() + " for " + c);
            LinePoint p = r.point();
            assertTrue(p.value() <= phi.value0() + 1e-4 * p.alpha() * phi.slope0(), () -> "sufficient decrease: " + p);
            assertTrue(Math.abs(p.slope()) <= -c2 * phi.slope0(), () -> "curvature: " + p + " with c2 = " + c2);
        });
    }

    @Test
    void exactSearchStopsWhereTheSlopeVanishes() {
        Property.forAll(CASES).check(c -> {
            LineFunction phi = descending(c);
            LineSearchResult r = ExactLineSearch.standard().search(phi, 1);
            assertTrue(r.succeeded(), r::message);
            LinePoint p = phi.evaluate(r.point().alpha());
            assertTrue(p.value() < phi.value0());
            assertTrue(Math.abs(p.slope()) <= 1e-5 * (Math.abs(phi.slope0()) + 1), () -> "φ'(α) = " + p.slope() + " at " + p);
        });
    }

    @Test
    void gridSearchPicksTheLowestStepInTheList() {
        GridSearch grid = GridSearch.powersOfTen(-6, 1);
        Property.forAll(CASES).check(c -> {
            LineFunction phi = descending(c);
            LineSearchResult r = grid.search(phi, 1);
            assertTrue(r.succeeded(), r::message);
            for (double step : grid.steps()) {
                assertTrue(r.point().value() <= phi.value(step).value());
            }
        });
    }

    /** On ½xᵀAx + bᵀx with A positive definite, the exact step along d is −gᵀd / dᵀAd. */
    @Test
    void exactSearchOnAQuadraticReturnsTheClosedFormStep() {
        Property.forAll(QuadraticGens.QUADRATICS, Gen.integers(0, 1000)).check((q, seed) -> {
            Tensor x = q.start();
            Evaluation e = q.objective().evaluate(x);
            Tensor d = e.gradient().neg().add(Tensor.randomNormal(seed, x.size()).mul(0.1));
            Property.assume(Vectors.dot(d, e.gradient()) < -1e-6);
            double curvature = Vectors.dot(d, q.a().matmul(d));
            double expected = -Vectors.dot(e.gradient(), d) / curvature;
            LineSearchResult r = ExactLineSearch.standard().search(new LineFunction(q.objective(), x, d, e), 1);
            assertTrue(r.succeeded(), r::message);
            // Brent's method compares values only, so it cannot tell apart steps whose values differ by
            // less than the rounding of f: near the minimum φ(α*+δ) − φ(α*) = curvature·δ²/2, which is
            // below ε·|f| for |δ| < sqrt(2ε·|f| / curvature).
            double flat = Math.sqrt(2 * 0x1p-52 * Math.max(1, Math.abs(e.value())) / curvature);
            assertEquals(expected, r.point().alpha(), 1e-6 * expected + 10 * flat);
        });
    }
}
