package org.adjoint.autodiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/** One {@link DerivativeCheck} of one function at one point: draws the directions and makes the comparisons. */
final class DerivativeCheckRun {

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
            Tensor[][] draws = DerivativeCheck.draws(seed + k, output, inputs);
            Tensor v = draws[0][0];
            Tensor[] xBar = d.vjps(v);
            for (int i = 0; i < inputs.length; i++) {
                Tensor u = draws[1][i];
                Tensor numeric = d.centeredJvp(i, u, check.step());
                Tensor forward = d.jvp(i, u);
                String at = "first order, input " + i + ", direction seed " + (seed + k);
                double reverse = DirectionalDerivatives.dot(xBar[i], u);
                double fd = DirectionalDerivatives.dot(v, numeric);
                compare(at, "reverse mode ⟨Jᵀv, u⟩", reverse, "finite differences ⟨v, J·u⟩", fd);
                compare(at, "forward mode ⟨v, J·u⟩", DirectionalDerivatives.dot(v, forward), "reverse mode ⟨Jᵀv, u⟩", reverse);
                compareElements(at, forward, numeric);
            }
        }
        return report("first order");
    }

    CheckReport secondOrder(int directions) {
        start();
        for (int k = 0; k < directions; k++) {
            Tensor[][] draws = DerivativeCheck.draws(seed + k, output, inputs);
            for (int j = 0; j < inputs.length; j++) {
                Tensor u = draws[1][j];
                double[] analytic = d.secondOrder(draws[0][0], draws[2], j, u);
                double[] numeric = d.centeredSecondOrder(draws[0][0], draws[2], j, u, check.step());
                for (int i = 0; i < inputs.length; i++) {
                    compare("second order, derivative of ⟨x̄" + i + ", w⟩ along input " + j + " (x̄ = Jᵀv), direction seed "
                            + (seed + k), "autodiff", analytic[i], "finite differences of x̄", numeric[i]);
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
            Tensor[][] draws = DerivativeCheck.draws(seed + k, output, inputs);
            Tensor[][] hu = new Tensor[inputs.length][];
            Tensor[][] hw = new Tensor[inputs.length][];
            for (int i = 0; i < inputs.length; i++) {
                hu[i] = d.hvp(i, draws[1][i]);
                hw[i] = d.hvp(i, draws[2][i]);
            }
            for (int i = 0; i < inputs.length; i++) {
                for (int j = 0; j < inputs.length; j++) {
                    compare("symmetry, u on input " + i + ", w on input " + j + ", direction seed " + (seed + k),
                            "uᵀ(H·w)", DirectionalDerivatives.dot(draws[1][i], hw[j][i]),
                            "wᵀ(H·u)", DirectionalDerivatives.dot(draws[2][j], hu[i][j]));
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
    private void compareElements(String at, Tensor forward, Tensor numeric) {
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
            failures.add(at.replace(", direction", ", output " + index + ", direction") + ": forward mode (J·u)"
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
