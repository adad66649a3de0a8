package org.adjoint.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arrays and weights written by NumPy 1.24 and PyTorch 1.13 ({@code examples/src/main/python/foreign_weights.py})
 * read exactly as NumPy converts them to float64 ({@code expected.npz}, written by the same script).
 */
class ForeignFormatsTest {

    private static final List<String> NPY = List.of("float64", "float32", "float16", "int8", "int16", "int32", "int64",
            "uint8", "bool", "float64_big_endian", "int32_big_endian", "scalar_float32");

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ForeignFormatsTest.class.getResource("/org/adjoint/core/io/foreign/" + name).toURI());
    }

    private static Map<String, Tensor> expected() throws Exception {
        return Npz.read(resource("expected.npz"));
    }

    @Test
    void npyFilesOfEveryDtypeReadAsNumPyConvertsThem() throws Exception {
        Map<String, Tensor> expected = expected();
        for (String name : NPY) {
            assertEquals(expected.get("npy." + name), NpyFile.read(resource(name + ".npy")), name);
        }
    }

    @Test
    void npzArchivesOfMixedDtypesStoredOrDeflated() throws Exception {
        Map<String, Tensor> expected = expected();
        for (String file : List.of("mixed.npz", "mixed-compressed.npz")) {
            Map<String, Tensor> read = Npz.read(resource(file));
            assertEquals(List.of("w", "b", "idx", "mask"), List.copyOf(read.keySet()), file);
            read.forEach((name, t) -> assertEquals(expected.get("npz." + name), t, file + " " + name));
        }
    }

    @Test
    void torchWeightsInSafetensorsLoadByName() throws Exception {
        Map<String, Tensor> expected = expected();
        NamedTensors weights = Safetensors.read(resource("linear.safetensors"));
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias", "extra.half", "extra.bf16", "extra.steps",
                "extra.bytes", "extra.mask"), weights.names());
        for (String name : weights.names()) {
            assertEquals(expected.get("safetensors." + name), weights.get(name), name);
        }
        assertEquals(org.adjoint.core.Shape.of(4, 3), weights.get("0.weight").shape());
    }

    @Test
    void halfPrecisionSpecialValuesAreExact() {
        assertEquals(65504.0, NpyType.halfToDouble((short) 0x7BFF));
        assertEquals(Math.scalb(1.0, -24), NpyType.halfToDouble((short) 0x0001));
        assertEquals(-0.0, NpyType.halfToDouble((short) 0x8000));
        assertEquals(Double.NEGATIVE_INFINITY, NpyType.halfToDouble((short) 0xFC00));
        assertTrue(Double.isNaN(NpyType.halfToDouble((short) 0x7E00)));
        assertEquals(1.0, NpyType.halfToDouble((short) 0x3C00));
    }

    @Test
    void npyRefusesWhatItCannotRead(@TempDir Path dir) throws Exception {
        byte[] good = Files.readAllBytes(resource("float32.npy"));
        Path cut = Files.write(dir.resolve("cut.npy"), java.util.Arrays.copyOf(good, good.length - 3));
        assertEquals(cut + ": shape [2, 3] of float32 needs 152 bytes in all, but the file holds 149 (truncated)",
                assertThrows(MalformedFileException.class, () -> NpyFile.read(cut)).getMessage());
        byte[] complex = new String(good, java.nio.charset.StandardCharsets.ISO_8859_1).replace("'<f4'", "'<c8'")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path c = Files.write(dir.resolve("complex.npy"), complex);
        assertTrue(assertThrows(MalformedFileException.class, () -> NpyFile.read(c)).getMessage()
                .startsWith(c + ": dtype '<c8' is not supported"));
        assertThrows(java.nio.file.FileSystemException.class, () -> NpyFile.read(dir));
    }

    @Test
    void writingStaysFloat64(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("w.npz");
        Npz.write(file, Map.of("w", Tensor.vector(0.1, 2)));
        String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("'descr': '<f8'"));
    }
}
