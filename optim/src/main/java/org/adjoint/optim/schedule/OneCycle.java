package org.adjoint.optim.schedule;

import java.util.Objects;
import org.adjoint.optim.Hyperparameters;

/**
 * The one-cycle policy (Smith &amp; Topin, "Super-Convergence", 2019), as PyTorch's OneCycleLR computes
 * it, as a factor that peaks at 1 (so the rule's learning rate plays PyTorch's {@code max_lr}). With
 * {@code T = totalSteps}, {@code p = pctStart}, initial factor {@code a = 1/divFactor} and final factor
 * {@code z = a/finalDivFactor}, the phases end at the steps
 * <pre>
 *   two phases:    p·T − 1  (a → 1),   T − 1  (1 → z)
 *   three phases:  p·T − 1  (a → 1),   2·p·T − 2  (1 → a),   T − 1  (a → z)
 * </pre>
 * and within a phase from step {@code s₀} to {@code s₁} running from {@code u} to {@code w}, with
 * {@code q = (t − s₀)/(s₁ − s₀)}, the factor is {@code w + (u − w)·(1 + cos(π·q))/2} (cosine) or
 * {@code u + (w − u)·q} (linear). Past step {@code T − 1}, where PyTorch raises, it stays at {@code z}.
 * PyTorch also cycles the momentum; here momentum belongs to the rule and is not cycled.
 *
 * <p>Build it with {@link Schedule#oneCycle} and the {@code with…} methods; it prints as that call.
 *
 * @param totalSteps     the length of the cycle, in updates
 * @param pctStart       the fraction of the cycle spent rising, in (0, 1), with {@code pctStart·totalSteps > 1}
 * @param divFactor      the peak over the initial factor, above 0
 * @param finalDivFactor the initial factor over the final one, above 0
 * @param anneal         the shape of each phase
 * @param threePhase     whether to fall back to the initial factor before the final fall (PyTorch's
 *                       {@code three_phase}); then {@code 2·pctStart·totalSteps − 2 < totalSteps − 1}
 */
public record OneCycle(long totalSteps, double pctStart, double divFactor, double finalDivFactor, Anneal anneal,
                       boolean threePhase) implements Schedule {

    /** How the factor moves within a phase (PyTorch's {@code anneal_strategy}). */
    public enum Anneal {
        /** Along half a cosine ({@code 'cos'}, the default). */
        COS,
        /** Along a line ({@code 'linear'}). */
        LINEAR
    }

    /** Refuses hyperparameters that PyTorch would refuse or that would make a phase empty (a 0/0 factor). */
    public OneCycle {
        Objects.requireNonNull(anneal, "anneal");
        Schedules.requireAtLeast("oneCycle", "totalSteps", totalSteps, 1);
        if (!(pctStart > 0 && pctStart < 1)) {
            throw new IllegalArgumentException("oneCycle: pctStart = " + pctStart + " is outside (0, 1)");
        }
        Hyperparameters.positive("oneCycle", "divFactor", divFactor);
        Hyperparameters.positive("oneCycle", "finalDivFactor", finalDivFactor);
        if (!(pctStart * totalSteps > 1)) {
            throw new IllegalArgumentException("oneCycle: pctStart · totalSteps = " + pctStart + " · " + totalSteps
                    + " must be above 1, or the rising phase ends before it starts");
        }
        if (threePhase && !(2 * pctStart * totalSteps - 2 < totalSteps - 1)) {
            throw new IllegalArgumentException("oneCycle: with three phases, pctStart = " + pctStart + " leaves no steps"
                    + " for the last phase of " + totalSteps + " (2·pctStart·totalSteps − 2 must be below totalSteps − 1)");
        }
    }

    /** The same cycle rising over the fraction {@code p} of its steps. */
    public OneCycle withPctStart(double p) {
        return new OneCycle(totalSteps, p, divFactor, finalDivFactor, anneal, threePhase);
    }

    /** The same cycle starting at {@code 1/div} and ending at {@code 1/(div·finalDiv)}. */
    public OneCycle withDivFactors(double div, double finalDiv) {
        return new OneCycle(totalSteps, pctStart, div, finalDiv, anneal, threePhase);
    }

    /** The same cycle with phases of the shape {@code a}. */
    public OneCycle withAnneal(Anneal a) {
        return new OneCycle(totalSteps, pctStart, divFactor, finalDivFactor, a, threePhase);
    }

    /** The same cycle in three phases (PyTorch's {@code three_phase=True}). */
    public OneCycle withThreePhase() {
        return new OneCycle(totalSteps, pctStart, divFactor, finalDivFactor, anneal, true);
    }

    @Override
    public double factor(long step) {
        double initial = 1 / divFactor;
        double last = initial / finalDivFactor;
        double t = Math.min(step, totalSteps - 1);
        double[][] phases = threePhase
                ? new double[][] {{pctStart * totalSteps - 1, initial, 1}, {2 * pctStart * totalSteps - 2, 1, initial},
                    {totalSteps - 1, initial, last}}
                : new double[][] {{pctStart * totalSteps - 1, initial, 1}, {totalSteps - 1, 1, last}};
        double start = 0;
        for (int i = 0; ; i++) {
            double end = phases[i][0];
            if (t <= end || i == phases.length - 1) {
                return anneal(phases[i][1], phases[i][2], (t - start) / (end - start));
            }
            start = end;
        }
    }

    private double anneal(double from, double to, double q) {
        return anneal == Anneal.COS ? to + (from - to) / 2 * (Math.cos(Math.PI * q) + 1) : (to - from) * q + from;
    }

    @Override
    public String toString() {
        return "oneCycle(" + totalSteps + ")" + (pctStart == 0.3 ? "" : ".withPctStart(" + pctStart + ")")
                + (divFactor == 25 && finalDivFactor == 1e4 ? "" : ".withDivFactors(" + divFactor + ", " + finalDivFactor + ")")
                + (anneal == Anneal.COS ? "" : ".withAnneal(" + anneal + ")") + (threePhase ? ".withThreePhase()" : "");
    }
}
