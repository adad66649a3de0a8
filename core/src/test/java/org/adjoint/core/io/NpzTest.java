package org.adjoint.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpzTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsBitForBitInOrder() {
        Gen<Double> anyDouble = Gen.oneOf(Gen.doubles(-1e300, 1e300),
                Gen.elements(Double.NaN, Double.longBitsToDouble(0x7ff8dead0000beefL), -0.0, Double.POSITIVE_INFINITY,
                        Double.MIN_VALUE));
        Gen<List<Tensor>> tensorLists = Gen.lists(TensorGens.tensors(TensorGens.shapes(3, 4), anyDouble), 0, 4);
        Property.forAll(tensorLists).check(list -> {
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                tensors.put("layer" + (list.size() - i) + ".weight", list.get(i));
            }
            Path file = dir.resolve("params.npz");
            Npz.write(file, tensors);
            Map<String, Tensor> back = Npz.read(file);
            assertEquals(List.copyOf(tensors.keySet()), List.copyOf(back.keySet()), "names in order");
            for (String name : tensors.keySet()) {
                assertEquals(tensors.get(name).shape(), back.get(name).shape());
                assertArrayEquals(bits(tensors.get(name)), bits(back.get(name)), name);
            }
        });
    }

    private static long[] bits(Tensor t) {
        return java.util.Arrays.stream(t.toArray()).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @Test
    void readsWhatNumPyWrote() throws IOException {
        Path file = dir.resolve("numpy.npz");
        try (var in = NpzTest.class.getResourceAsStream("numpy-written.npz")) {
            Files.copy(in, file);
        }
        Map<String, Tensor> t = Npz.read(file);
        assertEquals(List.of("layer1.weight", "layer1.bias", "scalar", "empty"), List.copyOf(t.keySet()));
        assertEquals(Tensor.matrix(new double[][] {{0, 1 / 7.0, 2 / 7.0}, {3 / 7.0, 4 / 7.0, 5 / 7.0}}), t.get("layer1.weight"));
        assertEquals(Tensor.vector(-0.0, Double.POSITIVE_INFINITY, 1e-300), t.get("layer1.bias"));
        assertEquals(Tensor.scalar(2.5), t.get("scalar"));
        assertEquals(Shape.of(0, 3), t.get("empty").shape());
    }

    @Test
    void writesHeadersTheWayNumPyDoes() {
        byte[] bytes = Npy.encode(Tensor.scalar(2.5));
        String header = new String(bytes, 10, 118, StandardCharsets.US_ASCII);
        assertEquals(128 + 8, bytes.length);
        assertEquals("{'descr': '<f8', 'fortran_order': False, 'shape': (), }" + " ".repeat(62) + "\n", header);
        assertTrue(new String(Npy.encode(Tensor.zeros(5)), StandardCharsets.US_ASCII).contains("'shape': (5,), }"));
        assertTrue(new String(Npy.encode(Tensor.zeros(2, 3)), StandardCharsets.US_ASCII).contains("'shape': (2, 3), }"));
    }

    @Test
    void aMissingFileIsNamed() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Npz.read(dir.resolve("nope.npz")));
        assertTrue(e.getMessage().contains("nope.npz"), e.getMessage());
    }

    @Test
    void everyTruncationIsRefused() throws IOException {
        Path file = dir.resolve("good.npz");
        Npz.write(file, Map.of("w", Tensor.randomNormal(1, 4, 5)));
        byte[] whole = Files.readAllBytes(file);
        for (int length = 0; length < whole.length; length += 7) {
            Path cut = dir.resolve("cut.npz");
            Files.write(cut, java.util.Arrays.copyOf(whole, length));
            IOException e = assertThrows(IOException.class, () -> Npz.read(cut), "truncated to " + length);
            assertTrue(e.getMessage().contains("cut.npz"), e.getMessage());
        }
    }

    @Test
    void everyFlippedBitIsRefusedOrHarmless() throws IOException {
        Path file = dir.resolve("good.npz");
        Tensor value = Tensor.randomNormal(2, 3, 3);
        Npz.write(file, Map.of("w", value));
        byte[] whole = Files.readAllBytes(file);
        for (int i = 0; i < whole.length; i++) {
            byte[] flipped = whole.clone();
            flipped[i] ^= 0x10;
            Path bad = dir.resolve("flipped.npz");
            Files.write(bad, flipped);
            try {
                Map<String, Tensor> read = Npz.read(bad);
                // Some bytes carry no data (timestamps, version fields): the names and values must be intact.
                // Checksums do not cover names, so a flip in either copy of a name is caught by comparing them.
                assertEquals(Map.of("w", value), read, "byte " + i + " changed the archive without an error");
            } catch (IOException expected) {
                assertTrue(expected.getMessage().contains("flipped.npz"), expected.getMessage());
            }
        }
    }

    @Test
    void aForgedShapeIsRefusedWithoutAllocatingIt() throws IOException {
        Path file = dir.resolve("forged.npz");
        Npz.write(file, Map.of("w", Tensor.zeros(2, 3)));
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("(2, 3)", "(9999, 99999)".substring(0, 6));
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> Npz.read(file));
        assertTrue(e.getMessage().contains("entry w.npy"), e.getMessage());
    }

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("params.npz");
        Npz.write(file, Map.of("w", Tensor.vector(1, 2)));
        byte[] before = Files.readAllBytes(file);
        Map<String, Tensor> failing = new AbstractMap<>() {
            @Override
            public Set<Entry<String, Tensor>> entrySet() {
                return new java.util.AbstractSet<>() {
                    @Override
                    public Iterator<Entry<String, Tensor>> iterator() {
                        return Stream.<Entry<String, Tensor>>generate(() -> {
                            throw new IllegalStateException("disk full (simulated)");
                        }).iterator();
                    }

                    @Override
                    public int size() {
                        return 1;
                    }
                };
            }
        };
        assertThrows(IllegalStateException.class, () -> Npz.write(file, failing));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void refusesArraysThatAreNotLittleEndianDoublesInCOrder() throws IOException {
        Path file = dir.resolve("ints.npz");
        Npz.write(file, Map.of("w", Tensor.zeros(2)));
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Files.write(file, text.replace("'<f8'", "'<i8'").getBytes(StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> Npz.read(file));
        assertTrue(e.getMessage().contains("CRC-32 mismatch") || e.getMessage().contains("'<i8'"), e.getMessage());
    }

    /**
     * Writers that stream (NumPy's savez to an unseekable stream, Go's archive/zip) put an entry's CRC
     * and sizes in a data descriptor after its data, with or without a signature, in 8-byte fields
     * when the local header has a ZIP64 field; savez_compressed deflates. All of them must load, with
     * the local headers' names found behind each layout.
     */
    @ParameterizedTest
    @CsvSource({"false, false, false", "true, true, false", "true, false, false", "true, true, true", "false, false, true"})
    void readsStoredEntriesWithDataDescriptorsOrZip64FieldsAndDeflatedEntries(boolean descriptor, boolean signed, boolean zip64)
            throws IOException {
        Tensor w = Tensor.randomNormal(4, 2, 3);
        Tensor b = Tensor.vector(1, 2, 3);
        Path stored = dir.resolve("stored.npz");
        Files.write(stored, storedArchive(List.of("w.npy", "b.npy"), List.of(Npy.encode(w), Npy.encode(b)), descriptor, signed, zip64));
        assertEquals(Map.of("w", w, "b", b), Npz.read(stored));

        Path deflated = dir.resolve("deflated.npz");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(deflated))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("w.npy"));
            zip.write(Npy.encode(w));
            zip.closeEntry();
        }
        assertEquals(Map.of("w", w), Npz.read(deflated));
    }

    /** Stored entries as a streaming writer lays them out: local header, data, optional data descriptor; directory; end. */
    private static byte[] storedArchive(List<String> names, List<byte[]> contents, boolean descriptor, boolean signed,
                                        boolean zip64) {
        ByteBuffer out = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer directory = ByteBuffer.allocate(1 << 12).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < names.size(); i++) {
            byte[] name = names.get(i).getBytes(StandardCharsets.UTF_8);
            byte[] data = contents.get(i);
            CRC32 crc = new CRC32();
            crc.update(data);
            int offset = out.position();
            int known = descriptor ? 0 : data.length;
            out.putInt(0x04034b50).putShort((short) (zip64 ? 45 : 20)).putShort((short) (descriptor ? 8 : 0)).putShort((short) 0)
                    .putInt(0).putInt(descriptor ? 0 : (int) crc.getValue())
                    .putInt(zip64 ? -1 : known).putInt(zip64 ? -1 : known).putShort((short) name.length)
                    .putShort((short) (zip64 ? 20 : 0)).put(name);
            if (zip64) {
                out.putShort((short) 1).putShort((short) 16).putLong(known).putLong(known);
            }
            out.put(data);
            if (descriptor) {
                if (signed) {
                    out.putInt(0x08074b50);
                }
                out.putInt((int) crc.getValue());
                if (zip64) {
                    out.putLong(data.length).putLong(data.length);
                } else {
                    out.putInt(data.length).putInt(data.length);
                }
            }
            directory.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) (descriptor ? 8 : 0))
                    .putShort((short) 0).putInt(0).putInt((int) crc.getValue()).putInt(data.length).putInt(data.length)
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt(offset).put(name);
        }
        int directoryAt = out.position();
        out.put(directory.array(), 0, directory.position());
        out.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) names.size())
                .putShort((short) names.size()).putInt(directory.position()).putInt(directoryAt).putShort((short) 0);
        return java.util.Arrays.copyOf(out.array(), out.position());
    }
}
