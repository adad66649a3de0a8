package org.adjoint.spark.ml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Layer;
import org.adjoint.nn.Predictions;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.quasinewton.Lbfgs;
import org.adjoint.optim.sharded.FlatLayout;
import org.adjoint.optim.sharded.ShardLoss;
import org.adjoint.spark.Block;
import org.adjoint.spark.Columns;
import org.adjoint.spark.SparkObjective;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One fit: the layer initialized from the seed, its shapes checked on one row, the distributed mean
 * objective with its L2 penalty, and L-BFGS (memory 10, strong Wolfe) from the initial parameters.
 */
final class Fitter {

    /** L-BFGS's memory, as MLlib's LogisticRegression uses. */
    static final int MEMORY = 10;

    /** What the estimator's params say. */
    record Settings(Columns columns, int maxIter, double tol, double regParam, long seed) {
    }

    /** The fitted parameters and how the fit went. */
    record Fitted(NamedTensors parameters, FitSummary summary) {
    }

    private Fitter() {
    }

    static Fitted fit(String stage, Dataset<Row> data, LayerFactory factory, Loss loss, Settings s) {
        Layer layer = factory.create();
        NamedTensors init = layer.initialize(s.seed());
        FlatLayout layout = FlatLayout.of(init);
        requireShapes(stage, data, s.columns(), layer, init, loss);
        try (SparkObjective<Block> objective = SparkObjective.fromDataset(data, s.columns(), shardLoss(factory, layout, loss))) {
            long n = objective.rows();
            SparkObjective<Block> sum = s.regParam() == 0 ? objective
                    : objective.withRegularizer(penalty(weightMask(layout), n * s.regParam() / 2));
            Stopping stopping = Stopping.defaults().withGradientTolerance(s.tol()).withMaxIterations(s.maxIter());
            long start = System.nanoTime();
            MinimizationResult r = Lbfgs.withMemory(MEMORY).minimize(new MeanObjective(sum, n), init.flatten(), stopping);
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] history = r.values().stream().mapToDouble(Double::doubleValue).toArray();
            FitSummary summary = new FitSummary(n, r.iterations(), history, sum.passes(), seconds, r.reason(), r.message());
            return new Fitted(layout.unflatten(r.x().toArray()), summary);
        }
    }

    /**
     * fₛ(θ) = Σ ℓ over a block: the layer (rebuilt by the factory inside the task) on the block's
     * features with the parameters sliced from θ. Captures only serializable values.
     */
    static ShardLoss<Block> shardLoss(LayerFactory factory, FlatLayout layout, Loss loss) {
        return (theta, block) -> loss.summed(
                factory.create().forward(layout.unflatten(theta), Var.constant(block.features())), block.labels());
    }

    /** c · Σ wᵢ² over the components the mask marks as weights. */
    private static org.adjoint.autodiff.VarFunction penalty(Tensor mask, double c) {
        return theta -> theta.square().mul(Var.constant(mask)).sum().mul(c);
    }

    /**
     * Runs the initial model on one row of zeros as wide as the first row's features, so that a model
     * that does not fit the data or the loss fails here, on the driver, with a clear message.
     */
    private static void requireShapes(String stage, Dataset<Row> data, Columns columns, Layer layer,
                                      NamedTensors init, Loss loss) {
        List<Row> first = data.select(columns.featuresCol()).limit(1).collectAsList();
        if (first.isEmpty()) {
            return; // SparkObjective reports the empty data
        }
        int d = RowFeatures.read(first.get(0), 0, stage + ": the first row").length;
        Tensor scores;
        try {
            scores = Predictions.scores(layer, init, Tensor.zeros(1, d));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(stage + ": the model " + layer + " does not take rows of " + d
                    + " features (the width of column '" + columns.featuresCol() + "'): " + e.getMessage(), e);
        }
        loss.requireOutput(stage, scores.shape(), 1);
    }

    /** 1 for each component of θ that belongs to a parameter named {@code weight} (not a bias), else 0. */
    static Tensor weightMask(FlatLayout layout) {
        NamedTensors zeros = layout.unflatten(new double[layout.size()]);
        Map<String, Tensor> mask = new LinkedHashMap<>();
        for (String name : zeros.names()) {
            boolean weight = name.equals("weight") || name.endsWith(".weight");
            mask.put(name, weight ? Tensor.ones(zeros.get(name).shape()) : zeros.get(name));
        }
        return NamedTensors.of(mask).flatten();
    }
}
