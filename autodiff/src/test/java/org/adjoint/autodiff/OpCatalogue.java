package org.adjoint.autodiff;

import static org.adjoint.verify.Gen.doubles;
import static org.adjoint.verify.Gen.integers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.adjoint.autodiff.ops.ScaledMul;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;

/**
 * Every public differentiable operation, with a generator of random calls whose inputs lie where the
 * operation is smooth: kinks (relu and abs at 0, clamp's bounds, ties in max and min, hinge margins
 * at 0) are kept at least a small gap away, and the kinks themselves are tested exactly in
 * {@link KinkTest}. {@link OpCatalogueTest} fails when an op class is missing from this list.
 */
final class OpCatalogue {

    /** A generated call of one operation: its inputs and the function applying it. */
    record Call(String description, Tensor[] inputs, Function<Var[], Var> apply) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(description);
            for (int i = 0; i < inputs.length; i++) {
                sb.append("\n  x").append(i).append(" = ").append(exact(inputs[i]));
            }
            return sb.toString();
        }
    }

    /** One operation and the calls to test it with. */
    record Case(String name, Gen<Call> calls) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Gen<Shape> SHAPES = TensorGens.shapes(3, 4);
    private static final Gen<Shape> NON_SCALAR = TensorGens.shapesOfRank(1, 3, 4);
    private static final Gen<Double> WIDE = doubles(-3, 3);
    private static final double GAP = 0.05;

    private OpCatalogue() {
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(elementwise());
        cases.addAll(broadcasting());
        cases.addAll(reductions());
        cases.addAll(layout());
        cases.addAll(losses());
        cases.addAll(ConvCatalogue.all());
        return cases;
    }

    private static List<Case> elementwise() {
        return List.of(
                unary("neg", WIDE, Var::neg),
                unary("exp", WIDE, Var::exp),
                unary("log", doubles(0.2, 3), Var::log),
                unary("sqrt", doubles(0.2, 3), Var::sqrt),
                unary("sin", WIDE, Var::sin),
                unary("cos", WIDE, Var::cos),
                unary("tan", doubles(-1.2, 1.2), Var::tan),
                unary("atan", WIDE, Var::atan),
                unary("tanh", WIDE, Var::tanh),
                unary("sigmoid", WIDE, Var::sigmoid),
                unary("relu", Gen.doublesAwayFrom(-3, 3, 0, GAP), Var::relu),
                unary("abs", Gen.doublesAwayFrom(-3, 3, 0, GAP), Var::abs),
                unary("square", WIDE, Var::square),
                unary("clamp(-1, 1)", WIDE.filter(v -> Math.abs(Math.abs(v) - 1) > GAP), x -> x.clamp(-1, 1)),
                withConstant("pow(x, p)", doubles(0.3, 2.5), doubles(-2, 3), (x, p) -> x.pow(p)),
                withConstant("add(x, c)", WIDE, WIDE, (x, c) -> x.add(c)),
                withConstant("sub(x, c)", WIDE, WIDE, (x, c) -> x.sub(c)),
                withConstant("mul(x, c)", WIDE, WIDE, (x, c) -> x.mul(c)),
                withConstant("div(x, c)", WIDE, Gen.doublesAwayFrom(-3, 3, 0, 0.5), (x, c) -> x.div(c)));
    }

    private static List<Case> broadcasting() {
        Gen<Double> awayFromZero = Gen.doublesAwayFrom(-3, 3, 0, 0.5);
        return List.of(
                binary("add", WIDE, WIDE, Var::add),
                binary("sub", WIDE, WIDE, Var::sub),
                binary("mul", WIDE, WIDE, Var::mul),
                binary("mulScaled", WIDE, WIDE, (a, b) -> ScaledMul.apply(a, b, -2.5)),
                binary("div", WIDE, awayFromZero, Var::div),
                binary("pow", doubles(0.3, 2.5), doubles(-2, 2), Var::pow),
                binary("maximum", WIDE, WIDE, (a, b) -> separated(a, b).maximum(b)),
                binary("minimum", WIDE, WIDE, (a, b) -> separated(a, b).minimum(b)),
                new Case("where", TensorGens.broadcastPairs(3, 4).flatMap(pair -> Gen.zip(
                        TensorGens.tensorOf(pair.left(), WIDE), TensorGens.tensorOf(pair.right(), WIDE),
                        TensorGens.tensorOf(pair.result(), integers(0, 1).map(Integer::doubleValue))).map(t -> new Call(
                        "where(mask " + exact(t.third()) + ", a, b)", new Tensor[] {t.first(), t.second()},
                        v -> Var.where(t.third(), v[0], v[1]))))),
                new Case("sumTo", TensorGens.broadcastPairs(3, 4).filter(pair -> !pair.left().equals(pair.result())).flatMap(pair ->
                        TensorGens.tensorOf(pair.result(), WIDE).map(x -> new Call("sumTo(" + pair.left() + ")",
                                new Tensor[] {x}, v -> v[0].sumTo(pair.left()))))),
                new Case("broadcastTo", TensorGens.broadcastPairs(3, 4).filter(pair -> !pair.left().equals(pair.result())).flatMap(pair ->
                        TensorGens.tensorOf(pair.left(), WIDE).map(x -> new Call("broadcastTo(" + pair.result() + ")",
                                new Tensor[] {x}, v -> v[0].broadcastTo(pair.result()))))));
    }

    private static List<Case> reductions() {
        return List.of(
                reduction("sum", (x, axes, keep) -> x.sum(axes, keep)),
                reduction("mean", (x, axes, keep) -> x.mean(axes, keep)),
                reduction("max", (x, axes, keep) -> distinct(x).max(axes, keep)),
                reduction("min", (x, axes, keep) -> distinct(x).min(axes, keep)),
                reduction("logSumExp", (x, axes, keep) -> x.logSumExp(axes, keep)),
                unary("sum()", WIDE, Var::sum),
                unary("mean()", WIDE, Var::mean),
                unary("max()", WIDE, x -> distinct(x).max()),
                unary("min()", WIDE, x -> distinct(x).min()),
                unary("logSumExp()", WIDE, Var::logSumExp),
                alongAxis("softmax", Var::softmax),
                alongAxis("logSoftmax", Var::logSoftmax));
    }

    private static List<Case> layout() {
        return List.of(
                new Case("matmul", Gen.zip(integers(1, 4), integers(1, 4), integers(1, 4)).flatMap(mkn ->
                        Gen.zip(integers(1, 2), integers(1, 2)).flatMap(ranks -> {
                            Shape a = ranks.first() == 2 ? Shape.of(mkn.first(), mkn.second()) : Shape.of(mkn.second());
                            Shape b = ranks.second() == 2 ? Shape.of(mkn.second(), mkn.third()) : Shape.of(mkn.second());
                            return Gen.zip(TensorGens.tensorOf(a, WIDE), TensorGens.tensorOf(b, WIDE),
                                    (x, y) -> new Call("matmul", new Tensor[] {x, y}, v -> v[0].matmul(v[1])));
                        }))),
                new Case("matmulTransposed", Gen.zip(integers(1, 4), integers(1, 4), integers(1, 4)).flatMap(mkn ->
                        Gen.zip(TensorGens.tensorOf(Shape.of(mkn.first(), mkn.second()), WIDE),
                                TensorGens.tensorOf(Shape.of(mkn.third(), mkn.second()), WIDE),
                                (x, y) -> new Call("matmulTransposed", new Tensor[] {x, y}, v -> v[0].matmulTransposed(v[1]))))),
                new Case("transposedMatmul", Gen.zip(integers(1, 4), integers(1, 4), integers(1, 4)).flatMap(mkn ->
                        Gen.zip(TensorGens.tensorOf(Shape.of(mkn.second(), mkn.first()), WIDE),
                                TensorGens.tensorOf(Shape.of(mkn.second(), mkn.third()), WIDE),
                                (x, y) -> new Call("transposedMatmul", new Tensor[] {x, y}, v -> v[0].transposedMatmul(v[1]))))),
                unary("transpose", WIDE, Var::transpose),
                new Case("permute", TensorGens.tensors(SHAPES, WIDE).flatMap(x ->
                        permutation(x.rank()).map(axes -> new Call("permute" + Arrays.toString(axes),
                                new Tensor[] {x}, v -> v[0].permute(axes))))),
                new Case("reshape", TensorGens.tensors(SHAPES, WIDE).flatMap(x -> integers(0, 2).map(kind -> {
                    int[] dims = switch (kind) {
                        case 0 -> new int[] {-1};
                        case 1 -> new int[] {1, x.size(), 1};
                        default -> reversed(x.shape().dims());
                    };
                    return new Call("reshape" + Arrays.toString(dims), new Tensor[] {x}, v -> v[0].reshape(dims));
                }))),
                new Case("slice", TensorGens.tensors(NON_SCALAR, WIDE).flatMap(x -> integers(0, x.rank() - 1)
                        .flatMap(axis -> integers(0, x.shape().dim(axis)).flatMap(start ->
                                integers(start, x.shape().dim(axis)).map(end -> new Call(
                                        "slice(" + axis + ", " + start + ", " + end + ")", new Tensor[] {x},
                                        v -> v[0].slice(axis, start, end))))))),
                new Case("pad", TensorGens.tensors(NON_SCALAR, WIDE).flatMap(x -> Gen.zip(
                        integers(0, x.rank() - 1), integers(0, 2), integers(0, 2)).map(p -> new Call(
                        "pad(" + p.first() + ", " + p.second() + ", " + p.third() + ")", new Tensor[] {x},
                        v -> v[0].pad(p.first(), p.second(), p.third()))))),
                new Case("gather", Gen.zip(integers(1, 4), integers(1, 4)).flatMap(nc -> Gen.zip(
                        TensorGens.tensorOf(Shape.of(nc.first(), nc.second()), WIDE),
                        labels(nc.first(), nc.second()),
                        (x, idx) -> new Call("gather" + Arrays.toString(idx), new Tensor[] {x}, v -> v[0].gather(idx))))),
                new Case("scatter", Gen.zip(integers(1, 4), integers(1, 4)).flatMap(nc -> Gen.zip(
                        TensorGens.tensorOf(Shape.of(nc.first()), WIDE),
                        labels(nc.first(), nc.second()),
                        (x, idx) -> new Call("scatter" + Arrays.toString(idx) + ", " + nc.second(), new Tensor[] {x},
                                v -> v[0].scatter(idx, nc.second()))))),
                new Case("concat", NON_SCALAR.flatMap(shape -> integers(0, shape.rank() - 1).flatMap(axis ->
                        Gen.zip(TensorGens.tensorOf(shape, WIDE), integers(1, 3)).flatMap(first -> {
                            int[] dims = shape.dims();
                            dims[axis] = first.second();
                            return TensorGens.tensorOf(Shape.of(dims), WIDE).map(second -> new Call(
                                    "concat(" + axis + ")", new Tensor[] {first.first(), second},
                                    v -> Var.concat(axis, v[0], v[1], v[0])));
                        })))));
    }

    private static List<Case> losses() {
        Gen<Call> hinge = scoresAndLabels().flatMap(sl -> doubles(0.5, 2).map(delta -> new Call(
                "multiclassHinge(delta " + delta + ", labels " + Arrays.toString(sl.labels) + ")",
                new Tensor[] {sl.scores}, v -> Losses.multiclassHinge(awayFromMarginZero(v[0], sl.labels, delta),
                sl.labels, delta))));
        return List.of(
                new Case("softmaxCrossEntropy", scoresAndLabels().map(sl -> new Call(
                        "softmaxCrossEntropy(labels " + Arrays.toString(sl.labels) + ")", new Tensor[] {sl.scores},
                        v -> Losses.softmaxCrossEntropy(v[0], sl.labels)))),
                new Case("multiclassHinge", hinge),
                sameShape("meanSquaredError", WIDE, WIDE, Losses::meanSquaredError),
                withConstant("l2", WIDE, doubles(0, 2), Losses::l2));
    }

    // ---------------------------------------------------------------- case builders

    private static Case unary(String name, Gen<Double> domain, Function<Var, Var> f) {
        return new Case(name, TensorGens.tensors(SHAPES, domain).map(x ->
                new Call(name, new Tensor[] {x}, v -> f.apply(v[0]))));
    }

    private interface WithConstant {
        Var apply(Var x, double c);
    }

    private static Case withConstant(String name, Gen<Double> domain, Gen<Double> constants, WithConstant f) {
        return new Case(name, Gen.zip(TensorGens.tensors(SHAPES, domain), constants, (x, c) ->
                new Call(name + " with constant " + c, new Tensor[] {x}, v -> f.apply(v[0], c))));
    }

    private interface Binary {
        Var apply(Var a, Var b);
    }

    private static Case binary(String name, Gen<Double> left, Gen<Double> right, Binary f) {
        return new Case(name, TensorGens.broadcastPairs(3, 4).flatMap(pair -> Gen.zip(
                TensorGens.tensorOf(pair.left(), left), TensorGens.tensorOf(pair.right(), right),
                (a, b) -> new Call(name, new Tensor[] {a, b}, v -> f.apply(v[0], v[1])))));
    }

    /** A binary op whose operands must have one shape (a loss: it does not broadcast). */
    private static Case sameShape(String name, Gen<Double> left, Gen<Double> right, Binary f) {
        return new Case(name, TensorGens.shapes(3, 4).flatMap(shape -> Gen.zip(
                TensorGens.tensorOf(shape, left), TensorGens.tensorOf(shape, right),
                (a, b) -> new Call(name, new Tensor[] {a, b}, v -> f.apply(v[0], v[1])))));
    }

    private interface Reduction {
        Var apply(Var x, int[] axes, boolean keepDims);
    }

    /** A reduction over a random subset of the axes, some given as negative numbers. */
    private static Case reduction(String name, Reduction f) {
        return new Case(name, TensorGens.tensors(NON_SCALAR, WIDE).flatMap(x -> Gen.zip(
                Gen.lists(Gen.booleans(), x.rank(), x.rank()), Gen.booleans(), (chosen, keep) -> {
                    List<Integer> axes = new ArrayList<>();
                    for (int a = 0; a < x.rank(); a++) {
                        if (chosen.get(a)) {
                            axes.add(a % 2 == 0 ? a : a - x.rank());
                        }
                    }
                    int[] axisArray = axes.stream().mapToInt(Integer::intValue).toArray();
                    return new Call(name + Arrays.toString(axisArray) + (keep ? " keepDims" : ""), new Tensor[] {x},
                            v -> f.apply(v[0], axisArray, keep));
                })));
    }

    private static Case alongAxis(String name, java.util.function.BiFunction<Var, Integer, Var> f) {
        return new Case(name, TensorGens.tensors(NON_SCALAR, WIDE).flatMap(x -> integers(-x.rank(), x.rank() - 1)
                .map(axis -> new Call(name + "(" + axis + ")", new Tensor[] {x}, v -> f.apply(v[0], axis)))));
    }

    // ---------------------------------------------------------------- domain helpers

    /** Discards calls where two elements are so close that a finite difference could swap their order. */
    private static Var distinct(Var x) {
        double[] values = x.value().toArray();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            Property.assume(sorted[i] - sorted[i - 1] > GAP);
        }
        return x;
    }

    /** Discards calls where {@code a} and {@code b} are nearly tied somewhere after broadcasting. */
    private static Var separated(Var a, Var b) {
        Tensor gap = a.value().sub(b.value()).abs();
        Property.assume(gap.size() == 0 || gap.min().item() > GAP);
        return a;
    }

    /** Discards hinge calls with a margin near 0, where the loss has a kink. */
    private static Var awayFromMarginZero(Var scores, int[] labels, double delta) {
        Tensor s = scores.value();
        Tensor margins = s.sub(s.gather(labels).reshape(labels.length, 1)).add(delta);
        Property.assume(margins.abs().min().item() > GAP);
        return scores;
    }

    private record ScoresAndLabels(Tensor scores, int[] labels) {
    }

    private static Gen<ScoresAndLabels> scoresAndLabels() {
        return Gen.zip(integers(1, 4), integers(1, 4)).flatMap(nc -> Gen.zip(
                TensorGens.tensorOf(Shape.of(nc.first(), nc.second()), WIDE), labels(nc.first(), nc.second()),
                ScoresAndLabels::new));
    }

    private static Gen<int[]> labels(int n, int classes) {
        return Gen.lists(integers(0, classes - 1), n, n).map(l -> l.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Gen<int[]> permutation(int rank) {
        return Gen.lists(integers(0, Integer.MAX_VALUE - 1), rank, rank).map(keys -> {
            Integer[] order = new Integer[rank];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (i, j) -> Integer.compare(keys.get(i), keys.get(j)));
            return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        });
    }

    private static int[] reversed(int[] dims) {
        int[] r = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            r[i] = dims[dims.length - 1 - i];
        }
        return r;
    }

    /** A tensor printed with every digit, so that a failing case can be rebuilt exactly. */
    static String exact(Tensor t) {
        return "Tensor.of(Shape.of(" + Arrays.toString(t.shape().dims()).replaceAll("[\\[\\]]", "") + "), new double[] "
                + Arrays.toString(t.toArray()).replace('[', '{').replace(']', '}') + ")";
    }
}
