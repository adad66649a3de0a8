/**
 * Adjoint's optimizers: first-order update rules and the {@code Optimizer} that applies them to named
 * tensors ({@code org.adjoint.optim}, {@code .rules}, {@code .schedule}), the laws any rule should obey
 * ({@code .rules.laws}), checkpoints
 * ({@code .checkpoint}), the minibatch training loop ({@code .train}), and deterministic minimization
 * by problem class ({@code .minimize} and its {@code linesearch}, {@code gradient}, {@code newton},
 * {@code quasinewton}, {@code baseline} and {@code derivativefree} packages), and the standard test problems
 * ({@code .minimize.problems}).
 *
 * <p>{@code org.adjoint.optim.minimize.internal} holds the bookkeeping the minimizers share and is not
 * exported.
 */
module org.adjoint.optim {
    requires transitive org.adjoint.autodiff;
    // Core's types (Tensor, NamedTensors) are in this module's API too; autodiff already passes core on.
    requires transitive org.adjoint.core;

    exports org.adjoint.optim;
    exports org.adjoint.optim.checkpoint;
    exports org.adjoint.optim.minimize.leastsquares;
    exports org.adjoint.optim.minimize.leastsquares.nist;
    exports org.adjoint.optim.minimize;
    exports org.adjoint.optim.minimize.baseline;
    exports org.adjoint.optim.minimize.bounded;
    exports org.adjoint.optim.minimize.derivativefree;
    exports org.adjoint.optim.minimize.gradient;
    exports org.adjoint.optim.minimize.linesearch;
    exports org.adjoint.optim.minimize.newton;
    exports org.adjoint.optim.minimize.problems;
    exports org.adjoint.optim.minimize.quasinewton;
    exports org.adjoint.optim.rules;
    exports org.adjoint.optim.rules.laws;
    exports org.adjoint.optim.schedule;
    exports org.adjoint.optim.sharded;
    exports org.adjoint.optim.train;
}
