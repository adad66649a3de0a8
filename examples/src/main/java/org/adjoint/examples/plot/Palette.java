package org.adjoint.examples.plot;

import java.awt.BasicStroke;
import java.awt.Color;

/** The colours of our charts: a viridis-like ramp for values and distinct colours for series. */
final class Palette {

    /** Viridis-like anchors, dark purple through blue and green to yellow; interpolated linearly. */
    private static final int[] RAMP = {0x440154, 0x414487, 0x2A788E, 0x22A884, 0x7AD151, 0xFDE725};

    /** Series colours for a white background (no yellow). */
    private static final Color[] SERIES = colours(
            0x1F77B4, 0xD62728, 0x2CA02C, 0xFF7F0E, 0x9467BD, 0x8C564B, 0xE377C2, 0x7F7F7F, 0x17BECF);

    /** Path colours that stand out on the ramp as well as on white: warm, saturated or black. */
    private static final Color[] PATHS = colours(0xE6194B, 0xFF7F0E, 0xF032E6, 0x000000, 0x00B7FF, 0x8B4513);

    private Palette() {
    }

    /** {@code steps} colours evenly spaced along the ramp, darkest first; {@code steps ≥ 2}. */
    static Color[] ramp(int steps) {
        Color[] colours = new Color[steps];
        for (int k = 0; k < steps; k++) {
            double t = (double) k / (steps - 1) * (RAMP.length - 1);
            int i = Math.min((int) t, RAMP.length - 2);
            colours[k] = mix(new Color(RAMP[i]), new Color(RAMP[i + 1]), t - i);
        }
        return colours;
    }

    /** The colour of line-chart series {@code k}, cycling. */
    static Color series(int k) {
        return SERIES[k % SERIES.length];
    }

    /**
     * The line of line-chart series {@code k}: solid through the first cycle of {@link #series} colours,
     * then dashed, then dotted, so that up to three times as many series as colours stay apart.
     */
    static BasicStroke seriesStroke(int k) {
        float[][] dashes = {null, {9f, 5f}, {2f, 4f}};
        float[] dash = dashes[(k / SERIES.length) % dashes.length];
        return dash == null ? new BasicStroke(2f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** The colour of landscape path {@code k}, cycling. */
    static Color path(int k) {
        return PATHS[k % PATHS.length];
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    private static Color[] colours(int... rgb) {
        Color[] colours = new Color[rgb.length];
        for (int k = 0; k < rgb.length; k++) {
            colours[k] = new Color(rgb[k]);
        }
        return colours;
    }
}
