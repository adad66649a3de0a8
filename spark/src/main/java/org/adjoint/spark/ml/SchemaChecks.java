package org.adjoint.spark.ml;

import java.util.Arrays;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/** The column checks of {@code transformSchema}, with errors naming the stage, the column and its role. */
final class SchemaChecks {

    private SchemaChecks() {
    }

    /** Requires a features column of ML vectors or numeric arrays. */
    static void requireFeatures(String stage, StructType schema, String column) {
        DataType type = require(stage, schema, column, "featuresCol");
        boolean vectors = type.equals(SQLDataTypes.VectorType())
                || type instanceof ArrayType a && a.elementType() instanceof NumericType;
        if (!vectors) {
            throw new IllegalArgumentException(stage + ": the features column '" + column + "' must hold ML vectors "
                    + "or arrays of numbers, but it holds " + type.simpleString());
        }
    }

    /** Requires a numeric label column. */
    static void requireLabel(String stage, StructType schema, String column) {
        DataType type = require(stage, schema, column, "labelCol");
        if (!(type instanceof NumericType)) {
            throw new IllegalArgumentException(stage + ": the label column '" + column + "' must hold numbers, but it holds "
                    + type.simpleString());
        }
    }

    /** The schema with a new double column for the predictions; it must not exist yet. */
    static StructType withPrediction(String stage, StructType schema, String column) {
        if (Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException(stage + ": the prediction column '" + column + "' (predictionCol) "
                    + "exists already; choose another name with setPredictionCol");
        }
        return schema.add(column, DataTypes.DoubleType, false);
    }

    private static DataType require(String stage, StructType schema, String column, String role) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException(stage + ": the DataFrame has no column '" + column + "' (" + role
                    + "); its columns are " + Arrays.toString(schema.fieldNames()));
        }
        return schema.apply(column).dataType();
    }
}
