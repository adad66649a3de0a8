package org.adjoint.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;
import org.adjoint.nn.layers.Affine;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.quasinewton.Lbfgs;
import org.adjoint.optim.sharded.ShardLoss;
import org.adjoint.spark.ml.AdjointEstimator;
import org.adjoint.spark.ml.AdjointModel;
import org.adjoint.spark.ml.Loss;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The README's Spark quick start, verbatim, on local[2]: the L-BFGS fit on a {@link SparkObjective} and
 * the {@link AdjointEstimator} minimize the same logistic loss (sum versus mean), so they agree.
 */
class ReadmeQuickStartTest {

    @Test
    void theQuickStartFitsTheSameModelBothWays() {
        SparkSession spark = TestSpark.session("local[2]");
        try {
            int d = 4;
            Dataset<Row> df = TestSpark.logistic(spark, 4_000, 2, d, 5).cache();

            // df: a DataFrame with a "features" column (Spark ML vectors of length d) and a 0/1 "label" column.
            ShardLoss<Block> logistic = (theta, b) -> {                  // Σᵢ log(1 + e^zᵢ) − yᵢzᵢ over a block of rows
                Var z = Var.constant(b.features()).matmul(theta.slice(0, 0, d)).add(theta.slice(0, d, d + 1));
                return z.relu().add(z.abs().neg().exp().add(1).log()).sub(Var.constant(b.labels()).mul(z)).sum();
            };
            MinimizationResult fit;
            try (SparkObjective<Block> f = SparkObjective.fromDataset(df, Columns.defaults().withClasses(2), logistic)) {
                fit = Lbfgs.withMemory(10).minimize(f, Tensor.zeros(d + 1), Stopping.defaults());   // one Spark pass per evaluation
            }
            // The same model as a Spark ML Estimator (a Pipeline stage), for any Adjoint layer:
            AdjointModel model = new AdjointEstimator(() -> new Affine(d, 1), Loss.logistic()).setTol(1e-9).fit(df);
            Dataset<Row> scored = model.transform(df);                   // adds a "prediction" column

            Tensor w = model.parameters().get("weight").reshape(d);
            assertTrue(w.allClose(fit.x().slice(0, 0, d), 1e-4, 1e-4), w + " against " + fit.x());
            assertEquals(4_000, scored.select("prediction").count());
        } finally {
            spark.stop();
        }
    }
}
