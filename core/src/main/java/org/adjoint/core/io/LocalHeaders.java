package org.adjoint.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The names in a zip archive's local headers, the copies that precede each entry's data, walked
 * front to back with the lengths the central directory gives. A zip's checksums cover data, not
 * names, so comparing these with the directory's names is what catches a corrupt name.
 */
final class LocalHeaders {

    private static final int LOCAL = 0x04034b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int HEADER = 30;
    private static final int HAS_DESCRIPTOR = 0x08;
    private static final int ZIP64 = 0x0001;

    private LocalHeaders() {
    }

    /**
     * The local headers' names in file order, up to the first place that holds no local header or
     * names an entry the directory does not list (that name is the last one returned), and never more
     * than one more than the directory lists.
     */
    static List<String> names(Path file, ZipFile zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long at = 0;
            while (at + HEADER <= channel.size() && names.size() <= zip.size()) {
                ByteBuffer header = read(channel, at, HEADER);
                if (header.getInt(0) != LOCAL) {
                    break;
                }
                int flags = header.getShort(6) & 0xFFFF;
                int nameLength = header.getShort(26) & 0xFFFF;
                int extraLength = header.getShort(28) & 0xFFFF;
                ByteBuffer nameAndExtra = read(channel, at + HEADER, nameLength + extraLength);
                String name = new String(nameAndExtra.array(), 0, nameLength, StandardCharsets.UTF_8);
                names.add(name);
                ZipEntry entry = zip.getEntry(name);
                if (entry == null) {
                    break;
                }
                at += HEADER + nameLength + extraLength + entry.getCompressedSize();
                if ((flags & HAS_DESCRIPTOR) != 0) {
                    at += descriptorLength(channel, at, hasZip64Field(nameAndExtra, nameLength));
                }
            }
        }
        return names;
    }

    /** A data descriptor: an optional signature, the CRC-32, then two sizes of 8 bytes (ZIP64) or 4. */
    private static int descriptorLength(FileChannel channel, long at, boolean zip64) throws IOException {
        int sizes = zip64 ? 16 : 8;
        boolean signed = at + 4 <= channel.size() && read(channel, at, 4).getInt(0) == DESCRIPTOR;
        return (signed ? 4 : 0) + 4 + sizes;
    }

    private static boolean hasZip64Field(ByteBuffer nameAndExtra, int nameLength) {
        for (int at = nameLength; at + 4 <= nameAndExtra.capacity(); at += 4 + (nameAndExtra.getShort(at + 2) & 0xFFFF)) {
            if ((nameAndExtra.getShort(at) & 0xFFFF) == ZIP64) {
                return true;
            }
        }
        return false;
    }

    private static ByteBuffer read(FileChannel channel, long at, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new EOFException("the local header at offset " + at + " runs past the end of the file");
            }
        }
        return buffer;
    }
}
