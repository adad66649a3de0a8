/**
 * The backward engine: the graph of what an output depends on, the reverse sweep, and the rules the
 * engine applies to every op. Not exported; {@code Backward} and {@code Derivatives} are its users.
 *
 * <ul>
 *   <li>{@link org.adjoint.autodiff.engine.Graph}: the entry point; a topological order of nodes
 *       and {@code pullBack}.
 *   <li>{@link org.adjoint.autodiff.engine.Schedule}: what a sweep visits and when (the order, by an
 *       iterative search; which nodes lie on a path to a target).
 *   <li>{@link org.adjoint.autodiff.engine.Sweep}: the accumulation of cotangents, where broadcasting
 *       is undone.
 *   <li>{@link org.adjoint.autodiff.engine.Traversal} and {@link org.adjoint.autodiff.engine.NodeTable}:
 *       the lock-free slot-claim protocol that lets a search mark nodes without hashing.
 *   <li>{@link org.adjoint.autodiff.engine.Pointwise}: the zero-cotangent rule;
 *       {@link org.adjoint.autodiff.engine.Anomalies}: anomaly detection.
 *   <li>{@link org.adjoint.autodiff.engine.Nodes}: the engine's access to a node's private fields.
 * </ul>
 *
 * <h2>Why an access bridge</h2>
 *
 * The engine needs things of {@code Var} that users must not see: a node's op and inputs, and the
 * scratch fields the search and the zero-cotangent rule keep in it. Java has no "friend" packages,
 * so there were three ways. Public methods on {@code Var} would leak them into the exported API.
 * Moving the bookkeeping into an engine-owned node object that {@code Var} points to would cost an
 * allocation and an indirection per recorded op, on a path that takes about 100 ns per op. The
 * JDK's "shared secrets" pattern costs neither: the engine declares an interface,
 * {@link org.adjoint.autodiff.engine.Nodes.Access}, and {@code Var} installs its only
 * implementation, a private nested class that reads its private fields, from its static initializer.
 * The engine holds it in a {@code static final} field, which the JIT folds to a constant of a known
 * class, so every call inlines to the field access it replaces: no allocation, no megamorphic call.
 * In a modular build the engine package is not exported, so nothing outside the module can call
 * {@code Nodes} or install another access.
 */
package org.adjoint.autodiff.engine;
