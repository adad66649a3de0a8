package org.adjoint.optim.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * Rprop, resilient backpropagation (Riedmiller and Braun, "A Direct Adaptive Method for Faster
 * Backpropagation Learning: The RPROP Algorithm", 1993), as {@code torch.optim.Rprop}: each element has
 * its own step size Δ, which grows while its gradient keeps its sign and shrinks when the sign flips;
 * only the gradient's sign is used. Per element, with the previous (possibly zeroed) gradient g′:
 * <pre>
 *   Δ ← η before the first step (η the learning rate of that step)
 *   f = η₊ if g·g′ &gt; 0,  η₋ if g·g′ &lt; 0,  1 if g·g′ = 0
 *   Δ ← clamp(Δ·f, Δmin, Δmax)
 *   g ← 0 where g·g′ &lt; 0
 *   θ ← θ − sign(g)·Δ
 *   g′ ← g
 * </pre>
 * So where the sign flips the element does not move, and its gradient is stored as 0, so that the next
 * step neither grows nor shrinks its Δ. This is PyTorch's variant: the paper also reverts the previous
 * step on a flip (weight backtracking), which PyTorch omits (iRprop⁻ in Igel and Hüsken's 2000 naming).
 * The learning rate enters only as the initial step size: PyTorch creates Δ from the group's rate in the
 * first step, so a schedule changes Rprop only through the rate of step 1, here as there. Defaults as in
 * PyTorch: η = 1e-2, (η₋, η₊) = (0.5, 1.2), (Δmin, Δmax) = (1e-6, 50).
 *
 * @param learningRate η, the initial step size, at least 0
 * @param etaMinus     η₋, the factor on a sign flip, in (0, 1)
 * @param etaPlus      η₊, the factor while the sign holds, above 1
 * @param minStep      Δmin, at least 0
 * @param maxStep      Δmax, at least Δmin
 */
public record Rprop(double learningRate, double etaMinus, double etaPlus, double minStep, double maxStep)
        implements UpdateRule<Rprop.State> {

    /**
     * Rprop's state for one tensor.
     *
     * @param step     the number of steps taken
     * @param prev     the previous gradient g′, 0 where its sign had flipped
     * @param stepSize the step sizes Δ (before the first step, the rule's learning rate)
     */
    public record State(long step, Tensor prev, Tensor stepSize) {

        /** Refuses missing tensors. */
        public State {
            Objects.requireNonNull(prev, "Rprop.State: prev is null");
            Objects.requireNonNull(stepSize, "Rprop.State: stepSize is null");
        }
    }

    private static final String NAME = "Rprop";

    /** Validates every hyperparameter. */
    public Rprop {
        Hyperparameters.learningRate(NAME, learningRate);
        if (!(etaMinus > 0 && etaMinus < 1)) {
            throw new IllegalArgumentException(NAME + ": etaMinus = " + etaMinus + " is outside (0, 1)");
        }
        if (!(etaPlus > 1) || Double.isInfinite(etaPlus)) {
            throw new IllegalArgumentException(NAME + ": etaPlus = " + etaPlus + " must be finite and above 1");
        }
        Hyperparameters.nonNegative(NAME, "minStep", minStep);
        Hyperparameters.nonNegative(NAME, "maxStep", maxStep);
        if (maxStep < minStep) {
            throw new IllegalArgumentException(NAME + ": maxStep = " + maxStep + " is below minStep = " + minStep);
        }
    }

    /** Rprop with initial step size η and PyTorch's other defaults. */
    public Rprop(double learningRate) {
        this(learningRate, 0.5, 1.2, 1e-6, 50);
    }

    @Override
    public State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        return new State(0, Tensor.zeros(param.shape()), Tensor.full(param.shape(), learningRate));
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        Tensor initial = state.step() == 0 ? Tensor.full(param.shape(), lr) : state.stepSize();
        Tensor factor = grad.zip(state.prev(), (g, p) -> factor(g * p));
        Tensor stepSize = initial.mul(factor).clamp(minStep, maxStep);
        Tensor g = grad.zip(state.prev(), (gi, p) -> gi * p < 0 ? 0 : gi);
        return new Update<>(param.sub(g.sign().mul(stepSize)), new State(state.step() + 1, g, stepSize));
    }

    /** η₊, η₋ or 1 by the sign of g·g′ (a product that underflows to 0 counts as 0, as in PyTorch). */
    private double factor(double product) {
        return product > 0 ? etaPlus : product < 0 ? etaMinus : 1;
    }

    @Override
    public Map<String, Tensor> save(State state) {
        Map<String, Tensor> saved = new LinkedHashMap<>();
        saved.put("step", Tensor.scalar(state.step()));
        saved.put("prev", state.prev());
        saved.put("step_size", state.stepSize());
        return saved;
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        return new State(Slots.counter(NAME, saved, "step"), Slots.get(NAME, saved, "prev", param.shape()),
                Slots.get(NAME, saved, "step_size", param.shape()));
    }
}
