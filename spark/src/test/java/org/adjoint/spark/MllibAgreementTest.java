package org.adjoint.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.quasinewton.Lbfgs;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same logistic regression fitted by MLlib (regParam 0, tol 1e-12, no standardization, with an
 * intercept) and by L-BFGS on the distributed objective: MLlib minimizes the mean loss f(θ)/N, so the
 * objectives are compared as means, to 1e-8 relative, and the coefficients to 1e-6.
 */
class MllibAgreementTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void theSameLogisticRegressionAsMllib() {
        int d = 4;
        int n = 4_000;
        Dataset<Row> data = TestSpark.logistic(spark, n, 4, d, 31).cache();
        LogisticRegressionModel mllib = new LogisticRegression().setRegParam(0).setTol(1e-12).setMaxIter(1000)
                .setStandardization(false).setFitIntercept(true).fit(data);
        double[] theirs = new double[d + 1];
        System.arraycopy(mllib.coefficients().toArray(), 0, theirs, 0, d);
        theirs[d] = mllib.intercept();
        try (SparkObjective<Block> f = SparkObjective.fromDataset(data, Columns.defaults().withClasses(2),
                TestSpark.logisticLoss(d))) {
            MinimizationResult ours = Lbfgs.withMemory(10).minimize(f, Tensor.zeros(d + 1),
                    Stopping.defaults().withGradientTolerance(1e-5));
            assertTrue(ours.converged(), ours.toString());
            double ourMean = ours.value() / n;
            double theirMean = f.value(Tensor.vector(theirs)) / n;
            double[] history = mllib.summary().objectiveHistory();
            double reported = history[history.length - 1];
            assertTrue(Math.abs(ourMean - theirMean) <= 1e-8 * ourMean, ourMean + " vs MLlib's " + theirMean);
            assertTrue(Math.abs(ourMean - reported) <= 1e-8 * ourMean, ourMean + " vs MLlib's reported " + reported);
            double[] x = ours.x().toArray();
            for (int j = 0; j <= d; j++) {
                assertTrue(Math.abs(x[j] - theirs[j]) <= 1e-6, "coefficient " + j + ": " + x[j] + " vs MLlib's " + theirs[j]);
            }
        } finally {
            data.unpersist();
        }
    }
}
