/**
 * The built-in operations, one small class each: its forward computation and its vector-Jacobian
 * product side by side, the rule written with {@link org.adjoint.autodiff.Var} operations so that it
 * can itself be differentiated. {@code Var}'s methods delegate to these in one line; users reach them
 * only through {@code Var}.
 *
 * <p>An op is a record (so it is a value: equal ops compare equal and print their arguments; hold
 * int arrays as {@link org.adjoint.autodiff.ops.IntList}). An elementwise op also implements
 * {@link org.adjoint.autodiff.engine.Pointwise}. A few classes here are not ops but compositions
 * that record no node of their own ({@link org.adjoint.autodiff.ops.Mean}) or rules shared by two
 * ops ({@code Extremum}).
 *
 * <p>Not here: graph traversal, accumulation and the engine's rules ({@code engine}). Not exported.
 */
package org.adjoint.autodiff.ops;
