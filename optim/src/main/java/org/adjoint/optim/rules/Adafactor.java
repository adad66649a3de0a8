package org.adjoint.optim.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * Adafactor (Shazeer and Stern, "Adafactor: Adaptive Learning Rates with Sublinear Memory Cost", ICML 2018),
 * as {@code torch.optim.Adafactor} (PyTorch 2.5 and later): second moments factored into row and column
 * statistics, a relative step size, update clipping, and no first moment. With τ the β₂ decay:
 * <pre>
 *   t ← t + 1
 *   w = t^τ                                       (w = 1 − β̂₂ₜ; τ ≤ 0, so w₁ = 1 and w falls towards 0)
 *   ρ = min(η, 1/√t)
 *   α = max(ε₂, RMS(θ))·ρ                         (RMS(x) = √(mean x²), of θ before the decay)
 *   θ ← θ·(1 − η·λ)                               (decoupled weight decay)
 *   rank ≥ 2, over the last two axes (n rows × m columns, for every leading index):
 *     R ← (1 − w)·R + w·mean over columns of g²   (shape […, n, 1])
 *     C ← (1 − w)·C + w·mean over rows of g²      (shape […, 1, m])
 *     V̂ = R·C / max(mean over rows of R, ε₁)     (the outer product, of g's shape)
 *   rank ≤ 1:
 *     V ← (1 − w)·V + w·g²,   V̂ = V
 *   U = g / max(√V̂, ε₁)
 *   θ ← θ − α / max(1, RMS(U)/d) · U
 * </pre>
 * PyTorch's reading of the paper, which we follow: η is not a step size but the cap of the relative step ρ
 * (the paper's constant 0.01) and the rate of the decoupled decay; ε₁ guards the two divisions rather than
 * being added to g²; the statistics are means (not the paper's sums), which changes nothing but rounding
 * and where ε₁ bites. A {@link org.adjoint.optim.schedule.Schedule} scales η, so it lowers the cap of ρ.
 * Special cases: at t = 1, w = 1 and the statistics are the first means exactly; where g² is an outer
 * product (rank one), V̂ is exactly g², so the first step moves every element by α·sign(g)/max(1, RMS(U)/d);
 * a zero gradient moves nothing (U = 0) but the decay; at θ = 0 the step is ε₂·ρ. The state is smaller
 * than the parameter for rank ≥ 2, so {@link org.adjoint.optim.rules.laws.RuleLaws#stateShapesMatch} does
 * not apply. Checkpoint slots are PyTorch's: {@code step}, and {@code row_var} and {@code col_var} (rank ≥ 2)
 * or {@code variance} (rank ≤ 1). Defaults as in PyTorch: η = 1e-2, τ = −0.8, ε₁ = 2⁻⁵² (the machine epsilon
 * of double, PyTorch's {@code None}), ε₂ = 1e-3, d = 1, λ = 0. Unlike PyTorch, ε₁ = 0 is refused: it
 * would divide 0 by 0 wherever a row of the gradient is 0.
 *
 * @param learningRate η, at least 0
 * @param beta2Decay   τ, finite and at most 0
 * @param epsilon1     ε₁, above 0
 * @param epsilon2     ε₂, at least 0
 * @param d            the clipping threshold, finite and at least 1
 * @param weightDecay  the decoupled decay λ, at least 0
 */
public record Adafactor(double learningRate, double beta2Decay, double epsilon1, double epsilon2, double d,
                        double weightDecay) implements UpdateRule<Adafactor.State> {

    /** Adafactor's state for one tensor: {@link Factored} for a parameter of rank at least 2, else {@link Unfactored}. */
    public sealed interface State permits Factored, Unfactored {

        /** The number of steps taken, t. */
        long step();
    }

    /**
     * The factored second moment of a parameter of rank at least 2.
     *
     * @param step   the number of steps taken, t
     * @param rowVar R, of the parameter's shape with the last axis 1
     * @param colVar C, of the parameter's shape with the next-to-last axis 1
     */
    public record Factored(long step, Tensor rowVar, Tensor colVar) implements State {

        /** Refuses a negative step and missing factors. */
        public Factored {
            requireStep(step);
            Objects.requireNonNull(rowVar, "Adafactor.Factored: rowVar is null");
            Objects.requireNonNull(colVar, "Adafactor.Factored: colVar is null");
        }
    }

    /**
     * The full second moment of a parameter of rank 0 or 1.
     *
     * @param step     the number of steps taken, t
     * @param variance V, of the parameter's shape
     */
    public record Unfactored(long step, Tensor variance) implements State {

        /** Refuses a negative step and a missing variance. */
        public Unfactored {
            requireStep(step);
            Objects.requireNonNull(variance, "Adafactor.Unfactored: variance is null");
        }
    }

    private static void requireStep(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("Adafactor.State: step = " + step + " is negative");
        }
    }

    private static final String NAME = "Adafactor";

    /** Validates every hyperparameter. */
    public Adafactor {
        Hyperparameters.learningRate(NAME, learningRate);
        if (!(beta2Decay <= 0) || Double.isInfinite(beta2Decay)) {
            throw new IllegalArgumentException(NAME + ": beta2Decay = " + beta2Decay + " must be finite and at most 0");
        }
        Hyperparameters.positive(NAME, "epsilon1", epsilon1);
        Hyperparameters.nonNegative(NAME, "epsilon2", epsilon2);
        if (!(d >= 1) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(NAME + ": d = " + d + " must be finite and at least 1");
        }
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
    }

    /** Adafactor with the cap η of the relative step and PyTorch's other defaults. */
    public Adafactor(double learningRate) {
        this(learningRate, -0.8, Math.ulp(1.0), 1e-3, 1, 0);
    }

    @Override
    public State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        if (param.rank() >= 2) {
            return new Factored(0, Tensor.zeros(rowShape(param.shape())), Tensor.zeros(colShape(param.shape())));
        }
        return new Unfactored(0, Tensor.zeros(param.shape()));
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        if (state instanceof Factored != param.rank() >= 2) {
            throw new IllegalArgumentException(NAME + ": a " + state.getClass().getSimpleName() + " state for a parameter of shape "
                    + param.shape() + " (rank 2 and above is factored)");
        }
        long t = state.step() + 1;
        double alpha = Math.max(epsilon2, rms(param)) * Math.min(lr, 1 / Math.sqrt(t));
        Tensor decayed = weightDecay != 0 ? param.mul(1 - lr * weightDecay) : param;
        State next = secondMoment(grad.square(), state, t, Math.pow(t, beta2Decay));
        Tensor vHat = next instanceof Factored f ? estimate(f) : ((Unfactored) next).variance();
        Tensor u = grad.div(vHat.clamp(epsilon1 * epsilon1, Double.POSITIVE_INFINITY).sqrt());
        double clip = Math.max(1, rms(u) / d);
        return new Update<>(decayed.sub(u.mul(alpha / clip)), next);
    }

    /** The statistics after step t, whose weight on {@code g2} = g² is w = 1 − β̂₂ₜ. */
    private static State secondMoment(Tensor g2, State state, long t, double w) {
        if (state instanceof Factored f) {
            int rows = g2.rank() - 2;
            return new Factored(t, Moments.lerp(f.rowVar(), g2.mean(new int[] {rows + 1}, true), w),
                    Moments.lerp(f.colVar(), g2.mean(new int[] {rows}, true), w));
        }
        return new Unfactored(t, Moments.lerp(((Unfactored) state).variance(), g2, w));
    }

    /** V̂ = R·C / max(mean over rows of R, ε₁). */
    private Tensor estimate(Factored f) {
        int rows = f.rowVar().rank() - 2;
        Tensor rowMean = f.rowVar().mean(new int[] {rows}, true).clamp(epsilon1, Double.POSITIVE_INFINITY);
        return f.rowVar().mul(f.colVar()).div(rowMean);
    }

    /** The root mean square √(mean x²) of all of {@code x}'s elements. */
    static double rms(Tensor x) {
        return TrustRatio.norm(x) / Math.sqrt(x.size());
    }

    @Override
    public Map<String, Tensor> save(State state) {
        Map<String, Tensor> saved = new LinkedHashMap<>();
        saved.put("step", Tensor.scalar(state.step()));
        if (state instanceof Factored f) {
            saved.put("row_var", f.rowVar());
            saved.put("col_var", f.colVar());
        } else {
            saved.put("variance", ((Unfactored) state).variance());
        }
        return saved;
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        long step = Slots.counter(NAME, saved, "step");
        if (param.rank() >= 2) {
            return new Factored(step, Slots.get(NAME, saved, "row_var", rowShape(param.shape())),
                    Slots.get(NAME, saved, "col_var", colShape(param.shape())));
        }
        return new Unfactored(step, Slots.get(NAME, saved, "variance", param.shape()));
    }

    /** The shape of R: the parameter's, with the last axis 1. */
    private static Shape rowShape(Shape shape) {
        int[] dims = shape.dims();
        dims[dims.length - 1] = 1;
        return Shape.of(dims);
    }

    /** The shape of C: the parameter's, with the next-to-last axis 1. */
    private static Shape colShape(Shape shape) {
        int[] dims = shape.dims();
        dims[dims.length - 2] = 1;
        return Shape.of(dims);
    }
}
