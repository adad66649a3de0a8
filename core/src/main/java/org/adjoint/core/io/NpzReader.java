package org.adjoint.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * Reads an {@code .npz} archive through one open channel in two passes: first every entry's
 * {@code .npy} header, to learn the shapes and refuse, before any data is read, an archive whose
 * arrays the heap cannot hold; then every entry's data, decoded straight into the {@code double[]}
 * of its tensor, each checked against its CRC-32.
 */
final class NpzReader {

    private static final int CHUNK = 1 << 16;

    private final FileChannel channel;
    private final String file;

    private NpzReader(FileChannel channel, String file) {
        this.channel = channel;
        this.file = file;
    }

    /**
     * The arrays of the archive open on {@code channel}, in the directory's order.
     *
     * @param file the file's name, for messages
     * @param memory the bytes the caller allows the load to allocate; see {@link #bytesToLoad}
     */
    static Map<String, Tensor> read(FileChannel channel, String file, Heap memory) throws IOException {
        NpzReader reader = new NpzReader(channel, file);
        List<ZipDirectory.Entry> entries = ZipDirectory.read(channel, file);
        List<Npy.Header> headers = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (ZipDirectory.Entry entry : entries) {
            headers.add(reader.shape(entry));
            shapes.add(headers.get(headers.size() - 1).shape());
        }
        long needed = bytesToLoad(shapes);
        long free = memory.free(needed);
        if (needed > free) {
            throw new MalformedFileException(String.format(Locale.ROOT, "%s: loading its %d array%s of shapes %s needs about"
                    + " %.2f GB, more than the %.2f GB free in the JVM's heap (-Xmx)", file, shapes.size(),
                    shapes.size() == 1 ? "" : "s", sizes(shapes), needed / 1e9, free / 1e9));
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String name = reader.arrayName(entries.get(i));
            if (tensors.put(name, reader.tensor(entries.get(i), headers.get(i))) != null) {
                throw new MalformedFileException(reader.where(entries.get(i)) + ": a second array named " + name);
            }
        }
        return tensors;
    }

    /** The heap the caller lets a load take. */
    interface Heap {
        /** The bytes free for a load that needs {@code needed} bytes (an implementation may collect garbage first). */
        long free(long needed);
    }

    /**
     * The most a load holds at once: every array's doubles, plus a second copy of the largest, which
     * {@link Tensor#of} makes of the array it was decoded into.
     */
    static long bytesToLoad(List<Shape> shapes) {
        long total = 0;
        long largest = 0;
        for (Shape s : shapes) {
            total += 8L * s.size();
            largest = Math.max(largest, 8L * s.size());
        }
        return total + largest;
    }

    private static String sizes(List<Shape> shapes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < shapes.size() && i < 5; i++) {
            s.append(i == 0 ? "" : ", ").append(shapes.get(i));
        }
        return s.append(shapes.size() > 5 ? ", …" : "").toString();
    }

    private String where(ZipDirectory.Entry entry) {
        return file + ", entry " + entry.name();
    }

    private String arrayName(ZipDirectory.Entry entry) throws MalformedFileException {
        if (!entry.name().endsWith(".npy")) {
            throw new MalformedFileException(where(entry) + ": not a .npy array");
        }
        return entry.name().substring(0, entry.name().length() - 4);
    }

    /** The entry's shape from its {@code .npy} header, checked against the entry's size; reads only the header. */
    private Npy.Header shape(ZipDirectory.Entry entry) throws IOException {
        String where = where(entry);
        arrayName(entry);
        long size = entry.size();
        if (size < Npy.preambleLength() || size > Integer.MAX_VALUE - 8) {
            throw new MalformedFileException(where + ": the archive lists a length of " + size + " bytes, which cannot hold an array");
        }
        try (InputStream in = open(entry)) {
            return header(in, entry, null);
        }
    }

    /** Reads the preamble and header from {@code in}, updating {@code crc} if not null; the shape, checked against the entry's size. */
    private Npy.Header header(InputStream in, ZipDirectory.Entry entry, CRC32 crc) throws IOException {
        String where = where(entry);
        byte[] preamble = readFully(in, Npy.preambleLength(), entry, crc);
        int headerLength = Npy.headerLength(preamble);
        long dataStart = (long) Npy.preambleLength() + headerLength;
        if (dataStart > entry.size()) {
            throw new MalformedFileException(where + ": header of " + headerLength + " bytes runs past the entry's " + entry.size());
        }
        byte[] all = new byte[(int) dataStart];
        System.arraycopy(preamble, 0, all, 0, preamble.length);
        System.arraycopy(readFully(in, headerLength, entry, crc), 0, all, preamble.length, headerLength);
        Npy.Header header = Npy.decodeHeader(all, where);
        long expected = header.dataBytes();
        if (entry.size() - dataStart != expected) {
            throw new MalformedFileException(where + ": shape " + header.shape() + " of " + header.type().name().toLowerCase(Locale.ROOT)
                    + " needs " + expected + " bytes of data at offset " + dataStart + " but the entry holds " + (entry.size() - dataStart));
        }
        return header;
    }

    /** The entry's tensor: its data decoded in chunks into the tensor's array, every byte checked by the CRC-32. */
    private Tensor tensor(ZipDirectory.Entry entry, Npy.Header header) throws IOException {
        CRC32 crc = new CRC32();
        double[] values = new double[header.shape().size()];
        int size = header.type().size();
        try (InputStream in = open(entry)) {
            header(in, entry, crc);
            byte[] chunk = new byte[(int) Math.min(CHUNK, header.dataBytes())];
            for (int at = 0; at < values.length; ) {
                int n = Math.min(chunk.length / size, values.length - at);
                readFully(in, chunk, size * n, entry, crc);
                int bad = header.type().decode(chunk, 0, n, header.order(), values, at);
                if (bad >= 0) {
                    throw new MalformedFileException(where(entry) + ": element " + bad + " of a bool array is neither 0 nor 1");
                }
                at += n;
            }
            if (in.read() >= 0) {
                throw new MalformedFileException(where(entry) + ": the data runs past the entry's " + entry.size() + " bytes");
            }
        }
        if (crc.getValue() != entry.crc()) {
            throw new MalformedFileException(where(entry) + ": CRC-32 mismatch (stored " + Long.toHexString(entry.crc())
                    + ", computed " + Long.toHexString(crc.getValue()) + "): the data is corrupt");
        }
        return Tensor.of(header.shape(), values);
    }

    private InputStream open(ZipDirectory.Entry entry) {
        boolean deflated = entry.method() == ZipDirectory.DEFLATED;
        InputStream raw = new ChannelSlice(channel, entry.dataStart(), entry.compressedSize(), deflated);
        return !deflated ? raw : new InflaterInputStream(raw, new Inflater(true), 8192) {
            @Override
            public void close() throws IOException {
                super.close();
                inf.end();
            }
        };
    }

    private byte[] readFully(InputStream in, int n, ZipDirectory.Entry entry, CRC32 crc) throws IOException {
        byte[] bytes = new byte[n];
        readFully(in, bytes, n, entry, crc);
        return bytes;
    }

    private void readFully(InputStream in, byte[] bytes, int n, ZipDirectory.Entry entry, CRC32 crc) throws IOException {
        int read;
        try {
            read = in.readNBytes(bytes, 0, n);
        } catch (java.util.zip.ZipException e) {
            throw new MalformedFileException(where(entry) + ": corrupt deflated data: " + e.getMessage(), e);
        }
        if (read < n) {
            throw new MalformedFileException(where(entry) + ": truncated: the data ends " + (n - read) + " bytes early");
        }
        if (crc != null) {
            crc.update(bytes, 0, n);
        }
    }

    /**
     * {@code length} bytes of a channel from {@code start} on, read by position (the channel's own
     * position is not used), then, if {@code pad}, one zero byte: an {@link Inflater} without zlib
     * wrapping may ask for one byte past the deflated data, as {@link java.util.zip.ZipFile} knows.
     */
    private static final class ChannelSlice extends InputStream {
        private final FileChannel channel;
        private long at;
        private final long end;
        private boolean pad;

        ChannelSlice(FileChannel channel, long start, long length, boolean pad) {
            this.channel = channel;
            this.at = start;
            this.end = start + length;
            this.pad = pad;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (at >= end) {
                if (!pad || len == 0) {
                    return -1;
                }
                pad = false;
                b[off] = 0;
                return 1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - at)), at);
            if (n > 0) {
                at += n;
            }
            return n;
        }
    }
}
