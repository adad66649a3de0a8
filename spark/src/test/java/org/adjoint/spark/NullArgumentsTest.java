package org.adjoint.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.layers.Affine;
import org.adjoint.autodiff.Var;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.rules.Sgd;
import org.adjoint.optim.sharded.ShardLoss;
import org.adjoint.spark.ml.AdjointEstimator;
import org.adjoint.spark.ml.AdjointModel;
import org.adjoint.spark.ml.FitSummary;
import org.adjoint.spark.ml.LayerFactory;
import org.adjoint.spark.ml.Loss;
import org.adjoint.testing.PublicApi;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 12: every public method and constructor of every public class that spark exports
 * refuses {@code null} at the call with a {@link NullPointerException}, instead of accepting it and
 * failing far away (on an executor, or at the first pass over the data).
 */
class NullArgumentsTest {

    private static SparkSession spark;
    private static Dataset<Row> data;
    private static SparkObjective<Block> objective;

    @BeforeAll
    static void start() {
        spark = TestSpark.session("local[1]");
        data = TestSpark.logistic(spark, 20, 1, 4, 1);
        objective = SparkObjective.fromDataset(data, Columns.defaults(), TestSpark.logisticLoss(4));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Map<Class<?>, Object> samples() {
        Map<Class<?>, Object> samples = new HashMap<>();
        LayerFactory factory = () -> new Affine(4, 1);
        AdjointEstimator estimator = new AdjointEstimator(factory, Loss.logistic()).setMaxIter(1);
        AdjointModel model = estimator.fit(data);
        samples.put(Block.class, new Block(Tensor.ones(3, 4), Tensor.ones(3)));
        samples.put(Columns.class, Columns.defaults());
        samples.put(SparkMinibatch.class, new SparkMinibatch(Optimizer.of(new Sgd(0.1)), 0.5, 1));
        samples.put(SparkModelAveraging.class, new SparkModelAveraging(0.1, 1, 0.5, 1));
        samples.put(SparkObjective.class, objective);
        NamedTensors params = NamedTensors.of(Map.of("w", Tensor.ones(2)));
        samples.put(SparkMinibatch.Run.class, new SparkMinibatch.Run(params, Optimizer.of(new Sgd(0.1)).init(params),
                new double[] {1}));
        samples.put(AdjointEstimator.class, estimator);
        samples.put(AdjointModel.class, model);
        samples.put(FitSummary.class, model.summary().orElseThrow());
        samples.put(Loss.class, Loss.logistic());
        samples.put(Loss.Logistic.class, Loss.logistic());
        samples.put(Loss.SquaredError.class, Loss.squaredError());
        samples.put(Loss.SoftmaxCrossEntropy.class, Loss.softmaxCrossEntropy(2));
        return samples;
    }

    private static NullPointerTester tester() {
        return new NullPointerTester()
                .setDefault(Tensor.class, Tensor.ones(5))
                .setDefault(NamedTensors.class, NamedTensors.of(Map.of("w", Tensor.ones(2))))
                .setDefault(Dataset.class, data)
                .setDefault(SparkObjective.class, objective)
                .setDefault(OptimizerState.class, Optimizer.of(new Sgd(0.1)).init(NamedTensors.of(Map.of("w", Tensor.ones(2)))))
                .setDefault(Var.class, Var.param(Tensor.ones(3, 1)))
                .setDefault(JavaRDD.class, data.javaRDD())
                .setDefault(ShardDecoder.class, (ShardDecoder<Row, Block>) rows -> null)
                .setDefault(ShardLoss.class, TestSpark.logisticLoss(4))
                .setDefault(Columns.class, Columns.defaults())
                .setDefault(Loss.class, Loss.logistic())
                .setDefault(LayerFactory.class, (LayerFactory) () -> new Affine(4, 1))
                .setDefault(String.class, "features")
                .setDefault(Path.class, Path.of("no-such-dir", "file.npz"));
    }

    @Test
    void everyPublicEntryPointOfSparkRefusesNull() {
        List<Class<?>> classes = PublicApi.classes(SparkObjective.class, "org.adjoint.spark", "org.adjoint.spark.ml");
        assertTrue(classes.size() >= 12, classes::toString);
        List<String> failures = PublicApi.nullFailures(tester(), classes, samples(), Set.of());
        assertEquals("", String.join("\n", failures));
    }
}
