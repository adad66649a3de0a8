package org.adjoint.autodiff;

import static org.adjoint.verify.Gen.doubles;
import static org.adjoint.verify.Gen.integers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.adjoint.autodiff.ops.MulPositiveMask;
import org.adjoint.autodiff.ops.Normalization;
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
        cases.addAll(activations());
        cases.addAll(batchedProducts());
        cases.addAll(torchLosses());
        cases.addAll(embeddingAndNormalization());
        cases.addAll(ConvCatalogue.all());
        cases.addAll(einsum());
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
                new Case("mulPositiveMask", TensorGens.broadcastPairs(3, 4).flatMap(pair -> Gen.zip(TensorGens.tensorOf(pair.left(), WIDE), TensorGens.tensorOf(pair.right(), WIDE),
                                (u, x) -> new Call("mulPositiveMask(x " + exact(x) + ")", new Tensor[] {u},
                                        v -> Var.apply(new MulPositiveMask(x), v[0]))))),
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

    // ---------------------------------------------------------------- issue 21: activations, cumsum, batched matmul

    private static List<Case> activations() {
        Gen<Double> awayFromZero = Gen.doublesAwayFrom(-3, 3, 0, GAP);
        return List.of(
                unary("log1p", doubles(-0.8, 3), Var::log1p),
                unary("expm1", WIDE, Var::expm1),
                unary("softplus", WIDE, Var::softplus),
                withConstant("softplus(beta)", WIDE, doubles(0.3, 3), Var::softplus),
                unary("erf", WIDE, Var::erf),
                unary("gelu", WIDE, Var::gelu),
                unary("geluTanh", WIDE, Var::geluTanh),
                unary("silu", WIDE, Var::silu),
                withConstant("leakyRelu", awayFromZero, doubles(-0.5, 0.5), Var::leakyRelu),
                withConstant("elu", awayFromZero, doubles(0.1, 2), Var::elu),
                alongAxis("cumsum", Var::cumsum));
    }

    /** torch.matmul with stacks of matrices (batch axes broadcasting) and vectors promoted on either side. */
    private static List<Case> batchedProducts() {
        Gen<Call> calls = Gen.zip(TensorGens.broadcastPairs(2, 3), Gen.zip(integers(1, 3), integers(1, 3), integers(1, 3)),
                integers(0, 2)).filter(c -> c.first().left().rank() + c.first().right().rank() > 0
                        && (c.third() == 0 || (c.third() == 1 ? c.first().right() : c.first().left()).rank() > 0))
                .flatMap(c -> {
                    int m = c.second().first();
                    int k = c.second().second();
                    int n = c.second().third();
                    Shape a = c.third() == 1 ? Shape.of(k) : c.first().left().concat(Shape.of(m, k));
                    Shape b = c.third() == 2 ? Shape.of(k) : c.first().right().concat(Shape.of(k, n));
                    return Gen.zip(TensorGens.tensorOf(a, WIDE), TensorGens.tensorOf(b, WIDE),
                            (x, y) -> new Call("matmul " + a + " @ " + b, new Tensor[] {x, y}, v -> v[0].matmul(v[1])));
                });
        return List.of(new Case("batchedMatmul", calls));
    }

    /** The issue-21 losses, with their inputs a gap away from Huber's switch and from |d| = 0 for L1. */
    private static List<Case> torchLosses() {
        Gen<Double> probabilities = doubles(0.05, 1);
        Gen<Call> posWeight = NON_SCALAR.flatMap(shape -> Gen.zip(TensorGens.tensorOf(shape, WIDE),
                TensorGens.tensorOf(shape, doubles(0, 1)), TensorGens.tensorOf(Shape.of(shape.dim(shape.rank() - 1)),
                        doubles(0.2, 3))).map(t -> new Call("binaryCrossEntropyWithLogits(posWeight " + exact(t.third())
                        + ")", new Tensor[] {t.first(), t.second()},
                        v -> Losses.binaryCrossEntropyWithLogits(v[0], v[1], t.third()))));
        Gen<Call> kl = NON_SCALAR.flatMap(shape -> Gen.zip(TensorGens.tensorOf(shape, WIDE),
                TensorGens.tensorOf(shape, probabilities), (logQ, p) -> new Call("klDivergence",
                        new Tensor[] {logQ, p}, v -> Losses.klDivergence(v[0], v[1]))));
        Gen<Call> nll = scoresAndLabels().flatMap(sl -> TensorGens.tensorOf(Shape.of(sl.scores.shape().dim(1)),
                doubles(0.2, 2)).map(w -> new Call("negativeLogLikelihood(labels " + Arrays.toString(sl.labels)
                + ", weights " + exact(w) + ")", new Tensor[] {sl.scores},
                v -> Losses.negativeLogLikelihood(v[0], sl.labels, w))));
        Gen<Call> crossEntropy = scoresAndLabels().flatMap(sl -> Gen.zip(TensorGens.tensorOf(
                Shape.of(sl.scores.shape().dim(1)), doubles(0.2, 2)), doubles(0, 1), (w, eps) -> new Call(
                "softmaxCrossEntropy(labels " + Arrays.toString(sl.labels) + ", weights " + exact(w) + ", smoothing "
                        + eps + ")", new Tensor[] {sl.scores}, v -> Losses.softmaxCrossEntropy(v[0], sl.labels, w, eps))));
        return List.of(
                sameShape("binaryCrossEntropyWithLogits", WIDE, doubles(0, 1), Losses::binaryCrossEntropyWithLogits),
                new Case("binaryCrossEntropyWithLogits(posWeight)", posWeight),
                new Case("negativeLogLikelihood", scoresAndLabels().map(sl -> new Call("negativeLogLikelihood(labels "
                        + Arrays.toString(sl.labels) + ")", new Tensor[] {sl.scores},
                        v -> Losses.negativeLogLikelihood(v[0], sl.labels)))),
                new Case("negativeLogLikelihood(weights)", nll),
                sameShape("huber(0.8)", WIDE, WIDE, (a, b) -> Losses.huber(awayFrom(a, b, 0.8), b, 0.8)),
                sameShape("smoothL1(0.8)", WIDE, WIDE, (a, b) -> Losses.smoothL1(awayFrom(a, b, 0.8), b, 0.8)),
                sameShape("smoothL1(0)", WIDE, WIDE, (a, b) -> Losses.smoothL1(awayFrom(a, b, 0), b, 0)),
                new Case("klDivergence", kl),
                new Case("softmaxCrossEntropy(weights, smoothing)", crossEntropy));
    }

    /** Discards calls where some |a − b| is within a gap of {@code kink}. */
    private static Var awayFrom(Var a, Var b, double kink) {
        Tensor gap = a.value().sub(b.value()).abs().add(-kink).abs();
        Property.assume(gap.size() == 0 || gap.min().item() > GAP);
        return a;
    }

    // ---------------------------------------------------------------- einsum (issue 21)

    /** Einsum, a composite of permute, reshape, sum, takeFlat, mul and matmul, over the specs of {@link EinsumReference}. */
    private static List<Case> einsum() {
        Gen<Call> calls = Gen.elements(EinsumReference.SPECS.toArray(String[]::new)).flatMap(EinsumReference::instances)
                .map(e -> new Call("einsum(\"" + e.spec() + "\")", e.operands(), v -> Var.einsum(e.spec(), v)));
        return List.of(new Case("einsum", calls));
    }

    // ---------------------------------------------------------------- embedding, dropout, normalization

    private static List<Case> embeddingAndNormalization() {
        return List.of(
                new Case("takeRows", rowsAndIndices().flatMap(ri -> TensorGens.tensorOf(Shape.of(ri.rows(), ri.width()), WIDE)
                        .map(w -> new Call("takeRows" + Arrays.toString(ri.indices()) + " in " + ri.indexShape(),
                                new Tensor[] {w}, v -> v[0].takeRows(ri.indices(), ri.indexShape()))))),
                new Case("addRows", rowsAndIndices().flatMap(ri -> TensorGens.tensorOf(
                        ri.indexShape().concat(Shape.of(ri.width())), WIDE).map(x -> new Call("addRows"
                        + Arrays.toString(ri.indices()) + " in " + ri.indexShape() + ", " + ri.rows(), new Tensor[] {x},
                        v -> v[0].addRows(ri.indices(), ri.indexShape(), ri.rows()))))),
                new Case("dropout", Gen.zip(TensorGens.tensors(SHAPES, WIDE), doubles(0, 0.9), integers(0, 1000))
                        .map(t -> new Call("dropout(" + t.second() + ", " + t.third() + ")", new Tensor[] {t.first()},
                                v -> v[0].dropout(t.second(), t.third())))),
                new Case("layerNorm", TensorGens.tensors(NON_SCALAR, WIDE).flatMap(x -> integers(1, x.rank()).map(k ->
                        new Call("layerNorm(" + k + ", 1e-5)", new Tensor[] {x},
                                v -> spread(v[0], lastAxes(x.rank(), k)).layerNorm(k, 1e-5))))),
                new Case("batchNormTraining", TensorGens.shapesOfRank(2, 4, 3).filter(s -> s.size() / s.dim(1) > 1)
                        .flatMap(shape -> TensorGens.tensorOf(shape, WIDE)).map(x -> new Call("batchNormTraining(1e-5)",
                                new Tensor[] {x}, v -> Normalization.batchNormTraining(
                                        spread(v[0], batchAxes(x.rank())), 1e-5).output()))),
                new Case("batchNormEvaluation", TensorGens.shapesOfRank(2, 4, 3).flatMap(shape -> TensorGens.tensorOf(
                        shape, WIDE)).map(x -> new Call("batchNormEvaluation(mean 0.5, variance 2, 1e-5)",
                        new Tensor[] {x}, v -> Normalization.batchNormEvaluation(v[0], Tensor.full(Shape.of(x.shape().dim(1)),
                                0.5), Tensor.full(Shape.of(x.shape().dim(1)), 2), 1e-5)))));
    }

    private record RowsAndIndices(int rows, int width, int[] indices, Shape indexShape) {
    }

    /** A table size, a row width and indices into it, laid out as a vector or a matrix (repeats included). */
    private static Gen<RowsAndIndices> rowsAndIndices() {
        return Gen.zip(integers(1, 4), integers(1, 3), Gen.zip(integers(1, 3), integers(1, 3))).flatMap(t ->
                labels(t.third().first() * t.third().second(), t.first()).map(idx -> new RowsAndIndices(t.first(),
                        t.second(), idx, t.third().first() == 1 ? Shape.of(idx.length)
                        : Shape.of(t.third().first(), t.third().second()))));
    }

    private static int[] lastAxes(int rank, int k) {
        int[] axes = new int[k];
        Arrays.setAll(axes, i -> rank - k + i);
        return axes;
    }

    private static int[] batchAxes(int rank) {
        int[] axes = new int[rank - 1];
        Arrays.setAll(axes, i -> i == 0 ? 0 : i + 1);
        return axes;
    }

    /**
     * Discards normalization calls where a group of more than one element has a small variance, where
     * 1/σ is steep and a finite difference is inaccurate.
     */
    private static Var spread(Var x, int[] axes) {
        Tensor v = x.value();
        Tensor variance = v.sub(v.mean(axes, true)).square().mean(axes, false);
        int group = v.size() / Math.max(1, variance.size());
        Property.assume(group == 1 || variance.size() == 0 || variance.min().item() > 0.1);
        return x;
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
