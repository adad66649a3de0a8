package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

class BackwardTest {

    @Test
    void gradientOfAProductAndAFanOut() {
        Var x = Var.param(3);
        Var y = Var.param(-2);
        // f = x·y + x² : the value x is used twice, so its cotangents must add up.
        Var f = x.mul(y).add(x.square());
        Tensor[] g = Backward.of(f).gradients(x, y);
        assertEquals(-2 + 6, g[0].item());
        assertEquals(3, g[1].item());
    }

    @Test
    void sweepingTwiceGivesTheSameAnswerBecauseNothingAccumulates() {
        Var w = Var.param(Tensor.vector(1, 2, 3));
        Var loss = w.square().sum();
        Tensor first = Backward.of(loss).gradient(w);
        Tensor second = Backward.of(loss).gradient(w);
        assertEquals(Tensor.vector(2, 4, 6), first);
        assertEquals(first, second);
    }

    @Test
    void broadcastGradientsAreSummedBackToEachInputsShape() {
        Var matrix = Var.param(Tensor.ones(3, 4));
        Var row = Var.param(Tensor.vector(1, 2, 3, 4));
        Var scalar = Var.param(2);
        Var f = matrix.add(row).mul(scalar).sum();
        Tensor[] g = Backward.of(f).gradients(matrix, row, scalar);
        assertEquals(Tensor.full(Shape.of(3, 4), 2), g[0]);
        assertEquals(Tensor.full(Shape.of(4), 6), g[1]);
        assertEquals(Tensor.scalar(12 + 3 * 10), g[2]);
    }

    @Test
    void aSeedPullsBackANonScalarOutput() {
        Var x = Var.param(Tensor.vector(1, 2));
        Var y = x.square();
        assertEquals(Tensor.vector(2 * 1 * 10, 2 * 2 * 100), Backward.of(y).withSeed(Tensor.vector(10, 100)).gradient(x));
    }

    @Test
    void nonScalarOutputWithoutSeedIsAnError() {
        Var x = Var.param(Tensor.vector(1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Backward.of(x.square()).gradient(x));
        assertEquals("backward: the output has shape [2]; reduce it to one element (e.g. sum()) or give a seed of that"
                + " shape with withSeed", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Backward.of(x.square()).withSeed(Tensor.ones(3)));
        assertEquals("backward: the seed's shape [3] differs from the output's shape [2]", e.getMessage());
    }

    @Test
    void gradientOfSomethingNotOnTheGraphIsAnErrorUnlessAllowed() {
        Var x = Var.param(1);
        Var unused = Var.param(Tensor.zeros(2));
        Var f = x.exp();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Backward.of(f).gradients(x, unused));
        assertEquals("backward: variable 1 (shape [2]) is not on the graph of the output: the output was not computed"
                + " from it; a Var made by another Var.param of the same value is a different variable"
                + " (use allowingUnused() to get zeros instead)", e.getMessage());
        assertEquals(Tensor.zeros(2), Backward.of(f).allowingUnused().gradients(x, unused)[1]);
    }

    @Test
    void gradientWithRespectToAConstantIsAnError() {
        Var c = Var.constant(2);
        Var x = Var.param(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Backward.of(x.mul(c)).gradient(c));
        assertTrue(e.getMessage().contains("is a constant; create it with Var.param"), e.getMessage());
    }

    @Test
    void detachStopsGradients() {
        Var x = Var.param(3);
        Var f = x.mul(x.detach());
        assertEquals(3, Backward.of(f).gradient(x).item());
    }

    @Test
    void operationsOnConstantsRecordNothing() {
        Var a = Var.constant(Tensor.vector(1, 2));
        Var b = a.exp().mul(a).sum();
        assertFalse(b.requiresGrad());
        assertTrue(b.toString().contains("constant"), b.toString());
        Var p = Var.param(1);
        assertTrue(p.exp().requiresGrad());
        assertSame(a, a.detach());
    }

    @Test
    void gradientWithRespectToAnIntermediateValue() {
        Var x = Var.param(2);
        Var hidden = x.square();
        Var f = hidden.mul(3);
        Tensor[] g = Backward.of(f).gradients(hidden, x);
        assertEquals(3, g[0].item());
        assertEquals(12, g[1].item());
    }

    @Test
    void gradientOfTheOutputItselfIsTheSeed() {
        Var x = Var.param(Tensor.vector(1, 2));
        assertEquals(Tensor.vector(5, 6), Backward.of(x).withSeed(Tensor.vector(5, 6)).gradient(x));
    }

    @Test
    void differentiableGradientsGiveDerivativesOfAnyOrder() {
        // d/dx sin = cos, d²/dx² = −sin, d³/dx³ = −cos, d⁴/dx⁴ = sin.
        double at = 0.8;
        Var x = Var.param(at);
        Var d = x.sin();
        double[] expected = {Math.cos(at), -Math.sin(at), -Math.cos(at), Math.sin(at)};
        for (double e : expected) {
            d = Backward.of(d).differentiableGradient(x);
            assertEquals(e, d.item(), 1e-15);
        }
    }

    @Test
    void firstOrderSweepsRecordNothing() {
        Var x = Var.param(Tensor.vector(0.5, 1.5));
        Var f = x.sin().mul(x).sum();
        Var g = Backward.of(f).differentiableGradient(x);
        assertTrue(g.requiresGrad());
        assertEquals(g.value(), Backward.of(f).gradient(x));
    }

    @Test
    void aMillionNodeChainDoesNotOverflowTheStack() {
        Var x = Var.param(1);
        Var y = x;
        for (int i = 0; i < 1_000_000; i++) {
            y = y.mul(1.000001);
        }
        double expected = Math.pow(1.000001, 1_000_000);
        assertEquals(expected, Backward.of(y).gradient(x).item(), 1e-9 * expected);
    }

    @Test
    void anomalyModeNamesTheOpThatProducedNaNInTheForwardPass() {
        Var x = Var.param(Tensor.vector(1, -1));
        Var f = x.sqrt().sum();
        AnomalyException e = assertThrows(AnomalyException.class, () -> Backward.of(f).detectingAnomalies().gradient(x));
        assertEquals("forward: Sqrt[] produced NaN at flat index 1 from finite inputs of shapes ([2])", e.getMessage());
    }

    @Test
    void anomalyModeNamesTheRuleThatProducedInfinityInTheBackwardPass() {
        Var x = Var.param(Tensor.vector(4, 0));
        Var f = x.sqrt().sum();
        assertEquals(Double.POSITIVE_INFINITY, Backward.of(f).gradient(x).get(1));
        AnomalyException e = assertThrows(AnomalyException.class, () -> Backward.of(f).detectingAnomalies().gradient(x));
        assertEquals("backward: the derivative rule of Sqrt[] produced Infinity at flat index 1 in the gradient of input 0"
                + " (inputs of shapes ([2]), output [2])", e.getMessage());
    }

    @Test
    void aCustomOpWithAWrongCotangentShapeIsReported() {
        UnaryOp broken = new UnaryOp() {
            @Override
            public Tensor forward(Tensor x) {
                return x.sum();
            }

            @Override
            public Var vjp(Var x, Var y, Var yBar) {
                return yBar.broadcastTo(Shape.of(7));
            }

            @Override
            public String toString() {
                return "Broken";
            }
        };
        Var x = Var.param(Tensor.vector(1, 2));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Backward.of(Var.apply(broken, x)).gradient(x));
        assertEquals("backward: the derivative rule of Broken returned a cotangent of shape [7] for input 0 of shape [2]",
                e.getMessage());
    }
}
