/**
 * Adjoint's reverse-mode automatic differentiation ({@code org.adjoint.autodiff}) and models written
 * as plain Java ({@code org.adjoint.nn} and its {@code layers}, {@code init} and {@code io} packages).
 *
 * <p>Only the API packages are exported. The op classes ({@code org.adjoint.autodiff.ops}) and the
 * engine that records and sweeps graphs ({@code org.adjoint.autodiff.engine}) are internal: they may
 * change in any release. Custom ops implement {@code Op}, {@code UnaryOp} or {@code BinaryOp}.
 */
module org.adjoint.autodiff {
    requires transitive org.adjoint.core;

    exports org.adjoint.autodiff;
    exports org.adjoint.nn;
    exports org.adjoint.nn.init;
    exports org.adjoint.nn.io;
    exports org.adjoint.nn.layers;
}
