package org.adjoint.optim.minimize.leastsquares;

import org.adjoint.optim.minimize.bounded.Bounds;
import java.util.Objects;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;

/**
 * Levenberg–Marquardt in Moré's trust-region form (J. J. Moré, "The Levenberg–Marquardt algorithm:
 * implementation and theory", Numerical Analysis, LNM 630, 1978), the algorithm of MINPACK's
 * {@code lmder}, for {@code min ½‖r(θ)‖²} with r: ℝⁿ → ℝᵐ (m ≥ n) written as {@link VarFunction} code
 * returning a vector. Its Jacobian is exact, from {@code Derivatives.jacobian}: forward mode (one
 * sweep per parameter over the linearized graph, recorded once) since m ≥ n, so that a fit to many
 * observations costs about n + 2 sweeps per Jacobian, not m.
 *
 * <p>Each iteration, at θ with residuals r and Jacobian J:
 * <ol>
 *   <li>factor {@code J·P = Q·R} by Householder QR with column pivoting, and scale by
 *       {@code D = diag(dⱼ)}, {@code dⱼ = max(dⱼ, ‖J·eⱼ‖)} (the largest column norm seen so far);</li>
 *   <li>find the step p and the Levenberg–Marquardt parameter λ ≥ 0 with p minimizing
 *       {@code ‖J·p + r‖² + λ‖D·p‖²} and {@code ‖D·p‖ ≈ Δ} (or λ = 0 inside the region), by Moré's
 *       secular-equation iteration on the QR factors, never the normal equations;</li>
 *   <li>compare the actual relative reduction {@code 1 − ‖r(θ + p)‖²/‖r‖²} with the predicted
 *       {@code (‖J·p‖² + 2λ‖D·p‖²)/‖r‖²}: their ratio ρ shrinks Δ (to between Δ/10 and Δ/2) when
 *       ρ ≤ ¼, sets {@code Δ = 2‖D·p‖} when ρ ≥ ¾ (or λ = 0), and θ moves when ρ ≥ 10⁻⁴.</li>
 * </ol>
 * Δ₀ = {@code initialStepBound}·‖D·θ₀‖ (or the bound itself when θ₀ = 0). A trial point with NaN or
 * infinite residuals is a failed step: Δ shrinks tenfold. The tests, as {@code lmder}'s:
 * {@code ftol} on the reductions, {@code xtol} on {@code Δ ≤ xtol·‖D·θ‖}, {@code gtol} on the largest
 * cosine {@code |Jⱼᵀr|/(‖Jⱼ‖‖r‖)}; see {@link LeastSquaresStatus}.
 *
 * <p>After a tolerance holds (linear loss), Newton polishing takes up to five
 * Newton steps on ½‖r‖² with its exact Hessian (from autodiff, which MINPACK and Ceres do not have),
 * while they contract: near the solution the cost is flat below its rounding level, so no cost-based
 * test resolves θ's last digits, but the gradient still does. On the NIST StRD problems this raises
 * the worst parameter's correct digits from about 9.2 to 10.7 on average. The result's counts include
 * these evaluations; {@code iterations} counts polishing steps as iterations.
 *
 * <p>Defaults ({@link #standard()}): ftol = xtol = 1e-15 and gtol = 0, far tighter than MINPACK's √ε
 * and SciPy's {@code least_squares(method='lm')} 1e-8, so that a solve reaches what double precision
 * resolves, at the cost of a few more iterations; {@code initialStepBound} 1 (Δ₀ = ‖D·θ₀‖; MINPACK
 * and SciPy use 100, whose first step on NIST's BoxBOD from start 1 leaps onto a plateau where
 * exp(−b₂x) underflows and the Jacobian loses rank; 1 costs no digits elsewhere on NIST); and a budget
 * of 1000·(n + 1) residual evaluations (MINPACK's {@code lmder1}: 100·(n + 1)). With these the 54 NIST
 * StRD problem/start pairs all reach at least 10 correct digits, 10.7 on average (MINPACK: 4.4, Ceres:
 * 9.4; see BENCHMARKS.md).
 *
 * <p>Bounds ({@link #solve(VarFunction, Tensor, Bounds)}): a projected, active-set form of the same
 * method (in the spirit of Kanzow, Yamashita and Fukushima's projected Levenberg–Marquardt, 2004), not
 * SciPy's trust-region reflective. Each iteration holds the parameters that sit on a bound the
 * gradient g = J̃ᵀr̃ pushes against ({@code θⱼ = lⱼ, gⱼ > 0} or {@code θⱼ = uⱼ, gⱼ < 0}), solves the
 * trust-region subproblem above over the others, and clips the trial point into the box; a clipped
 * step s is judged by the quadratic model's own prediction {@code −(gᵀs + ½‖J̃s‖²)}. The gradient test
 * counts only the parameters not held, so a point where every held parameter's gradient points out of
 * the box and the rest are stationary satisfies gtol (the first-order conditions). Every point
 * evaluated lies in the box; without bounds the iteration is exactly the one above.
 *
 * <p>Weights w (optional) minimize {@code ½Σwᵢrᵢ²}; a robust {@link Loss} replaces the cost by
 * {@code ½Σc²ρ(rᵢ²/c²)} through Triggs's rescaling, as Ceres does with its LM (SciPy's {@code lm}
 * refuses robust losses).
 *
 * @param ftol             the relative-reduction tolerance, ≥ 0
 * @param xtol             the relative step tolerance, ≥ 0
 * @param gtol             the gradient-cosine tolerance, ≥ 0
 * @param maxEvaluations   the residual-evaluation budget, ≥ 1 (0 for 1000·(n + 1))
 * @param initialStepBound the factor giving Δ₀, > 0
 * @param loss             the loss ρ
 */
public record LevenbergMarquardt(double ftol, double xtol, double gtol, int maxEvaluations, double initialStepBound,
                                 Loss loss) {

    private static final String OP = "LevenbergMarquardt";

    /** Validates the settings, naming the bad one. */
    public LevenbergMarquardt {
        Objects.requireNonNull(loss, "loss");
        requireTolerance("ftol", ftol);
        requireTolerance("xtol", xtol);
        requireTolerance("gtol", gtol);
        if (maxEvaluations < 0) {
            throw new IllegalArgumentException("LevenbergMarquardt: maxEvaluations must be ≥ 0 (0 for the default), got "
                    + maxEvaluations);
        }
        if (!(initialStepBound > 0 && initialStepBound < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("LevenbergMarquardt: initialStepBound must be positive and finite, got "
                    + initialStepBound);
        }
    }

    private static void requireTolerance(String name, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("LevenbergMarquardt: " + name + " must be ≥ 0 and finite, got " + value);
        }
    }

    /** ftol = xtol = 1e-15, gtol = 0, 1000·(n + 1) evaluations, initial step bound 1, the linear loss. */
    public static LevenbergMarquardt standard() {
        return new LevenbergMarquardt(1e-15, 1e-15, 0, 0, 1, Loss.linear());
    }

    /** These settings with the given tolerances. */
    public LevenbergMarquardt withTolerances(double ftol, double xtol, double gtol) {
        return new LevenbergMarquardt(ftol, xtol, gtol, maxEvaluations, initialStepBound, loss);
    }

    /** These settings with a residual-evaluation budget (0 for the default). */
    public LevenbergMarquardt withMaxEvaluations(int maxEvaluations) {
        return new LevenbergMarquardt(ftol, xtol, gtol, maxEvaluations, initialStepBound, loss);
    }

    /** These settings with a robust loss. */
    public LevenbergMarquardt withLoss(Loss loss) {
        return new LevenbergMarquardt(ftol, xtol, gtol, maxEvaluations, initialStepBound, loss);
    }

    /** Minimizes {@code ½‖r(θ)‖²} (or the robust cost) from θ₀, a vector. */
    public LeastSquaresResult solve(VarFunction residuals, Tensor theta0) {
        return run(residuals, theta0, null, Bounds.unbounded(size(theta0)));
    }

    /** Minimizes {@code ½Σwᵢrᵢ(θ)²} from θ₀; each weight finite and ≥ 0, one per residual. */
    public LeastSquaresResult solve(VarFunction residuals, Tensor theta0, double[] weights) {
        Inputs.weights(OP, weights);
        return run(residuals, theta0, weights, Bounds.unbounded(size(theta0)));
    }

    /**
     * Minimizes {@code ½‖r(θ)‖²} over the box {@code bounds}, from θ₀ inside it (a start outside is
     * refused, as SciPy's {@code least_squares} does). Every point evaluated lies in the box.
     */
    public LeastSquaresResult solve(VarFunction residuals, Tensor theta0, Bounds bounds) {
        Objects.requireNonNull(bounds, "bounds");
        return run(residuals, theta0, null, bounds);
    }

    private LeastSquaresResult run(VarFunction residuals, Tensor theta0, double[] weights, Bounds bounds) {
        Objects.requireNonNull(residuals, "residuals");
        double[] x0 = Inputs.start(OP, theta0);
        Box.requireInside(bounds, OP, x0);
        return new LmRun(this, new ResidualEvaluator(OP, residuals, weights, x0.length), x0, bounds).run();
    }

    /** The number of parameters, after θ₀ is checked (so that a bad start is named as such). */
    private static int size(Tensor theta0) {
        Objects.requireNonNull(theta0, "theta0");
        return Inputs.start(OP, theta0).length;
    }

    /** The budget for n parameters. */
    int budget(int n) {
        return maxEvaluations > 0 ? maxEvaluations : 1000 * (n + 1);
    }
}
