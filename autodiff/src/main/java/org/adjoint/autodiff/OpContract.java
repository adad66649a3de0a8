package org.adjoint.autodiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.adjoint.core.Tensor;

/**
 * The contract of a user's own op, beyond its derivatives (which {@link DerivativeCheck} checks):
 * it leaves its inputs alone, propagates NaN as documented, has its documented values and
 * derivatives at kinks, and refuses bad inputs with the documented exception.
 *
 * <pre>{@code
 * OpContract.of(new Relu6())                          // a UnaryOp of the user's: min(max(x, 0), 6)
 *     .withNanPropagation(OpContract.NanPropagation.ELEMENTWISE)
 *     .withKink(OpContract.Kink.of(Tensor.vector(0, 6), Tensor.vector(0, 6), Tensor.vector(0, 0)))
 *     .check(Tensor.vector(-1, 0.5, 2))                 // valid inputs, e.g. from a generator
 *     .requirePassed();
 * OpContract.of(new Hypot())                          // a BinaryOp of the user's
 *     .rejecting(IllegalArgumentException.class, Tensor.zeros(2, 3), Tensor.zeros(4))
 *     .check(Tensor.vector(3, 5), Tensor.vector(4, 12))
 *     .requirePassed();
 * }</pre>
 *
 * <p>The checks, each one comparison in the {@link CheckReport}:
 * <ul>
 *   <li><b>No mutation</b> (always): the op is applied to parameters made from copies of the inputs
 *       and differentiated twice (once recording the backward sweep, as Hessians do, once not). It
 *       fails if it replaced an element of the {@code Var[]} it was handed, if any input's elements
 *       changed (bit for bit), or if the two sweeps' gradients differ (bit for bit): a rule that keeps
 *       hidden state between sweeps. (A rule that writes into the inputs array it is handed gets a
 *       copy from the engine, so it cannot corrupt the recorded graph.)
 *   <li><b>NaN propagation</b> (if set with {@link #withNanPropagation}): each element of each input,
 *       in turn, is made NaN and the output must show it as the {@link NanPropagation} says.
 *   <li><b>Kinks</b> ({@link #withKink}): at each stated point the value, and the gradient of the sum
 *       of the outputs (the elementwise derivative, for an elementwise op), must equal the stated
 *       ones within {@code 1e-12 · max(1, |expected|)}, NaN matching NaN: kink values are documented
 *       exactly, but a stated {@code log 2} may be computed differently from the op's.
 *   <li><b>Bad inputs</b> ({@link #rejecting}): applying the op to them must throw the stated type
 *       (or a subtype).
 * </ul>
 */
public final class OpContract {

    /** Where a NaN in one input element must show in the output. */
    public enum NanPropagation {
        /** The output element at the same row-major position is NaN (an elementwise op). */
        ELEMENTWISE,
        /** At least one output element is NaN. */
        SOME_OUTPUT,
        /** Every output element is NaN (a reduction such as a sum). */
        ALL_OUTPUTS
    }

    /**
     * A point where the op has a documented value and derivative, such as relu at 0 (value 0,
     * derivative 0).
     *
     * @param inputs    the op's inputs there
     * @param value     its output there
     * @param gradients the gradient of the sum of its outputs with respect to each input
     */
    public record Kink(List<Tensor> inputs, Tensor value, List<Tensor> gradients) {

        /** Copies the lists; refuses nulls and a different number of inputs and gradients. */
        public Kink {
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(value, "value");
            gradients = List.copyOf(gradients);
            if (inputs.size() != gradients.size()) {
                throw new IllegalArgumentException("Kink: " + inputs.size() + " inputs but " + gradients.size()
                        + " gradients");
            }
        }

        /** A kink of an op of one input: its value and derivative at x. */
        public static Kink of(Tensor x, Tensor value, Tensor derivative) {
            return new Kink(List.of(x), value, List.of(derivative));
        }
    }

    /**
     * Inputs the op must refuse, and the exception it must throw.
     *
     * @param inputs   the bad inputs (mismatched shapes, a wrong rank)
     * @param expected the exception type (or a supertype of it) the op throws
     */
    public record BadInput(List<Tensor> inputs, Class<? extends RuntimeException> expected) {

        /** Copies the list; refuses nulls. */
        public BadInput {
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(expected, "expected");
        }
    }

    private final Function<Var[], Var> op;
    private final NanPropagation nan;
    private final List<Kink> kinks;
    private final List<BadInput> badInputs;

    private OpContract(Function<Var[], Var> op, NanPropagation nan, List<Kink> kinks, List<BadInput> badInputs) {
        this.op = op;
        this.nan = nan;
        this.kinks = List.copyOf(kinks);
        this.badInputs = List.copyOf(badInputs);
    }

    /** The contract of an op applied by a function of its inputs, e.g. {@code xs -> Var.record(op, …, xs)}. */
    public static OpContract of(Function<Var[], Var> op) {
        Objects.requireNonNull(op, "op");
        return new OpContract(op, null, List.of(), List.of());
    }

    /** The contract of a unary op, applied with {@link Var#apply(UnaryOp, Var)}. */
    public static OpContract of(UnaryOp op) {
        Objects.requireNonNull(op, "op");
        return of(xs -> Var.apply(op, xs[0]));
    }

    /** The contract of a binary op, applied with {@link Var#apply(BinaryOp, Var, Var)}. */
    public static OpContract of(BinaryOp op) {
        Objects.requireNonNull(op, "op");
        return of(xs -> Var.apply(op, xs[0], xs[1]));
    }

    /** The same contract, also requiring NaN inputs to propagate as {@code expectation} says. */
    public OpContract withNanPropagation(NanPropagation expectation) {
        Objects.requireNonNull(expectation, "expectation");
        return new OpContract(op, expectation, kinks, badInputs);
    }

    /** The same contract, also requiring the documented value and derivative at {@code kink}. */
    public OpContract withKink(Kink kink) {
        Objects.requireNonNull(kink, "kink");
        List<Kink> more = new ArrayList<>(kinks);
        more.add(kink);
        return new OpContract(op, nan, more, badInputs);
    }

    /** The same contract, also requiring the op to throw {@code expected} for {@code inputs}. */
    public OpContract rejecting(Class<? extends RuntimeException> expected, Tensor... inputs) {
        List<BadInput> more = new ArrayList<>(badInputs);
        more.add(new BadInput(List.of(inputs), expected));
        return new OpContract(op, nan, kinks, more);
    }

    /**
     * Checks the contract: no mutation and NaN propagation at {@code inputs} (valid inputs, such as a
     * property generates), then every kink and every bad input.
     */
    public CheckReport check(Tensor... inputs) {
        Objects.requireNonNull(inputs, "inputs");
        OpContractRun run = new OpContractRun(op, List.of(inputs));
        run.noMutation();
        if (nan != null) {
            run.nanPropagation(nan);
        }
        kinks.forEach(run::kink);
        badInputs.forEach(run::badInput);
        return run.report();
    }
}
