package org.adjoint.core.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.adjoint.core.Tensor;


/**
 * A {@code main} for the small-heap JVMs of {@link DataMemoryTest}: {@code idx <file>} reads IDX
 * images, {@code cifar <file>} a CIFAR-10 batch. It prints {@code loaded <rows>}, {@code refused
 * <message>} for a {@link MalformedFileException} or {@link IllegalArgumentException}, or {@code out of memory}.
 */
final class DataSmallHeap {

    private DataSmallHeap() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        try {
            Tensor inputs = args[0].equals("idx") ? Idx.readImages(file) : Cifar10.read(List.of(file)).features();
            System.out.println("loaded " + inputs.shape().dim(0));
        } catch (MalformedFileException | IllegalArgumentException e) {
            System.out.println("refused " + e.getMessage());
        } catch (OutOfMemoryError e) {
            System.out.println("out of memory");
        }
    }
}
