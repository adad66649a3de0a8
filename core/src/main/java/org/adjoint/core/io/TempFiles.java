package org.adjoint.core.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;

/**
 * The temporary file an atomic save writes before renaming it over its target. Its name is short and
 * fixed in form ({@code .npz-<digits>.tmp}), whatever the target's length, and it is created as any
 * new file is (so the umask decides its mode), unlike {@link Files#createTempFile}, which makes every
 * file mode 0600 and its name the target's plus about 23 characters.
 */
final class TempFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TempFiles() {
    }

    /** A new empty file in {@code dir} with a name no other file has. */
    static Path create(Path dir) throws IOException {
        while (true) {
            Path temp = dir.resolve(".npz-" + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException taken) {
                // another name, then
            }
        }
    }

    /** Gives {@code temp} the permissions of {@code target}, if that exists and the file system has POSIX permissions. */
    static void keepPermissions(Path target, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view != null && Files.isRegularFile(target)) {
            Files.setPosixFilePermissions(temp, view.readAttributes().permissions());
        }
    }
}
