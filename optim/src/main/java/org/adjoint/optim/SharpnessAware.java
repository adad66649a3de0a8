package org.adjoint.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;

/**
 * Sharpness-aware minimization, configured on an {@link Optimizer} with
 * {@link Optimizer#withSharpnessAware} or {@link Optimizer#withAdaptiveSharpnessAware}: each step
 * evaluates the gradient twice and lets the optimizer's rules update θ with the second.
 *
 * <pre>
 *   g  = ∇L(θ)
 *   SAM  (Foret et al., 2021):   ε = ρ · g / ‖g‖
 *   ASAM (Kwon et al., 2021):    ε = ρ · T²g / ‖T g‖,   T = diag(|θ| + η)
 *   g' = ∇L(θ + ε)
 *   θ ← the rules' step from θ with the gradient g'  (clipping and schedule as usual)
 * </pre>
 *
 * The norms are over all parameters together, as in the paper (and not per tensor); ε = 0 when the
 * norm is 0. The first gradient enters unclipped: clipping applies to g', the gradient of the step.
 *
 * @param rho      the neighbourhood radius ρ, finite and above 0 (the paper's 0.05 for SGD; ASAM uses larger, such as 0.5 to 2)
 * @param adaptive whether the neighbourhood scales with each weight (ASAM)
 * @param eta      ASAM's η, added to |θ| (0.01 in the paper); unused by SAM
 */
public record SharpnessAware(double rho, boolean adaptive, double eta) {

    /** Validates ρ and η. */
    public SharpnessAware {
        Hyperparameters.positive(adaptive ? "ASAM" : "SAM", "rho", rho);
        Hyperparameters.nonNegative(adaptive ? "ASAM" : "SAM", "eta", eta);
    }

    /**
     * The perturbation ε for the gradient {@code g} at {@code params}.
     *
     * @throws IllegalArgumentException if the gradient is not finite, naming the first parameter whose gradient is not
     */
    public NamedTensors perturbation(NamedTensors params, NamedTensors g) {
        params.requireSameLayout("SAM perturbation (gradients)", g);
        Map<String, Tensor> scaled = new LinkedHashMap<>();
        for (String name : params.names()) {
            if (!g.get(name).isFinite()) {
                throw new IllegalArgumentException(this + ": the gradient of " + name + " at the parameters is not finite,"
                        + " so there is no direction to perturb them in");
            }
            scaled.put(name, adaptive ? g.get(name).mul(params.get(name).abs().add(eta)) : g.get(name));
        }
        double norm = norm(scaled);
        if (norm == 0) {
            return g.map(t -> Tensor.zeros(t.shape()));
        }
        Map<String, Tensor> epsilon = new LinkedHashMap<>();
        for (String name : params.names()) {
            Tensor e = scaled.get(name).mul(rho / norm);
            epsilon.put(name, adaptive ? e.mul(params.get(name).abs().add(eta)) : e);
        }
        return NamedTensors.of(epsilon);
    }

    /** The Euclidean norm over all tensors, summed in order (the same bits every time), scaled against overflow. */
    private static double norm(Map<String, Tensor> tensors) {
        double max = 0;
        for (Tensor t : tensors.values()) {
            for (double x : t.toArray()) {
                max = Math.max(max, Math.abs(x));
            }
        }
        if (max == 0 || Double.isInfinite(max)) {
            return max;
        }
        double sum = 0;
        for (Tensor t : tensors.values()) {
            for (double x : t.toArray()) {
                sum += (x / max) * (x / max);
            }
        }
        return max * Math.sqrt(sum);
    }

    @Override
    public String toString() {
        return adaptive ? "ASAM[rho=" + rho + ", eta=" + eta + "]" : "SAM[rho=" + rho + "]";
    }
}
