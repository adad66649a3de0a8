package org.adjoint.spark.ml;

import java.util.Objects;
import org.adjoint.spark.Columns;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML {@code Estimator} that fits any Adjoint model on a DataFrame: the model's layer, built by
 * a serializable {@link LayerFactory}, is fitted with L-BFGS (memory 10, strong Wolfe line search) on
 * a distributed objective ({@link org.adjoint.spark.SparkObjective}: θ shipped to every task, each partition's
 * rows evaluated as one block, partials added in partition order, so the same partitioning gives the
 * same bits), starting from {@code layer.initialize(seed)}.
 *
 * <pre>{@code
 * AdjointEstimator mlp = new AdjointEstimator(() -> Mlp.of(Activation.RELU, 20, 16, 2), Loss.softmaxCrossEntropy(2))
 *         .setMaxIter(200).setRegParam(1e-4);
 * AdjointModel model = mlp.fit(train);                 // or a stage of a Pipeline
 * Dataset<Row> scored = model.transform(test);          // adds "prediction"
 * }</pre>
 *
 * <p><b>The objective</b>, as MLlib's: F(θ) = (1/N) Σᵢ ℓ(θ; xᵢ, yᵢ) + (regParam/2)·‖w‖², the mean
 * {@link Loss} over the N rows plus an L2 penalty on the weights only: the parameters named
 * {@code weight} (every {@code Affine} and {@code Linear} layer's matrix), not the biases. With
 * {@code Loss.logistic()} and one {@code Affine(d, 1)} layer this is MLlib's {@code LogisticRegression}
 * with {@code elasticNetParam = 0} and {@code standardization = false}.
 *
 * <p><b>Params</b> (Spark's {@code Param} machinery: defaults, {@code ParamMap}s, {@code copy}):
 * {@code maxIter} (100, ≥ 0), {@code tol} (1e-6, ≥ 0: stop when ‖∇F(θ)‖₂ ≤ tol — a gradient test on
 * the mean objective, so it does not depend on N; MLlib's {@code tol} is a relative change of F
 * instead), {@code regParam} (0, ≥ 0), {@code featuresCol} ("features": ML vectors or arrays of
 * numbers), {@code labelCol} ("label": class indices 0…K−1 for classification, any finite number for
 * regression), {@code predictionCol} ("prediction"), {@code seed} (42, for the initial parameters).
 * A bad value is refused when set, naming the param and the value.
 *
 * <p>The data are read and cached once per fit (as blocks, one per partition) and unpersisted after.
 */
public final class AdjointEstimator extends Estimator<AdjointModel> {

    private static final long serialVersionUID = 1L;
    private static final String STAGE = "AdjointEstimator";

    /** This stage's unique id. */
    private final String uid;
    /** Builds the layer to fit (shipped to the executors, not the layer itself). */
    private final LayerFactory factory;
    /** The loss the fit minimizes. */
    private final Loss loss;
    /** Maximum number of L-BFGS iterations. */
    private final IntParam maxIter;
    /** Gradient-norm tolerance of the mean objective. */
    private final DoubleParam tol;
    /** L2 penalty on the weights. */
    private final DoubleParam regParam;
    /** Name of the features column. */
    private final Param<String> featuresCol;
    /** Name of the label column. */
    private final Param<String> labelCol;
    /** Name of the prediction column the fitted model adds. */
    private final Param<String> predictionCol;
    /** Seed of the initial parameters. */
    private final LongParam seed;

    /** An estimator of the model {@code factory} builds, fitted to {@code loss}, with a random uid. */
    public AdjointEstimator(LayerFactory factory, Loss loss) {
        this(Identifiable$.MODULE$.randomUID("adjointEstimator"), factory, loss);
    }

    /** The same with the given uid (as Spark's {@code copy} needs). */
    public AdjointEstimator(String uid, LayerFactory factory, Loss loss) {
        this.uid = Objects.requireNonNull(uid, "uid");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.loss = Objects.requireNonNull(loss, "loss");
        maxIter = new IntParam(this, "maxIter", "maximum number of L-BFGS iterations (>= 0)", ParamValidators.gtEq(0));
        tol = new DoubleParam(this, "tol", "stop when the norm of the mean objective's gradient is at most tol (>= 0)",
                ParamValidators.gtEq(0));
        regParam = new DoubleParam(this, "regParam", "L2 penalty (regParam/2)·‖w‖² on the weights (>= 0)",
                ParamValidators.gtEq(0));
        featuresCol = new Param<>(this, "featuresCol", "features column name");
        labelCol = new Param<>(this, "labelCol", "label column name");
        predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        seed = new LongParam(this, "seed", "random seed of the initial parameters");
        setDefault(maxIter, 100);
        setDefault(tol, 1e-6);
        setDefault(regParam, 0.0);
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
        setDefault(seed, 42L);
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The model factory. */
    public LayerFactory factory() {
        return factory;
    }

    /** The loss the model is fitted to. */
    public Loss loss() {
        return loss;
    }

    /** Param: maximum number of L-BFGS iterations. */
    public IntParam maxIter() {
        return maxIter;
    }

    /** Param: gradient-norm tolerance on the mean objective. */
    public DoubleParam tol() {
        return tol;
    }

    /** Param: the L2 penalty's coefficient. */
    public DoubleParam regParam() {
        return regParam;
    }

    /** Param: the features column. */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /** Param: the label column. */
    public Param<String> labelCol() {
        return labelCol;
    }

    /** Param: the prediction column the model adds. */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /** Param: the seed of the initial parameters. */
    public LongParam seed() {
        return seed;
    }

    /** The maximum number of iterations. */
    public int getMaxIter() {
        return (Integer) getOrDefault(maxIter);
    }

    /** The tolerance. */
    public double getTol() {
        return (Double) getOrDefault(tol);
    }

    /** The L2 coefficient. */
    public double getRegParam() {
        return (Double) getOrDefault(regParam);
    }

    /** The features column's name. */
    public String getFeaturesCol() {
        return getOrDefault(featuresCol);
    }

    /** The label column's name. */
    public String getLabelCol() {
        return getOrDefault(labelCol);
    }

    /** The prediction column's name. */
    public String getPredictionCol() {
        return getOrDefault(predictionCol);
    }

    /** The initialization seed. */
    public long getSeed() {
        return (Long) getOrDefault(seed);
    }

    /** Sets {@code maxIter}. @throws IllegalArgumentException naming the value if it is negative */
    public AdjointEstimator setMaxIter(int value) {
        return (AdjointEstimator) set(maxIter, value);
    }

    /** Sets {@code tol}. @throws IllegalArgumentException naming the value if it is negative or NaN */
    public AdjointEstimator setTol(double value) {
        return (AdjointEstimator) set(tol, value);
    }

    /** Sets {@code regParam}. @throws IllegalArgumentException naming the value if it is negative or NaN */
    public AdjointEstimator setRegParam(double value) {
        return (AdjointEstimator) set(regParam, value);
    }

    /** Sets {@code featuresCol}. */
    public AdjointEstimator setFeaturesCol(String value) {
        return (AdjointEstimator) set(featuresCol, Objects.requireNonNull(value, "featuresCol"));
    }

    /** Sets {@code labelCol}. */
    public AdjointEstimator setLabelCol(String value) {
        return (AdjointEstimator) set(labelCol, Objects.requireNonNull(value, "labelCol"));
    }

    /** Sets {@code predictionCol}. */
    public AdjointEstimator setPredictionCol(String value) {
        return (AdjointEstimator) set(predictionCol, Objects.requireNonNull(value, "predictionCol"));
    }

    /** Sets {@code seed}. */
    public AdjointEstimator setSeed(long value) {
        return (AdjointEstimator) set(seed, value);
    }

    /**
     * Fits the model: reads and caches the features and labels, checks every row (a bad row is named
     * by partition and row), runs L-BFGS, and unpersists the data.
     *
     * @throws IllegalArgumentException if a column is missing or of the wrong type, the model does not
     *                                  take the data's width or give the loss's outputs, the data are empty,
     *                                  or a row is bad
     */
    @Override
    public AdjointModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Columns columns = new Columns(getFeaturesCol(), getLabelCol(), loss.classes());
        Fitter.Settings settings = new Fitter.Settings(columns, getMaxIter(), getTol(), getRegParam(), getSeed());
        Fitter.Fitted fitted = Fitter.fit(STAGE + ".fit", dataset.toDF(), factory, loss, settings);
        AdjointModel model = new AdjointModel(uid, factory, loss, fitted.parameters(), fitted.summary());
        model.setParent(this);
        return copyValues(model, ParamMap.empty());
    }

    /** Checks the features and label columns and adds the prediction column (a double). */
    @Override
    public StructType transformSchema(StructType schema) {
        SchemaChecks.requireFeatures(STAGE, schema, getFeaturesCol());
        SchemaChecks.requireLabel(STAGE, schema, getLabelCol());
        return SchemaChecks.withPrediction(STAGE, schema, getPredictionCol());
    }

    @Override
    public AdjointEstimator copy(ParamMap extra) {
        return copyValues(new AdjointEstimator(uid, factory, loss), extra);
    }

    @Override
    public String toString() {
        return STAGE + "[" + uid + ": " + loss + "]";
    }
}
