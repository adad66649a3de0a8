package org.adjoint.examples.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.adjoint.core.Tensor;

/**
 * A grid of small greyscale images (such as misclassified digits), each captioned, drawn on a
 * {@link BufferedImage} and saved as a PNG. Pixels are in [0, 1], 0 drawn white and 1 black.
 */
public final class DigitGrid {

    private static final int SCALE = 3;
    private static final int CAPTION = 18;
    private static final int GAP = 6;

    private DigitGrid() {
    }

    /**
     * Saves {@code images} (n × side², rows of pixels) in a grid of {@code columns} with the given captions.
     *
     * @return {@code file}
     * @throws IllegalArgumentException if there are no images, the captions do not match, or a row is not square
     */
    public static Path save(Path file, Tensor images, String[] captions, int columns) throws IOException {
        Objects.requireNonNull(captions, "captions");
        int n = images.rank() == 2 ? images.shape().dim(0) : 0;
        int side = n == 0 ? 0 : (int) Math.round(Math.sqrt(images.shape().dim(1)));
        if (n == 0 || side * side != images.shape().dim(1) || captions.length != n || columns < 1) {
            throw new IllegalArgumentException("DigitGrid: images " + images.shape() + " must be n × side² with n ≥ 1,"
                    + " and " + captions.length + " captions must match them (columns " + columns + ")");
        }
        int cell = side * SCALE + GAP;
        int rows = (n + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * cell + GAP, rows * (cell + CAPTION) + GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double[] pixels = images.toArray();
        for (int k = 0; k < n; k++) {
            int x0 = GAP + (k % columns) * cell;
            int y0 = GAP + (k / columns) * (cell + CAPTION);
            drawDigit(g, pixels, k * side * side, side, x0, y0);
            g.setColor(Color.DARK_GRAY);
            g.drawString(captions[k], x0, y0 + side * SCALE + CAPTION - 4);
        }
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static void drawDigit(Graphics2D g, double[] pixels, int offset, int side, int x0, int y0) {
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                double v = Math.max(0, Math.min(1, pixels[offset + r * side + c]));
                int grey = (int) Math.round(255 * (1 - v));
                g.setColor(new Color(grey, grey, grey));
                g.fillRect(x0 + c * SCALE, y0 + r * SCALE, SCALE, SCALE);
            }
        }
    }
}
