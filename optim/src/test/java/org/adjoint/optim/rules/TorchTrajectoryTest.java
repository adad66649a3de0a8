package org.adjoint.optim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.Npz;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.Step;
import org.adjoint.optim.UpdateRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trajectory fidelity: every rule that has a {@code torch.optim} counterpart in PyTorch 1.13 follows
 * PyTorch's iterates for 200 steps on a small problem, to 1e-10 relative at every step. The reference
 * is {@code torch/rules_1_13.npz}, written by {@code examples/src/main/python/torch_rules_reference.py},
 * which documents the problem: W (2×3) and b (3) under the coupled Rosenbrock-like loss
 * f = Σᵢⱼ (1 − Wᵢⱼ)² + C·(bⱼ − Wᵢⱼ²)², C = 10, its gradient computed in the same closed form, operation
 * for operation, on both sides. The script also checks that the hyperparameters keep the problem well
 * conditioned (a start perturbed by 1e-15 relative moves torch's own trajectory by at most 2e-11), so a
 * departure above 1e-10 is the rule's, not rounding amplified by the problem.
 *
 * <p>PyTorch 1.13 runs each rule through two code paths (single-tensor and {@code foreach}). They agree
 * except in two places, both defects of 1.13 that PyTorch 2.0 fixed, and Adjoint follows the documented
 * equations there:
 * <ul>
 *   <li>NAdam's single-tensor path multiplies μₜ into the product Π twice for the second term
 *       ({@code mu_product * mu * mu_next}; pytorch/pytorch#92699); its {@code foreach} path and
 *       {@link NAdam} use Π·μₜ₊₁.
 *   <li>RAdam's {@code foreach} path drops ε from the adaptive step (pytorch/pytorch#92551); its
 *       single-tensor path and {@link RAdam} add it to √v.
 * </ul>
 * The reference for those two is the correct path, and {@link #adjointDepartsFromTorch113sDefectivePaths}
 * shows that the other path really is different on this problem.
 */
class TorchTrajectoryTest {

    private static final int STEPS = 200;
    private static final double C = 10;
    private static final double TOLERANCE = 1e-10;
    /** Differences are relative to max(|x|, FLOOR), x PyTorch's element: absolute near 0. */
    private static final double FLOOR = 1e-6;

    private static Map<String, Tensor> reference;

    /**
     * One rule, the name of its trajectories in the reference and the torch 1.13 paths it matches.
     *
     * @param name  the reference entry's prefix, as in the script's RULES
     * @param rule  Adjoint's rule with the script's hyperparameters
     * @param paths the torch paths ("single", "foreach") to match
     */
    record Case(String name, UpdateRule<?> rule, List<String> paths) {
        @Override
        public String toString() {
            return name + " " + paths;
        }
    }

    private static final List<String> BOTH = List.of("single", "foreach");

    static Stream<Case> cases() {
        return Stream.of(
                new Case("sgd", new Sgd(1e-3), BOTH),
                new Case("sgd_momentum", new Sgd(1e-3, 0.9, 0.1, 0.01), BOTH),
                new Case("sgd_nesterov", new NesterovMomentum(1e-3, 0.9, 0.01), BOTH),
                new Case("adam", new Adam(1e-2, 0.9, 0.99, 1e-8, 0.01), BOTH),
                new Case("amsgrad", new AmsGrad(1e-2, 0.9, 0.99, 1e-8, 0.01), BOTH),
                new Case("adamw", new AdamW(1e-2, 0.9, 0.99, 1e-8, 0.1), BOTH),
                new Case("adamax", new Adamax(1e-2, 0.9, 0.99, 1e-8, 0.01), BOTH),
                new Case("nadam", new NAdam(1e-2, 0.9, 0.99, 1e-8, 0.01, 4e-3), List.of("foreach")),
                new Case("radam", new RAdam(1e-2, 0.9, 0.999, 1e-8, 0.01), List.of("single")),
                new Case("radam_short", new RAdam(5e-3, 0.8, 0.9, 1e-8, 0), List.of("single")),
                new Case("rmsprop", new RmsProp(3e-4, 0.9, 1e-8, 0.01, 0.5), BOTH),
                new Case("rmsprop_centered", new CenteredRmsProp(3e-4, 0.9, 1e-8, 0.01, 0.5), BOTH),
                new Case("adagrad", new AdaGrad(0.1, 0.01, 0.01, 0.1, 1e-10), BOTH),
                new Case("adadelta", new AdaDelta(1.0, 0.9, 1e-6, 0.01), BOTH),
                new Case("rprop", new Rprop(1e-2), BOTH),
                new Case("rprop_bounded", new Rprop(0.05, 0.4, 1.3, 1e-3, 0.2), BOTH));
    }

    @BeforeAll
    static void readReference() throws IOException, URISyntaxException {
        reference = Npz.read(Path.of(TorchTrajectoryTest.class.getResource("/torch/rules_1_13.npz").toURI()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void followsPyTorch113ForTwoHundredSteps(Case c) {
        double[][] ours = trajectory(c.rule());
        for (String path : c.paths()) {
            double[][] torch = rows(c.name() + "." + path);
            for (int t = 0; t <= STEPS; t++) {
                double error = relativeError(ours[t], torch[t]);
                if (!(error <= TOLERANCE)) {
                    fail(c + ": step " + t + " departs from torch's " + path + " path by " + error
                            + " relative\n  ours  " + java.util.Arrays.toString(ours[t])
                            + "\n  torch " + java.util.Arrays.toString(torch[t]));
                }
            }
        }
    }

    @Test
    void adjointDepartsFromTorch113sDefectivePaths() {
        double nadam = worstError(trajectory(new NAdam(1e-2, 0.9, 0.99, 1e-8, 0.01, 4e-3)), rows("nadam.single"));
        double radam = worstError(trajectory(new RAdam(1e-2, 0.9, 0.999, 1e-8, 0.01)), rows("radam.foreach"));
        assertTrue(nadam > 1e-2, "NAdam vs torch 1.13's single-tensor path: " + nadam);
        assertTrue(radam > 1e-8, "RAdam vs torch 1.13's foreach path (no ε): " + radam);
    }

    @Test
    void theReferenceHoldsEveryCaseOnBothPaths() {
        for (Case c : cases().toList()) {
            for (String path : BOTH) {
                assertEquals(STEPS + 1, rows(c.name() + "." + path).length, c.name() + "." + path);
            }
        }
    }

    /** The iterates of {@code rule} from the script's starting point: row t after t steps, W then b. */
    private static double[][] trajectory(UpdateRule<?> rule) {
        Optimizer optimizer = Optimizer.of(rule);
        Map<String, Tensor> start = new LinkedHashMap<>();
        start.put("W", Tensor.matrix(new double[][] {{-1.2, 0.5, 1.5}, {0.3, -0.7, 2.0}}));
        start.put("b", Tensor.vector(0.5, -1.0, 1.2));
        NamedTensors params = NamedTensors.of(start);
        OptimizerState state = optimizer.init(params);
        double[][] rows = new double[STEPS + 1][];
        rows[0] = flatten(params);
        for (int t = 1; t <= STEPS; t++) {
            Step step = optimizer.step(params, gradient(params), state);
            params = step.params();
            state = step.state();
            rows[t] = flatten(params);
        }
        return rows;
    }

    /** ∂f/∂W = −2·(1 − W) − 4C·W·r and ∂f/∂b = 2C·(r₀ + r₁) with r = b − W², in the script's order. */
    static NamedTensors gradient(NamedTensors params) {
        double[] w = params.get("W").toArray();
        double[] b = params.get("b").toArray();
        double[] gw = new double[6];
        double[] r = new double[6];
        for (int i = 0; i < 6; i++) {
            r[i] = b[i % 3] - w[i] * w[i];
            gw[i] = -2.0 * (1.0 - w[i]) - 4.0 * C * w[i] * r[i];
        }
        double[] gb = new double[3];
        for (int j = 0; j < 3; j++) {
            gb[j] = 2.0 * C * (r[j] + r[3 + j]);
        }
        Map<String, Tensor> grads = new LinkedHashMap<>();
        grads.put("W", Tensor.of(Shape.of(2, 3), gw));
        grads.put("b", Tensor.vector(gb));
        return NamedTensors.of(grads);
    }

    private static double[] flatten(NamedTensors params) {
        double[] w = params.get("W").toArray();
        double[] b = params.get("b").toArray();
        double[] row = new double[9];
        System.arraycopy(w, 0, row, 0, 6);
        System.arraycopy(b, 0, row, 6, 3);
        return row;
    }

    private static double[][] rows(String entry) {
        Tensor t = reference.get(entry);
        if (t == null) {
            throw new AssertionError("the reference has no entry " + entry + "; rerun torch_rules_reference.py");
        }
        double[] data = t.toArray();
        int cols = t.shape().dim(1);
        double[][] rows = new double[t.shape().dim(0)][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = java.util.Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        }
        return rows;
    }

    private static double relativeError(double[] ours, double[] torch) {
        double worst = 0;
        for (int i = 0; i < torch.length; i++) {
            double e = Math.abs(ours[i] - torch[i]) / Math.max(Math.abs(torch[i]), FLOOR);
            worst = Double.isNaN(e) ? Double.NaN : Math.max(worst, e);
        }
        return worst;
    }

    private static double worstError(double[][] ours, double[][] torch) {
        double worst = 0;
        for (int t = 0; t < torch.length; t++) {
            worst = Math.max(worst, relativeError(ours[t], torch[t]));
        }
        return worst;
    }
}
