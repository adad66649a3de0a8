/**
 * Laws for update rules, the library's own and users': {@link org.adjoint.optim.rules.laws.RuleLaws} checks
 * on concrete parameters and gradients that a rule mutates none of its arguments, keeps state of its
 * parameters' shapes, survives a checkpoint round trip bit for bit, decreases a convex quadratic for a
 * small enough step, and follows a reference trajectory (from PyTorch, say) within a tolerance.
 */
package org.adjoint.optim.rules.laws;
