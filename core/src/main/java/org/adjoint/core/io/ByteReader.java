package org.adjoint.core.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;


/**
 * A binary file read front to back, plain or gzip'd (recognised by its magic bytes 0x1f 0x8b, not by
 * its name), that knows its position so that every error can say where the data ran out.
 *
 * <p>Offsets count bytes of the uncompressed data. A plain file's size is known up front, so a
 * header that promises more bytes than the file holds is refused before anything is allocated; a
 * gzip'd file's buffer grows only as data actually arrives.
 */
final class ByteReader implements AutoCloseable {

    private static final int CHUNK = 1 << 20;

    private final String file;
    private final InputStream in;
    private final boolean gzip;
    private final long plainSize;
    private long offset;

    private ByteReader(String file, InputStream in, boolean gzip, long plainSize) {
        this.file = file;
        this.in = in;
        this.gzip = gzip;
        this.plainSize = plainSize;
    }

    /**
     * Refuses a folder: it opens, and then its first read fails with an {@link IOException} that does
     * not say which path it was ("Is a directory").
     */
    static void requireNotFolder(Path file) throws FileSystemException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "a folder, not a data file");
        }
    }

    /** Opens {@code file} as it is, without looking for gzip. */
    static ByteReader openPlain(Path file) throws IOException {
        requireNotFolder(file);
        long size = Files.size(file);
        return new ByteReader(file.toString(), new BufferedInputStream(Files.newInputStream(file), 1 << 16), false, size);
    }

    /** Opens {@code file}, decompressing it if it starts with the gzip magic bytes. */
    static ByteReader open(Path file) throws IOException {
        requireNotFolder(file);
        return open(Files.newInputStream(file), file.toString(), Files.size(file));
    }

    /**
     * Reads {@code stream} (closed with this reader), decompressing it if it starts with the gzip magic
     * bytes; {@code name} names it in messages. Its size is unknown, so data is refused only once it
     * runs out.
     */
    static ByteReader open(InputStream stream, String name) throws IOException {
        return open(stream, name, -1);
    }

    private static ByteReader open(InputStream stream, String file, long size) throws IOException {
        InputStream raw = new BufferedInputStream(stream, 1 << 16);
        try {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            return new ByteReader(file, in, gzip, gzip ? -1 : size);
        } catch (ZipException | EOFException e) {
            raw.close();
            throw new MalformedFileException(file + ": starts like gzip (0x1f 0x8b) but its gzip header is broken", e);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** The file's name, for messages. */
    String file() {
        return file;
    }

    /** Bytes of uncompressed data consumed so far. */
    long offset() {
        return offset;
    }

    /**
     * Refuses early, for a plain file, a promise of {@code total} bytes in all that the file cannot
     * keep; {@code expected} says what those bytes are. Does nothing for gzip'd data.
     */
    void requireSize(long total, String expected) throws MalformedFileException {
        if (plainSize >= 0 && plainSize < total) {
            throw truncated(plainSize, expected);
        }
    }

    /** The next 4 bytes as a big-endian int. */
    int readInt(String expected) throws IOException {
        byte[] b = readBytes(4, expected);
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    /**
     * The next {@code count} bytes. The buffer grows in chunks as data arrives, so a forged count
     * costs no more memory than the data that is really there.
     */
    byte[] readBytes(int count, String expected) throws IOException {
        byte[] buffer = new byte[Math.min(count, CHUNK)];
        int filled = 0;
        while (filled < count) {
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(count, 2L * buffer.length));
            }
            int n = read(buffer, filled, buffer.length - filled, expected);
            if (n < 0) {
                throw truncated(offset, expected);
            }
            filled += n;
            offset += n;
        }
        return buffer;
    }

    /** Fails if any data follows; {@code expected} says how long the data should have been. */
    void requireEnd(String expected) throws IOException {
        if (read(new byte[1], 0, 1, expected) >= 0) {
            throw new MalformedFileException(file + ": unexpected data at byte offset " + offset + " of the "
                    + where() + "; " + expected);
        }
    }

    private int read(byte[] buffer, int from, int length, String expected) throws IOException {
        try {
            return in.read(buffer, from, length);
        } catch (EOFException | ZipException e) {
            throw new MalformedFileException(file + ": corrupt or truncated gzip stream at byte offset " + offset
                    + " of the uncompressed data; " + expected, e);
        }
    }

    private MalformedFileException truncated(long at, String expected) {
        return new MalformedFileException(file + ": truncated at byte offset " + at + " of the " + where()
                + "; " + expected);
    }

    private String where() {
        return gzip ? "uncompressed data" : "file";
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
