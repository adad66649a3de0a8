package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Pair;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;

/**
 * Tensors are immutable: no operation may change its operands, not even through a view that shares
 * their storage ({@code reshape} does), and no array or matrix handed out may alias them. Each use
 * below runs on a random x and a y that broadcasts with it; afterwards both must hold what they held.
 */
class ImmutabilityPropertyTest {

    /** One thing done with x and y; what it returns is ignored. */
    private record Use(String name, BiConsumer<Tensor, Tensor> run) {
    }

    private static final List<Use> USES = uses();

    @Test
    void noOperationChangesItsOperands() {
        Gen<Pair<Tensor, Tensor>> operands = TensorGens.broadcastPairs(4, 4).flatMap(pair ->
                Gen.zip(CoreGens.tensorOf(pair.left()), CoreGens.tensorOf(pair.right())));
        Property.forAll(operands).check(xy -> {
            Tensor x = xy.first();
            Tensor y = xy.second();
            double[] xBefore = x.toArray();
            double[] yBefore = y.toArray();
            for (Use use : USES) {
                use.run().accept(x, y);
                assertArrayEquals(xBefore, x.toArray(), use.name() + " changed x");
                assertArrayEquals(yBefore, y.toArray(), use.name() + " changed y");
            }
        });
    }

    private static List<Use> uses() {
        List<Use> uses = new ArrayList<>();
        for (BinaryOp op : BinaryOp.CATALOGUE) {
            uses.add(new Use(op.method(), (x, y) -> op.kernel().apply(x, y)));
            uses.add(new Use(op.method() + " swapped", (x, y) -> op.kernel().apply(y, x)));
        }
        uses.add(new Use("where", (x, y) -> Tensor.where(x.gt(0), x, y)));
        uses.addAll(unaryUses());
        uses.addAll(reductionUses());
        uses.addAll(layoutUses());
        uses.addAll(List.of(
                new Use("matmul of vectors", (x, y) -> vector(x).matmul(vector(x))),
                new Use("matmul of matrices", (x, y) -> row(x).matmul(row(x).transpose())),
                new Use("gradient", (x, y) -> FiniteDifferences.gradient(t -> t.square().sum().item(), x)),
                new Use("jacobian", (x, y) -> FiniteDifferences.jacobian(t -> t.mul(t), x)),
                new Use("toVector, then writing to it", (x, y) -> LinearAlgebra.toVector(vector(x)).set(99)),
                new Use("toMatrix, then writing to it", (x, y) -> LinearAlgebra.toMatrix(row(x)).setEntry(0, 0, 99))));
        return uses;
    }

    private static List<Use> unaryUses() {
        return List.of(
                new Use("map", (x, y) -> x.map(v -> 2 * v)), new Use("neg", (x, y) -> x.neg()),
                new Use("square", (x, y) -> x.square()), new Use("abs", (x, y) -> x.abs()),
                new Use("sign", (x, y) -> x.sign()), new Use("exp", (x, y) -> x.exp()),
                new Use("log", (x, y) -> x.log()), new Use("sqrt", (x, y) -> x.sqrt()),
                new Use("sin", (x, y) -> x.sin()), new Use("cos", (x, y) -> x.cos()),
                new Use("tan", (x, y) -> x.tan()), new Use("tanh", (x, y) -> x.tanh()),
                new Use("sigmoid", (x, y) -> x.sigmoid()), new Use("relu", (x, y) -> x.relu()),
                new Use("clamp", (x, y) -> x.clamp(-1, 1)), new Use("add(c)", (x, y) -> x.add(2)),
                new Use("mul(c)", (x, y) -> x.mul(2)), new Use("div(c)", (x, y) -> x.div(2)),
                new Use("pow(c)", (x, y) -> x.pow(2)), new Use("gt(c)", (x, y) -> x.gt(0)));
    }

    private static List<Use> reductionUses() {
        return List.of(
                new Use("sum()", (x, y) -> x.sum()), new Use("mean()", (x, y) -> x.mean()),
                new Use("max()", (x, y) -> x.max()), new Use("min()", (x, y) -> x.min()),
                new Use("sum(axis)", (x, y) -> vector(x).sum(0)), new Use("mean(axis)", (x, y) -> vector(x).mean(0)),
                new Use("max(axis)", (x, y) -> row(x).max(1)), new Use("min(axis)", (x, y) -> row(x).min(1)),
                new Use("sum(axes, true)", (x, y) -> row(x).sum(new int[] {1}, true)),
                new Use("mean(axes, false)", (x, y) -> row(x).mean(new int[] {0, 1}, false)),
                new Use("max(axes, true)", (x, y) -> row(x).max(new int[] {-1}, true)),
                new Use("min(axes, false)", (x, y) -> row(x).min(new int[] {0}, false)),
                new Use("argmax(axis)", (x, y) -> row(x).argmax(1)),
                new Use("argmax(axis, true)", (x, y) -> row(x).argmax(1, true)),
                new Use("argmax()", (x, y) -> x.argmax()),
                new Use("sumTo", (x, y) -> x.sumTo(Shape.SCALAR)),
                new Use("sumTo a squeezed shape", (x, y) -> x.sumTo(firstAxisSqueezed(x.shape()))));
    }

    private static List<Use> layoutUses() {
        return List.of(
                new Use("broadcastTo", (x, y) -> x.broadcastTo(Shape.broadcast("test", x.shape(), y.shape()))),
                new Use("transpose", (x, y) -> x.transpose()),
                new Use("permute", (x, y) -> row(x).permute(1, 0)),
                new Use("slice", (x, y) -> vector(x).slice(0, 0, 1)),
                new Use("pad", (x, y) -> vector(x).pad(0, 1, 2)),
                new Use("concat", (x, y) -> Tensor.concat(0, vector(x), vector(y))),
                new Use("gather", (x, y) -> row(x).gather(new int[] {0})),
                new Use("scatter", (x, y) -> vector(x).scatter(new int[vector(x).size()], 1)));
    }

    /** The shape with its first extent (if any) set to 1, which broadcasts back to it. */
    private static Shape firstAxisSqueezed(Shape shape) {
        int[] dims = shape.dims();
        if (dims.length > 0) {
            dims[0] = 1;
        }
        return Shape.of(dims);
    }

    /** x's elements as a vector: a view that shares x's storage. */
    private static Tensor vector(Tensor x) {
        return x.reshape(-1);
    }

    /** x's elements as a 1×n matrix, another view on x's storage. */
    private static Tensor row(Tensor x) {
        return x.reshape(1, -1);
    }
}
