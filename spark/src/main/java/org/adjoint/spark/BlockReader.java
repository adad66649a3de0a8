package org.adjoint.spark;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * Reads one partition's rows (features at index 0, label at index 1, as {@link Columns} selects
 * them) into one {@link Block}, checking every row: the same number of features, finite features, a
 * finite label, a class index when classes are declared. Errors name the partition, the row within
 * it and the column. Runs inside tasks.
 */
final class BlockReader {

    private final Columns columns;
    private final int partition;
    private int width = -1;
    private int rows;
    private double[] features = new double[1024];
    private double[] labels = new double[64];

    private BlockReader(Columns columns, int partition) {
        this.columns = columns;
        this.partition = partition;
    }

    /** The partition's block, or null if it has no rows. */
    static Block read(Columns columns, int partition, Iterator<Row> rows) {
        BlockReader reader = new BlockReader(columns, partition);
        while (rows.hasNext()) {
            reader.add(rows.next());
        }
        return reader.block();
    }

    private void add(Row row) {
        double[] x = featuresOf(row);
        if (width < 0) {
            width = x.length;
        } else if (x.length != width) {
            throw fail(columns.featuresCol(), x.length + " features, but row 0 of the partition has " + width);
        }
        for (int j = 0; j < x.length; j++) {
            if (!Double.isFinite(x[j])) {
                throw fail(columns.featuresCol(), "feature " + j + " is " + x[j]);
            }
        }
        if (features.length < (rows + 1) * width) {
            features = Arrays.copyOf(features, Math.max(2 * features.length, (rows + 1) * width));
        }
        System.arraycopy(x, 0, features, rows * width, width);
        if (labels.length == rows) {
            labels = Arrays.copyOf(labels, 2 * rows);
        }
        labels[rows] = labelOf(row);
        rows++;
    }

    private double[] featuresOf(Row row) {
        Object value = row.get(0);
        if (value instanceof Vector v) {
            return v.toArray();
        }
        if (value == null) {
            throw fail(columns.featuresCol(), "the features are null");
        }
        List<Object> list = row.getList(0);
        double[] x = new double[list.size()];
        for (int j = 0; j < x.length; j++) {
            if (!(list.get(j) instanceof Number n)) {
                throw fail(columns.featuresCol(), "feature " + j + " is " + list.get(j) + ", not a number");
            }
            x[j] = n.doubleValue();
        }
        return x;
    }

    private double labelOf(Row row) {
        if (!(row.get(1) instanceof Number n)) {
            throw fail(columns.labelCol(), "the label is " + row.get(1) + ", not a number");
        }
        double y = n.doubleValue();
        if (!Double.isFinite(y)) {
            throw fail(columns.labelCol(), "the label is " + y);
        }
        int k = columns.classes();
        if (k > 0 && (y != Math.rint(y) || y < 0 || y >= k)) {
            throw fail(columns.labelCol(), "the label " + y + " is not a class index 0, 1, …, " + (k - 1));
        }
        return y;
    }

    private IllegalArgumentException fail(String column, String problem) {
        return new IllegalArgumentException("partition " + partition + ", row " + rows + ", column '" + column + "': "
                + problem);
    }

    private Block block() {
        if (rows == 0) {
            return null;
        }
        return new Block(Tensor.of(Shape.of(rows, width), Arrays.copyOf(features, rows * width)),
                Tensor.of(Shape.of(rows), Arrays.copyOf(labels, rows)));
    }
}
