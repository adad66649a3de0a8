package org.adjoint.autodiff;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.IntStream;
import org.adjoint.core.Shape;

/** The steps {@link Einsum} composes: broadcast axes dropped, diagonals taken, and one pairwise contraction. */
final class EinsumSteps {

    /**
     * An intermediate value and the label of each of its axes (labels as in {@link EinsumSpec}). Not a
     * value type: the array compares by reference.
     */
    record Labeled(Var value, int[] labels) {
    }

    private EinsumSteps() {
    }

    /**
     * {@code x} without its ellipsis axes of extent 1 that broadcast to a larger extent: the operand
     * then lacks that label, and the pairwise steps broadcast it as they do any label one side lacks.
     */
    static Labeled squeezeBroadcast(Var x, int[] labels, EinsumSpec s) {
        int[] kept = IntStream.range(0, labels.length).filter(a -> labels[a] < EinsumSpec.ELLIPSIS
                || x.shape().dim(a) == s.sizes().get(labels[a])).toArray();
        if (kept.length == labels.length) {
            return new Labeled(x, labels);
        }
        int[] keptLabels = Arrays.stream(kept).map(a -> labels[a]).toArray();
        return new Labeled(x.reshape(shape(keptLabels, s)), keptLabels);
    }

    /**
     * The term with each repeated label reduced to one axis, its diagonal, kept at the label's first
     * position: a selection of elements ({@code takeFlat}), whose adjoint scatters the cotangent back.
     */
    static Labeled diagonal(Labeled term, EinsumSpec s) {
        int[] labels = term.labels();
        int[] unique = Arrays.stream(labels).distinct().toArray();
        if (unique.length == labels.length) {
            return term;
        }
        Shape out = shape(unique, s);
        int[] inStrides = term.value().shape().strides();
        int[] stride = new int[unique.length];
        for (int a = 0; a < labels.length; a++) {
            stride[indexOf(unique, labels[a])] += inStrides[a];
        }
        int[] outStrides = out.strides();
        int[] indices = new int[out.size()];
        for (int flat = 0; flat < indices.length; flat++) {
            int rest = flat;
            for (int u = 0; u < unique.length; u++) {
                indices[flat] += rest / outStrides[u] * stride[u];
                rest %= outStrides[u];
            }
        }
        return new Labeled(term.value().takeFlat(indices, out), unique);
    }

    /**
     * The product of {@code a} and {@code b} summed over the labels both have and {@code later} (the
     * output and the operands still to come) does not need; the result's axes are the shared labels
     * kept (batch), then a's own, then b's own. Both sides have already been summed over the labels
     * only they use and nothing later needs.
     */
    static Labeled contract(Labeled a, Labeled b, Set<Integer> later, EinsumSpec s) {
        int[] batch = Arrays.stream(a.labels()).filter(l -> contains(b.labels(), l) && later.contains(l)).toArray();
        int[] summed = Arrays.stream(a.labels()).filter(l -> contains(b.labels(), l) && !later.contains(l)).toArray();
        int[] aOwn = Arrays.stream(a.labels()).filter(l -> !contains(b.labels(), l)).toArray();
        int[] bOwn = Arrays.stream(b.labels()).filter(l -> !contains(a.labels(), l)).toArray();
        int[] labels = concat(batch, aOwn, bOwn);
        Var product;
        if (summed.length == 0) {
            Var left = arrange(a, concat(batch, aOwn)).reshape(shape(concat(batch, aOwn, ones(bOwn.length)), s));
            Var right = arrange(b, concat(batch, bOwn)).reshape(shape(concat(batch, ones(aOwn.length), bOwn), s));
            product = left.mul(right);
        } else if (batch.length == 0) {
            product = matrixProduct(a, b, aOwn, summed, bOwn, s);
        } else if (aOwn.length + bOwn.length == 0) {
            Var left = arrange(a, concat(batch, summed)).reshape(size(batch, s), size(summed, s));
            Var right = arrange(b, concat(batch, summed)).reshape(size(batch, s), size(summed, s));
            product = left.mul(right).sum(1);
        } else {
            Var left = arrange(a, concat(batch, aOwn, summed)).reshape(size(batch, s), size(aOwn, s), size(summed, s));
            Var right = arrange(b, concat(batch, summed, bOwn)).reshape(size(batch, s), size(summed, s), size(bOwn, s));
            product = left.matmul(right);
        }
        return new Labeled(product.reshape(shape(labels, s)), labels);
    }

    /** {@code [M, K] · [K, N]}, reading an operand stored the other way round through a transposed product. */
    private static Var matrixProduct(Labeled a, Labeled b, int[] aOwn, int[] summed, int[] bOwn, EinsumSpec s) {
        int m = size(aOwn, s);
        int k = size(summed, s);
        int n = size(bOwn, s);
        boolean aTransposed = aOwn.length > 0 && Arrays.equals(a.labels(), concat(summed, aOwn));
        boolean bTransposed = bOwn.length > 0 && Arrays.equals(b.labels(), concat(bOwn, summed));
        if (aTransposed && !bTransposed) {
            return a.value().reshape(k, m).transposedMatmul(arrange(b, concat(summed, bOwn)).reshape(k, n));
        }
        Var left = arrange(a, concat(aOwn, summed)).reshape(m, k);
        return bTransposed ? left.matmulTransposed(b.value().reshape(n, k))
                : left.matmul(arrange(b, concat(summed, bOwn)).reshape(k, n));
    }

    /** The term's value with its axes in the order of {@code labels}. */
    private static Var arrange(Labeled term, int[] labels) {
        return permute(term.value(), positions(term.labels(), labels));
    }

    /** {@code x.permute(axes)}, or x itself for the identity. */
    static Var permute(Var x, int[] axes) {
        for (int i = 0; i < axes.length; i++) {
            if (axes[i] != i) {
                return x.permute(axes);
            }
        }
        return x;
    }

    /** For each label of {@code order}, its position in {@code labels}. */
    static int[] positions(int[] labels, int[] order) {
        return Arrays.stream(order).map(l -> indexOf(labels, l)).toArray();
    }

    /** Labels of extent 1 to pad with: {@code -1} (see {@link #shape}). */
    private static int[] ones(int count) {
        int[] ones = new int[count];
        Arrays.fill(ones, -1);
        return ones;
    }

    private static Shape shape(int[] labels, EinsumSpec s) {
        return Shape.of(Arrays.stream(labels).map(l -> l < 0 ? 1 : s.sizes().get(l)).toArray());
    }

    private static int size(int[] labels, EinsumSpec s) {
        return shape(labels, s).size();
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }

    private static boolean contains(int[] labels, int label) {
        return indexOf(labels, label) >= 0;
    }

    private static int indexOf(int[] labels, int label) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                return i;
            }
        }
        return -1;
    }
}
