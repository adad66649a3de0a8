package org.adjoint.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.adjoint.examples.plot.PngAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example run with small settings: each asserts the lesson's key outcome, not just that it ran,
 * and that every PNG it promises exists, decodes at the stated size and is not blank.
 */
class ExamplesSmokeTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private Outcome run(String name, Object... options) throws IOException {
        Options o = Options.none().with("out", dir);
        for (int i = 0; i < options.length; i += 2) {
            o = o.with((String) options[i], options[i + 1]);
        }
        Example example = Main.find(name);
        o.requireKnown(example);
        return Main.runOne(example, o, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** Asserts the outcome wrote exactly these files (by name), each a non-blank PNG of the given size. */
    private void assertPngs(Outcome outcome, Map<String, int[]> expected) {
        assertEquals(expected.keySet(), Set.copyOf(outcome.files().stream().map(f -> f.getFileName().toString()).toList()),
                "files written");
        for (Path file : outcome.files()) {
            int[] size = expected.get(file.getFileName().toString());
            PngAssertions.assertPng(file, size[0], size[1]);
            assertTrue(output().contains(file.toString()), "the summary names " + file);
        }
    }

    private static int[] size(int w, int h) {
        return new int[] {w, h};
    }

    @Test
    void derivativesAreChecked() throws IOException {
        Outcome o = run("derivatives");
        assertEquals(24.2, o.figure("f"), 1e-12);
        assertTrue(o.figure("gradient check error") < 1e-6, o.summary());
        assertTrue(o.figure("Hessian check error") < 1e-4, o.summary());
    }

    @Test
    void gradientDescentBeatsRandomSearch() throws IOException {
        Outcome o = run("linear-classifiers", "budget", 100);
        for (String loss : List.of("SVM", "softmax")) {
            double gd = o.figure(loss + " gradient descent test accuracy");
            assertTrue(gd > o.figure(loss + " random search test accuracy") + 0.2, o.summary());
            assertTrue(gd > o.figure(loss + " random local search test accuracy"), o.summary());
            assertTrue(gd > 0.85, o.summary());
        }
    }

    @Test
    void linearClassifiersReadCifar10Batches() throws IOException {
        Random random = new Random(7);
        for (String name : List.of("data_batch_1.bin", "test_batch.bin")) {
            byte[] bytes = new byte[30 * 3073];
            random.nextBytes(bytes);
            for (int r = 0; r < 30; r++) {
                bytes[r * 3073] = (byte) (r % 10);
            }
            Files.write(dir.resolve(name), bytes);
        }
        Outcome o = run("linear-classifiers", "dataset", "cifar10", "data", dir, "budget", 5);
        assertTrue(output().contains("cifar10: 30 training and 30 test images, 3073 features"), output());
        for (double accuracy : o.figures().values()) {
            assertTrue(accuracy >= 0 && accuracy <= 1, o.summary());
        }
        assertEquals(6, o.figures().size());
        Options.UsageException e = assertThrows(Options.UsageException.class,
                () -> run("linear-classifiers", "dataset", "cifar10"));
        assertTrue(e.getMessage().contains("--data DIR"), e.getMessage());
    }

    @Test
    void centeredDifferencesAgreeWithAutodiff() throws IOException {
        Outcome o = run("gradient-check", "batch", 20);
        for (String loss : List.of("SVM", "softmax")) {
            for (String block : List.of("W", "b")) {
                double centered = o.figure(loss + " " + block + " centered relative error");
                double forward = o.figure(loss + " " + block + " forward relative error");
                assertTrue(centered < 1e-7, loss + " " + block + ": " + centered);
                assertTrue(forward > centered, loss + " " + block + ": forward " + forward + " vs centered " + centered);
            }
        }
        assertTrue(o.figure("softmax, centered smallest error") < o.figure("softmax, forward smallest error"));
        assertPngs(o, Map.of("gradient-check-error-vs-h.png", size(900, 600)));
    }

    @Test
    void svmSlicesArePiecewiseLinearConvexBowls() throws IOException {
        Outcome o = run("landscape", "batch", 20, "grid", 31);
        assertTrue(o.figure("one example 1-D straight fraction") > 0.9, o.summary());
        for (String key : List.of("one example", "batch")) {
            assertTrue(o.figure(key + " 1-D points next to a kink") > 0, o.summary());
            assertEquals(1, o.figure(key + " 1-D convex"), o.summary());
        }
        assertTrue(o.figure("batch 1-D points next to a kink") > o.figure("one example 1-D points next to a kink"), o.summary());
        assertPngs(o, Map.of("landscape-1d.png", size(900, 600), "landscape-2d-one-example.png", size(800, 700),
                "landscape-2d-batch.png", size(800, 700)));
    }

    @Test
    void stepSizeSweepFindsAGoodStepAndOvershoots() throws IOException {
        Outcome o = run("step-sizes");
        double before = o.figure("loss before the step");
        assertEquals(before, o.figure("loss after the smallest step"), 1e-8);
        assertTrue(o.figure("loss after the best step") < before - 0.1, o.summary());
        assertTrue(o.figure("loss after the largest step") > o.figure("loss after the best step"), o.summary());
        assertPngs(o, Map.of("step-sizes.png", size(900, 600)));
    }

    @Test
    void minibatchesGetFurtherThanTheFullBatchPerExampleSeen() throws IOException {
        Outcome o = run("batch-sizes", "epochs", 2);
        assertTrue(o.figure("minibatch final training loss") < o.figure("full batch final training loss"), o.summary());
        assertTrue(output().contains("examples/s"), "progress shows examples/s");
        assertPngs(o, Map.of("batch-sizes-by-examples.png", size(900, 600), "batch-sizes-by-time.png", size(900, 600)));
    }

    @Test
    void everyRuleDescendsAndEscapesTheSaddle() throws IOException {
        Outcome o = run("trajectories");
        for (String rule : List.of("GD", "momentum", "Nesterov", "AdaGrad", "RMSProp", "AdaDelta", "Adam")) {
            assertTrue(o.figure("elliptic " + rule + " final f") < 10.5 / 10, rule + ": " + o.summary());
            assertTrue(o.figure("rosenbrock " + rule + " final f") < 24.2 / 5, rule + ": " + o.summary());
            assertTrue(o.figure("saddle " + rule + " final f") < 0, rule + ": " + o.summary());
        }
        assertTrue(o.figure("elliptic GD final f") < 1e-2, o.summary());
        for (String rule : List.of("momentum", "Nesterov", "Adam")) {
            assertTrue(o.figure("rosenbrock " + rule + " final f") < 1e-6, rule + ": " + o.summary());
        }
        assertTrue(o.figure("rosenbrock GD final f") > 1e-3, "plain GD is still in the valley: " + o.summary());
        assertPngs(o, Map.of("trajectories-elliptic.png", size(900, 750), "trajectories-elliptic-loss.png", size(900, 600),
                "trajectories-rosenbrock.png", size(900, 750), "trajectories-rosenbrock-loss.png", size(900, 600),
                "trajectories-saddle.png", size(900, 750), "trajectories-saddle-loss.png", size(900, 600)));
    }

    @Test
    void criticalPointsAreClassifiedByTheirHessian() throws IOException {
        Outcome o = run("critical-points");
        assertEquals(2, o.figure("x·cos(πx) local minima"), o.summary());
        assertEquals(1, o.figure("x·cos(πx) local maxima"), o.summary());
        assertEquals(1.0904, o.figure("x·cos(πx) global minimum x"), 1e-4, o.summary());
        assertEquals(1, o.figure("x³ at 0 is degenerate"));
        assertEquals(1, o.figure("x² − y² Newton stops at a saddle"));
        assertEquals(-2, o.figure("x² − y² smallest eigenvalue"), 1e-12);
        assertEquals(2, o.figure("x² − y² largest eigenvalue"), 1e-12);
        assertPngs(o, Map.of("critical-points-x-cos-pi-x.png", size(900, 600), "critical-points-x-cubed.png", size(900, 600),
                "critical-points-saddle.png", size(800, 700)));
    }

    @Test
    void decayingTheLearningRateSettlesTheLoss() throws IOException {
        Outcome o = run("lr-decay", "epochs", 3);
        assertTrue(o.figure("decayed last-epoch mean step-to-step change")
                < o.figure("constant last-epoch mean step-to-step change") / 10, o.summary());
        assertPngs(o, Map.of("lr-decay.png", size(900, 600)));
    }

    @Test
    void theRangeTestSuggestsARateThatTrainsBetterThanAHundredthOfIt() throws IOException {
        Outcome o = run("lr-finder", "steps", 60);
        double suggestion = o.figure("suggested learning rate");
        assertTrue(suggestion > 1e-3 && suggestion < 10, o.summary());
        assertTrue(o.figure("one epoch at suggested: test accuracy")
                > o.figure("one epoch at suggested ÷ 100: test accuracy") + 0.1, o.summary());
        assertPngs(o, Map.of("lr-finder.png", size(900, 600)));
    }

    @Test
    void newtonNeedsFewerIterationsThanGradientDescent() throws IOException {
        Outcome o = run("newton");
        assertTrue(o.figure("Newton iterations") < o.figure("steepest descent iterations") / 10, o.summary());
        assertTrue(o.figure("Newton final error") < 1e-6, o.summary());
        assertTrue(o.figure("BFGS final error") < 1e-6, o.summary());
        assertPngs(o, Map.of("newton-error-per-iteration.png", size(900, 600), "newton-trajectories.png", size(900, 800)));
    }

    @Test
    void boundsHoldTheIteratesInsideTheBoxAndReportTheActiveSet() throws IOException {
        Outcome o = run("bounds");
        assertEquals(0.5, o.figure("Rosenbrock x1"), 0);
        assertEquals(0.25, o.figure("Rosenbrock x2"), 1e-5);
        assertEquals(1, o.figure("Rosenbrock bounds active"));
        assertEquals(0, o.figure("iterates outside the box"));
        assertTrue(o.figure("least squares min coefficient") < 0, o.summary());
        assertEquals(0, o.figure("non-negative min coefficient"), 0, o.summary());
        assertTrue(o.figure("non-negative coefficients at 0") >= 1, o.summary());
        assertTrue(o.figure("non-negative projected gradient") < 1e-6, o.summary());
        assertTrue(output().contains("at upper bound: [0]"), output());
        assertPngs(o, Map.of("bounds-rosenbrock.png", size(900, 800)));
    }

    @Test
    void curveFitRecoversThurbersCertifiedValuesAndStandardErrors() throws IOException {
        for (int start = 1; start <= 2; start++) {
            Outcome o = run("curve-fit", "start", start);
            assertTrue(o.figure("worst parameter correct digits") >= 9, o.summary());
            assertTrue(o.figure("largest relative deviation of a standard error") < 1e-6, o.summary());
            assertEquals(5.6427082397E+03, o.figure("residual sum of squares"), 1e-6);
            assertPngs(o, Map.of("curve-fit-thurber.png", size(900, 600)));
            assertTrue(output().contains("b7"), output());
        }
        assertThrows(Options.UsageException.class, () -> run("curve-fit", "start", 3));
    }

    @Test
    void twoLayerNetworkReaches95PercentInItsDefaultSettings() throws IOException {
        Outcome o = run("two-layer", "dataset", "digits");
        assertTrue(o.figure("digits test accuracy") >= 0.95, o.summary());
        Outcome mnist = run("two-layer", "dataset", "mnist");
        assertTrue(mnist.figure("mnist test accuracy") >= 0.95, mnist.summary());
        assertTrue(output().contains("examples/s"), "progress shows examples/s");
        assertPngs(mnist, Map.of("two-layer-accuracy.png", size(900, 600)));
    }

    @Test
    void lenetLearnsTheDigitsQuicklyAndDrawsItsCurvesAndMistakes() throws IOException {
        Outcome o = run("lenet", "epochs", 2, "train", 2000);
        assertTrue(o.figure("mnist test accuracy") >= 0.6, o.summary());
        assertTrue(output().contains("examples/s"), "progress shows examples/s");
        assertPngs(o, Map.of("lenet-mnist-curves.png", size(900, 600), "lenet-mnist-mistakes.png", size(546, 654)));
    }

    @Test
    void lenetNamesTheFolderWhenFashionMnistIsMissing() {
        IOException e = assertThrows(IOException.class, () -> run("lenet", "dataset", "fashion", "data", dir.resolve("none")));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte") && e.getMessage().contains("none"), e.getMessage());
    }

    @Test
    void customRuleMatchesBuiltInMomentumBitForBit() throws IOException {
        Outcome o = run("custom-optimizer", "dataset", "digits", "epochs", 2);
        assertEquals(0.0, o.figure("largest loss difference, custom vs built-in momentum"));
        assertTrue(o.figure("custom heavy ball final epoch loss") < o.figure("built-in SGD final epoch loss"), o.summary());
        assertPngs(o, Map.of("custom-optimizer.png", size(900, 600)));
    }

    @Test
    void ruleComparisonTabulatesEveryRuleAndPlotsOneLineEach() throws IOException {
        Outcome o = run("rule-comparison", "epochs", 2, "batch", 64, "hidden", 16);
        List<String> labels = org.adjoint.examples.lessons.RuleComparisonExample.labels();
        assertTrue(labels.size() >= 19, labels::toString);
        for (String label : labels) {
            double accuracy = o.figure(label + " test accuracy");
            assertTrue(accuracy >= 0 && accuracy <= 1, label + ": " + accuracy);
            assertTrue(o.figure(label + " training loss") > 0, o.summary());
            assertTrue(o.figure(label + " test macro F1") <= 1, o.summary());
            assertTrue(output().lines().anyMatch(line -> line.startsWith(label + " ")), "a table row for " + label);
        }
        assertTrue(output().lines().anyMatch(line -> line.startsWith("rule ") && line.contains("test accuracy")
                && line.contains("macro F1") && line.contains("training loss") && line.contains("time (s)")), "the table's header");
        // two epochs of batch 64 are enough for SGD and Adam to lower the loss and beat chance (10%) by far
        for (String rule : List.of("SGD", "Adam")) {
            assertTrue(o.figure(rule + " training loss") < o.figure("initial training loss"), o.summary());
            assertTrue(o.figure(rule + " test accuracy") > 0.25, o.summary());
        }
        assertPngs(o, Map.of("rule-comparison.png", size(1000, 650)));
        Outcome two = run("rule-comparison", "epochs", 1, "rules", "adam, sgd");
        assertEquals(Set.of("Adam test accuracy", "Adam test macro F1", "Adam training loss", "Adam seconds",
                "SGD test accuracy", "SGD test macro F1", "SGD training loss", "SGD seconds", "initial training loss"),
                two.figures().keySet());
        assertThrows(Options.UsageException.class, () -> run("rule-comparison", "rules", "adamm"));
    }
}
