package org.adjoint.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.storage.StorageLevel;

/**
 * Builds the cached RDD of shards, one per non-empty partition, and checks it with one job before any
 * evaluation: every row readable, at least one row, the same number of features everywhere.
 */
final class Shards {

    /** One partition's rows and features per row, as the checking job reports them. */
    private record Size(int partition, int rows, int width) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The cached shards and the number of rows in all of them, as the checking job counted them. */
    record Checked<S>(JavaRDD<Shard<S>> shards, long rows) {
    }

    private Shards() {
    }

    static Checked<Block> fromDataset(String operation, Dataset<Row> data, Columns columns) {
        columns.requireIn(data.schema());
        requireTypes(operation, data, columns);
        JavaRDD<Row> rows = data.select(columns.featuresCol(), columns.labelCol()).toJavaRDD();
        return cacheAndCheck(operation, rows.mapPartitionsWithIndex(readBlocks(columns), true));
    }

    static <T, S> Checked<S> fromRdd(String operation, JavaRDD<T> rows, ShardDecoder<T, S> decoder) {
        Failures.requireSerializable(operation, "shard decoder", decoder);
        return cacheAndCheck(operation, rows.mapPartitionsWithIndex(decode(decoder), true));
    }

    private static Function2<Integer, Iterator<Row>, Iterator<Shard<Block>>> readBlocks(Columns columns) {
        return (p, rows) -> {
            try {
                Block b = BlockReader.read(columns, p, rows);
                return b == null ? Collections.emptyIterator() : List.of(new Shard<>(p, b.rows(), b.width(), b)).iterator();
            } catch (RuntimeException e) {
                throw new PartitionFailure(p, e);
            }
        };
    }

    private static <T, S> Function2<Integer, Iterator<T>, Iterator<Shard<S>>> decode(ShardDecoder<T, S> decoder) {
        return (p, rows) -> {
            List<T> list = new ArrayList<>();
            rows.forEachRemaining(list::add);
            if (list.isEmpty()) {
                return Collections.emptyIterator();
            }
            try {
                return List.of(new Shard<>(p, list.size(), -1, decoder.decode(list))).iterator();
            } catch (RuntimeException e) {
                throw new PartitionFailure(p, e);
            }
        };
    }

    private static void requireTypes(String operation, Dataset<Row> data, Columns columns) {
        DataType x = data.schema().apply(columns.featuresCol()).dataType();
        DataType y = data.schema().apply(columns.labelCol()).dataType();
        boolean vectors = x.equals(SQLDataTypes.VectorType())
                || x instanceof ArrayType a && a.elementType() instanceof NumericType;
        if (!vectors || !(y instanceof NumericType)) {
            throw new IllegalArgumentException(operation + ": the features column '" + columns.featuresCol()
                    + "' must hold ML vectors or numeric arrays and the label column '" + columns.labelCol()
                    + "' numbers, but they are " + x.simpleString() + " and " + y.simpleString());
        }
    }

    /**
     * Caches the shards (deserialized, in memory) and runs the checking job, which also counts the rows;
     * unpersists them if it fails.
     */
    private static <S> Checked<S> cacheAndCheck(String operation, JavaRDD<Shard<S>> shards) {
        shards.persist(StorageLevel.MEMORY_ONLY());
        try {
            List<Size> sizes = shards.map(s -> new Size(s.partition(), s.rows(), s.width())).collect();
            check(operation, sizes);
            return new Checked<>(shards, sizes.stream().mapToLong(Size::rows).sum());
        } catch (Exception e) {
            shards.unpersist(false);
            throw Failures.of(operation, e);
        }
    }

    private static void check(String operation, List<Size> sizes) {
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException(operation + ": the data has no rows (every partition is empty)");
        }
        Size first = sizes.get(0);
        for (Size s : sizes) {
            if (s.width() != first.width()) {
                throw new IllegalArgumentException(operation + ": partition " + s.partition() + ", row 0: " + s.width()
                        + " features, but partition " + first.partition() + " has " + first.width());
            }
        }
    }
}
