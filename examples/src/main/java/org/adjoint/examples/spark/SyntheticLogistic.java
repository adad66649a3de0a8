package org.adjoint.examples.spark;

import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A known logistic model and rows drawn from it, generated inside Spark's partitions from (seed, row
 * index), so that nothing is shipped from the driver and the rows are the same whatever the
 * partitioning: d standard-normal features, {@code P(y = 1 | x) = σ(w·x + b)} with
 * {@code wⱼ = ±(j + 1)/d} (alternating signs) and {@code b = 0.3}.
 */
public final class SyntheticLogistic {

    /** The schema: Spark ML's {@code features} (vectors) and {@code label} (0 or 1) columns. */
    public static final StructType SCHEMA = new StructType()
            .add("features", SQLDataTypes.VectorType(), false)
            .add("label", DataTypes.DoubleType, false);

    /** The true intercept b. */
    public static final double INTERCEPT = 0.3;

    private SyntheticLogistic() {
    }

    /** The true coefficient wⱼ of d features. */
    public static double coefficient(int j, int d) {
        return (j % 2 == 0 ? 1 : -1) * (j + 1.0) / d;
    }

    /** {@code rows} rows of {@code d} features in {@code partitions} partitions (not cached). */
    public static Dataset<Row> rows(SparkSession spark, long rows, int partitions, int d, long seed) {
        JavaRDD<Row> data = spark.range(0, rows, 1, partitions).javaRDD().map(i -> row(i, d, seed));
        return spark.createDataFrame(data, SCHEMA);
    }

    /** Row i: its features and its label, from (seed, i) alone. */
    public static Row row(long i, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        double[] x = new double[d];
        double z = INTERCEPT;
        for (int j = 0; j < d; j++) {
            x[j] = random.nextGaussian();
            z += coefficient(j, d) * x[j];
        }
        double label = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        return RowFactory.create(Vectors.dense(x), label);
    }
}
