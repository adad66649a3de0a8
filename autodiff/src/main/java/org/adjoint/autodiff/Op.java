package org.adjoint.autodiff;

import org.adjoint.core.Tensor;

/**
 * An elementary operation as the backward pass sees it: how to pull a cotangent back through it.
 *
 * <p>Derivative rules are written with {@link Var} operations, not raw arrays, so that the backward
 * pass can itself be recorded: that is what makes Hessians and Hessian-vector products exact. A rule
 * may return a cotangent of the broadcast output's shape; the engine sums it back to the input's shape
 * (broadcasting is undone in exactly one place).
 *
 * <p>Most ops implement the typed sub-interfaces {@link UnaryOp} or {@link BinaryOp}, which also carry
 * the forward computation; implement one of those to add a differentiable operation of your own and
 * apply it with {@link Var#apply(UnaryOp, Var)} or {@link Var#apply(BinaryOp, Var, Var)}. An op of
 * any other arity implements {@code Op} directly, computes its forward value itself, and records it
 * with {@link Var#record(Op, Tensor, Var...)}.
 *
 * <p>Give an op a readable {@code toString} and value equality (a record whose components are
 * values does both): the engine names the op in error messages and anomaly reports.
 */
public interface Op {

    /**
     * The vector-Jacobian product for one input: {@code x̄ᵢ = ȳ · ∂y/∂xᵢ}.
     *
     * @param input     which input's cotangent to compute
     * @param inputs    the op's inputs, as recorded
     * @param output    the op's output {@code y}
     * @param outputBar the cotangent {@code ȳ} of the output, of the output's shape
     */
    Var vjp(int input, Var[] inputs, Var output, Var outputBar);
}
