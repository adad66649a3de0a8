package org.adjoint.core.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.adjoint.core.Tensor;

/**
 * A {@code main} for the small-heap JVMs of {@link NpzMemoryTest}: {@code save <file> <count>} holds
 * a model of {@code count} doubles, saves it and loads it back in the same JVM; {@code load <file>}
 * loads a file. It prints {@code loaded <arrays>}, {@code refused <message>} for a
 * {@link MalformedFileException}, or {@code out of memory}.
 */
final class NpzSmallHeap {

    private NpzSmallHeap() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        Tensor model = null;
        try {
            if (args[0].equals("save")) {
                model = Tensor.zeros(Integer.parseInt(args[2])).add(0.5);
                Npz.write(file, Map.of("w", model));
            }
            Map<String, Tensor> loaded = Npz.read(file);
            if (model != null && !loaded.get("w").equals(model)) {
                System.out.println("loaded a different model");
                return;
            }
            System.out.println("loaded " + loaded.size());
        } catch (MalformedFileException e) {
            System.out.println("refused " + e.getMessage());
        } catch (OutOfMemoryError e) {
            System.out.println("out of memory");
        }
    }
}
