package org.adjoint.autodiff;

import static org.adjoint.verify.Gen.doubles;
import static org.adjoint.verify.Gen.integers;

import java.util.Arrays;
import java.util.List;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.verify.Gen;

/**
 * Einsum by direct loops over every assignment of the indices, for specs of letters (no ellipsis),
 * and random operands for a spec: the reference {@link EinsumTest} and the catalogue use.
 */
final class EinsumReference {

    /** The specs tested: products routed through matmul, reductions, layout, diagonals, several operands. */
    static final List<String> SPECS = List.of("ij,jk->ik", "ij,jk", "bij,bjk->bik", "i,j->ij", "i,i->", "ij->ji", "ba",
            "ij->", "ij->i", "i,ij,j->", "bhqd,bhkd->bhqk", "ii->i", "ii", "iji->ij", "ijk,jkl->il", "ij,ij->ij",
            "bi,bi->b", "ij,jk,kl->il", "aB,Bc->ca", "ji,jk->ik", "ij,kj->ik", "ij,kl->ljik", "ab,ab,ab->", "ii,i->i",
            "i,->i", "bij,bkj->bki", "abc,cd->dba");

    /** One einsum call: a spec and its operands. */
    record Instance(String spec, Tensor[] operands) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("einsum \"" + spec + "\"");
            for (Tensor x : operands) {
                sb.append("\n  ").append(x.shape()).append(' ').append(Arrays.toString(x.toArray()));
            }
            return sb.toString();
        }
    }

    private EinsumReference() {
    }

    /** Random operands for {@code spec}: each index an extent in [1, 4], elements in [−2, 2]. */
    static Gen<Instance> instances(String spec) {
        String[] terms = inputs(spec);
        return Gen.lists(integers(1, 4), 128, 128).flatMap(extents -> {
            Shape[] shapes = new Shape[terms.length];
            int total = 0;
            for (int i = 0; i < terms.length; i++) {
                shapes[i] = Shape.of(terms[i].chars().map(extents::get).toArray());
                total += shapes[i].size();
            }
            int size = total;
            return Gen.lists(doubles(-2, 2), size, size).map(values -> {
                Tensor[] xs = new Tensor[shapes.length];
                int at = 0;
                for (int i = 0; i < xs.length; i++) {
                    double[] data = new double[shapes[i].size()];
                    for (int e = 0; e < data.length; e++) {
                        data[e] = values.get(at++);
                    }
                    xs[i] = Tensor.of(shapes[i], data);
                }
                return new Instance(spec, xs);
            });
        });
    }

    /** The Einstein sum by loops: every assignment of every index, the operands' product added to the output. */
    static Tensor of(String spec, Tensor... xs) {
        String[] terms = inputs(spec);
        String out = output(spec);
        String all = String.join("", terms).chars().distinct()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        int[] extent = new int[all.length()];
        for (int i = 0; i < terms.length; i++) {
            for (int a = 0; a < terms[i].length(); a++) {
                extent[all.indexOf(terms[i].charAt(a))] = xs[i].shape().dim(a);
            }
        }
        Shape outShape = Shape.of(out.chars().map(c -> extent[all.indexOf(c)]).toArray());
        double[] result = new double[outShape.size()];
        int[] index = new int[all.length()];
        do {
            double product = 1;
            for (int i = 0; i < terms.length; i++) {
                product *= xs[i].toArray()[flat(terms[i], all, index, xs[i].shape())];
            }
            result[flat(out, all, index, outShape)] += product;
        } while (next(index, extent));
        return Tensor.of(outShape, result);
    }

    private static int flat(String term, String all, int[] index, Shape shape) {
        int flat = 0;
        for (int a = 0; a < term.length(); a++) {
            flat = flat * shape.dim(a) + index[all.indexOf(term.charAt(a))];
        }
        return flat;
    }

    /** Advances an odometer; false after the last assignment. */
    private static boolean next(int[] index, int[] extent) {
        for (int k = index.length - 1; k >= 0; k--) {
            if (++index[k] < extent[k]) {
                return true;
            }
            index[k] = 0;
        }
        return false;
    }

    private static String[] inputs(String spec) {
        int arrow = spec.indexOf("->");
        return (arrow < 0 ? spec : spec.substring(0, arrow)).split(",", -1);
    }

    /** The explicit output, or NumPy's implicit one: the letters used once, in ASCII order. */
    private static String output(String spec) {
        int arrow = spec.indexOf("->");
        if (arrow >= 0) {
            return spec.substring(arrow + 2);
        }
        String letters = spec.replace(",", "");
        return letters.chars().filter(c -> letters.indexOf(c) == letters.lastIndexOf(c)).sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
