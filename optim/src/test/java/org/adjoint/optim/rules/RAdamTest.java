package org.adjoint.optim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.adjoint.core.Tensor;
import org.adjoint.optim.Update;
import org.junit.jupiter.api.Test;

/**
 * RAdam's published special cases, with values worked out by hand: ρₜ for β₂ = 0.999 stays at or below
 * 5 for five steps (so the first five steps are bias-corrected momentum steps, each of exactly η·g under
 * a constant gradient), and the sixth is the first rectified step, scaled by r₆ ≈ 0.0258.
 */
class RAdamTest {

    @Test
    void rhoGrowsByAboutOnePerStepTowardsRhoInfinity() {
        assertEquals(1.0, RAdam.rho(0.999, 1), 1e-12);
        assertEquals(4.995998000395048, RAdam.rho(0.999, 5), 1e-10);
        assertEquals(5.994163751655833, RAdam.rho(0.999, 6), 1e-10);
        assertEquals(1999, RAdam.rho(0.999, 1_000_000), 1e-9);
        // r = √(1.994·3.994·1999 / (1995·1997·5.994))
        assertEquals(0.02582111280185855, RAdam.rectification(0.999, RAdam.rho(0.999, 6)), 1e-12);
    }

    @Test
    void fiveMomentumStepsThenTheFirstRectifiedStep() {
        RAdam rule = new RAdam(0.1);
        Tensor theta = Tensor.scalar(1);
        Adam.State state = rule.init(theta);
        double[] expected = {0.95, 0.9, 0.85, 0.8, 0.75, 0.7474178893873459, 0.7441440087301312};
        for (int t = 1; t <= expected.length; t++) {
            Update<Adam.State> u = rule.apply(theta, Tensor.scalar(0.5), state, 0.1);
            theta = u.param();
            state = u.state();
            assertEquals(expected[t - 1], theta.item(), 1e-12, "step " + t);
        }
        // step 6 moves by η·m̂·l·r with m̂ = 0.5 and l ≈ 1/√v̂ = 2
        assertEquals(0.1 * 0.02582111280185855, 0.75 - expected[5], 1e-9);
    }

    @Test
    void aSmallBeta2NeverAdaptsAndIsBiasCorrectedMomentum() {
        RAdam rule = new RAdam(0.1, 0.5, 0.5, 1e-8, 0);
        Tensor theta = Tensor.scalar(1);
        Adam.State state = rule.init(theta);
        double expected = 1;
        double m = 0;
        for (int t = 1; t <= 50; t++) {
            double g = t % 3 == 0 ? -2 : 0.5 * t;
            m = 0.5 * m + 0.5 * g;
            expected -= 0.1 * m / (1 - Math.pow(0.5, t));
            Update<Adam.State> u = rule.apply(theta, Tensor.scalar(g), state, 0.1);
            theta = u.param();
            state = u.state();
            assertEquals(expected, theta.item(), 1e-12 * Math.max(1, Math.abs(expected)), "step " + t);
        }
    }

    @Test
    void decoupledDecayShrinksTheParameterBeforeTheStep() {
        RAdamW rule = new RAdamW(0.1, 0.5);
        Update<Adam.State> u = rule.apply(Tensor.scalar(2), Tensor.scalar(0.5), rule.init(Tensor.scalar(2)), 0.1);
        // θ·(1 − η·λ) − η·m̂ = 2·0.95 − 0.1·0.5
        assertEquals(1.85, u.param().item(), 1e-12);
        RAdam coupled = new RAdam(0.1, 0.9, 0.999, 1e-8, 0.5);
        // g + λ·θ = 1.5, first step θ − η·(g + λ·θ)
        assertEquals(1.85, coupled.apply(Tensor.scalar(2), Tensor.scalar(0.5), coupled.init(Tensor.scalar(2)), 0.1)
                .param().item(), 1e-12);
    }
}
