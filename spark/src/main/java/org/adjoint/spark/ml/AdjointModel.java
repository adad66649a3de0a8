package org.adjoint.spark.ml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.adjoint.core.NamedTensors;
import org.adjoint.nn.io.ParameterFile;
import org.adjoint.optim.sharded.FlatLayout;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.ml.util.Identifiable$;

/**
 * A fitted Adjoint model as a Spark ML {@code Model}: {@link #transform} adds a prediction column
 * (a double: the class index for classification, as MLlib's classifiers give it, or the output for
 * regression; see {@link Loss}), computed partition by partition with each chunk of rows run through
 * the model as one matrix, exactly as {@code Predictions.scores} computes it in one JVM.
 *
 * <p>The fitted parameters are {@link #parameters()}; {@link #saveParameters} writes them as the
 * library's {@code .npz} parameter file and {@link #loadParameters} reads them back for the same
 * model factory, giving the same predictions bit for bit. θ travels inside the transform's tasks, so
 * keep this for models of up to a few million parameters.
 *
 * <p>It is also {@code MLWritable}, and {@link #read()} reads it back, so a {@code PipelineModel} holding
 * it saves and loads with Spark's own {@code save}/{@code load}: Spark's metadata, {@code parameters.npz}
 * and the Java-serialized factory and loss (whose classes must be on the class path when loading).
 *
 * <p>Params: {@code featuresCol} ("features") and {@code predictionCol} ("prediction"), copied from the
 * estimator that fitted it.
 */
public final class AdjointModel extends Model<AdjointModel> implements MLWritable {

    private static final long serialVersionUID = 1L;
    private static final String STAGE = "AdjointModel";

    /** This stage's unique id. */
    private final String uid;
    /** Builds the layer whose parameters this model holds. */
    private final LayerFactory factory;
    /** The loss the model was fitted to (it decides how scores become predictions). */
    private final Loss loss;
    /** The parameters' names and shapes, for turning {@code theta} back into named tensors. */
    private final FlatLayout layout;
    /** The fitted parameters, flattened in {@code layout}'s order. */
    private final double[] theta;
    /** How the fit went. */
    private final FitSummary summary;
    /** Name of the features column. */
    private final Param<String> featuresCol;
    /** Name of the prediction column {@code transform} adds. */
    private final Param<String> predictionCol;

    AdjointModel(String uid, LayerFactory factory, Loss loss, NamedTensors parameters, FitSummary summary) {
        this(uid, factory, loss, FlatLayout.of(parameters), parameters.flatten().toArray(), summary);
    }

    private AdjointModel(String uid, LayerFactory factory, Loss loss, FlatLayout layout, double[] theta,
                         FitSummary summary) {
        this.uid = uid;
        this.factory = factory;
        this.loss = loss;
        this.layout = layout;
        this.theta = theta;
        this.summary = summary;
        featuresCol = new Param<>(this, "featuresCol", "features column name");
        predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        setDefault(featuresCol, "features");
        setDefault(predictionCol, "prediction");
    }

    /**
     * The model {@code factory} builds with the parameters saved in {@code file} by {@link #saveParameters}.
     *
     * @throws IllegalArgumentException naming the missing, unexpected or differently shaped parameters if
     *                                  the file does not fit the model
     * @throws IOException if the file is missing, truncated or corrupt
     */
    public static AdjointModel loadParameters(Path file, LayerFactory factory, Loss loss) throws IOException {
        Objects.requireNonNull(loss, "loss");
        NamedTensors params = ParameterFile.load(file, factory.create().initialize(0));
        return new AdjointModel(Identifiable$.MODULE$.randomUID("adjointModel"), factory, loss, params, null);
    }

    /** Spark ML persistence: {@code model.write().overwrite().save(path)}. */
    @Override
    public MLWriter write() {
        return new ModelPersistence.Writer(this);
    }

    /** Reads a model saved by {@link #write()} (Spark finds this static method when loading a Pipeline). */
    public static MLReader<AdjointModel> read() {
        return new ModelPersistence.Reader();
    }

    /** {@code read().load(path)}. */
    public static AdjointModel load(String path) {
        return read().load(Objects.requireNonNull(path, "path"));
    }

    /** Writes the fitted parameters to {@code file} ({@code .npz}, atomically, bit for bit). */
    public void saveParameters(Path file) throws IOException {
        ParameterFile.save(file, parameters());
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The fitted parameters, by name. */
    public NamedTensors parameters() {
        return layout.unflatten(theta);
    }

    /** The model factory. */
    public LayerFactory factory() {
        return factory;
    }

    /** The loss the model was fitted to. */
    public Loss loss() {
        return loss;
    }

    /** How the fit went; empty for a model loaded from a file. */
    public Optional<FitSummary> summary() {
        return Optional.ofNullable(summary);
    }

    /** Param: the features column. */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /** Param: the prediction column added. */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /** The features column's name. */
    public String getFeaturesCol() {
        return getOrDefault(featuresCol);
    }

    /** The prediction column's name. */
    public String getPredictionCol() {
        return getOrDefault(predictionCol);
    }

    /** Sets {@code featuresCol}. */
    public AdjointModel setFeaturesCol(String value) {
        return (AdjointModel) set(featuresCol, Objects.requireNonNull(value, "featuresCol"));
    }

    /** Sets {@code predictionCol}. */
    public AdjointModel setPredictionCol(String value) {
        return (AdjointModel) set(predictionCol, Objects.requireNonNull(value, "predictionCol"));
    }

    /**
     * The rows of {@code dataset} with the prediction column added (lazily, as Spark's transformations are).
     *
     * @throws IllegalArgumentException if the features column is missing or of the wrong type, or the
     *                                  prediction column exists; a row that the model cannot score fails
     *                                  the job, naming its partition and row
     */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        Dataset<Row> rows = dataset.toDF();
        int index = rows.schema().fieldIndex(getFeaturesCol());
        JavaRDD<Row> scored = rows.javaRDD().mapPartitionsWithIndex(
                PartitionPredictor.of(factory, loss, layout, theta, index), true);
        return rows.sparkSession().createDataFrame(scored, out);
    }

    /** Checks the features column and adds the prediction column (a double). */
    @Override
    public StructType transformSchema(StructType schema) {
        SchemaChecks.requireFeatures(STAGE, schema, getFeaturesCol());
        return SchemaChecks.withPrediction(STAGE, schema, getPredictionCol());
    }

    @Override
    public AdjointModel copy(ParamMap extra) {
        AdjointModel copy = new AdjointModel(uid, factory, loss, layout, theta, summary);
        copyValues(copy, extra);
        return copy.setParent(parent());
    }

    @Override
    public String toString() {
        return STAGE + "[" + uid + ": " + loss + ", " + layout + "]";
    }
}
