package org.adjoint.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.adjoint.autodiff.Var;
import org.adjoint.optim.sharded.ShardLoss;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Local-mode sessions, seeded data generated inside partitions, and the logistic loss the tests fit. */
final class TestSpark {

    static final StructType SCHEMA = new StructType()
            .add("features", SQLDataTypes.VectorType(), false)
            .add("label", DataTypes.DoubleType, false);

    private TestSpark() {
    }

    /** A local-mode session for one test class: no UI, loopback only, few shuffle partitions. */
    static SparkSession session(String master) {
        return SparkSession.builder().master(master).appName("adjoint-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    /**
     * n rows of d standard-normal features and a 0/1 label drawn from a logistic model, generated
     * inside the partitions from (seed, row index): the same rows whatever the partitioning.
     */
    static Dataset<Row> logistic(SparkSession spark, long n, int partitions, int d, long seed) {
        JavaRDD<Row> rows = spark.range(0, n, 1, partitions).javaRDD().map(i -> logisticRow(i, d, seed));
        return spark.createDataFrame(rows, SCHEMA);
    }

    static Row logisticRow(long i, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        double[] x = new double[d];
        double z = 0.3;
        for (int j = 0; j < d; j++) {
            x[j] = random.nextGaussian();
            z += (j % 2 == 0 ? 1 : -1) * (j + 1.0) / d * x[j];
        }
        double label = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        return RowFactory.create(Vectors.dense(x), label);
    }

    /** Σᵢ log(1 + exp(zᵢ)) − yᵢ·zᵢ, zᵢ = xᵢ·w + b, θ = (w, b): the summed logistic loss of a block. */
    static ShardLoss<Block> logisticLoss(int d) {
        return (theta, block) -> {
            Var z = Var.constant(block.features()).matmul(theta.slice(0, 0, d)).add(theta.slice(0, d, d + 1));
            Var softplus = z.relu().add(z.abs().neg().exp().add(1).log());
            return softplus.sub(Var.constant(block.labels()).mul(z)).sum();
        };
    }

    /** The blocks Spark's partitions hold, read on the driver from the collected rows by the same reader. */
    static List<Block> localBlocks(Dataset<Row> data, Columns columns) {
        List<List<Row>> partitions = data.select(columns.featuresCol(), columns.labelCol()).javaRDD().glom().collect();
        List<Block> blocks = new ArrayList<>();
        for (int p = 0; p < partitions.size(); p++) {
            Block b = BlockReader.read(columns, p, partitions.get(p).iterator());
            if (b != null) {
                blocks.add(b);
            }
        }
        return blocks;
    }
}
