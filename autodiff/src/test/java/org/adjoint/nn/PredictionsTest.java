package org.adjoint.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

class PredictionsTest {

    /** Scores are the inputs themselves: the prediction is each row's argmax. */
    private static final Model IDENTITY = (p, x) -> x.mul(p.get("scale"));
    private static final NamedTensors ONE = NamedTensors.of(Map.of("scale", Tensor.scalar(1)));
    private static final Tensor X = Tensor.matrix(new double[][] {{0.1, 0.9, 0.0}, {2, 1, 3}, {5, 5, 1}});

    @Test
    void predictsTheLargestScoreAndCountsAccuracy() {
        assertEquals(X, Predictions.scores(IDENTITY, ONE, X));
        assertArrayEquals(new int[] {1, 2, 0}, Predictions.predict(IDENTITY, ONE, X));
        assertEquals(2.0 / 3, Predictions.accuracy(IDENTITY, ONE, X, new int[] {1, 2, 2}));
        assertEquals(1.0, Predictions.accuracy(new int[] {4}, new int[] {4}));
    }

    @Test
    void evaluationRecordsNothing() {
        Model spy = (p, x) -> {
            Var out = x.mul(p.get("scale"));
            assertFalse(out.requiresGrad(), "evaluation must run on constants");
            return out;
        };
        Predictions.predict(spy, ONE, X);
    }

    @Test
    void mismatchedInputsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Predictions.accuracy(new int[] {1, 2}, new int[] {1}));
        assertEquals("accuracy: 2 predictions for 1 labels; need the same positive number", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Predictions.predict((p, x) -> x.sum(1), ONE, X));
        assertEquals("predict: the model returned shape [3], not one row of scores per example", e.getMessage());
    }

    /** Issue 17, item 6: NaN scores used to be predicted as class 0 and counted right. */
    @Test
    void nanScoresAreAnErrorNamingTheExample() {
        Tensor allNan = Tensor.matrix(new double[][] {{Double.NaN, Double.NaN}, {Double.NaN, Double.NaN}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Predictions.accuracy(IDENTITY, ONE, allNan, new int[] {0, 0}));
        assertEquals("predict: the model's scores hold NaN (first at example 0, class 0 of shape [2, 2]);"
                + " a NaN score has no ranking, so no class can be predicted", e.getMessage());
        Tensor oneNan = Tensor.matrix(new double[][] {{1, 2}, {3, Double.NaN}});
        e = assertThrows(IllegalArgumentException.class, () -> Predictions.predict(IDENTITY, ONE, oneNan));
        assertEquals("predict: the model's scores hold NaN (first at example 1, class 1 of shape [2, 2]);"
                + " a NaN score has no ranking, so no class can be predicted", e.getMessage());
    }

    @Test
    void infiniteScoresStillRank() {
        Tensor inf = Tensor.matrix(new double[][] {{Double.NEGATIVE_INFINITY, 0}, {Double.POSITIVE_INFINITY, 7}});
        assertArrayEquals(new int[] {1, 0}, Predictions.predict(IDENTITY, ONE, inf));
    }
}
