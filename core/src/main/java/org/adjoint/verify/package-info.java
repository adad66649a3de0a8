/**
 * Property-based verification: the generators, properties, shrinking and replayable seeds that
 * Adjoint checks its own ops and optimizers with, for checking your own code the same way.
 *
 * <p>A {@link org.adjoint.verify.Gen generator} makes random values from a seeded stream of choices;
 * {@link org.adjoint.verify.TensorGens} makes shapes and tensors over stated domains. A
 * {@link org.adjoint.verify.Property property} runs a body on many generated values; when the body
 * throws, the runner shrinks the failing value toward small shapes and simple numbers and throws a
 * {@link org.adjoint.verify.PropertyFailure} (an {@link AssertionError}) that shows the shrunk value,
 * the original one, the seed and the command that replays it.
 *
 * <pre>{@code
 * Gen<Tensor> xs = TensorGens.tensors(TensorGens.shapes(2, 4), TensorGens.positive(1e-3, 10));
 * Property.forAll(xs)
 *         .named("log inverts exp")
 *         .check(x -> {
 *             Tensor back = x.log().exp();
 *             if (!back.allClose(x, 1e-12, 1e-9)) {
 *                 throw new AssertionError(back + " != " + x);
 *             }
 *         });
 * }</pre>
 *
 * <p><b>Tries, seeds and replay.</b> A check runs {@value org.adjoint.verify.Property#DEFAULT_TRIES}
 * tries unless the code or the system property {@code adjoint.tries} says otherwise
 * ({@code -Dadjoint.tries=10000} for a deep run). Each check starts from a random seed, unless the
 * code fixes one or the system property {@code adjoint.seed} is set. A failure prints the seed of the
 * failing try; running the same test with {@code -Dadjoint.seed=<that seed>} replays the failing case
 * as the first try, and shrinks it again to the same value. Setting {@code adjoint.report=true} makes
 * every passing check print its tries, discards and seed. Never commit a fixed seed to make a flaky
 * property pass: the failure it hides is real.
 *
 * <p><b>Choosing domains.</b> Draw doubles at full precision over the domain where the claim is meant
 * to hold: {@link org.adjoint.verify.TensorGens#positive} for logarithms and square roots,
 * {@link org.adjoint.verify.Gen#doublesAwayFrom} to keep smooth-only claims away from kinks (relu and
 * abs at 0), {@link org.adjoint.verify.TensorGens#wellConditioned} or
 * {@link org.adjoint.verify.TensorGens#spd} for solves and factorizations; test the kinks themselves
 * with separate exact tests.
 *
 * <p>Nothing here needs a test framework: a body fails by throwing. The optional package
 * {@link org.adjoint.verify.junit} turns properties into JUnit 5 dynamic tests.
 */
package org.adjoint.verify;
