package org.adjoint.spark.ml;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Variables;

/**
 * A model's parameter names and shapes, in order, as a small serializable value: what turns the flat θ
 * back into named parameters inside a task ({@code NamedTensors} is not serializable). θ holds the
 * parameters in this order, each row-major, as {@link NamedTensors#flatten()} does. (A private
 * equivalent of {@code optim.sharded.FlatLayout}.)
 */
final class ParameterLayout implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final int[][] shapes;

    private ParameterLayout(String[] names, int[][] shapes) {
        this.names = names;
        this.shapes = shapes;
    }

    static ParameterLayout of(NamedTensors params) {
        List<String> names = params.names();
        int[][] shapes = new int[names.size()][];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = params.get(names.get(i)).shape().dims();
        }
        return new ParameterLayout(names.toArray(String[]::new), shapes);
    }

    /** The parameters as slices of the recorded vector θ. */
    Variables unflatten(Var theta) {
        return Variables.unflatten(zeros(), theta);
    }

    /** The named parameters holding the values of θ. */
    NamedTensors unflatten(double[] theta) {
        return zeros().unflatten(Tensor.vector(theta));
    }

    /** 1 for each component of θ that belongs to a parameter named {@code weight} (not a bias), else 0. */
    Tensor weightMask() {
        NamedTensors z = zeros();
        Map<String, Tensor> mask = new LinkedHashMap<>();
        for (String name : z.names()) {
            boolean weight = name.equals("weight") || name.endsWith(".weight");
            mask.put(name, weight ? Tensor.ones(z.get(name).shape()) : z.get(name));
        }
        return NamedTensors.of(mask).flatten();
    }

    private NamedTensors zeros() {
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], Tensor.zeros(shapes[i]));
        }
        return NamedTensors.of(map);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            s.append(i == 0 ? "" : ", ").append(names[i]).append(Arrays.toString(shapes[i]));
        }
        return s.toString();
    }
}
