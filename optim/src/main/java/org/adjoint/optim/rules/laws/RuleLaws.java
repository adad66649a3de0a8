package org.adjoint.optim.rules.laws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.UpdateRule;

/**
 * The laws every {@link UpdateRule} should obey, checked on concrete inputs, so that a user's own rule can
 * be tested the way the library tests its own (every built-in rule passes them all, with the documented
 * exceptions: Adafactor's factored state and {@link #stateShapesMatch}; GradientAccumulation and Lookahead
 * with k ≥ 2 and {@link #decreasesConvexQuadratic}). Each law is a static
 * method that returns normally when the law holds and otherwise throws an {@link AssertionError} whose
 * message reads
 * <pre>   &lt;law&gt;: &lt;rule&gt; at step &lt;k&gt;, parameter &lt;name&gt;: &lt;what differs, at which index, and both values&gt;</pre>
 * for example {@code noMutation: MyRule[learningRate=0.1] at step 2, parameter w: the state slot exp_avg[1, 0] is
 * 0.5 before apply but 0.25 after it}. Steps are counted from 1, the first update; step 0 is the state
 * {@link UpdateRule#init} made. Inputs are plain values: a parameter set ({@code params}, several tensors
 * of different shapes, a scalar among them, exercise a rule best) and the gradient of each step
 * ({@code gradients}, each with the layout of {@code params}), fed to the rule in order, whatever the
 * parameters become. A property test draws them (or uses {@link #randomGradients}) and calls the law:
 *
 * <pre>{@code
 * NamedTensors params = NamedTensors.of(Map.of("w", Tensor.randomNormal(seed, 3, 2), "b", Tensor.scalar(0.5)));
 * RuleLaws.all(new MyRule(0.01), params, RuleLaws.randomGradients(params, seed, 6), seed);
 * }</pre>
 *
 * <p>Every law steps the rule at its own {@link UpdateRule#learningRate()}, without a schedule, except
 * {@link #decreasesConvexQuadratic}, which lowers it. Exceptions a rule throws pass through unchanged
 * (the checkpoint law wraps those of saving and loading in its {@code AssertionError}).
 */
public final class RuleLaws {

    private RuleLaws() {
    }

    /**
     * Standard normal gradients, one set per step, each with the layout of {@code params}: the same
     * {@code seed} gives the same gradients.
     *
     * @throws IllegalArgumentException if {@code steps} is below 1
     */
    public static List<NamedTensors> randomGradients(NamedTensors params, long seed, int steps) {
        Objects.requireNonNull(params, "params");
        requireAtLeast("randomGradients", "steps", steps, 1);
        SplittableRandom random = new SplittableRandom(seed);
        List<NamedTensors> gradients = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            Map<String, Tensor> g = new LinkedHashMap<>();
            params.asMap().forEach((name, t) -> g.put(name, Tensor.randomNormal(random, t.shape().dims())));
            gradients.add(NamedTensors.of(g));
        }
        return List.copyOf(gradients);
    }

    /**
     * {@code apply} is a pure function: at every step and for every parameter it changes none of its
     * arguments (the parameter, the gradient, and the state as {@link UpdateRule#save} shows it, compared
     * bit for bit before and after the call), and a second call on the same arguments returns the same
     * bits (parameter and saved state). Tensors cannot be changed through their API, so what this catches in
     * practice is a state that holds a mutable array (or list) updated in place, and hidden state kept in
     * the rule's own fields (a call counter, a random generator): a rule that needs randomness should keep
     * its generator's seed or counter in its state.
     *
     * @throws AssertionError           naming the step, the parameter, the argument or slot, the index and
     *                                  both values
     * @throws IllegalArgumentException if {@code gradients} is empty or a set has another layout than {@code params}
     */
    public static void noMutation(UpdateRule<?> rule, NamedTensors params, List<NamedTensors> gradients) {
        requireInputs("noMutation", rule, params, gradients, 1);
        StepLaws.noMutation(rule, params, gradients);
    }

    /**
     * Before the first step and after each one, every tensor of the state (as {@link UpdateRule#save}
     * shows it) has the parameter's shape or is a scalar (a step count), and the new parameter has the
     * old one's shape. (A rule with factored state, such as Adafactor's row and column statistics, breaks
     * this law by design and should not be checked with it.)
     *
     * @throws AssertionError           naming the step, the parameter, the slot and both shapes
     * @throws IllegalArgumentException if {@code gradients} is empty or a set has another layout than {@code params}
     */
    public static void stateShapesMatch(UpdateRule<?> rule, NamedTensors params, List<NamedTensors> gradients) {
        requireInputs("stateShapesMatch", rule, params, gradients, 1);
        StepLaws.stateShapesMatch(rule, params, gradients);
    }

    /**
     * A checkpoint round trip is bit-exact: an {@link org.adjoint.optim.Optimizer} with the rule takes the
     * first half of the steps ({@code gradients.size() / 2}); its parameters and state are written with
     * {@link org.adjoint.optim.checkpoint.Checkpoint#save} to a temporary file (deleted afterwards) and read
     * back with {@code load}, which must give the same bits; then both the live and the loaded run take
     * the remaining steps, and every parameter and state slot must agree bit for bit at every step (NaN
     * matches NaN). A rule whose {@code save} leaves out part of its state (a step count), or whose
     * {@code restore} rebuilds it differently, breaks it.
     *
     * @throws AssertionError           naming the step, the parameter, the slot, the index and both values,
     *                                  or the reason the checkpoint could not be saved or loaded
     * @throws IllegalArgumentException if there are fewer than 2 gradient sets or one has another layout
     * @throws java.io.UncheckedIOException if the temporary file cannot be written, read or deleted
     */
    public static void checkpointRoundTrip(UpdateRule<?> rule, NamedTensors params, List<NamedTensors> gradients) {
        requireInputs("checkpointRoundTrip", rule, params, gradients, 2);
        CheckpointLaw.check(rule, params, gradients);
    }

    /**
     * A small enough step decreases any convex quadratic: on {@code f(x) = ½·xᵀAx + bᵀx} drawn from
     * {@code seed} ({@code A = BBᵀ/n + 0.1·I} with standard normal B, so its eigenvalues are at least 0.1
     * and typically below 5; b standard normal; the start x₀ standard normal times 3, in a parameter named
     * {@code x}), the rule takes {@code steps} steps from x₀ with its gradient {@code Ax + b}, and f must
     * fall strictly at every one of them. "Small enough" is found, not assumed: the law tries the rule's
     * learning rate η, then η/10, η/100, … down to η·1e-6, and passes at the first rate at which f falls
     * at every step. A rule whose steps are −η·d with ⟨∇f, d⟩ &gt; 0 passes at a small enough rate, because
     * f's rise from curvature shrinks like η² while its fall shrinks like η (every built-in rule passes, most
     * at its own rate, except wrappers that hold the iterate back every k-th step: GradientAccumulation and
     * Lookahead with k ≥ 2); a rule that ascends, or whose direction is not a descent direction, fails at every rate, and the message reports the first step
     * at which f did not fall at the smallest rate, with f before and after. A rate of 0 fails. Weight
     * decay (coupled or decoupled) descends on f + λ·|x|²/2 rather than f and can fail where λ·x is as
     * large as ∇f: check such rules with λ = 0 or a small λ. Ten steps in dimension 4 are a good default.
     *
     * @throws AssertionError           naming the step, both values of f and the smallest rate tried
     * @throws IllegalArgumentException if {@code dimension} or {@code steps} is below 1
     */
    public static void decreasesConvexQuadratic(UpdateRule<?> rule, long seed, int dimension, int steps) {
        Objects.requireNonNull(rule, "rule");
        requireAtLeast("decreasesConvexQuadratic", "dimension", dimension, 1);
        requireAtLeast("decreasesConvexQuadratic", "steps", steps, 1);
        DescentLaw.check(rule, seed, dimension, steps);
    }

    /**
     * The rule follows a reference trajectory, such as one recorded from {@code torch.optim} in float64:
     * from {@code params}, step k with {@code gradients.get(k)} must give {@code expected.get(k)}, every
     * element within {@code |actual − expected| ≤ atol + rtol·|expected|} (the rule of
     * {@code numpy.isclose} and {@code torch.allclose}; NaN matches only NaN). The rule steps at its own
     * learning rate, without a schedule, on the recorded gradients (not on gradients it computes), so an
     * early difference is not amplified by the objective. Tolerances: for a float64 reference the same
     * equations agree to a few units in the last place per step, so {@code rtol = 1e-10, atol = 1e-12} is
     * strict enough to catch a misplaced ε or bias correction; for a float32 reference use about
     * {@code rtol = 1e-5, atol = 1e-7} (more over many steps, since rounding accumulates).
     *
     * @throws AssertionError           naming the step, the parameter, the index, both values and the bound
     * @throws IllegalArgumentException if {@code gradients} is empty, {@code expected} has another length,
     *                                  a set has another layout than {@code params}, or a tolerance is
     *                                  negative or not finite
     */
    public static void matchesReference(UpdateRule<?> rule, NamedTensors params, List<NamedTensors> gradients,
                                        List<NamedTensors> expected, double rtol, double atol) {
        Objects.requireNonNull(expected, "expected");
        requireInputs("matchesReference", rule, params, gradients, 1);
        if (expected.size() != gradients.size()) {
            throw new IllegalArgumentException("matchesReference: " + gradients.size() + " gradient sets but "
                    + expected.size() + " expected parameter sets; give one expected set per step");
        }
        expected.forEach(e -> params.requireSameLayout("matchesReference (expected)", e));
        requireTolerance("rtol", rtol);
        requireTolerance("atol", atol);
        StepLaws.matchesReference(rule, params, gradients, expected, rtol, atol);
    }

    /**
     * Every law but {@link #matchesReference} (which needs a reference): {@link #noMutation},
     * {@link #stateShapesMatch}, {@link #checkpointRoundTrip} on {@code params} and {@code gradients}, then
     * {@link #decreasesConvexQuadratic} on the quadratic of {@code seed} in dimension 4 with 10 steps.
     *
     * @throws AssertionError           from the first law that fails
     * @throws IllegalArgumentException if there are fewer than 2 gradient sets or one has another layout
     */
    public static void all(UpdateRule<?> rule, NamedTensors params, List<NamedTensors> gradients, long seed) {
        requireInputs("all", rule, params, gradients, 2);
        noMutation(rule, params, gradients);
        stateShapesMatch(rule, params, gradients);
        checkpointRoundTrip(rule, params, gradients);
        decreasesConvexQuadratic(rule, seed, 4, 10);
    }

    private static void requireInputs(String law, UpdateRule<?> rule, NamedTensors params, List<NamedTensors> gradients,
                                      int least) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(gradients, "gradients");
        requireAtLeast(law, "the number of gradient sets", gradients.size(), least);
        gradients.forEach(g -> params.requireSameLayout(law + " (gradients)", g));
    }

    private static void requireAtLeast(String law, String what, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(law + ": " + what + " = " + value + " must be at least " + least);
        }
    }

    private static void requireTolerance(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("matchesReference: " + name + " = " + value + " must be finite and at least 0");
        }
    }
}
