package org.adjoint.spark.ml;

import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/** Reads one row's features (an ML vector or an array of numbers) as doubles. */
final class RowFeatures {

    private RowFeatures() {
    }

    /**
     * The features in column {@code index} of {@code row}.
     *
     * @throws IllegalArgumentException naming {@code where} if the value is null or not numbers
     */
    static double[] read(Row row, int index, String where) {
        Object value = row.get(index);
        if (value instanceof Vector v) {
            return v.toArray();
        }
        if (value == null) {
            throw new IllegalArgumentException(where + ": the features are null");
        }
        List<Object> list = row.getList(index);
        double[] x = new double[list.size()];
        for (int j = 0; j < x.length; j++) {
            if (!(list.get(j) instanceof Number number)) {
                throw new IllegalArgumentException(where + ": feature " + j + " is " + list.get(j) + ", not a number");
            }
            x[j] = number.doubleValue();
        }
        return x;
    }
}
