package org.adjoint.spark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.nn.layers.Affine;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Params, their defaults and validation, copies, and schema checks: nothing here needs a SparkSession. */
class AdjointEstimatorParamsTest {

    private static final StructType SCHEMA = new StructType()
            .add("features", SQLDataTypes.VectorType(), false)
            .add("label", DataTypes.DoubleType, false);

    private static AdjointEstimator estimator() {
        return new AdjointEstimator(() -> new Affine(4, 1), Loss.logistic());
    }

    @Test
    void defaultsAreDocumented() {
        AdjointEstimator e = estimator();
        assertEquals(100, e.getMaxIter());
        assertEquals(1e-6, e.getTol());
        assertEquals(0.0, e.getRegParam());
        assertEquals("features", e.getFeaturesCol());
        assertEquals("label", e.getLabelCol());
        assertEquals("prediction", e.getPredictionCol());
        assertEquals(42L, e.getSeed());
        String explained = e.explainParams();
        for (String name : new String[] {"maxIter", "tol", "regParam", "featuresCol", "labelCol", "predictionCol", "seed"}) {
            assertTrue(explained.contains(name), explained);
        }
    }

    @Test
    void badParamsAreRefusedNamingTheValue() {
        AdjointEstimator e = estimator();
        refused(() -> e.setMaxIter(-1), "maxIter", "-1");
        refused(() -> e.setTol(Double.NaN), "tol", "NaN");
        refused(() -> e.setTol(-1e-3), "tol", "-0.001");
        refused(() -> e.setRegParam(-0.5), "regParam", "-0.5");
        assertEquals(100, e.getMaxIter(), "a refused value leaves the param as it was");
        refused(() -> Loss.softmaxCrossEntropy(1), "classes", "1");
    }

    @Test
    void missingOrWrongColumnsAreNamed() {
        refused(() -> estimator().setFeaturesCol("pixels").transformSchema(SCHEMA), "'pixels'", "featuresCol");
        refused(() -> estimator().setLabelCol("y").transformSchema(SCHEMA), "'y'", "labelCol");
        refused(() -> estimator().setPredictionCol("label").transformSchema(SCHEMA), "'label'", "exists already");
        StructType text = new StructType().add("features", DataTypes.StringType).add("label", DataTypes.DoubleType);
        refused(() -> estimator().transformSchema(text), "'features'", "string");
        StructType textLabel = new StructType().add("features", SQLDataTypes.VectorType()).add("label", DataTypes.StringType);
        refused(() -> estimator().transformSchema(textLabel), "'label'", "string");
    }

    @Test
    void transformSchemaAddsADoublePredictionColumn() {
        StructType out = estimator().setPredictionCol("p").transformSchema(SCHEMA);
        assertEquals(DataTypes.DoubleType, out.apply("p").dataType());
        assertEquals(3, out.fields().length);
    }

    @Test
    void copyKeepsTheUidAndAppliesExtraParamsToTheCopyOnly() {
        AdjointEstimator e = estimator().setMaxIter(7);
        AdjointEstimator c = e.copy(new ParamMap().put(e.regParam().w(0.5)));
        assertNotSame(e, c);
        assertEquals(e.uid(), c.uid());
        assertEquals(7, c.getMaxIter());
        assertEquals(0.5, c.getRegParam());
        assertEquals(0.0, e.getRegParam());
    }

    private static void refused(Executable action, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should name " + part);
        }
    }
}
