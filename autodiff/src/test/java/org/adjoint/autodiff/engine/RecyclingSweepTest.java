package org.adjoint.autodiff.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;
import org.adjoint.core.internal.Buffers;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/**
 * The first-order sweep recycles the arrays of dead cotangents ({@link Buffers}). Checked here: on
 * random programs over tensors large enough to be recycled (fan-out, broadcasting, slices and pads,
 * reshapes that share arrays, pass-through rules, accumulation into one input), the gradients have
 * the same bits as a sweep that recycles nothing; gradients already returned keep their values while
 * later sweeps on the thread reuse freed arrays; and a user's op that keeps its cotangent keeps it intact.
 */
class RecyclingSweepTest {

    /** Length of the program's vectors: above {@link Buffers#MIN_LENGTH}, so every array is counted. */
    private static final int N = 2 * Buffers.MIN_LENGTH;

    @Test
    void recyclingGivesTheSameBitsAsNotRecycling() {
        Property.forAll(Gen.integers(0, Integer.MAX_VALUE)).named("recycling sweep").check(seed -> {
            Program program = Program.random(new Random(seed));
            Var x = Var.param(program.input);
            Graph graph = Graph.of(program.apply(x), x);
            Var seed1 = Var.constant(Tensor.scalar(1));
            Tensor plain = new Sweep(graph, false, false, true, false).pullBack(seed1, graph.targets())[0].value();
            Tensor recycled = new Sweep(graph, false, false, true, true).pullBack(seed1, graph.targets())[0].value();
            assertBits(plain, recycled, program.toString());
        });
    }

    @Test
    void moreLiveArraysThanAScopeCountsGiveTheSameBits() {
        // 100 parameters whose gradients all stay live to the end: the scope's table of owned arrays fills
        // up and forgets some, which must then never be recycled.
        Random random = new Random(3);
        Var[] params = new Var[100];
        Var total = Var.constant(Tensor.scalar(0));
        for (int i = 0; i < params.length; i++) {
            params[i] = Var.param(Tensor.generate(org.adjoint.core.Shape.of(N), j -> random.nextGaussian()));
            total = total.add(params[i].square().mul(i + 1).sin().mul(params[i]).sum());
        }
        Graph graph = Graph.of(total, params);
        Var one = Var.constant(Tensor.scalar(1));
        Var[] plain = new Sweep(graph, false, false, true, false).pullBack(one, graph.targets());
        Var[] recycled = new Sweep(graph, false, false, true, true).pullBack(one, graph.targets());
        double[][] copies = new double[params.length][];
        for (int i = 0; i < params.length; i++) {
            assertBits(plain[i].value(), recycled[i].value(), "parameter " + i);
            copies[i] = recycled[i].value().toArray();
        }
        new Sweep(graph, false, false, true, true).pullBack(one, graph.targets()); // reuses what the last one freed
        for (int i = 0; i < params.length; i++) {
            assertArrayEquals(copies[i], recycled[i].value().toArray(), "gradient " + i + " changed");
        }
    }

    @Test
    void returnedGradientsSurviveLaterSweeps() {
        Random random = new Random(7);
        List<Tensor> gradients = new ArrayList<>();
        List<double[]> copies = new ArrayList<>();
        for (int run = 0; run < 40; run++) {
            Program program = Program.random(random);
            Var x = Var.param(program.input);
            Graph graph = Graph.of(program.apply(x), x);
            Tensor g = graph.pullBack(Var.constant(Tensor.scalar(1)), graph.targets(), false, false)[0].value();
            gradients.add(g);
            copies.add(g.toArray());
        }
        for (int run = 0; run < gradients.size(); run++) {
            assertArrayEquals(copies.get(run), gradients.get(run).toArray(), "gradient " + run + " changed");
        }
    }

    @Test
    void aUserOpThatKeepsItsCotangentKeepsItIntact() {
        Keeping keeping = new Keeping();
        Tensor start = Tensor.generate(org.adjoint.core.Shape.of(N), i -> Math.sin(i));
        Var x = Var.param(start);
        Var y = Var.apply(keeping, x.mul(x).add(1)).mul(x).sum();
        Graph graph = Graph.of(y, x);
        graph.pullBack(Var.constant(Tensor.scalar(1)), graph.targets(), false, false);
        double[] kept = keeping.lastCotangent.toArray();
        for (int run = 0; run < 10; run++) { // later sweeps reuse whatever was freed
            Var z = Var.param(start);
            Graph other = Graph.of(z.mul(z).sin().mul(z).sum(), z);
            other.pullBack(Var.constant(Tensor.scalar(1)), other.targets(), false, false);
        }
        assertArrayEquals(kept, keeping.lastCotangent.toArray());
    }

    @Test
    void onlyAFirstOrderSweepWithoutAnomalyChecksRecycles() {
        Var x = Var.param(Tensor.zeros(N));
        Graph graph = Graph.of(x.sum(), x);
        assertThrows(IllegalArgumentException.class, () -> new Sweep(graph, true, false, true, true));
        assertThrows(IllegalArgumentException.class, () -> new Sweep(graph, false, true, true, true));
    }

    /** A user's op (outside the library) whose rule keeps the cotangent it is handed. */
    private static final class Keeping implements UnaryOp {
        Tensor lastCotangent;

        @Override
        public Tensor forward(Tensor x) {
            return x.mul(2);
        }

        @Override
        public Var vjp(Var x, Var y, Var yBar) {
            lastCotangent = yBar.value();
            return yBar.mul(2);
        }
    }

    private static void assertBits(Tensor expected, Tensor actual, String program) {
        assertEquals(expected.shape(), actual.shape());
        double[] e = expected.toArray();
        double[] a = actual.toArray();
        for (int i = 0; i < e.length; i++) {
            if (Double.doubleToRawLongBits(e[i]) != Double.doubleToRawLongBits(a[i])) {
                throw new AssertionError("element " + i + ": " + e[i] + " recycled " + a[i] + " in " + program);
            }
        }
        assertTrue(e.length > 0);
    }

    /**
     * A random straight-line program on vectors of length {@link #N}: each step applies one op to
     * earlier values (so values fan out), and the result sums every value not yet used.
     */
    private record Program(Tensor input, long[] steps) {

        static Program random(Random random) {
            long[] steps = new long[4 + random.nextInt(14)];
            for (int i = 0; i < steps.length; i++) {
                steps[i] = random.nextLong();
            }
            return new Program(Tensor.generate(org.adjoint.core.Shape.of(N), i -> random.nextGaussian()), steps);
        }

        Var apply(Var x) {
            List<Var> values = new ArrayList<>(List.of(x));
            boolean[] used = new boolean[steps.length + 1];
            for (long step : steps) {
                Random r = new Random(step);
                int a = r.nextInt(values.size());
                int b = r.nextInt(values.size());
                used[a] = true;
                Var u = values.get(a);
                Var v = values.get(b);
                Var next = switch (r.nextInt(12)) {
                    case 0 -> u.add(v);
                    case 1 -> u.sub(v);
                    case 2 -> u.mul(v);
                    case 3 -> u.div(v.square().add(1));
                    case 4 -> u.square();
                    case 5 -> u.neg().mul(0.5);
                    case 6 -> u.sin();
                    case 7 -> u.relu().add(v.mul(0.25));
                    case 8 -> u.reshape(2, N / 2).slice(0, 1, 2).reshape(N / 2)
                            .add(u.reshape(2, N / 2).slice(0, 0, 1).reshape(N / 2)).reshape(1, N / 2)
                            .add(v.reshape(2, N / 2)).reshape(N);
                    case 9 -> u.reshape(N / 4, 4).mul(v.reshape(N / 4, 4).slice(0, 0, 1)).reshape(N);
                    case 10 -> u.add(v.sum().mul(0.001));
                    default -> u.reshape(2, N / 2);
                };
                values.add(next.reshape(N));
                used[b] = true;
            }
            Var total = values.get(values.size() - 1).sum();
            for (int i = 0; i < values.size() - 1; i++) {
                if (!used[i]) {
                    total = total.add(values.get(i).sum());
                }
            }
            return total;
        }
    }
}
