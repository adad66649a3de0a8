/**
 * Second-order minimizers that use exact second derivatives: full-Hessian
 * {@link org.adjoint.optim.minimize.newton.Newton} (with a
 * {@link org.adjoint.optim.minimize.newton.HessianModification}), and the Hessian-free
 * {@link org.adjoint.optim.minimize.newton.NewtonCg} (truncated CG with a line search) and
 * {@link org.adjoint.optim.minimize.newton.TrustRegionNewton} (Steihaug-CG in a trust region), which
 * share one truncated conjugate-gradient solver of the Newton system. Methods that approximate
 * curvature from gradients are in {@code quasinewton}.
 */
package org.adjoint.optim.minimize.newton;
