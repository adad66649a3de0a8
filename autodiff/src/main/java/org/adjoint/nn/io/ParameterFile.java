package org.adjoint.nn.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.MalformedFileException;
import org.adjoint.core.io.Npz;
import org.adjoint.nn.ModelState;

/**
 * Saving and loading parameter sets as NumPy {@code .npz} archives: one {@code name.npy} array per
 * parameter, float64, little-endian, bit for bit (see {@link Npz}). In Python:
 * {@code numpy.load("model.npz")["layer1.weight"]}. Saving is atomic; loading checks the file's
 * integrity and, with {@link #load}, that it fits the model. A model with buffers (running statistics)
 * saves them in the same archive, beside the parameters ({@link #save(Path, ModelState)}).
 */
public final class ParameterFile {

    private ParameterFile() {
    }

    /** Writes {@code params} to {@code file} atomically, replacing any previous file. */
    public static void save(Path file, NamedTensors params) throws IOException {
        Npz.write(file, params.asMap());
    }

    /**
     * Reads every parameter in {@code file}, in the file's order.
     *
     * @throws IOException if the file is missing, truncated or corrupt, or holds an array whose name is
     *     not a parameter name (a {@link MalformedFileException} naming the file)
     */
    public static NamedTensors read(Path file) throws IOException {
        Map<String, Tensor> stored = Npz.read(file);
        try {
            return NamedTensors.of(stored);
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(file + ": not a parameter file: " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code file} and checks that it holds exactly the parameters of {@code model}, with the same
     * shapes; the result is in the model's order. Nothing is changed if it does not fit.
     *
     * @throws IllegalArgumentException naming the missing, unexpected or differently shaped parameters
     * @throws IOException if the file is missing ({@link java.nio.file.NoSuchFileException}), a folder
     *     (a {@link java.nio.file.FileSystemException} that says so), truncated or corrupt
     */
    public static NamedTensors load(Path file, NamedTensors model) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(model, "model");
        Map<String, Tensor> stored = Npz.read(file);
        List<String> missing = new ArrayList<>(model.names());
        missing.removeAll(stored.keySet());
        List<String> unexpected = new ArrayList<>(stored.keySet());
        unexpected.removeAll(model.names());
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new IllegalArgumentException("load: " + file + " does not fit the model: missing " + missing
                    + ", unexpected " + unexpected);
        }
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        for (String name : model.names()) {
            Tensor value = stored.get(name);
            if (!value.shape().equals(model.get(name).shape())) {
                throw new IllegalArgumentException("load: " + name + " has shape " + value.shape() + " in " + file
                        + " but " + model.get(name).shape() + " in the model");
            }
            ordered.put(name, value);
        }
        return NamedTensors.of(ordered);
    }

    /** Writes a model's parameters and buffers to {@code file} as one archive ({@link ModelState#merged}). */
    public static void save(Path file, ModelState state) throws IOException {
        save(file, state.merged());
    }

    /**
     * Reads {@code file} and checks that it holds exactly the parameters and buffers of {@code model},
     * with the same shapes (as {@link #load(Path, NamedTensors)}), split back into the two sets.
     *
     * @throws IllegalArgumentException naming the missing, unexpected or differently shaped tensors
     * @throws IOException if the file is missing, truncated or corrupt
     */
    public static ModelState load(Path file, ModelState model) throws IOException {
        Objects.requireNonNull(model, "model");
        NamedTensors all = load(file, model.merged());
        Map<String, Tensor> params = new LinkedHashMap<>();
        Map<String, Tensor> buffers = new LinkedHashMap<>();
        for (String name : all.names()) {
            (model.params().names().contains(name) ? params : buffers).put(name, all.get(name));
        }
        return new ModelState(NamedTensors.of(params), NamedTensors.of(buffers));
    }
}
