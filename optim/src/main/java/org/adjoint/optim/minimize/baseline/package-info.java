/**
 * The lessons' derivative-free baselines, which only compare values:
 * {@link org.adjoint.optim.minimize.baseline.RandomSearch} and
 * {@link org.adjoint.optim.minimize.baseline.RandomLocalSearch}, both seeded and reproducible. They are
 * here to be beaten by the methods that follow the gradient; the step-size sweep of the lessons is a
 * line search, {@code linesearch.GridSearch}.
 */
package org.adjoint.optim.minimize.baseline;
