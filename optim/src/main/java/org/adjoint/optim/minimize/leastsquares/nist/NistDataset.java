package org.adjoint.optim.minimize.leastsquares.nist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One NIST StRD nonlinear regression problem as its {@code .dat} file gives it (NIST/ITL Statistical
 * Reference Datasets, https://www.itl.nist.gov/div898/strd/nls/nls_main.shtml): two starting points,
 * the certified parameter values and standard deviations (11 significant digits), the certified
 * residual sum of squares, and the data. Read with {@link NistFormat#parse}; arrays are copied in and out.
 *
 * @param name                 the dataset's name ("Misra1a")
 * @param start1               "Start 1", the far starting point
 * @param start2               "Start 2", the near one
 * @param certifiedValues      the certified parameter values b*
 * @param certifiedDeviations  the certified standard deviations of the estimates
 * @param certifiedRss         the certified residual sum of squares
 * @param y                    the responses, length m
 * @param x                    the predictors: x[k] is predictor k's column, length m (one column except for Nelson's two)
 */
public record NistDataset(String name, double[] start1, double[] start2, double[] certifiedValues,
                          double[] certifiedDeviations, double certifiedRss, double[] y, double[][] x) {

    /** Refuses nulls and inconsistent lengths; copies the arrays. */
    public NistDataset {
        Objects.requireNonNull(name, "name");
        start1 = start1.clone();
        start2 = start2.clone();
        certifiedValues = certifiedValues.clone();
        certifiedDeviations = certifiedDeviations.clone();
        y = y.clone();
        x = x.clone();
        int n = certifiedValues.length;
        if (start1.length != n || start2.length != n || certifiedDeviations.length != n) {
            throw new IllegalArgumentException("NistDataset " + name + ": parameter arrays of lengths " + start1.length + ", "
                    + start2.length + ", " + n + ", " + certifiedDeviations.length + " differ");
        }
        for (int k = 0; k < x.length; k++) {
            x[k] = x[k].clone();
            if (x[k].length != y.length) {
                throw new IllegalArgumentException("NistDataset " + name + ": predictor " + k + " has " + x[k].length
                        + " values for " + y.length + " responses");
            }
        }
    }

    /** Reads a {@code .dat} file; the dataset is named after the file (without ".dat"). */
    public static NistDataset read(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            String name = file.getFileName().toString().replaceFirst("\\.dat$", "");
            return NistFormat.parse(file.toString(), name, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("NistDataset: cannot read " + file, e);
        }
    }

    /** Starting point 1 or 2. */
    public double[] start(int which) {
        if (which != 1 && which != 2) {
            throw new IllegalArgumentException("NistDataset " + name + ": start must be 1 or 2, got " + which);
        }
        return which == 1 ? start1.clone() : start2.clone();
    }

    /** The number of parameters n. */
    public int parameters() {
        return certifiedValues.length;
    }

    /** The number of observations m. */
    public int observations() {
        return y.length;
    }

    /** Equal when every component is, arrays compared by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NistDataset d && name.equals(d.name) && Arrays.equals(start1, d.start1)
                && Arrays.equals(start2, d.start2) && Arrays.equals(certifiedValues, d.certifiedValues)
                && Arrays.equals(certifiedDeviations, d.certifiedDeviations)
                && Double.compare(certifiedRss, d.certifiedRss) == 0 && Arrays.equals(y, d.y) && Arrays.deepEquals(x, d.x);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(certifiedValues), Arrays.hashCode(y));
    }

    @Override
    public String toString() {
        return "NistDataset[" + name + ": " + parameters() + " parameters, " + observations() + " observations]";
    }

    /** "Start 1", the far starting point (a copy). */
    @Override
    public double[] start1() {
        return start1.clone();
    }

    /** "Start 2", the near starting point (a copy). */
    @Override
    public double[] start2() {
        return start2.clone();
    }

    /** The certified parameter values b* (a copy). */
    @Override
    public double[] certifiedValues() {
        return certifiedValues.clone();
    }

    /** The certified standard deviations of the estimates (a copy). */
    @Override
    public double[] certifiedDeviations() {
        return certifiedDeviations.clone();
    }

    /** The responses, length m (a copy). */
    @Override
    public double[] y() {
        return y.clone();
    }

    /** The predictors, one column of length m per predictor (a copy). */
    @Override
    public double[][] x() {
        double[][] copy = x.clone();
        for (int k = 0; k < copy.length; k++) {
            copy[k] = copy[k].clone();
        }
        return copy;
    }
}
