package org.adjoint.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * Reads the safetensors format of Hugging Face ({@code safetensors.torch.save_file}), so that
 * weights trained in PyTorch load by name: an unsigned little-endian 64-bit header length N, N bytes
 * of UTF-8 JSON naming each tensor's dtype, shape and {@code [begin, end)} byte range in the data
 * that follows, then the data, little-endian, C order. Elements of types F64, F32, F16, BF16, I8,
 * I16, I32, I64, U8 and BOOL become doubles (exactly, but for I64 beyond 2<sup>53</sup>).
 *
 * <p>As the reference implementation does, the reader insists that the byte ranges tile the data
 * exactly, in order of their offsets, without gaps or overlaps, that each range's length is what
 * the dtype and shape need, and that nothing follows the last. The header is parsed by a strict
 * parser of the format's restricted JSON ({@link SafetensorsHeader}) rather than a JSON library,
 * which the core does not otherwise need. Any violation raises a {@link MalformedFileException}
 * naming the file (and the tensor).
 */
public final class Safetensors {

    /** The largest header accepted, as in the reference implementation: 100 MB. */
    static final long MAX_HEADER = 100_000_000;

    private Safetensors() {
    }

    /**
     * The named tensors of {@code file}, in the order of their data.
     *
     * @throws FileSystemException if {@code file} is a folder
     * @throws MalformedFileException if the file is truncated, its header malformed, a dtype
     *     unsupported, the byte ranges inconsistent, a name not a valid {@link NamedTensors} name, or
     *     the tensors could not fit in the heap free now
     */
    public static NamedTensors read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "a folder, not a .safetensors file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            String where = file.toString();
            long size = channel.size();
            long headerLength = headerLength(channel, size, where);
            List<SafetensorsHeader.Entry> entries = SafetensorsHeader.parse(header(channel, headerLength, where), where);
            entries.sort(Comparator.comparingLong(SafetensorsHeader.Entry::begin));
            List<NpyType> types = check(entries, size - 8 - headerLength, where);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                SafetensorsHeader.Entry e = entries.get(i);
                tensors.put(name(e.name(), where), tensor(channel, 8 + headerLength, e, types.get(i), where));
            }
            return NamedTensors.of(tensors);
        }
    }

    private static long headerLength(FileChannel channel, long size, String where) throws IOException {
        if (size < 8) {
            throw new MalformedFileException(where + ": " + size + " bytes, too short for a safetensors file (8-byte header length)");
        }
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(b, 0);
        long n = b.getLong(0);
        if (n < 2 || n > MAX_HEADER || n > size - 8) {
            throw new MalformedFileException(where + ": header length " + Long.toUnsignedString(n) + " at byte offset 0 is out of"
                    + " range; expected 2.." + Math.min(MAX_HEADER, size - 8) + " for a file of " + size + " bytes");
        }
        return n;
    }

    private static String header(FileChannel channel, long n, String where) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) n);
        while (b.hasRemaining() && channel.read(b, 8 + b.position()) > 0) {
            // read on
        }
        b.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(b).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFileException(where + ": the header is not valid UTF-8", e);
        }
    }

    /** The entries' types, after checking that their ranges tile {@code dataSize} bytes and the heap holds them. */
    private static List<NpyType> check(List<SafetensorsHeader.Entry> entries, long dataSize, String where)
            throws MalformedFileException {
        List<NpyType> types = new ArrayList<>();
        long next = 0;
        long elements = 0;
        for (SafetensorsHeader.Entry e : entries) {
            NpyType type = type(e, where);
            long count = 1;
            for (int d : e.shape()) {
                count *= d;
                if (count > Integer.MAX_VALUE - 8) {
                    throw new MalformedFileException(where + ", tensor " + e.name() + ": shape too large to load");
                }
            }
            if (e.begin() != next || e.end() - e.begin() != count * type.size()) {
                throw new MalformedFileException(where + ", tensor " + e.name() + ": data_offsets [" + e.begin() + ", " + e.end()
                        + "] should be [" + next + ", " + (next + count * type.size()) + "] (" + count + " elements of "
                        + e.dtype() + " after the previous tensor)");
            }
            next = e.end();
            elements += count;
            types.add(type);
        }
        if (next != dataSize) {
            throw new MalformedFileException(where + ": the tensors cover " + next + " bytes of data but the file holds "
                    + dataSize + (dataSize < next ? " (truncated)" : ""));
        }
        requireHeap(8 * elements, where);
        return types;
    }

    private static void requireHeap(long needed, String where) throws MalformedFileException {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (2 * needed > free) {
            throw new MalformedFileException(String.format(Locale.ROOT, "%s: its tensors need about %.2f GB, more than"
                    + " half the %.2f GB free in the JVM's heap (-Xmx)", where, needed / 1e9, free / 1e9));
        }
    }

    private static NpyType type(SafetensorsHeader.Entry e, String where) throws MalformedFileException {
        NpyType type = switch (e.dtype()) {
            case "F64" -> NpyType.FLOAT64;
            case "F32" -> NpyType.FLOAT32;
            case "F16" -> NpyType.FLOAT16;
            case "BF16" -> NpyType.BFLOAT16;
            case "I8" -> NpyType.INT8;
            case "I16" -> NpyType.INT16;
            case "I32" -> NpyType.INT32;
            case "I64" -> NpyType.INT64;
            case "U8" -> NpyType.UINT8;
            case "BOOL" -> NpyType.BOOL;
            default -> null;
        };
        if (type == null) {
            throw new MalformedFileException(where + ", tensor " + e.name() + ": dtype \"" + e.dtype() + "\" is not supported;"
                    + " expected F64, F32, F16, BF16, I8, I16, I32, I64, U8 or BOOL");
        }
        return type;
    }

    private static String name(String name, String where) throws MalformedFileException {
        try {
            return NamedTensors.checkName(name);
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(where + ": " + e.getMessage(), e);
        }
    }

    private static Tensor tensor(FileChannel channel, long dataStart, SafetensorsHeader.Entry e, NpyType type, String where)
            throws IOException {
        int count = (int) ((e.end() - e.begin()) / type.size());
        double[] values = new double[count];
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.max(type.size(), Math.min(1 << 16, e.end() - e.begin())));
        long at = dataStart + e.begin();
        for (int done = 0; done < count; ) {
            int n = Math.min(chunk.capacity() / type.size(), count - done);
            chunk.clear().limit(n * type.size());
            while (chunk.hasRemaining()) {
                if (channel.read(chunk, at + chunk.position()) < 0) {
                    throw new MalformedFileException(where + ", tensor " + e.name() + ": truncated");
                }
            }
            if (type.decode(chunk.array(), 0, n, ByteOrder.LITTLE_ENDIAN, values, done) >= 0) {
                throw new MalformedFileException(where + ", tensor " + e.name() + ": a BOOL element is neither 0 nor 1");
            }
            at += n * type.size();
            done += n;
        }
        return Tensor.of(Shape.of(e.shape()), values);
    }
}
