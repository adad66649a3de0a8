package org.adjoint.spark.ml;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Layer;
import org.adjoint.nn.Predictions;
import org.adjoint.optim.sharded.FlatLayout;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The task of {@code AdjointModel.transform}: a partition's rows, in chunks of {@link #CHUNK}, through
 * the model as one matrix each ({@link Predictions#scores}, as in one JVM), each row given back with its
 * prediction appended. Captures only the factory, the loss, the layout, θ and the column index.
 */
final class PartitionPredictor {

    /** Rows scored at once. */
    static final int CHUNK = 4096;

    private PartitionPredictor() {
    }

    static Function2<Integer, Iterator<Row>, Iterator<Row>> of(LayerFactory factory, Loss loss, FlatLayout layout,
                                                               double[] theta, int featuresIndex) {
        return (partition, rows) -> new Chunks(partition, rows, factory.create(), loss, layout.unflatten(theta),
                featuresIndex);
    }

    /** Lazily scores the rows a chunk at a time. */
    private static final class Chunks implements Iterator<Row> {
        private final int partition;
        private final Iterator<Row> rows;
        private final Layer layer;
        private final Loss loss;
        private final NamedTensors params;
        private final int featuresIndex;
        private List<Row> chunk = List.of();
        private double[] predictions;
        private int next;
        private long done;

        Chunks(int partition, Iterator<Row> rows, Layer layer, Loss loss, NamedTensors params, int featuresIndex) {
            this.partition = partition;
            this.rows = rows;
            this.layer = layer;
            this.loss = loss;
            this.params = params;
            this.featuresIndex = featuresIndex;
        }

        @Override
        public boolean hasNext() {
            return next < chunk.size() || rows.hasNext();
        }

        @Override
        public Row next() {
            if (next == chunk.size()) {
                if (!rows.hasNext()) {
                    throw new NoSuchElementException();
                }
                score();
            }
            Row row = chunk.get(next);
            Object[] values = new Object[row.length() + 1];
            for (int i = 0; i < row.length(); i++) {
                values[i] = row.get(i);
            }
            values[row.length()] = predictions[next++];
            return RowFactory.create(values);
        }

        private void score() {
            done += chunk.size();
            chunk = new ArrayList<>(CHUNK);
            List<double[]> features = new ArrayList<>(CHUNK);
            while (rows.hasNext() && chunk.size() < CHUNK) {
                Row row = rows.next();
                String where = "AdjointModel.transform: partition " + partition + ", row " + (done + chunk.size());
                features.add(RowFeatures.read(row, featuresIndex, where));
                chunk.add(row);
            }
            int d = features.get(0).length;
            double[] x = new double[chunk.size() * d];
            for (int i = 0; i < features.size(); i++) {
                if (features.get(i).length != d) {
                    throw new IllegalArgumentException("AdjointModel.transform: partition " + partition + ", row "
                            + (done + i) + ": " + features.get(i).length + " features, but row " + done + " has " + d);
                }
                System.arraycopy(features.get(i), 0, x, i * d, d);
            }
            Tensor scores = Predictions.scores(layer, params, Tensor.of(Shape.of(chunk.size(), d), x));
            loss.requireOutput("AdjointModel.transform", scores.shape(), chunk.size());
            predictions = loss.predict(scores);
            next = 0;
        }
    }
}
