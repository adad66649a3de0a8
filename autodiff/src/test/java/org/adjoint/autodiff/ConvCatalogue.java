package org.adjoint.autodiff;

import static org.adjoint.verify.Gen.doubles;
import static org.adjoint.verify.Gen.integers;

import java.util.List;
import org.adjoint.autodiff.OpCatalogue.Call;
import org.adjoint.autodiff.OpCatalogue.Case;
import org.adjoint.autodiff.ops.Conv2dInputGrad;
import org.adjoint.autodiff.ops.Conv2dWeightGrad;
import org.adjoint.core.ConvGeometry;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.verify.Gen;
import org.adjoint.verify.TensorGens;

/**
 * The catalogue's convolution and pooling entries: random small geometries (stride, each side's
 * padding, dilation, groups, kernel and image sizes). Max pooling gets inputs whose values are a
 * shuffled ladder (gaps of at least 0.2), so no window holds a near tie; ties are tested exactly
 * against PyTorch in {@link ConvTorchTest}.
 */
final class ConvCatalogue {

    private static final Gen<Double> WIDE = doubles(-3, 3);

    /** One random convolution: geometry and the shapes of input, weight and output. */
    record Setup(ConvGeometry g, Shape x, Shape w, Shape y) {
        static Setup of(List<Integer> r) {
            ConvGeometry g = new ConvGeometry(1 + r.get(0) % 2, 1 + r.get(1) % 2, r.get(2) % 2, r.get(3) % 2,
                    r.get(4) % 2, r.get(5) % 2, 1 + r.get(6) % 2, 1 + r.get(7) % 2, 1 + r.get(8) % 2);
            int kh = 1 + r.get(9) % 3;
            int kw = 1 + r.get(10) % 3;
            int cg = 1 + r.get(11) % 2;
            int og = 1 + r.get(12) % 2;
            int h = g.dilationH() * (kh - 1) + 1 + r.get(13) % 3;
            int w = g.dilationW() * (kw - 1) + 1 + r.get(14) % 3;
            Shape x = Shape.of(1 + r.get(15) % 2, cg * g.groups(), h, w);
            Shape weight = Shape.of(og * g.groups(), cg, kh, kw);
            return new Setup(g, x, weight, g.outputShape("catalogue", x, weight));
        }
    }

    private ConvCatalogue() {
    }

    static List<Case> all() {
        return List.of(
                new Case("conv2d", setups().flatMap(s -> Gen.zip(tensor(s.x()), tensor(s.w()), (x, w) ->
                        new Call("conv2d(" + s.g() + ")", new Tensor[] {x, w}, v -> v[0].conv2d(v[1], s.g()))))),
                new Case("conv2dInputGrad", setups().flatMap(s -> Gen.zip(tensor(s.y()), tensor(s.w()), (y, w) ->
                        new Call("conv2dInputGrad(" + s.g() + ", " + s.x() + ")", new Tensor[] {y, w},
                                v -> Conv2dInputGrad.apply(v[0], v[1], s.g(), s.x()))))),
                new Case("conv2dWeightGrad", setups().flatMap(s -> Gen.zip(tensor(s.x()), tensor(s.y()), (x, y) ->
                        new Call("conv2dWeightGrad(" + s.g() + ", " + s.w() + ")", new Tensor[] {x, y},
                                v -> Conv2dWeightGrad.apply(v[0], v[1], s.g(), s.w()))))),
                new Case("maxPool2d", poolCalls("maxPool2d", true, (x, k, st, p) -> x.maxPool2d(k, st, p))),
                new Case("avgPool2d", poolCalls("avgPool2d", false, (x, k, st, p) -> x.avgPool2d(k, st, p))),
                new Case("adaptiveAvgPool2d", Gen.zip(integers(1, 3), integers(1, 3)).flatMap(out ->
                        tensor(Shape.of(2, 2, 5, 4)).map(x -> new Call("adaptiveAvgPool2d(" + out.first() + ", "
                                + out.second() + ")", new Tensor[] {x},
                                v -> v[0].adaptiveAvgPool2d(out.first(), out.second()))))),
                new Case("scatterAddFlat", Gen.lists(integers(0, 5), 4, 4).flatMap(idx ->
                        tensor(Shape.of(2, 2)).map(x -> {
                            int[] indices = idx.stream().mapToInt(Integer::intValue).toArray();
                            return new Call("scatterAddFlat(" + idx + ")", new Tensor[] {x},
                                    v -> v[0].scatterAddFlat(indices, Shape.of(3, 2)));
                        }))));
    }

    /** A pooling call with square kernel, stride and padding. */
    interface Pool {
        Var apply(Var x, int kernel, int stride, int padding);
    }

    private static Gen<Call> poolCalls(String name, boolean ladder, Pool pool) {
        return Gen.zip(integers(1, 3), integers(1, 2), integers(0, 1)).flatMap(ksp -> {
            int k = ksp.first();
            int p = Math.min(ksp.third(), k / 2);
            Shape shape = Shape.of(1, 2, k + 2, k + 1);
            Gen<Tensor> x = ladder ? ladder(shape) : tensor(shape);
            return x.map(t -> new Call(name + "(" + k + ", " + ksp.second() + ", " + p + ")", new Tensor[] {t},
                    v -> pool.apply(v[0], k, ksp.second(), p)));
        });
    }

    /** Values 0.3·π(i) − 3 for a random permutation π, plus a little noise: distinct by at least 0.2. */
    private static Gen<Tensor> ladder(Shape shape) {
        int n = shape.size();
        return Gen.zip(Gen.lists(integers(0, Integer.MAX_VALUE - 1), n, n), tensor(shape), (keys, noise) -> {
            Integer[] order = new Integer[n];
            java.util.Arrays.setAll(order, i -> i);
            java.util.Arrays.sort(order, (i, j) -> Integer.compare(keys.get(i), keys.get(j)));
            double[] values = new double[n];
            double[] jitter = noise.toArray();
            for (int i = 0; i < n; i++) {
                values[order[i]] = 0.3 * i - 3 + 0.01 * jitter[i];
            }
            return Tensor.of(shape, values);
        });
    }

    private static Gen<Setup> setups() {
        return Gen.lists(integers(0, 1 << 20), 16, 16).map(Setup::of);
    }

    private static Gen<Tensor> tensor(Shape shape) {
        return TensorGens.tensorOf(shape, WIDE);
    }
}
