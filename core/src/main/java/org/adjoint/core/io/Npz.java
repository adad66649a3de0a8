package org.adjoint.core.io;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
 * {@code .npz-<digits>.tmp} beside it, which is never read and may be deleted.
 *
 * <p>Reading opens the file once and reads its directory, headers and data through that one handle,
 * so a concurrent atomic write is seen whole or not at all. It checks every entry's CRC-32, header
 * and length against the archive's directory, and each entry's name in its own (local) header
 * against the directory's name for it, entry by entry in the directory's order (checksums do not
 * cover names), so a truncated, bit-flipped or forged file is refused with an {@link IOException}
 * naming the file and the entry, and a forged length never makes it allocate more than the file
 * holds. Arrays that could not fit in the free heap are refused before any data is read, and the
 * data is decoded straight into each tensor's array: a load holds every array once plus one copy of
 * the largest. Such files raise a {@link MalformedFileException}; a missing file, a
 * {@link NoSuchFileException}; a folder, a {@link FileSystemException}.
 */
public final class Npz {

    private Npz() {
    }

    /**
     * Writes the tensors to {@code file} atomically, replacing any previous file. A new file gets the
     * permissions any new file gets (0666 less the umask, on POSIX systems); a replaced file keeps its
     * permissions (its owner and group become the writer's, as with any new file).
     *
     * @throws FileSystemException if {@code file} is a folder (the root folder included)
     */
    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || Files.isDirectory(absolute)) {
            throw new FileSystemException(file.toString(), null, "a folder, not a file to save to");
        }
        Files.createDirectories(dir);
        Path temp = TempFiles.create(dir);
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
            TempFiles.keepPermissions(absolute, temp);
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
     * without the {@code .npy} suffix. The file is opened once, so a concurrent atomic {@link #write}
     * yields the old file or the new one, never a mix. Before any array's data is read, the load is
     * refused if its arrays (every array once, plus a second copy of the largest while it is being
     * read) need more heap than is free, after a garbage collection if that is what it takes.
     *
     * @throws NoSuchFileException if the file does not exist
     * @throws FileSystemException if {@code file} is a folder or not a regular file
     * @throws MalformedFileException naming the file and the entry if the archive or an array is
     *     unreadable, or naming the file and the sizes if the arrays could not fit in the free heap
     */
    public static Map<String, Tensor> read(Path file) throws IOException {
        return read(file, Npz::freeHeap);
    }

    /** {@link #read(Path)} with {@code memory} bytes free for the load. */
    static Map<String, Tensor> read(Path file, long memory) throws IOException {
        return read(file, needed -> memory);
    }

    private static Map<String, Tensor> read(Path file, NpzReader.Heap memory) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "a folder, not a .npz file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new FileSystemException(file.toString(), null, "not a regular file, so not a .npz file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return NpzReader.read(channel, file.toString(), memory);
        } catch (MalformedFileException | FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new MalformedFileException(file + ": not a readable .npz archive (truncated or corrupt): " + e, e);
        }
    }

    /**
     * The heap free for a load of {@code needed} bytes: the maximum heap less what is in use. Memory in
     * use may be garbage, so a load that seems not to fit asks for a collection and looks again.
     */
    private static long freeHeap(long needed) {
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (needed > free && needed <= runtime.maxMemory()) {
            System.gc();
            free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        }
        return free;
    }
}
