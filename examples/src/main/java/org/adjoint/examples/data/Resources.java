package org.adjoint.examples.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** The gzip'd data files bundled in this package's resource folder. */
final class Resources {

    private static final String FOLDER = "/org/adjoint/examples/data/";

    private Resources() {
    }

    /** The full classpath name of a bundled file, for messages. */
    static String path(String name) {
        return FOLDER + name;
    }

    /**
     * The bundled file {@code name} (relative to this package) as it is stored.
     *
     * @throws IllegalStateException if the resource is not on the classpath, a packaging error
     */
    static InputStream open(String name) {
        InputStream raw = Resources.class.getResourceAsStream(path(name));
        if (raw == null) {
            throw new IllegalStateException("bundled data file " + path(name) + " is not on the classpath;"
                    + " it belongs in examples/src/main/resources" + path(name));
        }
        return raw;
    }

    /**
     * The decompressed content of the bundled gzip file {@code name} (relative to this package).
     *
     * @throws IllegalStateException if the resource is not on the classpath, a packaging error
     */
    static InputStream openGzip(String name) throws IOException {
        InputStream raw = open(name);
        try {
            return new GZIPInputStream(new BufferedInputStream(raw, 1 << 16), 1 << 16);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
