package org.adjoint.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.testing.LoaderFuzz;
import org.adjoint.testing.Mutant;
import org.adjoint.testing.Mutant.Kind;
import org.adjoint.testing.Mutants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Safetensors#read} and {@link NpyFile#read} fed truncated, bit-flipped, forged and foreign
 * files. Neither format has a checksum, so a flipped data byte loads with another value; what must
 * hold is that every input loads with the original shapes (a flip cannot make a consistent header of
 * other shapes) or is refused with an {@link IOException} naming the file.
 */
class ForeignFormatsFuzzTest {

    @TempDir
    Path dir;

    @Test
    void safetensorsLoadWithTheirShapesOrAreRefusedNamingTheFile() throws Exception {
        long seed = LoaderFuzz.seed();
        Random random = new Random(seed);
        byte[] bytes = Files.readAllBytes(ForeignFormatsTest.resource("linear.safetensors"));
        List<Shape> shapes = shapes(Safetensors.read(ForeignFormatsTest.resource("linear.safetensors")));
        LoaderFuzz<NamedTensors> fuzz = new LoaderFuzz<>("Safetensors.read", dir, Safetensors::read, IOException.class)
                .onLoad((input, loaded) -> {
                    if (input.kind() == Kind.FORGED) {
                        assertEquals(List.of(Shape.of(2)), shapes(loaded), "only the harmless forgeries may load");
                    } else {
                        assertEquals(shapes, shapes(loaded), "the shapes changed");
                    }
                });
        List<Mutant> inputs = new ArrayList<>(Mutants.truncations(bytes, 100, 60, 60, random));
        inputs.addAll(Mutants.bitFlips(bytes, 600, random));
        inputs.addAll(safetensorsForgeries());
        inputs.addAll(Mutants.otherFormats());
        fuzz.feedAll(inputs, seed, Duration.ofSeconds(10));
        fuzz.feedPath("a folder", dir, seed);
        fuzz.feedPath("a missing file", dir.resolve("missing.safetensors"), seed);
        assertEquals(0, fuzz.loaded().getOrDefault(Kind.TRUNCATED, 0), "a cut file lacks data: " + fuzz.summary());
        System.out.println(fuzz.summary());
    }

    @Test
    void npyFilesLoadWithTheirShapeOrAreRefusedNamingTheFile() throws Exception {
        long seed = LoaderFuzz.seed();
        Random random = new Random(seed);
        for (String name : List.of("float32", "bool", "int64")) {
            byte[] bytes = Files.readAllBytes(ForeignFormatsTest.resource(name + ".npy"));
            Shape shape = NpyFile.read(ForeignFormatsTest.resource(name + ".npy")).shape();
            LoaderFuzz<Tensor> fuzz = new LoaderFuzz<>("NpyFile.read " + name, dir, NpyFile::read, IOException.class)
                    .onLoad((input, loaded) -> assertEquals(shape, loaded.shape(), "the shape changed"));
            List<Mutant> inputs = new ArrayList<>(Mutants.truncations(bytes, 100, 40, 20, random));
            inputs.addAll(Mutants.bitFlips(bytes, 300, random));
            inputs.addAll(Mutants.otherFormats());
            fuzz.feedAll(inputs, seed, Duration.ofSeconds(10));
            fuzz.feedPath("a folder", dir, seed);
            assertEquals(0, fuzz.loaded().getOrDefault(Kind.TRUNCATED, 0), fuzz.summary());
            System.out.println(fuzz.summary());
        }
    }

    private static List<Shape> shapes(NamedTensors t) {
        return t.names().stream().map(n -> t.get(n).shape()).toList();
    }

    /** Files whose header lies; the two that load hold one tensor {@code w} of shape [2]. */
    static List<Mutant> safetensorsForgeries() {
        List<Mutant> out = new ArrayList<>();
        String w = "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";
        out.add(forged("a good file padded with spaces", file("{" + w + "}   ", 8)));
        out.add(forged("a good file with metadata", file("{\"__metadata__\":{\"a\":\"\\u00e9\\n\"}," + w + "}", 8)));
        out.add(forged("a header length of 2^63", withLength(file("{" + w + "}", 8), Long.MIN_VALUE)));
        out.add(forged("a header length of 10^8", withLength(file("{" + w + "}", 8), 100_000_000)));
        out.add(forged("a header length past the end", withLength(file("{" + w + "}", 8), 1000)));
        out.add(forged("a header length of 0", withLength(file("{" + w + "}", 8), 0)));
        out.add(forged("data shorter than the offsets", file("{" + w + "}", 4)));
        out.add(forged("data longer than the offsets", file("{" + w + "}", 12)));
        out.add(forged("a gap before the data", file("{" + w.replace("[0,8]", "[4,12]") + "}", 12)));
        out.add(forged("overlapping tensors", file("{" + w + "," + w.replace("\"w\"", "\"v\"") + "}", 8)));
        out.add(forged("offsets reversed", file("{" + w.replace("[0,8]", "[8,0]") + "}", 8)));
        out.add(forged("a shape of 2^31 elements", file("{" + w.replace("[2]", "[65536,32768]") + "}", 8)));
        out.add(forged("a shape product that overflows a long", file("{" + w.replace("[2]", "[999999999999999,999999999999999,99999]") + "}", 8)));
        out.add(forged("a shape of 65 axes", file("{" + w.replace("[2]", "[" + "1,".repeat(64) + "2]") + "}", 8)));
        out.add(forged("an unknown dtype", file("{" + w.replace("F32", "C64") + "}", 8)));
        out.add(forged("a wrong dtype for the length", file("{" + w.replace("F32", "F64") + "}", 8)));
        out.add(forged("a negative extent", file("{" + w.replace("[2]", "[-2]") + "}", 8)));
        out.add(forged("a fractional extent", file("{" + w.replace("[2]", "[2.0]") + "}", 8)));
        out.add(forged("an extent with a leading zero", file("{" + w.replace("[2]", "[02]") + "}", 8)));
        out.add(forged("an extent in exponent form", file("{" + w.replace("[2]", "[2e0]") + "}", 8)));
        out.add(forged("a duplicate field", file("{" + w.replace("\"shape\":[2],", "\"shape\":[2],\"shape\":[2],") + "}", 8)));
        out.add(forged("a duplicate tensor", file("{" + w + "," + w + "}", 8)));
        out.add(forged("an unknown field", file("{" + w.replace("}", ",\"x\":1}") + "}", 8)));
        out.add(forged("a missing field", file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}", 8)));
        out.add(forged("a name that is not a parameter name", file("{" + w.replace("\"w\"", "\"a..b\"") + "}", 8)));
        out.add(forged("text after the object", file("{" + w + "}x", 8)));
        out.add(forged("an unterminated string", file("{\"w", 8)));
        out.add(forged("a bad escape", file("{\"\\x\":1}", 8)));
        out.add(forged("a raw newline in a string", file("{\"a\nb\":1}", 8)));
        out.add(forged("a non-string metadata value", file("{\"__metadata__\":{\"a\":1}}", 0)));
        out.add(forged("10,000 nested arrays", file("{\"w\":{\"shape\":" + "[".repeat(10_000) + "}}", 0)));
        out.add(forged("a BOOL of 2", file("{\"w\":{\"dtype\":\"BOOL\",\"shape\":[1],\"data_offsets\":[0,1]}}", new byte[] {2})));
        byte[] invalidUtf8 = file("{\"w\":1}", 0);
        invalidUtf8[10] = (byte) 0xC3;
        out.add(forged("a header that is not UTF-8", invalidUtf8));
        return out;
    }

    private static Mutant forged(String what, byte[] bytes) {
        return Mutants.forged(what, bytes);
    }

    private static byte[] file(String header, int dataBytes) {
        return file(header, new byte[dataBytes]);
    }

    private static byte[] file(String header, byte[] data) {
        byte[] text = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(text.length).put(text).put(data).array();
    }

    private static byte[] withLength(byte[] bytes, long length) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, length);
        return bytes;
    }
}
