package org.adjoint.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.adjoint.core.Tensor;

/**
 * One NumPy array in a {@code .npy} file, as saved by {@code numpy.save}: float64, float32, float16,
 * int8/16/32/64, uint8/16/32/64 or bool, either byte order, C order, each element converted to a
 * double on load (exactly, except 64-bit integers beyond 2<sup>53</sup>, which round). Named tensors
 * in one archive are {@link Npz}'s business.
 */
public final class NpyFile {

    private static final int CHUNK = 1 << 16;

    private NpyFile() {
    }

    /**
     * The array in {@code file}.
     *
     * @throws FileSystemException if {@code file} is a folder
     * @throws MalformedFileException naming the file if the magic string, version, header or dtype is
     *     wrong, the data is shorter or longer than the header says, a bool is neither 0 nor 1, or the
     *     array could not fit in the heap free now
     */
    public static Tensor read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "a folder, not a .npy file");
        }
        long fileSize = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
            byte[] preamble = readFully(in, Npy.preambleLength(), file);
            int headerLength = Npy.headerLength(preamble);
            byte[] all = new byte[Npy.preambleLength() + headerLength];
            System.arraycopy(preamble, 0, all, 0, preamble.length);
            System.arraycopy(readFully(in, headerLength, file), 0, all, preamble.length, headerLength);
            Npy.Header header = Npy.decodeHeader(all, file.toString());
            long expected = all.length + header.dataBytes();
            if (fileSize != expected) {
                throw new MalformedFileException(file + ": shape " + header.shape() + " of "
                        + header.type().name().toLowerCase(Locale.ROOT) + " needs " + expected + " bytes in all, but the file holds "
                        + fileSize + (fileSize < expected ? " (truncated)" : ""));
            }
            return data(in, header, file);
        }
    }

    private static Tensor data(InputStream in, Npy.Header header, Path file) throws IOException {
        long needed = 16L * header.shape().size();
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed > free) {
            throw new MalformedFileException(String.format(Locale.ROOT, "%s: an array of shape %s needs about %.2f GB,"
                    + " more than the %.2f GB free in the JVM's heap (-Xmx)", file, header.shape(), needed / 1e9, free / 1e9));
        }
        double[] values = new double[header.shape().size()];
        int size = header.type().size();
        byte[] chunk = new byte[(int) Math.max(size, Math.min(CHUNK, header.dataBytes()))];
        for (int at = 0; at < values.length; ) {
            int n = Math.min(chunk.length / size, values.length - at);
            byte[] bytes = readFully(in, size * n, file);
            int bad = header.type().decode(bytes, 0, n, header.order(), values, at);
            if (bad >= 0) {
                throw new MalformedFileException(file + ": element " + bad + " of a bool array is neither 0 nor 1");
            }
            at += n;
        }
        return Tensor.of(header.shape(), values);
    }

    private static byte[] readFully(InputStream in, int n, Path file) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new MalformedFileException(file + ": truncated: the data ends " + (n - bytes.length) + " bytes early");
        }
        return bytes;
    }
}
