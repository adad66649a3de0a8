package org.adjoint.autodiff;

import static org.adjoint.verify.Gen.integers;

import java.util.ArrayList;
import java.util.List;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.verify.Gen;
import org.adjoint.verify.TensorGens;

/**
 * Random expression graphs: a few inputs of broadcast-compatible shapes and a sequence of steps, each
 * applying a random op to earlier nodes chosen at random. Earlier nodes are reused freely, so graphs
 * have shared subexpressions (fan-out), and binary steps broadcast. The ops are smooth everywhere
 * and keep values bounded, so finite differences stay accurate.
 */
final class ExpressionGraphs {

    /**
     * The ops a step may apply. Each maps bounded inputs to bounded outputs (sums and differences are
     * halved, products take the tanh of one factor), so values stay moderate however deep the graph.
     */
    enum Kind {
        ADD, SUB, MUL, SAFE_DIV, SIN, COS, TANH, SIGMOID, EXP_TANH, LOG1P_SQUARE, SUM_KEEP, MEAN_KEEP, LOG_SUM_EXP_KEEP;

        boolean binary() {
            return ordinal() <= SAFE_DIV.ordinal();
        }

        boolean reduces() {
            return ordinal() >= SUM_KEEP.ordinal();
        }
    }

    /** One step: {@code kind} applied to nodes {@code a} (and {@code b}), reducing along {@code axis}. */
    record Step(Kind kind, int a, int b, int axis) {
    }

    /** A graph: the input shapes, its steps, and the input values to evaluate it at. */
    record Graph(List<Shape> inputShapes, List<Step> steps, Tensor[] inputs) {

        /** Evaluates the graph with Var ops; the output is a scalar that uses the last node and one other. */
        Var evaluate(Var[] xs) {
            List<Var> nodes = new ArrayList<>(List.of(xs));
            for (Step s : steps) {
                nodes.add(apply(s, nodes));
            }
            Var last = nodes.get(nodes.size() - 1);
            Var other = nodes.get(steps.isEmpty() ? 0 : steps.get(steps.size() - 1).a());
            return last.sum().add(other.mean());
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < inputs.length; i++) {
                sb.append("n").append(i).append(" = ").append(OpCatalogue.exact(inputs[i])).append('\n');
            }
            int n = inputs.length;
            for (Step s : steps) {
                sb.append("n").append(n++).append(" = ").append(s.kind()).append("(n").append(s.a());
                sb.append(s.kind().binary() ? ", n" + s.b() : "").append(s.kind().reduces() ? ", axis " + s.axis() : "");
                sb.append(")\n");
            }
            return sb.toString();
        }
    }

    private ExpressionGraphs() {
    }

    /** Graphs of 1–3 inputs (shapes broadcasting to one of rank ≤ 3) and 1–{@code maxSteps} steps. */
    static Gen<Graph> graphs(int maxSteps) {
        return TensorGens.shapes(3, 4).flatMap(full -> integers(1, 3).flatMap(inputCount ->
                Gen.lists(operandOf(full), inputCount, inputCount).flatMap(shapes -> integers(1, maxSteps).flatMap(stepCount ->
                        steps(shapes.size(), stepCount, full.rank()).flatMap(steps ->
                                values(shapes).map(values -> new Graph(shapes, steps, values)))))));
    }

    private static Gen<Shape> operandOf(Shape full) {
        return source -> {
            int dropped = (int) source.draw(full.rank() + 1);
            int[] dims = new int[full.rank() - dropped];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = source.draw(3) == 0 ? 1 : full.dim(dropped + i);
            }
            return Shape.of(dims);
        };
    }

    private static Gen<List<Step>> steps(int inputCount, int stepCount, int rank) {
        return source -> {
            List<Step> steps = new ArrayList<>();
            Kind[] kinds = Kind.values();
            for (int i = 0; i < stepCount; i++) {
                int available = inputCount + i;
                Kind kind = kinds[(int) source.draw(kinds.length)];
                int a = available - 1 - (int) source.draw(available);
                int b = available - 1 - (int) source.draw(available);
                int axis = rank == 0 ? 0 : (int) source.draw(rank);
                steps.add(new Step(kind, a, b, axis));
            }
            return steps;
        };
    }

    private static Gen<Tensor[]> values(List<Shape> shapes) {
        return source -> {
            Tensor[] values = new Tensor[shapes.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = TensorGens.tensorOf(shapes.get(i), Gen.doubles(-2, 2)).generate(source);
            }
            return values;
        };
    }

    private static Var apply(Step s, List<Var> nodes) {
        Var a = nodes.get(s.a());
        Var b = nodes.get(s.b());
        int[] axis = a.shape().rank() == 0 ? new int[0] : new int[] {s.axis() % a.shape().rank()};
        return switch (s.kind()) {
            case ADD -> a.add(b).mul(0.5);
            case SUB -> a.sub(b).mul(0.5);
            case MUL -> a.mul(b.tanh());
            case SAFE_DIV -> a.div(b.square().add(1));
            case SIN -> a.sin();
            case COS -> a.cos();
            case TANH -> a.tanh();
            case SIGMOID -> a.sigmoid();
            case EXP_TANH -> a.tanh().exp();
            case LOG1P_SQUARE -> a.square().add(1).log();
            case SUM_KEEP -> a.sum(axis, true);
            case MEAN_KEEP -> a.mean(axis, true);
            case LOG_SUM_EXP_KEEP -> a.logSumExp(axis, true);
        };
    }
}
