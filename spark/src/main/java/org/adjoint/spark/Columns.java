package org.adjoint.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.apache.spark.sql.types.StructType;

/**
 * Which columns of a {@code Dataset<Row>} hold the features and the labels, as Spark ML's
 * {@code featuresCol} and {@code labelCol}, and which labels are valid.
 *
 * <p>The features column holds Spark ML vectors ({@code org.apache.spark.ml.linalg.Vector}, dense or
 * sparse) or arrays of doubles; the label column any numeric type. Every row must have the same
 * number of features, all finite, and a finite label; with {@code classes > 0} the label must be one
 * of 0, 1, …, classes − 1.
 *
 * @param featuresCol the features column's name
 * @param labelCol    the label column's name
 * @param classes     the number of classes, or 0 for any finite label (regression)
 */
public record Columns(String featuresCol, String labelCol, int classes) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Validates the names and the number of classes. */
    public Columns {
        Objects.requireNonNull(featuresCol, "featuresCol");
        Objects.requireNonNull(labelCol, "labelCol");
        if (classes < 0 || classes == 1) {
            throw new IllegalArgumentException("Columns: classes = " + classes + " must be 0 (any label) or at least 2");
        }
    }

    /** Spark ML's defaults: {@code "features"} and {@code "label"}, any finite label. */
    public static Columns defaults() {
        return new Columns("features", "label", 0);
    }

    /** The same columns with another features column. */
    public Columns withFeaturesCol(String name) {
        return new Columns(name, labelCol, classes);
    }

    /** The same columns with another label column. */
    public Columns withLabelCol(String name) {
        return new Columns(featuresCol, name, classes);
    }

    /** The same columns with labels required to be class indices 0, 1, …, classes − 1. */
    public Columns withClasses(int count) {
        return new Columns(featuresCol, labelCol, count);
    }

    /**
     * Checks that both columns exist, before any job runs.
     *
     * @throws IllegalArgumentException naming the missing column and the columns there are
     */
    void requireIn(StructType schema) {
        for (String name : new String[] {featuresCol, labelCol}) {
            if (!Arrays.asList(schema.fieldNames()).contains(name)) {
                throw new IllegalArgumentException("SparkObjective: the Dataset has no column '" + name
                        + "'; its columns are " + Arrays.toString(schema.fieldNames()));
            }
        }
    }
}
