package org.adjoint.optim.minimize.quasinewton;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.internal.DescentLoop;
import org.adjoint.optim.minimize.internal.Directions;
import org.adjoint.optim.minimize.internal.FirstStep;
import org.adjoint.optim.minimize.internal.Iterate;
import org.adjoint.optim.minimize.internal.Run;
import org.adjoint.optim.minimize.internal.Vectors;
import org.adjoint.optim.minimize.linesearch.LineSearch;

/**
 * Limited-memory BFGS (Nocedal and Wright, Algorithms 7.4 and 7.5): the inverse-Hessian approximation
 * is never formed; the direction comes from the last m pairs (s, y) by the two-loop recursion, with
 * the initial matrix {@code γ·I}, {@code γ = sᵀy / yᵀy} of the newest pair. O(m·n) memory and time per
 * step, for thousands of variables. Pairs with {@code yᵀs ≤ 1e-10·‖s‖·‖y‖} are not kept (see {@link CurvaturePair}).
 *
 * <p>On the first iteration and after a reset the direction is −∇f and the first trial step SciPy's
 * {@code α₀ = min(1, 1.01/‖∇f‖)} (see {@code internal.FirstStep}; PyTorch's L-BFGS uses the similar
 * {@code min(1, 1/‖∇f‖₁)}); otherwise it is 1. When the line search finds no step, the pairs are
 * dropped and the search retried once along −∇f before the run stops.
 *
 * @param memory     m, the number of pairs kept
 * @param lineSearch how the step is chosen (Moré–Thuente, c₂ = 0.9, by default)
 */
public record Lbfgs(int memory, LineSearch lineSearch) implements Minimizer {

    /** Validates the memory. */
    public Lbfgs {
        Objects.requireNonNull(lineSearch, "lineSearch");
        if (memory < 1) {
            throw new IllegalArgumentException("Lbfgs: memory = " + memory + " must be at least 1");
        }
    }

    /** L-BFGS keeping {@code m} pairs, with the Moré–Thuente line search (c₁ = 1e-4, c₂ = 0.9). */
    public static Lbfgs withMemory(int m) {
        return new Lbfgs(m, LineSearch.moreThuente());
    }

    @Override
    public MinimizationResult minimize(Objective f, Tensor x0, Stopping stopping) {
        return DescentLoop.run(new Run("Lbfgs", f, x0, stopping), new Pairs(memory), lineSearch, x0);
    }

    /** The kept pairs of one run, newest first. */
    private static final class Pairs implements Directions {
        private final int memory;
        private final Deque<CurvaturePair> pairs = new ArrayDeque<>();
        private boolean fresh = true;

        Pairs(int memory) {
            this.memory = memory;
        }

        @Override
        public Tensor direction(Iterate at) {
            Tensor q = at.gradient();
            double[] alphas = new double[pairs.size()];
            int i = 0;
            for (CurvaturePair p : pairs) {
                alphas[i] = p.rho() * Vectors.dot(p.s(), q);
                q = Vectors.addScaled(q, -alphas[i++], p.y());
            }
            CurvaturePair newest = pairs.peekFirst();
            Tensor r = newest == null ? q : q.mul(newest.sy() / Vectors.dot(newest.y(), newest.y()));
            Iterator<CurvaturePair> oldestFirst = pairs.descendingIterator();
            for (int k = pairs.size() - 1; oldestFirst.hasNext(); k--) {
                CurvaturePair p = oldestFirst.next();
                double beta = p.rho() * Vectors.dot(p.y(), r);
                r = Vectors.addScaled(r, alphas[k] - beta, p.s());
            }
            return r.neg();
        }

        /** SciPy's scaled first step on the first iteration and after a reset (see {@link FirstStep}), else 1. */
        @Override
        public double initialStep(Iterate at, Tensor direction) {
            return fresh ? FirstStep.scaled(at, direction) : 1;
        }

        /** Drops the pairs; a retry is worthwhile if there were any or the first step would change. */
        @Override
        public boolean reset() {
            boolean changes = !pairs.isEmpty() || !fresh;
            pairs.clear();
            fresh = true;
            return changes;
        }

        @Override
        public void stepped(Iterate from, Iterate to) {
            fresh = false;
            CurvaturePair.between(from, to).ifPresent(pair -> {
                pairs.addFirst(pair);
                if (pairs.size() > memory) {
                    pairs.removeLast();
                }
            });
        }
    }
}
