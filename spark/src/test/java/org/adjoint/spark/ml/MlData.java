package org.adjoint.spark.ml;

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

/** Local sessions and small data sets generated inside the partitions from (seed, row index). */
final class MlData {

    static final StructType SCHEMA = new StructType()
            .add("features", SQLDataTypes.VectorType(), false)
            .add("label", DataTypes.DoubleType, false);

    /** The true logistic model: w = (1.5, −2, 0.5, 1), b = −0.5. */
    static final double[] LOGISTIC_W = {1.5, -2, 0.5, 1};
    static final double LOGISTIC_B = -0.5;

    private MlData() {
    }

    static SparkSession session() {
        return SparkSession.builder().master("local[2]").appName("adjoint-spark-ml-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    /** Standard-normal features and 0/1 labels drawn from the logistic model {@link #LOGISTIC_W}. */
    static Dataset<Row> logistic(SparkSession spark, long n, int partitions, long seed) {
        JavaRDD<Row> rows = spark.range(0, n, 1, partitions).javaRDD().map(i -> {
            SplittableRandom r = random(seed, i);
            double[] x = normals(r, LOGISTIC_W.length);
            double z = LOGISTIC_B;
            for (int j = 0; j < x.length; j++) {
                z += LOGISTIC_W[j] * x[j];
            }
            return RowFactory.create(Vectors.dense(x), r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1.0 : 0.0);
        });
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** Points uniform in [−1.5, 1.5]², class 1 inside the unit circle (a margin of 0.1 kept empty), 0 outside. */
    static Dataset<Row> circle(SparkSession spark, long n, int partitions, long seed) {
        JavaRDD<Row> rows = spark.range(0, n, 1, partitions).javaRDD().map(i -> {
            SplittableRandom r = random(seed, i);
            double x;
            double y;
            do {
                x = r.nextDouble(-1.5, 1.5);
                y = r.nextDouble(-1.5, 1.5);
            } while (Math.abs(Math.hypot(x, y) - 1) < 0.1);
            return RowFactory.create(Vectors.dense(x, y), Math.hypot(x, y) < 1 ? 1.0 : 0.0);
        });
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** y = 2·x₀ − x₁ + 0.5·x₂ + 1 + 0.1·noise, standard-normal features. */
    static Dataset<Row> linear(SparkSession spark, long n, int partitions, long seed) {
        JavaRDD<Row> rows = spark.range(0, n, 1, partitions).javaRDD().map(i -> {
            SplittableRandom r = random(seed, i);
            double[] x = normals(r, 3);
            double y = 2 * x[0] - x[1] + 0.5 * x[2] + 1 + 0.1 * r.nextGaussian();
            return RowFactory.create(Vectors.dense(x), y);
        });
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** The rows of {@link #linear} with the features in three double columns a, b and c. */
    static Dataset<Row> linearColumns(SparkSession spark, long n, int partitions, long seed) {
        StructType schema = new StructType().add("a", DataTypes.DoubleType, false).add("b", DataTypes.DoubleType, false)
                .add("c", DataTypes.DoubleType, false).add("label", DataTypes.DoubleType, false);
        JavaRDD<Row> rows = linear(spark, n, partitions, seed).javaRDD().map(r -> {
            double[] x = ((org.apache.spark.ml.linalg.Vector) r.get(0)).toArray();
            return RowFactory.create(x[0], x[1], x[2], r.getDouble(1));
        });
        return spark.createDataFrame(rows, schema);
    }

    private static SplittableRandom random(long seed, long i) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    }

    private static double[] normals(SplittableRandom r, int d) {
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
            x[j] = r.nextGaussian();
        }
        return x;
    }
}
