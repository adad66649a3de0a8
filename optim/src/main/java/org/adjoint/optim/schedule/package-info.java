/**
 * What an {@link org.adjoint.optim.Optimizer} does around its update rules at every step: the
 * learning-rate {@link org.adjoint.optim.schedule.Schedule} (a factor on every group's base rate, by
 * step and, for {@link org.adjoint.optim.schedule.ReduceOnPlateau}, by the metrics observed so far, the
 * {@link org.adjoint.optim.schedule.Observations}) and gradient
 * {@link org.adjoint.optim.schedule.Clipping} (applied to all gradients before any rule sees them).
 * Both are small functional interfaces with validated factories whose results are values;
 * {@link org.adjoint.optim.schedule.OneCycle} and {@code ReduceOnPlateau} are records configured with
 * {@code with…} methods. The update rules themselves live in {@link org.adjoint.optim.rules}.
 */
package org.adjoint.optim.schedule;
