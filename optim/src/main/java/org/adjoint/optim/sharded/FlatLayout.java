package org.adjoint.optim.sharded;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Variables;

/**
 * A model's parameter layout (names and shapes, in order) as a small serializable value, so that a
 * {@link ShardLoss} can turn the flat θ back into the model's named parameters on any thread or
 * worker without capturing the parameters themselves ({@code NamedTensors} and {@code Tensor} are not
 * serializable):
 *
 * <pre>{@code
 * FlatLayout layout = FlatLayout.of(net.init(seed));                // names and shapes only
 * ShardLoss<Block> loss = (theta, b) -> Losses.softmaxCrossEntropy(
 *         net.forward(layout.unflatten(theta), Var.constant(b.inputs())), b.labels()).mul(b.rows());
 * }</pre>
 *
 * <p>θ holds the parameters in layout order, each in row-major order: what
 * {@link NamedTensors#flatten()} produces.
 */
public final class FlatLayout implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The tensors' names, in order. */
    private final String[] names;
    /** Each tensor's dimensions, in the order of {@code names}. */
    private final int[][] shapes;
    /** The total number of elements, the length of the flat vector. */
    private final int size;

    private FlatLayout(String[] names, int[][] shapes) {
        this.names = names;
        this.shapes = shapes;
        int total = 0;
        for (int[] dims : shapes) {
            total = Math.addExact(total, Shape.of(dims).size());
        }
        this.size = total;
    }

    /** The names and shapes of {@code params}, in their order. */
    public static FlatLayout of(NamedTensors params) {
        List<String> names = params.names();
        int[][] shapes = new int[names.size()][];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = params.get(names.get(i)).shape().dims();
        }
        return new FlatLayout(names.toArray(String[]::new), shapes);
    }

    /** The total number of parameters: θ's length. */
    public int size() {
        return size;
    }

    /** The parameter names, in layout order. */
    public List<String> names() {
        return List.of(names);
    }

    /** The parameters as slices of θ ({@link Variables#unflatten}), recorded as θ is. */
    public Variables unflatten(Var theta) {
        return Variables.unflatten(zeros(), theta);
    }

    /** The named parameters holding the values of the flat θ. */
    public NamedTensors unflatten(double[] theta) {
        if (theta.length != size) {
            throw new IllegalArgumentException("FlatLayout.unflatten: θ has " + theta.length + " values but the layout has "
                    + size + " parameters");
        }
        return zeros().unflatten(Tensor.vector(theta));
    }

    private NamedTensors zeros() {
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], Tensor.zeros(shapes[i]));
        }
        return NamedTensors.of(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlatLayout l && Arrays.equals(names, l.names) && Arrays.deepEquals(shapes, l.shapes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.deepHashCode(shapes);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            parts.add(names[i] + Arrays.toString(shapes[i]));
        }
        return "FlatLayout" + parts + " (" + size + " parameters)";
    }
}
