package org.adjoint.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad data and bad arguments: each refused with the partition and row (or the column) named, the
 * driver's state unchanged. 40 rows in 4 partitions of 10, so row 23 is row 3 of partition 2.
 */
class BadInputTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Row i of a 3-feature dataset, broken at row 23 as {@code kind} says. */
    static Row row(long i, String kind) {
        Row good = TestSpark.logisticRow(i, 3, 7);
        if (i != 23) {
            return good;
        }
        double[] x = ((org.apache.spark.ml.linalg.Vector) good.get(0)).toArray();
        return switch (kind) {
            case "nan" -> RowFactory.create(Vectors.dense(x[0], Double.NaN, x[2]), good.get(1));
            case "width" -> RowFactory.create(Vectors.dense(x[0], x[1]), good.get(1));
            case "class" -> RowFactory.create(good.get(0), 2.0);
            case "infiniteLabel" -> RowFactory.create(good.get(0), Double.POSITIVE_INFINITY);
            default -> good;
        };
    }

    private static Dataset<Row> data(String kind) {
        JavaRDD<Row> rows = spark.range(0, 40, 1, 4).javaRDD().map(i -> row(i, kind));
        return spark.createDataFrame(rows, TestSpark.SCHEMA);
    }

    private static void assertRefused(String kind, Columns columns, String... expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkObjective.fromDataset(data(kind), columns, TestSpark.logisticLoss(3)));
        for (String text : expected) {
            assertTrue(e.getMessage().contains(text), "'" + text + "' not in: " + e.getMessage());
        }
    }

    @Test
    void aNanFeatureIsRefusedNamingPartitionRowAndColumn() {
        assertRefused("nan", Columns.defaults(), "partition 2, row 3, column 'features'", "feature 1 is NaN");
    }

    @Test
    void aRowOfAnotherWidthIsRefusedNamingPartitionAndRow() {
        assertRefused("width", Columns.defaults(), "partition 2, row 3, column 'features'",
                "2 features, but row 0 of the partition has 3");
    }

    @Test
    void aLabelOutsideTheClassesOrNotFiniteIsRefused() {
        assertRefused("class", Columns.defaults().withClasses(2), "partition 2, row 3, column 'label'",
                "the label 2.0 is not a class index 0, 1, …, 1");
        assertRefused("infiniteLabel", Columns.defaults(), "partition 2, row 3, column 'label'", "the label is Infinity");
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsThereAre() {
        assertRefused("good", Columns.defaults().withLabelCol("y"), "no column 'y'", "[features, label]");
    }

    @Test
    void anEmptyDatasetIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkObjective.fromDataset(data("good").limit(0), Columns.defaults(), TestSpark.logisticLoss(3)));
        assertTrue(e.getMessage().contains("the data has no rows"), e.getMessage());
    }

    @Test
    void aFailedEvaluationNamesThePartitionAndChangesNothing() {
        try (SparkObjective<Block> f = SparkObjective.fromDataset(data("good"), Columns.defaults(),
                TestSpark.logisticLoss(3))) {
            Tensor theta = Tensor.randomNormal(1, 4);
            Evaluation before = f.evaluate(theta);
            Tensor wrong = Tensor.randomNormal(1, 3);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.evaluate(wrong));
            assertTrue(e.getMessage().startsWith("SparkObjective.evaluate: partition "), e.getMessage());
            assertEquals(1, f.passes(), "a failed pass is not counted");
            assertEquals(before, f.evaluate(theta), "the objective after a failed evaluation");
            assertThrows(IllegalArgumentException.class, () -> f.hessianVector(theta, wrong));
            assertEquals(2, f.passes());
        }
    }
}
