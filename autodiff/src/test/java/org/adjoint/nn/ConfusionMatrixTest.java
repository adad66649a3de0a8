package org.adjoint.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adjoint.nn.ConfusionMatrix.Average;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/** The confusion matrix and its metrics: cases worked out by hand, and identities on random predictions. */
class ConfusionMatrixTest {

    private static final double EXACT = 1e-15;

    // true 0 0 0 1 1 2, predicted 0 1 0 1 2 1:  rows [2 1 0], [0 1 1], [0 1 0]
    private static final int[] LABELS = {0, 0, 0, 1, 1, 2};
    private static final int[] PREDICTED = {0, 1, 0, 1, 2, 1};

    @Test
    void countsRowsByTrueClassAndColumnsByPrediction() {
        ConfusionMatrix m = ConfusionMatrix.of(LABELS, PREDICTED, 3);
        assertArrayEquals(new long[][] {{2, 1, 0}, {0, 1, 1}, {0, 1, 0}}, m.toArray());
        assertEquals(6, m.total());
        assertEquals(2, m.support(1));
        assertEquals(3, m.predictedCount(1));
        assertEquals(1, m.count(1, 2));
    }

    @Test
    void perClassScoresByHand() {
        ConfusionMatrix m = ConfusionMatrix.of(LABELS, PREDICTED, 3);
        // class 0: tp 2, fp 0, fn 1;  class 1: tp 1, fp 2, fn 1;  class 2: tp 0, fp 1, fn 1
        assertEquals(1.0, m.precision(0), EXACT);
        assertEquals(2.0 / 3, m.recall(0), EXACT);
        assertEquals(0.8, m.f1(0), EXACT);
        assertEquals(1.0 / 3, m.precision(1), EXACT);
        assertEquals(0.5, m.recall(1), EXACT);
        assertEquals(0.4, m.f1(1), EXACT);
        assertEquals(0.0, m.precision(2));
        assertEquals(0.0, m.recall(2));
        assertEquals(0.0, m.f1(2));
        assertEquals(0.5, m.accuracy(), EXACT);
    }

    @Test
    void averagesByHand() {
        ConfusionMatrix m = ConfusionMatrix.of(LABELS, PREDICTED, 3);
        assertEquals(4.0 / 9, m.precision(Average.MACRO), EXACT);
        assertEquals(7.0 / 18, m.recall(Average.MACRO), EXACT);
        assertEquals(0.4, m.f1(Average.MACRO), EXACT); // (0.8 + 0.4 + 0) / 3, not F1 of the macro P and R
        assertEquals(11.0 / 18, m.precision(Average.WEIGHTED), EXACT);
        assertEquals(0.5, m.recall(Average.WEIGHTED), EXACT);
        assertEquals(3.2 / 6, m.f1(Average.WEIGHTED), EXACT);
        assertEquals(0.5, m.precision(Average.MICRO), EXACT);
        assertEquals(0.5, m.f1(Average.MICRO), EXACT);
    }

    @Test
    void aClassThatNeverOccursCountsAsZeroInTheMacroAverage() {
        // scikit-learn with labels=[0, 1, 2, 3]: class 3 has no support and no prediction, so P = R = F1 = 0
        ConfusionMatrix m = ConfusionMatrix.of(LABELS, PREDICTED, 4);
        assertEquals(0.0, m.precision(3));
        assertEquals(0.0, m.recall(3));
        assertEquals(0, m.support(3));
        assertEquals(1.2 / 4, m.f1(Average.MACRO), EXACT);
        assertEquals(3.2 / 6, m.f1(Average.WEIGHTED), EXACT); // weight 0: unchanged
    }

    @Test
    void precisionOfAClassNeverPredictedIsZero() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 0}, 2);
        assertEquals(0.5, m.precision(0), EXACT);
        assertEquals(1.0, m.recall(0), EXACT);
        assertEquals(0.0, m.precision(1)); // 0 / 0: scikit-learn's zero_division default, 0
        assertEquals(0.0, m.recall(1));
        assertEquals(0.0, m.f1(1));
    }

    @Test
    void theReportShowsTheCountsAndEveryScore() {
        String report = ConfusionMatrix.of(LABELS, PREDICTED, 3).report();
        List<String> lines = report.lines().toList();
        assertEquals("true \\ predicted", lines.get(0));
        assertEquals("              0  1  2", lines.get(1));
        assertEquals("           0  2  1  0", lines.get(2));
        assertTrue(report.contains("           0     1.0000     0.6667     0.8000          3"), report);
        assertTrue(report.contains("    accuracy                           0.5000          6"), report);
        assertTrue(report.contains("   macro avg     0.4444     0.3889     0.4000          6"), report);
        assertTrue(report.contains("weighted avg     0.6111     0.5000     0.5333          6"), report);
        assertEquals("ConfusionMatrix[3 classes, 6 examples, accuracy 0.5000]",
                ConfusionMatrix.of(LABELS, PREDICTED, 3).toString());
    }

    @Test
    void badInputIsRefusedNamingTheValue() {
        assertMessage("3 labels and 2 predictions", () -> ConfusionMatrix.of(new int[3], new int[2], 2));
        assertMessage("0 labels and 0 predictions", () -> ConfusionMatrix.of(new int[0], new int[0], 2));
        assertMessage("classes = 0", () -> ConfusionMatrix.of(new int[1], new int[1], 0));
        assertMessage("classes = 46341", () -> ConfusionMatrix.of(new int[1], new int[1], 46_341));
        assertMessage("label 2 at index 1", () -> ConfusionMatrix.of(new int[] {0, 2}, new int[] {0, 0}, 2));
        assertMessage("prediction -1 at index 0", () -> ConfusionMatrix.of(new int[] {0}, new int[] {-1}, 2));
        assertMessage("class 5", () -> ConfusionMatrix.of(LABELS, PREDICTED, 3).precision(5));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(message.contains(expected), message);
    }

    /** Random predictions: k classes, n examples. */
    private record Labelled(int classes, int[] labels, int[] predicted) {
    }

    private static Gen<Labelled> labelled() {
        return Gen.integers(1, 6).flatMap(k -> Gen.integers(1, 40).flatMap(n -> Gen.zip(
                Gen.lists(Gen.integers(0, k - 1), n, n), Gen.lists(Gen.integers(0, k - 1), n, n),
                (a, b) -> new Labelled(k, toArray(a), toArray(b)))));
    }

    private static int[] toArray(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void f1IsTheHarmonicMeanOfPrecisionAndRecall() {
        Property.forAll(labelled()).check(l -> {
            ConfusionMatrix m = ConfusionMatrix.of(l.labels(), l.predicted(), l.classes());
            for (int c = 0; c < l.classes(); c++) {
                long tp = m.count(c, c);
                long fp = m.predictedCount(c) - tp;
                long fn = m.support(c) - tp;
                double expected = tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
                assertEquals(expected, m.f1(c), 1e-15, "class " + c);
                if (tp > 0) {
                    assertEquals(2 / (1 / m.precision(c) + 1 / m.recall(c)), m.f1(c), 1e-15, "class " + c);
                }
            }
        });
    }

    @Test
    void microF1AndWeightedRecallEqualAccuracy() {
        Property.forAll(labelled()).check(l -> {
            ConfusionMatrix m = ConfusionMatrix.of(l.labels(), l.predicted(), l.classes());
            assertEquals(Predictions.accuracy(l.predicted(), l.labels()), m.accuracy(), 1e-15);
            assertEquals(m.accuracy(), m.f1(Average.MICRO), 1e-15);
            assertEquals(m.accuracy(), m.precision(Average.MICRO), 1e-15);
            assertEquals(m.accuracy(), m.recall(Average.WEIGHTED), 1e-15);
        });
    }

    @Test
    void countsAddUpAndScoresAreFractions() {
        Property.forAll(labelled()).check(l -> {
            ConfusionMatrix m = ConfusionMatrix.of(l.labels(), l.predicted(), l.classes());
            long supports = 0;
            long predictions = 0;
            for (int c = 0; c < l.classes(); c++) {
                supports += m.support(c);
                predictions += m.predictedCount(c);
                for (double s : new double[] {m.precision(c), m.recall(c), m.f1(c)}) {
                    assertTrue(s >= 0 && s <= 1, "class " + c + ": " + s);
                }
            }
            assertEquals(l.labels().length, m.total());
            assertEquals(m.total(), supports);
            assertEquals(m.total(), predictions);
        });
    }

    @Test
    void aPerfectPredictionScoresOneForEveryClassPresent() {
        Property.forAll(labelled()).check(l -> {
            ConfusionMatrix m = ConfusionMatrix.of(l.labels(), l.labels(), l.classes());
            assertEquals(1.0, m.accuracy());
            for (int c = 0; c < l.classes(); c++) {
                assertEquals(m.support(c) > 0 ? 1.0 : 0.0, m.f1(c), "class " + c);
            }
            assertEquals(1.0, m.f1(Average.WEIGHTED), 1e-15);
        });
    }

    @Test
    void equalWhenTheCountsAreEqual() {
        ConfusionMatrix a = ConfusionMatrix.of(LABELS, PREDICTED, 3);
        int[] reversedLabels = {2, 1, 1, 0, 0, 0};
        int[] reversedPredicted = {1, 2, 1, 0, 1, 0};
        assertEquals(a, ConfusionMatrix.of(reversedLabels, reversedPredicted, 3));
        assertEquals(a.hashCode(), ConfusionMatrix.of(reversedLabels, reversedPredicted, 3).hashCode());
        assertTrue(!a.equals(ConfusionMatrix.of(LABELS, PREDICTED, 4)));
    }
}
