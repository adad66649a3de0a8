package org.adjoint.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;

/**
 * The counts of a classifier's predictions by true and predicted class, and the metrics computed from
 * them, with scikit-learn's definitions ({@code confusion_matrix}, {@code precision_recall_fscore_support}
 * and {@code classification_report} given {@code labels=range(classes)}). Row i, column j counts the
 * examples of true class i predicted as j. For class c, with tp the diagonal count, fp the rest of its
 * column and fn the rest of its row:
 * <pre>
 *   precision = tp / (tp + fp)      recall = tp / (tp + fn)      support = tp + fn
 *   F1 = 2·precision·recall / (precision + recall)
 *   accuracy = Σ tp / n
 * </pre>
 * A ratio whose denominator is 0 is 0, as scikit-learn's default ({@code zero_division="warn"}, which
 * warns and returns 0): the precision of a class never predicted, the recall of a class absent from
 * the labels, the F1 of a class whose precision and recall are both 0. Averages ({@link Average}):
 * macro is the unweighted mean over all {@code classes} (absent classes included, at 0), weighted
 * weighs each class by its support, micro pools the counts; macro F1 is the mean of the per-class F1
 * scores, not the F1 of the macro precision and recall. Immutable.
 */
public final class ConfusionMatrix {

    /** How per-class scores are combined, as scikit-learn's {@code average} argument. */
    public enum Average {
        /** From the counts pooled over classes; equals accuracy for single-label classification. */
        MICRO,
        /** The unweighted mean over classes. */
        MACRO,
        /** The mean over classes weighted by support. */
        WEIGHTED
    }

    /** The most classes whose k × k counts fit one Java array. */
    static final int MAX_CLASSES = 46_340;

    private final int classes;
    private final long[] counts;

    private ConfusionMatrix(int classes, long[] counts) {
        this.classes = classes;
        this.counts = counts;
    }

    /**
     * The confusion matrix of {@code predicted} against {@code labels}, classes 0 to {@code classes − 1}.
     *
     * @throws IllegalArgumentException if the arrays are empty or differ in length, if {@code classes}
     *                                  is below 1 or above 46,340, or naming the first label or prediction out of range
     */
    public static ConfusionMatrix of(int[] labels, int[] predicted, int classes) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(predicted, "predicted");
        if (classes < 1 || classes > MAX_CLASSES) {
            throw new IllegalArgumentException("ConfusionMatrix: classes = " + classes + "; need 1 to " + MAX_CLASSES
                    + " (a k × k matrix of counts in one array)");
        }
        if (labels.length != predicted.length || labels.length == 0) {
            throw new IllegalArgumentException("ConfusionMatrix: " + labels.length + " labels and "
                    + predicted.length + " predictions; need the same positive number");
        }
        long[] counts = new long[classes * classes];
        for (int i = 0; i < labels.length; i++) {
            counts[checkClass("label", i, labels[i], classes) * classes
                    + checkClass("prediction", i, predicted[i], classes)]++;
        }
        return new ConfusionMatrix(classes, counts);
    }

    private static int checkClass(String what, int index, int value, int classes) {
        if (value < 0 || value >= classes) {
            throw new IllegalArgumentException("ConfusionMatrix: " + what + " " + value + " at index " + index
                    + " is outside the classes 0 to " + (classes - 1));
        }
        return value;
    }

    /** The number of classes k: the matrix is k × k. */
    public int classes() {
        return classes;
    }

    /**
     * The number of examples of true class {@code label} predicted as {@code predicted}.
     *
     * @throws IllegalArgumentException if either class is out of range
     */
    public long count(int label, int predicted) {
        return counts[checkIndex(label) * classes + checkIndex(predicted)];
    }

    /** The counts as a new k × k array, rows by true class. */
    public long[][] toArray() {
        long[][] rows = new long[classes][];
        for (int i = 0; i < classes; i++) {
            rows[i] = Arrays.copyOfRange(counts, i * classes, (i + 1) * classes);
        }
        return rows;
    }

    /** The number of examples n. */
    public long total() {
        return Arrays.stream(counts).sum();
    }

    /** The number of examples whose true class is {@code c} (its row's sum). */
    public long support(int c) {
        checkIndex(c);
        long sum = 0;
        for (int j = 0; j < classes; j++) {
            sum += counts[c * classes + j];
        }
        return sum;
    }

    /** The number of examples predicted as {@code c} (its column's sum). */
    public long predictedCount(int c) {
        checkIndex(c);
        long sum = 0;
        for (int i = 0; i < classes; i++) {
            sum += counts[i * classes + c];
        }
        return sum;
    }

    /** tp / (tp + fp) for class {@code c}; 0 if {@code c} is never predicted. */
    public double precision(int c) {
        return ratio(count(c, c), predictedCount(c));
    }

    /** tp / (tp + fn) for class {@code c}; 0 if {@code c} never occurs among the labels. */
    public double recall(int c) {
        return ratio(count(c, c), support(c));
    }

    /** The harmonic mean of precision and recall for class {@code c}; 0 if both are 0. */
    public double f1(int c) {
        return harmonicMean(precision(c), recall(c));
    }

    /** The fraction of examples predicted correctly. */
    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < classes; c++) {
            correct += counts[c * classes + c];
        }
        return ratio(correct, total());
    }

    /** Precision averaged over classes as {@code average} says (micro: Σ tp / Σ (tp + fp)). */
    public double precision(Average average) {
        Objects.requireNonNull(average, "average");
        return average == Average.MICRO ? pooled(this::predictedCount) : average(average, this::precision);
    }

    /** Recall averaged over classes as {@code average} says (micro: Σ tp / Σ (tp + fn)). */
    public double recall(Average average) {
        Objects.requireNonNull(average, "average");
        return average == Average.MICRO ? pooled(this::support) : average(average, this::recall);
    }

    /** F1 averaged over classes as {@code average} says (micro: the F1 of the micro precision and recall). */
    public double f1(Average average) {
        Objects.requireNonNull(average, "average");
        return average == Average.MICRO
                ? harmonicMean(precision(Average.MICRO), recall(Average.MICRO))
                : average(average, this::f1);
    }

    private double average(Average average, IntToDoubleFunction score) {
        boolean weighted = average == Average.WEIGHTED;
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += score.applyAsDouble(c) * (weighted ? support(c) : 1);
        }
        return sum / (weighted ? total() : classes);
    }

    /** Σ tp over the sum of {@code denominator} (a class's tp + fp, or tp + fn) over classes. */
    private double pooled(IntToLongFunction denominator) {
        long tp = 0;
        long sum = 0;
        for (int c = 0; c < classes; c++) {
            tp += count(c, c);
            sum += denominator.applyAsLong(c);
        }
        return ratio(tp, sum);
    }

    /**
     * A text report: the matrix of counts, then scikit-learn's {@code classification_report} table
     * (precision, recall, F1 and support per class; accuracy; macro and weighted averages).
     */
    public String report() {
        return ConfusionReport.format(this);
    }

    /** A one-line summary: classes, examples and accuracy. */
    @Override
    public String toString() {
        return "ConfusionMatrix[" + classes + " classes, " + total() + " examples, accuracy "
                + String.format(Locale.ROOT, "%.4f", accuracy()) + "]";
    }

    /** Equal when built from counts that are equal class by class. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix other && classes == other.classes && Arrays.equals(counts, other.counts);
    }

    /** A hash of the class count and the counts, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return 31 * classes + Arrays.hashCode(counts);
    }

    private int checkIndex(int c) {
        if (c < 0 || c >= classes) {
            throw new IllegalArgumentException("ConfusionMatrix: class " + c + " is outside 0 to " + (classes - 1));
        }
        return c;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private static double harmonicMean(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
