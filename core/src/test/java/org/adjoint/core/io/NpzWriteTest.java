package org.adjoint.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Npz#write}'s file names and permissions (issue 17, item 18). */
class NpzWriteTest {

    private static final Map<String, Tensor> W = Map.of("w", Tensor.vector(1, 2, 3));

    @TempDir
    Path dir;

    /** The temporary file's name was the target's plus about 23 characters: targets of 232 or more failed. */
    @Test
    void aTargetWhoseNameIsNearTheFileSystemsLimitIsSaved() throws IOException {
        Path file = dir.resolve("m".repeat(251) + ".npz");
        Npz.write(file, W);
        assertEquals(W, Npz.read(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    /** Every saved file was mode 0600: a new file now gets the mode any new file gets (the umask's). */
    @Test
    void aNewFileGetsTheDefaultPermissionsOfANewFile() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain"));
        Path file = dir.resolve("new.npz");
        Npz.write(file, W);
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    /** Saving over a file dropped its group and other permissions: it now keeps the old file's mode. */
    @Test
    void savingOverAFileKeepsItsPermissions() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("shared.npz");
        Npz.write(file, W);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Npz.write(file, Map.of("w", Tensor.vector(4)));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Map.of("w", Tensor.vector(4)), Npz.read(file));
    }

    /** {@code write(Path.of("/"))} threw NullPointerException; a folder is refused, naming it. */
    @Test
    void savingToAFolderIsRefusedNamingIt() throws IOException {
        FileSystemException root = assertThrows(FileSystemException.class, () -> Npz.write(Path.of("/"), W));
        assertEquals("/: a folder, not a file to save to", root.getMessage());
        Path folder = Files.createDirectory(dir.resolve("model.npz"));
        FileSystemException e = assertThrows(FileSystemException.class, () -> Npz.write(folder, W));
        assertEquals(folder + ": a folder, not a file to save to", e.getMessage());
    }
}
