package org.adjoint.examples.lessons;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;
import org.adjoint.examples.Example;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;
import org.adjoint.examples.data.Datasets;
import org.adjoint.examples.plot.Landscape;
import org.adjoint.examples.plot.LineChart;
import org.adjoint.optim.train.LabeledData;

/**
 * Lesson 3: what the multiclass SVM loss looks like. W has thousands of dimensions, so the lesson
 * looks at slices: along one random direction, {@code L(W + a·W₁)}, and over a random plane,
 * {@code L(W + a·W₁ + b·W₂)}, for a single example and for a batch. Each hinge term
 * {@code max(0, s_j − s_y + 1)} is linear in a and b until it switches off, so the slices are
 * piecewise-linear convex bowls: a few facets for one example, a smoother bowl for the batch average.
 *
 * <p>Since the scores are linear in W, {@code X·(W + aW₁ + bW₂)ᵀ = S₀ + aS₁ + bS₂}: the three score
 * matrices are computed once and every grid point costs one evaluation of the loss on its scores.
 */
public final class LossLandscapeExample implements Example {

    private static final int CLASSES = 10;

    @Override
    public String name() {
        return "landscape";
    }

    @Override
    public String summary() {
        return "1-D and 2-D slices of the SVM loss for one example and a batch: piecewise-linear bowls";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("batch", "200", "number of images in the batch slice"),
                new Option("grid", "121", "grid points per axis of the 2-D slices"),
                new Option("range", "1.0", "the slices span a, b in [−range, range]"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) throws IOException {
        int batch = options.positive("batch", 200);
        int grid = options.positive("grid", 121);
        double range = options.real("range", 1.0);
        long seed = options.seed();
        LabeledData digits = LinearClassifier.withOnes(Datasets.digits());
        if (batch > digits.size()) {
            throw new Options.UsageException("landscape: --batch " + batch + " exceeds the " + digits.size() + " digit images");
        }
        int features = digits.inputs().shape().dim(1);
        Tensor w = Tensor.randomNormal(seed, CLASSES, features).mul(0.001);
        Tensor w1 = Tensor.randomNormal(seed + 1, CLASSES, features);
        Tensor w2 = Tensor.randomNormal(seed + 2, CLASSES, features);
        Outcome outcome = new Outcome();
        out.printf(Locale.ROOT, "SVM loss of a linear classifier on digits; W ~ 0.001·N(0, 1), directions W₁, W₂ ~ N(0, 1)%n%n");

        double[] a = Grid.linspace(-range, range, 401);
        LineChart slices = LineChart.of("SVM loss along one direction: L(W + a·W₁)", "a", "loss");
        for (Slice slice : List.of(new Slice("one example", 1), new Slice("batch of " + batch, batch))) {
            LabeledData data = digits.batch(Grid.indices(slice.size()));
            Tensor s0 = data.inputs().matmulTransposed(w);
            Tensor s1 = data.inputs().matmulTransposed(w1);
            Tensor s2 = data.inputs().matmulTransposed(w2);
            double[] line = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                line[i] = svm(s0.add(s1.mul(a[i])), data.labels());
            }
            slices.line(slice.label(), a, line);
            Shape1d shape = Shape1d.of(line);
            out.printf(Locale.ROOT, "%-14s 1-D slice: %d of %d interior points on straight pieces, %d next to a kink; convex: %s; min %.4f at a = %.3f%n",
                    slice.label(), shape.straight(), line.length - 2, shape.kinks(), shape.convex() ? "yes" : "no",
                    shape.min(), a[shape.argmin()]);
            String key = slice.size() == 1 ? "one example" : "batch";
            outcome.figure(key + " 1-D straight fraction", (double) shape.straight() / (line.length - 2));
            outcome.figure(key + " 1-D points next to a kink", shape.kinks());
            outcome.figure(key + " 1-D convex", shape.convex() ? 1 : 0);

            double[] axis = Grid.linspace(-range, range, grid);
            double[][] z = new double[grid][grid];
            for (int i = 0; i < grid; i++) {
                Tensor row = s0.add(s1.mul(axis[i]));
                for (int j = 0; j < grid; j++) {
                    z[i][j] = svm(row.add(s2.mul(axis[j])), data.labels());
                }
            }
            String file = "landscape-2d-" + (slice.size() == 1 ? "one-example" : "batch") + ".png";
            outcome.file(Landscape.of("SVM loss over a plane, " + slice.label() + ": L(W + a·W₁ + b·W₂)", "a", "b", axis, axis, z)
                    .zLabel("loss").contours(12).save(options.out().resolve(file), 800, 700));
        }
        outcome.file(slices.save(options.out().resolve("landscape-1d.png"), 900, 600));
        out.println();
        out.println("Each hinge term is linear until it switches off, so the slices are made of straight pieces that meet");
        out.println("at kinks; averaging over a batch adds kinks and rounds the bowl, but it stays convex.");
        return outcome;
    }

    private record Slice(String label, int size) {
    }

    /** The multiclass SVM loss (Δ = 1) of given scores, computed by the library's loss. */
    private static double svm(Tensor scores, int[] labels) {
        return Losses.multiclassHinge(Var.constant(scores), labels, 1.0).item();
    }

    /** Straight pieces, kinks and convexity of a sampled 1-D function, from its second differences. */
    private record Shape1d(int straight, int kinks, boolean convex, double min, int argmin) {
        static Shape1d of(double[] f) {
            double scale = 0;
            for (double v : f) {
                scale = Math.max(scale, Math.abs(v));
            }
            double tolerance = 1e-9 * Math.max(scale, 1);
            int straight = 0;
            int kinks = 0;
            boolean convex = true;
            for (int i = 1; i + 1 < f.length; i++) {
                double second = f[i + 1] - 2 * f[i] + f[i - 1];
                if (Math.abs(second) <= tolerance) {
                    straight++;
                } else {
                    kinks++;
                }
                convex &= second >= -tolerance;
            }
            int argmin = 0;
            for (int i = 1; i < f.length; i++) {
                if (f[i] < f[argmin]) {
                    argmin = i;
                }
            }
            return new Shape1d(straight, kinks, convex, f[argmin], argmin);
        }
    }
}
