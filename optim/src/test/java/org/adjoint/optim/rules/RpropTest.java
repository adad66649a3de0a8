package org.adjoint.optim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.adjoint.core.Tensor;
import org.adjoint.optim.Update;
import org.junit.jupiter.api.Test;

/** Rprop's documented cases, with values worked out by hand (PyTorch's defaults η₋ = 0.5, η₊ = 1.2). */
class RpropTest {

    /** Steps a scalar parameter from 1 with the given gradients and rates; returns θ after each step. */
    private static double[] run(Rprop rule, double[] grads, double[] rates) {
        Tensor theta = Tensor.scalar(1);
        Rprop.State state = rule.init(theta);
        double[] thetas = new double[grads.length];
        for (int t = 0; t < grads.length; t++) {
            Update<Rprop.State> u = rule.apply(theta, Tensor.scalar(grads[t]), state, rates[t]);
            theta = u.param();
            state = u.state();
            thetas[t] = theta.item();
        }
        return thetas;
    }

    @Test
    void growsWhileTheSignHoldsSkipsAFlipAndDoesNotShrinkTwice() {
        // Δ: 0.1 (first step), 0.12 (same sign), 0.06 (flip: no move, g′ ← 0), 0.06 (g·g′ = 0), 0.072
        double[] thetas = run(new Rprop(0.1), new double[] {1, 2, -1, 3, 3}, new double[] {0.1, 0.1, 0.1, 0.1, 0.1});
        double[] expected = {0.9, 0.78, 0.78, 0.72, 0.648};
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], thetas[t], 1e-12, "step " + (t + 1));
        }
    }

    @Test
    void theRateIsOnlyTheInitialStepSize() {
        // the rate of step 1 sets Δ; later rates are ignored, as in torch.optim.Rprop under a scheduler
        double[] thetas = run(new Rprop(0.1), new double[] {1, 1, 1}, new double[] {0.5, 7, 0});
        assertEquals(0.5, thetas[0], 1e-12);
        assertEquals(0.5 - 0.6, thetas[1], 1e-12);
        assertEquals(0.5 - 0.6 - 0.72, thetas[2], 1e-12);
    }

    @Test
    void stepSizesStayWithinTheirBounds() {
        // the initial step is clamped too: 100 → Δmax = 50
        assertEquals(1 - 50, run(new Rprop(100), new double[] {1}, new double[] {100})[0], 0);
        // a rate of 0 at step 1 gives Δ = clamp(0, Δmin, Δmax) = Δmin = 0.01; flips cannot shrink it
        // further, and each flip costs one step without a move
        Rprop rule = new Rprop(0.1, 0.5, 1.2, 0.01, 1);
        double[] thetas = run(rule, new double[] {1, -1, -1, 1, 1, -1, -1, 1, 1}, new double[9]);
        assertEquals(0.99, thetas[0], 1e-12);
        assertEquals(0.99, thetas[1], 1e-12);
        assertEquals(1.0, thetas[2], 1e-12);
        assertEquals(1.0, thetas[3], 1e-12);
        assertEquals(0.99, thetas[4], 1e-12);
    }
}
