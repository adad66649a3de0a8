package org.adjoint.examples.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/** Assertions on PNG files written by the plots, for any test of the examples. */
public final class PngAssertions {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int MIN_COLOURS = 16;
    private static final double MIN_INK = 0.02;

    private PngAssertions() {
    }

    /**
     * Asserts that {@code file} exists and is a PNG of exactly {@code width}×{@code height} pixels
     * that is not blank: at least 16 distinct colours, and more than 2% of its pixels differ from the
     * most common colour.
     *
     * @return the decoded image, for further checks
     */
    public static BufferedImage assertPng(Path file, int width, int height) {
        assertTrue(Files.isRegularFile(file), () -> file + " does not exist");
        try {
            byte[] bytes = Files.readAllBytes(file);
            assertTrue(bytes.length > PNG_SIGNATURE.length, () -> file + " is too short to be a PNG");
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length), () -> file + " is not a PNG");
            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image, () -> file + " does not decode");
            assertEquals(width, image.getWidth(), () -> file + ": width");
            assertEquals(height, image.getHeight(), () -> file + ": height");
            assertNotBlank(file, image);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How often each ARGB colour occurs in the image. */
    public static Map<Integer, Integer> colourCounts(BufferedImage image) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                counts.merge(image.getRGB(x, y), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static void assertNotBlank(Path file, BufferedImage image) {
        Map<Integer, Integer> counts = colourCounts(image);
        assertTrue(counts.size() >= MIN_COLOURS,
                () -> file + " has only " + counts.size() + " distinct colours, fewer than " + MIN_COLOURS);
        int pixels = image.getWidth() * image.getHeight();
        int commonest = counts.values().stream().max(Integer::compare).orElse(0);
        double ink = 1.0 - (double) commonest / pixels;
        assertTrue(ink > MIN_INK,
                () -> file + ": only " + String.format("%.2f%%", 100 * ink) + " of pixels differ from the most common colour");
    }
}
