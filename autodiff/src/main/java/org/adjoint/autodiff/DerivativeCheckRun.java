package org.adjoint.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.adjoint.core.Interval;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/** One {@link DerivativeCheck} of one function at one point: draws the directions and makes the comparisons. */
final class DerivativeCheckRun {

    private static final Interval RANGE = new Interval(-1, 1);

    /**
     * The random directions of one seed, each uniform in [−1, 1], drawn in this order: v of the
     * output's shape, then u for every input, then w for every input.
     */
    private record Directions(long seed, Tensor v, Tensor[] u, Tensor[] w) {

        static Directions draw(long seed, Shape output, Tensor[] inputs) {
            SplittableRandom random = new SplittableRandom(seed);
            Tensor v = Tensor.randomUniform(random, RANGE, output.dims());
            Tensor[] u = new Tensor[inputs.length];
            Tensor[] w = new Tensor[inputs.length];
            Arrays.setAll(u, i -> Tensor.randomUniform(random, RANGE, inputs[i].shape().dims()));
            Arrays.setAll(w, i -> Tensor.randomUniform(random, RANGE, inputs[i].shape().dims()));
            return new Directions(seed, v, u, w);
        }
    }

    private final DerivativeCheck check;
    private final Tensor[] inputs;
    private final long seed;
    private final DirectionalDerivatives d;
    private final Shape output;
    private final List<String> failures = new ArrayList<>();
    private int comparisons;

    DerivativeCheckRun(DerivativeCheck check, Function<Var[], Var> f, Tensor[] inputs, long seed) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(inputs, "inputs");
        if (inputs.length == 0) {
            throw new IllegalArgumentException("DerivativeCheck: the function needs at least one input");
        }
        for (int i = 0; i < inputs.length; i++) {
            Objects.requireNonNull(inputs[i], "input " + i);
        }
        this.check = check;
        this.inputs = inputs.clone();
        this.seed = seed;
        this.d = new DirectionalDerivatives(f, this.inputs);
        this.output = d.value().shape();
    }

    boolean scalarOutput() {
        return output.size() == 1;
    }

    CheckReport firstOrder(int directions) {
        start();
        for (int k = 0; k < directions; k++) {
            Directions dir = Directions.draw(seed + k, output, inputs);
            Tensor[] xBar = d.vjps(dir.v());
            for (int i = 0; i < inputs.length; i++) {
                Tensor u = dir.u()[i];
                Tensor numeric = d.centeredJvp(i, u, check.step());
                Tensor forward = d.jvp(i, u);
                String at = "first order, input " + i + ", direction seed " + dir.seed();
                double reverse = DirectionalDerivatives.dot(xBar[i], u);
                compare(at, "reverse mode ⟨Jᵀv, u⟩", reverse, "finite differences ⟨v, J·u⟩",
                        DirectionalDerivatives.dot(dir.v(), numeric));
                compare(at, "forward mode ⟨v, J·u⟩", DirectionalDerivatives.dot(dir.v(), forward),
                        "reverse mode ⟨Jᵀv, u⟩", reverse);
                compareElements(i, dir.seed(), forward, numeric);
            }
        }
        return report("first order");
    }

    CheckReport secondOrder(int directions) {
        start();
        for (int k = 0; k < directions; k++) {
            Directions dir = Directions.draw(seed + k, output, inputs);
            for (int j = 0; j < inputs.length; j++) {
                Tensor u = dir.u()[j];
                double[] analytic = d.secondOrder(dir.v(), dir.w(), j, u);
                double[] numeric = d.centeredSecondOrder(dir.v(), dir.w(), j, u, check.step());
                for (int i = 0; i < inputs.length; i++) {
                    compare("second order, derivative of ⟨x̄" + i + ", w⟩ along input " + j + " (x̄ = Jᵀv), direction seed "
                            + dir.seed(), "autodiff", analytic[i], "finite differences of x̄", numeric[i]);
                }
            }
        }
        return report("second order");
    }

    CheckReport symmetry(int directions) {
        if (!scalarOutput()) {
            throw new IllegalArgumentException("DerivativeCheck.symmetry: the function must return a scalar but returned shape "
                    + output);
        }
        start();
        for (int k = 0; k < directions; k++) {
            Directions dir = Directions.draw(seed + k, output, inputs);
            Tensor[][] hu = new Tensor[inputs.length][];
            Tensor[][] hw = new Tensor[inputs.length][];
            for (int i = 0; i < inputs.length; i++) {
                hu[i] = d.hvp(i, dir.u()[i]);
                hw[i] = d.hvp(i, dir.w()[i]);
            }
            for (int i = 0; i < inputs.length; i++) {
                for (int j = 0; j < inputs.length; j++) {
                    compare("symmetry, u on input " + i + ", w on input " + j + ", direction seed " + dir.seed(),
                            "uᵀ(H·w)", DirectionalDerivatives.dot(dir.u()[i], hw[j][i]),
                            "wᵀ(H·u)", DirectionalDerivatives.dot(dir.w()[j], hu[i][j]));
                }
            }
        }
        return report("symmetry");
    }

    private void compare(String at, String aName, double a, String bName, double b) {
        comparisons++;
        if (!check.agree(a, b)) {
            failures.add(at + ": " + aName + " = " + a + " but " + bName + " = " + b + " (|difference| "
                    + Math.abs(a - b) + ", " + check.toleranceText(a, b) + ")");
        }
    }

    /** Forward mode against finite differences element by element; reports the worst output element. */
    private void compareElements(int input, long directionSeed, Tensor forward, Tensor numeric) {
        comparisons++;
        double[] a = forward.toArray();
        double[] n = numeric.toArray();
        int worst = -1;
        double worstExcess = 0;
        for (int o = 0; o < a.length; o++) {
            double excess = Math.abs(a[o] - n[o]) / check.tolerance(a[o], n[o]);
            if (!check.agree(a[o], n[o]) && (worst < 0 || !(excess <= worstExcess))) {
                worst = o;
                worstExcess = excess;
            }
        }
        if (worst >= 0) {
            String index = GradCheckEntries.coordinates(output, worst);
            failures.add("first order, input " + input + ", output " + index + ", direction seed " + directionSeed
                    + ": forward mode (J·u)"
                    + index + " = " + a[worst] + " but finite differences = " + n[worst] + " (|difference| "
                    + Math.abs(a[worst] - n[worst]) + ", " + check.toleranceText(a[worst], n[worst]) + ")");
        }
    }

    private void start() {
        failures.clear();
        comparisons = 0;
    }

    private CheckReport report(String name) {
        return new CheckReport(name, comparisons, failures);
    }
}
