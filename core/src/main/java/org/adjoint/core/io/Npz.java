package org.adjoint.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * Named tensors in NumPy's {@code .npz} format: a zip archive with one uncompressed {@code name.npy}
 * entry per tensor, in order. Python reads it with {@code numpy.load(path)["name"]}; any language
 * with a zip reader can read it (see {@link Npy} for the array format).
 *
 * <p>Writing is atomic: the archive is written to a temporary file in the same folder, forced to
 * disk, and renamed over the target, and then the folder is forced to disk too, which is what makes
 * the rename itself survive a power cut (where the platform can open a folder; Windows cannot). A
 * crash mid-write leaves the previous file intact, and may leave a temporary file
 * {@code <name><digits>.tmp} beside it, which is never read and may be deleted. Reading
 * checks every entry's CRC-32, header and length against the archive's directory, and the names in
 * the entries' own headers against the directory's (checksums do not cover names), so a truncated,
 * bit-flipped or forged file is refused with an {@link IOException} naming the file and the entry,
 * and a forged length never makes it allocate more than the file holds; an array that could not
 * fit in the heap is refused before it is read. Such files raise a
 * {@link MalformedFileException}; a missing file, a {@link NoSuchFileException}.
 */
public final class Npz {

    private static final int MAX_HEADER = 1 << 16;

    private Npz() {
    }

    /** Writes the tensors to {@code file} atomically, replacing any previous file. */
    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, absolute.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 ZipOutputStream zip = new ZipOutputStream(Channels.newOutputStream(channel))) {
                for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                    putStored(zip, e.getKey() + ".npy", Npy.encode(e.getValue()));
                }
                zip.finish();
                zip.flush();
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        forceFolder(dir);
    }

    /**
     * Forces a folder's entries to disk: until then a power cut can undo a rename into it even though
     * the file's own data was forced. Platforms that cannot open a folder (Windows) are skipped.
     */
    private static void forceFolder(Path dir) throws IOException {
        FileChannel folder;
        try {
            folder = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException e) {
            return;
        }
        try (folder) {
            folder.force(true);
        }
    }

    private static void putStored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * Reads every {@code .npy} entry of {@code file}, in the archive's order, keyed by its name
     * without the {@code .npy} suffix.
     *
     * @throws IOException naming the file and the entry if the archive or an array is unreadable
     */
    public static Map<String, Tensor> read(Path file) throws IOException {
        return read(file, Runtime.getRuntime().maxMemory());
    }

    /** {@link #read(Path)}, refusing before reading it any array that would take more than {@code memory} bytes to load. */
    static Map<String, Tensor> read(Path file, long memory) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        long fileSize = Files.size(file);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String where = file + ", entry " + entry.getName();
                if (!entry.getName().endsWith(".npy")) {
                    throw new MalformedFileException(where + ": not a .npy array");
                }
                String name = entry.getName().substring(0, entry.getName().length() - 4);
                requireLoadable(entry, where, fileSize, memory);
                if (tensors.put(name, readEntry(zip, entry, where)) != null) {
                    throw new MalformedFileException(where + ": a second array named " + name);
                }
            }
            requireLocalNames(file, zip, tensors.keySet());
        } catch (MalformedFileException e) {
            throw e;
        } catch (IOException e) {
            throw new MalformedFileException(file + ": not a readable .npz archive (truncated or corrupt): " + e, e);
        }
        return tensors;
    }

    /**
     * Checks that the entries' own (local) headers name the arrays the archive's directory listed. A
     * zip's checksums cover the data but not the names, and the directory's names are the ones read,
     * so without this one flipped bit there would rename an array (or a checkpoint's counter) silently.
     */
    private static void requireLocalNames(Path file, ZipFile zip, Set<String> names) throws IOException {
        List<String> local = new ArrayList<>();
        for (String name : LocalHeaders.names(file, zip)) {
            local.add(name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name);
        }
        if (local.size() != names.size() || !names.containsAll(local)) {
            throw new MalformedFileException(file + ": the archive's directory lists the arrays " + names
                    + " but the entries' own headers name " + local + ": the archive is corrupt");
        }
    }

    /**
     * Refuses, before reading it, an entry the file cannot hold or the heap could not load: loading
     * holds about three copies of an array's bytes at once (as read, as copied out, as doubles). A
     * stored entry's bytes are in the file, so without this a forged length over a sparse file's hole
     * would be read for seconds and then run out of memory.
     */
    private static void requireLoadable(ZipEntry entry, String where, long fileSize, long memory) throws IOException {
        long size = entry.getSize();
        if (size < Npy.preambleLength() || size > Integer.MAX_VALUE - 8) {
            throw new MalformedFileException(where + ": the archive lists a length of " + size + " bytes, which cannot hold an array");
        }
        if (entry.getMethod() == ZipEntry.STORED && entry.getCompressedSize() > fileSize) {
            throw new MalformedFileException(where + ": the archive lists a stored length of " + entry.getCompressedSize()
                    + " bytes, but the file holds " + fileSize);
        }
        if (3 * size > memory) {
            throw new MalformedFileException(String.format(java.util.Locale.ROOT, "%s: an array of %d bytes needs about %.1f GB"
                    + " to load, more than the JVM's maximum heap of %.1f GB (-Xmx)", where, size, 3 * size / 1e9, memory / 1e9));
        }
    }

    private static Tensor readEntry(ZipFile zip, ZipEntry entry, String where) throws IOException {
        long size = entry.getSize();
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = readExactly(in, (int) size, where);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new MalformedFileException(where + ": CRC-32 mismatch (stored " + Long.toHexString(entry.getCrc()) + ", computed "
                    + Long.toHexString(crc.getValue()) + "): the data is corrupt");
        }
        int headerLength = Npy.headerLength(bytes);
        int dataStart = Npy.preambleLength() + headerLength;
        if (headerLength > MAX_HEADER || dataStart > bytes.length) {
            throw new MalformedFileException(where + ": header of " + headerLength + " bytes runs past the entry's " + bytes.length);
        }
        Shape shape = Npy.decodeHeader(Arrays.copyOf(bytes, dataStart), where);
        long expected = 8L * shape.size();
        if (bytes.length - dataStart != expected) {
            throw new MalformedFileException(where + ": shape " + shape + " needs " + expected + " bytes of data at offset " + dataStart
                    + " but the entry holds " + (bytes.length - dataStart));
        }
        return Npy.decodeData(shape, Arrays.copyOfRange(bytes, dataStart, bytes.length));
    }

    /** Exactly {@code n} bytes; never allocates more than the stream actually delivers plus one buffer. */
    private static byte[] readExactly(InputStream in, int n, String where) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(n, 1 << 20));
        byte[] buffer = new byte[8192];
        int total = 0;
        while (total < n) {
            int read = in.read(buffer, 0, Math.min(buffer.length, n - total));
            if (read < 0) {
                throw new MalformedFileException(where + ": truncated: expected " + n + " bytes but the data ends at offset " + total);
            }
            out.write(buffer, 0, read);
            total += read;
        }
        return out.toByteArray();
    }
}
