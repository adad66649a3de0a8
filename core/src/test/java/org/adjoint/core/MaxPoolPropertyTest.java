package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;

/**
 * Max-pooling indices against a plain scan of each window in row-major order that keeps the first
 * maximum (a NaN counts as the maximum, and the first NaN wins), over random geometries. Elements come
 * from a handful of values with repeats, signed zeros and NaNs, so ties and NaNs are common; 2×2
 * windows (which have their own branch-free path) are drawn often.
 */
class MaxPoolPropertyTest {

    /** An input and a pooling window placed by a geometry. */
    record Case(Tensor x, int kh, int kw, ConvGeometry g) {
        @Override
        public String toString() {
            return "x " + x.shape() + " = " + x + ", window " + kh + "×" + kw + ", " + g;
        }
    }

    @Test
    void indicesAreEachWindowsFirstMaximum() {
        Property.forAll(cases()).check(c -> assertArrayEquals(scan(c), c.x().maxPool2dIndices(c.kh(), c.kw(), c.g())));
    }

    private static int[] scan(Case k) {
        Shape s = k.x().shape();
        Shape y = k.g().outputShape("test", s, Shape.of(s.dim(1), s.dim(1), k.kh(), k.kw()));
        int h = s.dim(2);
        int w = s.dim(3);
        int[] out = new int[y.size()];
        int o = 0;
        for (int plane = 0; plane < s.dim(0) * s.dim(1); plane++) {
            for (int r = 0; r < y.dim(2); r++) {
                for (int c = 0; c < y.dim(3); c++) {
                    int best = -1;
                    for (int i = 0; i < k.kh(); i++) {
                        for (int j = 0; j < k.kw(); j++) {
                            int row = r * k.g().strideH() - k.g().padTop() + i * k.g().dilationH();
                            int col = c * k.g().strideW() - k.g().padLeft() + j * k.g().dilationW();
                            if (row < 0 || row >= h || col < 0 || col >= w) {
                                continue;
                            }
                            int index = (plane * h + row) * w + col;
                            double v = k.x().data[index];
                            if (best < 0) {
                                best = index;
                            } else {
                                double current = k.x().data[best];
                                boolean currentIsNaN = Double.isNaN(current);
                                if (!currentIsNaN && (Double.isNaN(v) || v > current)) {
                                    best = index;
                                }
                            }
                        }
                    }
                    out[o++] = best;
                }
            }
        }
        return out;
    }

    private static Gen<Case> cases() {
        Gen<Double> values = Gen.elements(-1.0, 0.0, -0.0, 1.0, 2.0, Double.NaN, Double.NEGATIVE_INFINITY);
        return source -> {
            boolean square = Gen.booleans().generate(source);
            int kh = square ? 2 : Gen.integers(1, 3).generate(source);
            int kw = square ? 2 : Gen.integers(1, 3).generate(source);
            int stride = Gen.integers(1, 3).generate(source);
            int padH = Gen.integers(0, kh / 2).generate(source);
            int padW = Gen.integers(0, kw / 2).generate(source);
            int dilation = square ? 1 : Gen.integers(1, 2).generate(source);
            ConvGeometry g = new ConvGeometry(stride, stride, padH, padH, padW, padW, dilation, dilation, 1);
            int h = dilation * (kh - 1) + 1 + Gen.integers(0, 6).generate(source);
            int w = dilation * (kw - 1) + 1 + Gen.integers(0, 6).generate(source);
            Shape shape = Shape.of(Gen.integers(1, 3).generate(source), Gen.integers(1, 3).generate(source), h, w);
            return new Case(TensorGens.tensorOf(shape, values).generate(source), kh, kw, g);
        };
    }
}
