/**
 * The first-order update rules: {@link org.adjoint.optim.rules.Sgd},
 * {@link org.adjoint.optim.rules.NesterovMomentum}, {@link org.adjoint.optim.rules.ClassicalMomentum},
 * {@link org.adjoint.optim.rules.AdaGrad}, {@link org.adjoint.optim.rules.RmsProp},
 * {@link org.adjoint.optim.rules.CenteredRmsProp}, {@link org.adjoint.optim.rules.AdaDelta},
 * {@link org.adjoint.optim.rules.Adam}, {@link org.adjoint.optim.rules.AmsGrad},
 * {@link org.adjoint.optim.rules.UncorrectedAdam}, {@link org.adjoint.optim.rules.AdamW},
 * {@link org.adjoint.optim.rules.Adamax}, {@link org.adjoint.optim.rules.NAdam}, {@link org.adjoint.optim.rules.NAdamW},
 * {@link org.adjoint.optim.rules.RAdam}, {@link org.adjoint.optim.rules.RAdamW},
 * {@link org.adjoint.optim.rules.Rprop}, {@link org.adjoint.optim.rules.Lion},
 * {@link org.adjoint.optim.rules.Lamb}, {@link org.adjoint.optim.rules.Lars},
 * {@link org.adjoint.optim.rules.Adafactor}, {@link org.adjoint.optim.rules.ScheduleFreeSgd},
 * {@link org.adjoint.optim.rules.ScheduleFreeAdamW} and {@link org.adjoint.optim.rules.SignDescent}; and the
 * wrappers of any of them: {@link org.adjoint.optim.rules.GradientAccumulation}, which steps once every k
 * minibatches with their mean gradient, {@link org.adjoint.optim.rules.Lookahead}, and the parameter averages
 * {@link org.adjoint.optim.rules.Ema} and {@link org.adjoint.optim.rules.Swa}. Schedule-Free, Lookahead and the
 * averages evaluate other parameters than the iterate ({@link org.adjoint.optim.UpdateRule#evaluationParam}). The contracts they implement
 * ({@link org.adjoint.optim.UpdateRule}) and the {@link org.adjoint.optim.Optimizer} that applies them
 * live in {@code org.adjoint.optim}; schedules and clipping in {@code org.adjoint.optim.schedule};
 * second-order and derivative-free minimizers in {@code org.adjoint.optim.minimize}.
 *
 * <p><b>One rule, one record.</b> Each rule is a {@code record} of its hyperparameters, validated once
 * in the compact constructor (the bad value is named in the message, as in {@code torch.optim}), with
 * a small typed {@code State} record, the update equations and the paper in its Javadoc. Records give
 * {@code equals}, by which the optimizer and checkpoints recognise the rule that made a state.
 * Construction is {@code new Adam(1e-3)} (PyTorch's defaults) or the canonical constructor with every
 * hyperparameter, {@code new Adam(1e-3, 0.9, 0.98, 1e-6, 0)}.
 *
 * <p><b>Variants are named rules, not flags.</b> PyTorch's {@code amsgrad=True},
 * {@code nesterov=True} and {@code centered=True}, and switching Adam's bias correction off, are the
 * rules {@code AmsGrad}, {@code NesterovMomentum}, {@code CenteredRmsProp} and
 * {@code UncorrectedAdam}. We considered optax's alternative, a {@code chain} of small gradient
 * transformations (Adam = scale by Adam's moments, then add decayed weights, then scale by −η), and
 * chose named rules for three reasons. First, bit-identical trajectories: the Adam-like rules use the
 * fused kernels of {@code org.adjoint.core.Fused}, which compute {@code θ − (m / (√v / c + ε))·η} in
 * one pass with the bias corrections folded into two scalars; a chain would split that pass into
 * separate tensor operations, rounding differently and costing three passes instead of one. Second,
 * typed state without casts: a chain's state is a tuple of its links' states, which Java can only type
 * with nested generic pairs or an untyped list. Third, each rule reads as its paper's equations, in
 * one short file. What the rules share is shared through tiny helpers, not flags: the moving averages
 * and coupled weight decay in {@code Moments}, the Adam step and its checks in {@code Adam}'s
 * package-private statics, which {@code AdamW} reuses.
 *
 * <p><b>Laws.</b> {@link org.adjoint.optim.rules.laws.RuleLaws} checks what every rule here obeys (no
 * mutation, state of the parameter's shape, a bit-exact checkpoint round trip, descent on a convex
 * quadratic for a small enough step), so a rule of one's own can be checked the same way.
 *
 * <p><b>Momentum that is a number</b> ({@code Sgd}'s μ, {@code RmsProp}'s μ) stays a hyperparameter:
 * μ = 0 is the limit of the same equations, not another algorithm.
 */
package org.adjoint.optim.rules;
