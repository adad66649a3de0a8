package org.adjoint.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A zip archive's central directory, read from a channel the caller opened once: the end record
 * (ZIP64's too, when the 32-bit fields hold its markers), then one record per entry, each checked
 * against its own local header. Reading everything through one open channel is what keeps a
 * concurrent atomic save (a rename over the file) from mixing the directory of one file with the
 * headers or data of another.
 */
final class ZipDirectory {

    /** One entry as the directory lists it; {@code dataStart} comes from its local header. */
    record Entry(String name, int method, long crc, long compressedSize, long size, long dataStart) {
    }

    static final int STORED = 0;
    static final int DEFLATED = 8;

    private static final int END = 0x06054b50;
    private static final int END_LENGTH = 22;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int CENTRAL_LENGTH = 46;
    private static final int LOCAL = 0x04034b50;
    private static final int LOCAL_LENGTH = 30;
    private static final long MARKER = 0xFFFF_FFFFL;

    private ZipDirectory() {
    }

    /**
     * The entries in the directory's order, each with the start of its data; every entry's local
     * header must carry the same name as its directory record, so the names read are the names stored.
     *
     * @throws MalformedFileException naming {@code where} if a record is missing, inconsistent or
     *     points outside the file
     */
    static List<Entry> read(FileChannel channel, String where) throws IOException {
        long fileSize = channel.size();
        long end = findEnd(channel, fileSize, where);
        ByteBuffer e = read(channel, end, END_LENGTH, where);
        long count = e.getShort(10) & 0xFFFF;
        long directorySize = e.getInt(12) & MARKER;
        long directoryAt = e.getInt(16) & MARKER;
        long directoryEnd = end;
        if ((count == 0xFFFF || directorySize == MARKER || directoryAt == MARKER) && end >= 20
                && read(channel, end - 20, 20, where).getInt(0) == ZIP64_LOCATOR) {
            long zip64End = read(channel, end - 20, 20, where).getLong(8);
            if (zip64End < 0 || zip64End + 56 > end - 20) {
                throw new MalformedFileException(where + ": the ZIP64 end record's offset " + zip64End + " is outside the file");
            }
            ByteBuffer z = read(channel, zip64End, 56, where);
            require(z.getInt(0) == ZIP64_END, where + ": no ZIP64 end record at offset " + zip64End);
            count = z.getLong(32);
            directorySize = z.getLong(40);
            directoryAt = z.getLong(48);
            directoryEnd = zip64End;
        }
        if (directoryAt < 0 || directorySize < 0 || directoryAt > directoryEnd - directorySize
                || count < 0 || count > directorySize / CENTRAL_LENGTH) {
            throw new MalformedFileException(where + ": the end record lists " + count + " entries in a directory of "
                    + directorySize + " bytes at offset " + directoryAt + ", which the file of " + fileSize + " bytes cannot hold");
        }
        List<Entry> entries = new ArrayList<>();
        long at = directoryAt;
        for (long i = 0; i < count; i++) {
            at = readRecord(channel, at, directoryAt, directoryAt + directorySize, where, entries);
        }
        require(at == directoryAt + directorySize, where + ": the directory's " + count + " records end at offset " + at
                + ", not at " + (directoryAt + directorySize) + " as its end record says");
        return entries;
    }

    /** The end record: the last signature from which the record and its comment reach exactly the end of the file. */
    private static long findEnd(FileChannel channel, long fileSize, String where) throws IOException {
        int tail = (int) Math.min(fileSize, END_LENGTH + 0xFFFF);
        ByteBuffer b = read(channel, fileSize - tail, tail, where);
        for (int at = tail - END_LENGTH; at >= 0; at--) {
            if (b.getInt(at) == END && at + END_LENGTH + (b.getShort(at + 20) & 0xFFFF) == tail) {
                return fileSize - tail + at;
            }
        }
        throw new MalformedFileException(where + ": no zip end record in the last " + tail + " bytes (not a zip archive, or truncated)");
    }

    /** Reads the directory record at {@code at} into {@code entries}; the offset of the next record. */
    private static long readRecord(FileChannel channel, long at, long directoryAt, long directoryEnd, String where,
                                   List<Entry> entries) throws IOException {
        String record = where + ": directory record " + entries.size() + " at offset " + at;
        require(at + CENTRAL_LENGTH <= directoryEnd, record + " runs past the directory's end at " + directoryEnd);
        ByteBuffer c = read(channel, at, CENTRAL_LENGTH, where);
        require(c.getInt(0) == CENTRAL, record + ": no directory record signature");
        int nameLength = c.getShort(28) & 0xFFFF;
        int extraLength = c.getShort(30) & 0xFFFF;
        long next = at + CENTRAL_LENGTH + nameLength + extraLength + (c.getShort(32) & 0xFFFF);
        require(next <= directoryEnd, record + " runs past the directory's end at " + directoryEnd);
        ByteBuffer nameAndExtra = read(channel, at + CENTRAL_LENGTH, nameLength + extraLength, where);
        byte[] name = Arrays.copyOf(nameAndExtra.array(), nameLength);
        String entryName = new String(name, StandardCharsets.UTF_8);
        String entry = where + ", entry " + entryName;
        require((c.getShort(8) & 1) == 0, entry + ": encrypted entries are not supported");
        int method = c.getShort(10) & 0xFFFF;
        require(method == STORED || method == DEFLATED, entry + ": compression method " + method
                + " is not supported (only stored and deflated)");
        long[] sizes = {c.getInt(24) & MARKER, c.getInt(20) & MARKER, c.getInt(42) & MARKER};
        zip64Sizes(nameAndExtra, nameLength, sizes, entry);
        long size = sizes[0];
        long compressed = sizes[1];
        long local = sizes[2];
        require(method != STORED || compressed == size, entry + ": stored, yet its compressed size " + compressed
                + " differs from its size " + size);
        long dataStart = localData(channel, local, name, directoryAt, entry);
        require(dataStart <= directoryAt - compressed, entry + ": its " + compressed + " bytes at offset " + dataStart
                + " run past the directory at offset " + directoryAt);
        entries.add(new Entry(entryName, method, c.getInt(16) & MARKER, compressed, size, dataStart));
        return next;
    }

    /** Replaces each of size, compressed size and local offset that holds the ZIP64 marker by its 8-byte ZIP64 field. */
    private static void zip64Sizes(ByteBuffer nameAndExtra, int nameLength, long[] sizes, String entry) throws IOException {
        if (sizes[0] != MARKER && sizes[1] != MARKER && sizes[2] != MARKER) {
            return;
        }
        for (int at = nameLength; at + 4 <= nameAndExtra.capacity(); at += 4 + (nameAndExtra.getShort(at + 2) & 0xFFFF)) {
            if ((nameAndExtra.getShort(at) & 0xFFFF) == 1) {
                int field = at + 4;
                int fieldEnd = Math.min(nameAndExtra.capacity(), field + (nameAndExtra.getShort(at + 2) & 0xFFFF));
                for (int i = 0; i < sizes.length; i++) {
                    if (sizes[i] == MARKER) {
                        require(field + 8 <= fieldEnd, entry + ": its ZIP64 field is too short");
                        sizes[i] = nameAndExtra.getLong(field);
                        field += 8;
                        require(sizes[i] >= 0, entry + ": its ZIP64 field holds a negative size or offset");
                    }
                }
                return;
            }
        }
        throw new MalformedFileException(entry + ": its directory record holds the ZIP64 marker 0xFFFFFFFF but no ZIP64 field");
    }

    /** The offset of an entry's data behind its local header, which must carry the directory's name for it. */
    private static long localData(FileChannel channel, long local, byte[] name, long directoryAt, String entry)
            throws IOException {
        require(local <= directoryAt - LOCAL_LENGTH, entry + ": its local header offset " + local
                + " is not before the directory at offset " + directoryAt);
        ByteBuffer h = read(channel, local, LOCAL_LENGTH, entry);
        require(h.getInt(0) == LOCAL, entry + ": no local header at offset " + local);
        int nameLength = h.getShort(26) & 0xFFFF;
        int extraLength = h.getShort(28) & 0xFFFF;
        require(local + LOCAL_LENGTH + nameLength <= directoryAt, entry + ": its local header at offset " + local
                + " runs into the directory");
        byte[] localName = read(channel, local + LOCAL_LENGTH, nameLength, entry).array();
        if (!Arrays.equals(localName, name)) {
            throw new MalformedFileException(entry + ": the archive's directory names this entry "
                    + new String(name, StandardCharsets.UTF_8) + " but its own header at offset " + local + " names it "
                    + new String(localName, StandardCharsets.UTF_8) + ": the archive is corrupt");
        }
        return local + LOCAL_LENGTH + nameLength + extraLength;
    }

    /** {@code length} bytes at {@code at}, little-endian. */
    static ByteBuffer read(FileChannel channel, long at, int length, String where) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (at < 0 || channel.read(buffer, at + buffer.position()) < 0) {
                throw new MalformedFileException(where + ": truncated: " + length + " bytes at offset " + at
                        + " run past the end of the file");
            }
        }
        return buffer;
    }

    private static void require(boolean condition, String message) throws MalformedFileException {
        if (!condition) {
            throw new MalformedFileException(message);
        }
    }
}
