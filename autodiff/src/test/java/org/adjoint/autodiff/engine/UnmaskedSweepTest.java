package org.adjoint.autodiff.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A first-order sweep runs without the zero-cotangent rule and again with it only when a gradient is
 * not finite ({@link Graph#pullBack}). Checked here against a sweep that always applies the rule, bit
 * for bit, on functions whose unchosen branches are infinite or NaN at the sampled points (zeros,
 * negative numbers, signed zeros), including ones where the rule is what makes the gradient finite.
 */
class UnmaskedSweepTest {

    private static final double[] POINTS = {-2, -1, -0.0, 0, 0.25, 1, 3};

    /** Functions of a vector whose derivative rules meet 0·∞ or 0·NaN somewhere on the points above. */
    private static final List<Function<Var, Var>> FUNCTIONS = List.of(
            x -> Var.where(positive(x), x.sqrt(), Var.constant(0)).sum(),
            x -> Var.where(positive(x), x.sqrt(), Var.constant(0)).mul(x).sum(),
            x -> Var.where(positive(x), x.log(), x.mul(x)).sum(),
            x -> Var.where(nonZero(x), x.sin().div(x), Var.constant(1)).sum(),
            x -> x.abs().sqrt().sum(),
            x -> x.sqrt().sum(),
            x -> x.mul(x).add(x.relu().pow(0.5)).sum(),
            x -> x.exp().log().mul(x.clamp(-1, 1)).sum(),
            x -> x.pow(3).div(x.mul(x).add(1)).sum());

    @Test
    void theUnmaskedSweepGivesTheMaskedBitsOrRunsAgain() {
        Random random = new Random(20261202);
        int finiteWithoutTheRule = 0;
        int needingTheRule = 0;
        for (int trial = 0; trial < 400; trial++) {
            double[] values = new double[1 + random.nextInt(6)];
            for (int i = 0; i < values.length; i++) {
                values[i] = POINTS[random.nextInt(POINTS.length)];
            }
            for (Function<Var, Var> f : FUNCTIONS) {
                Var x = Var.param(Tensor.vector(values));
                Var y = f.apply(x);
                Graph graph = Graph.of(y, x);
                Var seed = Var.constant(Tensor.scalar(1));
                Var masked = new Sweep(graph, false, false, true).pullBack(seed, graph.targets())[0];
                Var unmasked = new Sweep(graph, false, false, false).pullBack(seed, graph.targets())[0];
                Var chosen = graph.pullBack(seed, graph.targets(), false, false)[0];
                assertBitsEqual(masked.value(), chosen.value(), values);
                if (unmasked.value().isFinite()) {
                    finiteWithoutTheRule++;
                    assertBitsEqual(masked.value(), unmasked.value(), values);
                } else if (masked.value().isFinite()) {
                    needingTheRule++;
                }
            }
        }
        assertTrue(finiteWithoutTheRule > 1000, "most cases are finite without the rule: " + finiteWithoutTheRule);
        assertTrue(needingTheRule > 100, "the rule is needed in many cases: " + needingTheRule);
    }

    @Test
    void aGradientThatIsNotFiniteWithTheRuleIsReturnedAsSuch() {
        Var x = Var.param(Tensor.vector(-1, 4));
        Var y = x.sqrt().sum(); // sqrt(−1) is NaN on the chosen path: the rule must not hide it
        Graph graph = Graph.of(y, x);
        Tensor gradient = graph.pullBack(Var.constant(Tensor.scalar(1)), graph.targets(), false, false)[0].value();
        assertTrue(Double.isNaN(gradient.get(0)));
        assertEquals(0.25, gradient.get(1));
        assertFalse(gradient.isFinite());
    }

    private static Tensor positive(Var x) {
        return x.value().map(v -> v > 0 ? 1 : 0);
    }

    private static Tensor nonZero(Var x) {
        return x.value().map(v -> v != 0 ? 1 : 0);
    }

    private static void assertBitsEqual(Tensor expected, Tensor actual, double[] at) {
        assertEquals(expected.shape(), actual.shape());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(expected.get(i)), Double.doubleToRawLongBits(actual.get(i)),
                    () -> "element differs at x = " + java.util.Arrays.toString(at) + ": " + expected + " vs " + actual);
        }
    }
}
