package org.adjoint.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.MalformedFileException;
import org.adjoint.nn.NamedTensorsTest;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterFileTest {

    @TempDir
    Path dir;

    @Test
    void saveThenLoadRoundTripsBitForBit() {
        Property.forAll(NamedTensorsTest.parameterSets()).check(p -> {
            Path file = dir.resolve("model.npz");
            ParameterFile.save(file, p);
            NamedTensors back = ParameterFile.load(file, p);
            assertEquals(p.names(), back.names());
            for (String name : p.names()) {
                assertArrayEquals(bits(p.get(name)), bits(back.get(name)), name);
            }
            assertEquals(p, ParameterFile.read(file));
        });
    }

    private static long[] bits(Tensor t) {
        return Arrays.stream(t.toArray()).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @Test
    void aFileForAnotherModelIsRefusedNamingWhatDiffers() throws IOException {
        NamedTensors small = Mlp.of(Activation.RELU, 4, 3, 2).initialize(1);
        Path file = dir.resolve("small.npz");
        ParameterFile.save(file, small);

        NamedTensors wider = Mlp.of(Activation.RELU, 4, 5, 2).initialize(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterFile.load(file, wider));
        assertEquals("load: layer1.weight has shape [3, 4] in " + file + " but [5, 4] in the model", e.getMessage());

        NamedTensors deeper = Mlp.of(Activation.RELU, 4, 3, 3, 2).initialize(1);
        e = assertThrows(IllegalArgumentException.class, () -> ParameterFile.load(file, deeper));
        assertEquals("load: " + file + " does not fit the model: missing [layer3.weight, layer3.bias], unexpected []",
                e.getMessage());
        assertEquals(Mlp.of(Activation.RELU, 4, 5, 2).initialize(1), wider, "the model is unchanged");
    }

    @Test
    void theModelsOrderWinsOverTheFiles() throws IOException {
        Map<String, Tensor> reversed = new LinkedHashMap<>();
        reversed.put("b", Tensor.vector(2));
        reversed.put("a", Tensor.vector(1));
        Path file = dir.resolve("reversed.npz");
        ParameterFile.save(file, NamedTensors.of(reversed));
        Map<String, Tensor> model = new LinkedHashMap<>();
        model.put("a", Tensor.zeros(1));
        model.put("b", Tensor.zeros(1));
        NamedTensors loaded = ParameterFile.load(file, NamedTensors.of(model));
        assertEquals(List.of("a", "b"), loaded.names());
        assertEquals(Tensor.vector(1), loaded.get("a"));
        assertEquals(List.of("b", "a"), ParameterFile.read(file).names());
    }

    @Test
    void aCorruptFileIsAnIOExceptionNamingTheFile() throws IOException {
        NamedTensors p = Mlp.of(Activation.TANH, 3, 2).initialize(1);
        Path file = dir.resolve("model.npz");
        ParameterFile.save(file, p);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 3] ^= 0x01;
        Files.write(file, bytes);
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> ParameterFile.load(file, p));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    /** Found by ParameterFileFuzzTest: the IllegalArgumentException of the name check did not name the file. */
    @Test
    void anArrayWhoseNameIsNotAParameterNameMakesTheFileMalformedNamingIt() throws IOException {
        Path file = dir.resolve("misnamed.npz");
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("layer1.weight", Tensor.zeros(2, 2));
        arrays.put("", Tensor.scalar(1));
        org.adjoint.core.io.Npz.write(file, arrays);
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> ParameterFile.read(file));
        assertEquals(file + ": not a parameter file: invalid parameter name '': use non-empty parts separated by single"
                + " dots, such as layer1.weight", e.getMessage());
    }

    /** Issue 17, item 13: a folder was reported as a missing file (NoSuchFileException, "no such file"). */
    @Test
    void loadingAFolderSaysItIsAFolder() throws IOException {
        NamedTensors p = Mlp.of(Activation.TANH, 3, 2).initialize(1);
        Path folder = Files.createDirectory(dir.resolve("model.npz"));
        java.nio.file.FileSystemException e = assertThrows(java.nio.file.FileSystemException.class,
                () -> ParameterFile.load(folder, p));
        assertTrue(!(e instanceof java.nio.file.NoSuchFileException), "a folder exists: " + e);
        assertEquals(folder + ": a folder, not a .npz file", e.getMessage());
    }
}
