package org.adjoint.spark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Predictions;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Affine;
import org.adjoint.nn.layers.Mlp;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fitting, transforming, Pipelines and parameter files on a local[2] session, with small seeded data. */
class AdjointEstimatorTest {

    private static SparkSession spark;
    private static Dataset<Row> linear;
    private static AdjointModel regression;

    @BeforeAll
    static void start() {
        spark = MlData.session();
        linear = MlData.linear(spark, 1_000, 3, 5).cache();
        regression = new AdjointEstimator(() -> new Affine(3, 1), Loss.squaredError()).setTol(1e-10).fit(linear);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void logisticRegressionRecoversTheKnownCoefficients() {
        Dataset<Row> data = MlData.logistic(spark, 20_000, 4, 11);
        AdjointModel model = new AdjointEstimator(() -> new Affine(4, 1), Loss.logistic()).setTol(1e-9).fit(data);
        FitSummary fit = model.summary().orElseThrow();
        assertTrue(fit.converged(), fit.toString());
        assertEquals(20_000, fit.rows());
        double[] w = model.parameters().get("weight").toArray();
        for (int j = 0; j < w.length; j++) {
            assertEquals(MlData.LOGISTIC_W[j], w[j], 0.1, "w" + j + " in " + fit);
        }
        assertEquals(MlData.LOGISTIC_B, model.parameters().get("bias").toArray()[0], 0.1);
        double[] history = fit.objectiveHistory();
        assertTrue(history[history.length - 1] < history[0], "the loss decreased: " + fit);
    }

    @Test
    void aSmallMlpSeparatesTheCircleAndPredictsAsPredictionsDoes() {
        Dataset<Row> data = MlData.circle(spark, 2_000, 2, 3).cache();
        LayerFactory mlp = () -> Mlp.of(Activation.RELU, 2, 16, 2);
        AdjointModel model = new AdjointEstimator(mlp, Loss.softmaxCrossEntropy(2)).setMaxIter(300).fit(data);
        List<Row> rows = model.transform(data).select("features", "label", "prediction").collectAsList();
        int correct = 0;
        int[] ours = new int[rows.size()];
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = ((Vector) rows.get(i).get(0)).toArray();
            ours[i] = (int) rows.get(i).getDouble(2);
            correct += rows.get(i).getDouble(1) == rows.get(i).getDouble(2) ? 1 : 0;
        }
        assertTrue(correct >= 0.97 * rows.size(), "accuracy " + correct + "/" + rows.size() + ", " + model.summary());
        assertArrayEquals(Predictions.predict(mlp.create(), model.parameters(), Tensor.matrix(x)), ours);
        data.unpersist();
    }

    @Test
    void transformAddsTheModelsOutputsAsOneJvmComputesThem() {
        List<Row> rows = regression.transform(linear).select("features", "prediction").collectAsList();
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = ((Vector) rows.get(i).get(0)).toArray();
        }
        double[] expected = Predictions.scores(new Affine(3, 1), regression.parameters(), Tensor.matrix(x)).toArray();
        for (int i = 0; i < rows.size(); i++) {
            double p = rows.get(i).getDouble(1);
            assertEquals(expected[i], p, 1e-12 * Math.max(1, Math.abs(p)), "row " + i);
        }
        double[] w = regression.parameters().get("weight").toArray();
        assertArrayEquals(new double[] {2, -1, 0.5}, w, 0.02);
        assertEquals(1, regression.parameters().get("bias").toArray()[0], 0.02);
    }

    @Test
    void regParamPenalizesHalfTheSquaredWeightsOnTopOfTheMeanLoss() {
        double lambda = 0.3;
        AdjointModel model = new AdjointEstimator(() -> new Affine(3, 1), Loss.squaredError())
                .setRegParam(lambda).setTol(1e-10).fit(linear);
        NamedTensors p = model.parameters();
        List<Row> rows = model.transform(linear).select("label", "prediction").collectAsList();
        double loss = 0;
        for (Row r : rows) {
            loss += 0.5 * Math.pow(r.getDouble(1) - r.getDouble(0), 2);
        }
        double w2 = p.get("weight").square().sum().toArray()[0];
        double expected = loss / rows.size() + lambda / 2 * w2;
        FitSummary fit = model.summary().orElseThrow();
        assertEquals(expected, fit.objective(), 1e-10 * expected, fit.toString());
        double unpenalized = regression.parameters().get("weight").square().sum().toArray()[0];
        assertTrue(w2 < unpenalized, "the penalty shrinks the weights: " + w2 + " vs " + unpenalized);
    }

    @Test
    void aPipelineWithAVectorAssemblerFitsTransformsSavesAndLoads(@TempDir Path dir) throws IOException {
        Dataset<Row> columns = MlData.linearColumns(spark, 1_000, 3, 5);
        VectorAssembler assembler = new VectorAssembler().setInputCols(new String[] {"a", "b", "c"}).setOutputCol("x");
        AdjointEstimator estimator = new AdjointEstimator(() -> new Affine(3, 1), Loss.squaredError())
                .setFeaturesCol("x").setPredictionCol("yHat").setTol(1e-10);
        PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {assembler, estimator}).fit(columns);
        List<Row> rows = pipeline.transform(columns).select("label", "yHat").collectAsList();
        assertEquals(1_000, rows.size());
        double squares = 0;
        for (Row r : rows) {
            squares += Math.pow(r.getDouble(0) - r.getDouble(1), 2);
        }
        assertTrue(Math.sqrt(squares / rows.size()) < 0.15, "RMSE " + Math.sqrt(squares / rows.size()));
        AdjointModel fitted = (AdjointModel) pipeline.stages()[1];
        assertEquals("yHat", fitted.getPredictionCol());
        String path = dir.resolve("pipeline").toString();
        pipeline.write().overwrite().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        AdjointModel stage = (AdjointModel) loaded.stages()[1];
        assertEquals(fitted.uid(), stage.uid());
        assertEquals("yHat", stage.getPredictionCol());
        assertEquals(fitted.parameters(), stage.parameters());
        List<Row> again = loaded.transform(columns).select("yHat").collectAsList();
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(rows.get(i).getDouble(1)),
                    Double.doubleToRawLongBits(again.get(i).getDouble(0)), "row " + i);
        }
    }

    @Test
    void savedParametersGiveTheSamePredictionsBitForBit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("regression.npz");
        regression.saveParameters(file);
        AdjointModel loaded = AdjointModel.loadParameters(file, () -> new Affine(3, 1), Loss.squaredError());
        assertEquals(regression.parameters(), loaded.parameters());
        List<Row> before = regression.transform(linear).select("prediction").collectAsList();
        List<Row> after = loaded.transform(linear).select("prediction").collectAsList();
        for (int i = 0; i < before.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(before.get(i).getDouble(0)),
                    Double.doubleToRawLongBits(after.get(i).getDouble(0)), "row " + i);
        }
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> AdjointModel.loadParameters(file, () -> new Affine(2, 1), Loss.squaredError()));
        assertTrue(wrong.getMessage().contains("weight"), wrong.getMessage());
    }

    @Test
    void aMissingColumnOrAModelThatDoesNotFitTheDataIsNamed() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new AdjointEstimator(() -> new Affine(3, 1), Loss.squaredError()).setLabelCol("y").fit(linear));
        assertTrue(missing.getMessage().contains("'y'"), missing.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> new AdjointEstimator(() -> new Affine(5, 1), Loss.squaredError()).fit(linear));
        assertTrue(width.getMessage().contains("3 features"), width.getMessage());
        IllegalArgumentException outputs = assertThrows(IllegalArgumentException.class,
                () -> new AdjointEstimator(() -> new Affine(3, 2), Loss.squaredError()).fit(linear));
        assertTrue(outputs.getMessage().contains("[1, 2]") && outputs.getMessage().contains("[1, 1]"), outputs.getMessage());
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> new AdjointEstimator(() -> new Affine(3, 2), Loss.softmaxCrossEntropy(2)).fit(linear));
        assertTrue(labels.getMessage().contains("partition"), labels.getMessage());
    }
}
