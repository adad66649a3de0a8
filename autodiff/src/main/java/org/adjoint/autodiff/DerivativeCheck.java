package org.adjoint.autodiff;

import java.util.Objects;
import java.util.function.Function;
import org.adjoint.core.Tensor;

/**
 * Directional checks of the derivatives of any function of one or more tensors with a tensor output,
 * in the manner of HIPS autograd's {@code check_grads} and PyTorch's fast {@code gradcheck}: instead
 * of every Jacobian entry, a few random projections of it, so a check costs a few sweeps whatever
 * the sizes.
 *
 * <ul>
 *   <li>{@link #firstOrder}: for random directions u (one per input, drawn for every input and used
 *       one input at a time) and v (of the output's shape), three values of {@code ⟨v, Jᵢ·uᵢ⟩} must
 *       agree: reverse mode {@code ⟨Jᵢᵀv, uᵢ⟩}, forward mode {@code ⟨v, Jᵢ·uᵢ⟩}
 *       ({@link Derivatives#jvp}), and the centered difference {@code ⟨v, f(x + h·uᵢ) − f(x − h·uᵢ)⟩ / 2h};
 *       forward mode and the difference are also compared output element by output element, which
 *       names the output index of a wrong rule. Reverse and forward mode come from the same
 *       derivative rules, so they agree even when a rule is wrong by a factor; forward mode disagrees
 *       with reverse mode when a rule is not linear in its cotangent or does not record its use of it.
 *   <li>{@link #secondOrder} (gradgradcheck): the derivative along {@code uⱼ} of
 *       {@code x ↦ ⟨x̄ᵢ(x), wᵢ⟩}, where {@code x̄ = Jᵀ(x)·v} is the differentiable vector-Jacobian
 *       product, against the centered difference of first-order products; this fails for a rule
 *       that computes its derivative from raw values instead of {@link Var} operations.
 *   <li>{@link #symmetry}: for a scalar function, {@code uᵢᵀ·(H·wⱼ) = wⱼᵀ·(H·uᵢ)} from two
 *       Hessian-vector products, for every pair of inputs.
 * </ul>
 *
 * <p><b>Tolerances.</b> Two values a (autodiff) and n (finite differences, or the other mode) agree
 * when {@code |a − n| ≤ atol + rtol · max(|a|, |n|)}; a NaN never agrees. Defaults are PyTorch's
 * gradcheck defaults for double precision: step {@code h = 1e-6}, {@code atol = 1e-5},
 * {@code rtol = 1e-3}. Centered differences are used because their error is {@code O(h²)}
 * ({@code h²/6 · f'''}, about 1e-13 here) where one-sided differences have {@code O(h)} (1e-6, too
 * close to atol); their rounding error, about {@code 1e-16 · |⟨v, f(x)⟩| / h = 1e-10 · |⟨v, f(x)⟩|},
 * stays far below atol for values up to about 1e4. For larger values or derivatives, scale the
 * function or loosen atol; for steep functions (third derivatives above about 1e7) lower the step.
 *
 * <p><b>Domains.</b> A centered difference straddles {@code x ± h·u} with {@code |u| ≤ 1}: inputs
 * closer than h to a kink ({@code relu} and {@code abs} at 0, ties in {@code max}, clamp bounds) or
 * to a domain's edge ({@code log}, {@code sqrt} at 0) give a difference that is neither one-sided
 * derivative. Generate inputs at least a small gap (0.05 is ample) away from such points and test the
 * kinks' documented values exactly with {@link OpContract}.
 *
 * <p><b>Seeds.</b> Direction k of a check with seed s is drawn from {@code new SplittableRandom(s + k)}
 * (v, then u for every input, then w for every input, each uniform in [−1, 1]); a failure names its
 * direction seed, and {@code withDirections(1)} with that seed replays it alone.
 *
 * <pre>{@code
 * DerivativeCheck check = DerivativeCheck.defaults();
 * check.all(xs -> xs[0].matmul(xs[1]).tanh(), seed, a, b).requirePassed();
 * }</pre>
 *
 * <p>{@link GradCheck} remains the entrywise check of scalar functions' gradients and Hessians.
 */
public final class DerivativeCheck {

    private final double step;
    private final double atol;
    private final double rtol;
    private final int directions;

    private DerivativeCheck(double step, double atol, double rtol, int directions) {
        this.step = positive("step", step);
        this.atol = positive("atol", atol);
        this.rtol = positive("rtol", rtol);
        if (directions < 1) {
            throw new IllegalArgumentException("DerivativeCheck: directions = " + directions + " must be >= 1");
        }
        this.directions = directions;
    }

    /** A check with step 1e-6, atol 1e-5, rtol 1e-3 and 3 random directions. */
    public static DerivativeCheck defaults() {
        return new DerivativeCheck(1e-6, 1e-5, 1e-3, 3);
    }

    /** The same check with another finite-difference step h. */
    public DerivativeCheck withStep(double h) {
        return new DerivativeCheck(h, atol, rtol, directions);
    }

    /** The same check with another absolute and relative tolerance. */
    public DerivativeCheck withTolerance(double newAtol, double newRtol) {
        return new DerivativeCheck(step, newAtol, newRtol, directions);
    }

    /** The same check with another number of random directions (seeds s, s + 1, …). */
    public DerivativeCheck withDirections(int count) {
        return new DerivativeCheck(step, atol, rtol, count);
    }

    /** {@link #firstOrder(Function, long, Tensor...)} for a function of one tensor. */
    public CheckReport firstOrder(VarFunction f, long seed, Tensor x) {
        return firstOrder(unary(f), seed, x);
    }

    /** Reverse mode, forward mode and centered differences of f agree along random directions. */
    public CheckReport firstOrder(Function<Var[], Var> f, long seed, Tensor... inputs) {
        return new DerivativeCheckRun(this, f, inputs, seed).firstOrder(directions);
    }

    /** {@link #secondOrder(Function, long, Tensor...)} for a function of one tensor. */
    public CheckReport secondOrder(VarFunction f, long seed, Tensor x) {
        return secondOrder(unary(f), seed, x);
    }

    /** The differentiable vector-Jacobian products of f have the derivatives of their centered differences. */
    public CheckReport secondOrder(Function<Var[], Var> f, long seed, Tensor... inputs) {
        return new DerivativeCheckRun(this, f, inputs, seed).secondOrder(directions);
    }

    /** {@link #symmetry(Function, long, Tensor...)} for a function of one tensor. */
    public CheckReport symmetry(VarFunction f, long seed, Tensor x) {
        return symmetry(unary(f), seed, x);
    }

    /**
     * {@code uᵀHw = wᵀHu} for a scalar f, from Hessian-vector products.
     *
     * @throws IllegalArgumentException naming the shape if f does not return a single element
     */
    public CheckReport symmetry(Function<Var[], Var> f, long seed, Tensor... inputs) {
        return new DerivativeCheckRun(this, f, inputs, seed).symmetry(directions);
    }

    /** {@link #all(Function, long, Tensor...)} for a function of one tensor. */
    public CheckReport all(VarFunction f, long seed, Tensor x) {
        return all(unary(f), seed, x);
    }

    /** First order, second order, and (for a function with one output element) symmetry, in one report. */
    public CheckReport all(Function<Var[], Var> f, long seed, Tensor... inputs) {
        DerivativeCheckRun run = new DerivativeCheckRun(this, f, inputs, seed);
        CheckReport report = run.firstOrder(directions).and(run.secondOrder(directions));
        return run.scalarOutput() ? report.and(run.symmetry(directions)) : report;
    }

    double step() {
        return step;
    }

    /** Whether a and b agree: {@code |a − b| ≤ atol + rtol · max(|a|, |b|)}, never for NaN. */
    boolean agree(double a, double b) {
        return Math.abs(a - b) <= tolerance(a, b);
    }

    double tolerance(double a, double b) {
        return atol + rtol * Math.max(Math.abs(a), Math.abs(b));
    }

    /** The tolerance of a comparison, spelled out for a failure message. */
    String toleranceText(double a, double b) {
        return "tolerance " + tolerance(a, b) + " = atol " + atol + " + rtol " + rtol + " · " + Math.max(Math.abs(a), Math.abs(b));
    }

    private static Function<Var[], Var> unary(VarFunction f) {
        Objects.requireNonNull(f, "f");
        return xs -> f.apply(xs[0]);
    }

    private static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("DerivativeCheck: " + name + " = " + value + " must be positive and finite");
        }
        return value;
    }
}
