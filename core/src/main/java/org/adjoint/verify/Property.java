package org.adjoint.verify;

import java.util.Locale;
import java.util.Objects;

/**
 * A property-based test: a claim checked on many generated values, with the simplest failing value
 * reported when the claim is false.
 *
 * <pre>{@code
 * @Test
 * void additionCommutes() {
 *     Property.forAll(Gen.doubles(-1e6, 1e6), Gen.doubles(-1e6, 1e6))
 *             .check((a, b) -> assertEquals(a + b, b + a));
 * }
 *
 * @Test
 * void hessianIsSymmetric() {
 *     Property.forAll(TensorGens.tensors(TensorGens.shapes(2, 3), Gen.doubles(-2, 2)))
 *             .named("Hessian symmetry")
 *             .scaledTries(0.25)          // expensive: a quarter of the usual number of tries
 *             .check(x -> ...);
 * }
 * }</pre>
 *
 * <p><b>Failing.</b> The body fails a case by throwing anything (an assertion or any other
 * exception). The runner then shrinks the case: it looks for the simplest value on which the body
 * still throws an exception of the same class, and throws a {@link PropertyFailure} that reports
 * the shrunk and the original value, the seed, and how to replay it; the shrunk case's exception is
 * its cause. {@link #assume} discards a case instead of failing it.
 *
 * <p><b>How many tries.</b> {@value #DEFAULT_TRIES} by default. The system property
 * {@code adjoint.tries}, when set and not blank, replaces that default for every property, e.g.
 * {@code mvn test -Dadjoint.tries=10000} for a deep run. {@link #scaledTries} multiplies the default,
 * whichever it is, so expensive properties still go deeper in deep runs. {@link #tries} sets an exact
 * count that {@code adjoint.tries} does not change; prefer {@code scaledTries} unless the exact count
 * matters. Of the two, the one called last counts.
 *
 * <p><b>Seeds.</b> Each check draws a random master seed, unless {@link #seed} was called in code or
 * else the system property {@code adjoint.seed} is set (and not blank). A seed determines the whole
 * run: try 1 is generated from the seed itself, and each later try from a seed derived from the one
 * before. The same seed therefore replays the same cases and the same shrink. A failure reports the
 * seed <em>of the failing try</em>: passing it as {@code -Dadjoint.seed} makes that case try 1, so it
 * replays at once, whatever the number of tries.
 *
 * @param <T> the type of the generated values
 */
public final class Property<T> {

    /** The number of tries when neither the code nor {@code adjoint.tries} says otherwise. */
    public static final int DEFAULT_TRIES = 200;

    /** The system property that sets the default number of tries. */
    public static final String TRIES_PROPERTY = "adjoint.tries";

    /** The system property that sets the seed, to replay a failure. */
    public static final String SEED_PROPERTY = "adjoint.seed";

    /** The system property that makes every passing check print one line: its tries, discards, seed and time. */
    public static final String REPORT_PROPERTY = "adjoint.report";

    /**
     * A property body: checks the claim on one generated value and fails the case by throwing
     * (an assertion error or any other exception). JUnit's assertions work, as do plain
     * {@code throw new AssertionError(...)} statements; the library itself needs no test framework.
     *
     * @param <T> the type of the checked values
     */
    @FunctionalInterface
    public interface Body<T> {
        /** Checks the claim on {@code value}; returns normally if it holds, throws if it does not. */
        void accept(T value) throws Throwable;
    }

    /** A check gives up when {@link #assume} discards more than this many cases per requested try. */
    static final int MAX_DISCARDS_PER_TRY = 5;

    private final Gen<T> gen;
    private final Settings settings;

    private Property(Gen<T> gen, Settings settings) {
        this.gen = gen;
        this.settings = settings;
    }

    /** A property over the values of {@code gen}. */
    public static <T> Property<T> forAll(Gen<T> gen) {
        Objects.requireNonNull(gen, "gen");
        return new Property<>(gen, Settings.DEFAULT);
    }

    /** A property over independent pairs of values, checked with a two-argument body. */
    public static <A, B> PairProperty<A, B> forAll(Gen<A> first, Gen<B> second) {
        return new PairProperty<>(forAll(Gen.zip(first, second)));
    }

    /** A property over independent triples of values, checked with a three-argument body. */
    public static <A, B, C> TripleProperty<A, B, C> forAll(Gen<A> first, Gen<B> second, Gen<C> third) {
        return new TripleProperty<>(forAll(Gen.zip(first, second, third)));
    }

    /**
     * Discards the current case unless {@code condition} holds: the case neither passes nor fails
     * and does not count as a try. For rare exclusions only; a check that discards more than
     * {@value #MAX_DISCARDS_PER_TRY} cases per try gives up with an error.
     */
    public static void assume(boolean condition) {
        if (!condition) {
            throw new DiscardedCase();
        }
    }

    /** The same property with a name, shown in failure reports. */
    public Property<T> named(String name) {
        return new Property<>(gen, settings.withName(Objects.requireNonNull(name, "name")));
    }

    /** The same property run exactly {@code tries} times, whatever {@code adjoint.tries} says. */
    public Property<T> tries(int tries) {
        return new Property<>(gen, settings.withTries(tries));
    }

    /** The same property run {@code factor} times the default number of tries (at least once). */
    public Property<T> scaledTries(double factor) {
        return new Property<>(gen, settings.withScale(factor));
    }

    /** The same property with a fixed seed, which takes precedence over {@code adjoint.seed}. */
    public Property<T> seed(long seed) {
        return new Property<>(gen, settings.withSeed(seed));
    }

    /**
     * Runs {@code body} on generated values until the number of tries have passed.
     *
     * @throws PropertyFailure if the body throws on some value
     * @throws IllegalStateException if the generator fails, or if too many cases are discarded
     */
    public void check(Body<? super T> body) {
        Objects.requireNonNull(body, "body");
        long start = System.nanoTime();
        int tries = settings.tries();
        long masterSeed = settings.masterSeed();
        long seed = masterSeed;
        int passed = 0;
        int discarded = 0;
        for (int tryNumber = 1; passed < tries; tryNumber++, seed = nextSeed(seed)) {
            Trial<T> trial = Trial.run(gen, body, Source.random(seed));
            switch (trial.outcome()) {
                case PASSED -> passed++;
                case DISCARDED -> {
                    if (++discarded > (long) MAX_DISCARDS_PER_TRY * tries) {
                        throw new IllegalStateException(title() + ": assume() discarded " + discarded
                                + " cases while only " + passed + " of " + tries + " passed; generate fewer bad cases");
                    }
                }
                case INVALID -> throw new IllegalStateException(title() + ": the generator failed on try "
                        + tryNumber + " (seed " + seed + "): " + trial.failure().getMessage(), trial.failure());
                case FAILED -> throw falsified(body, trial, new Falsification.Run(tryNumber, tries, masterSeed, seed));
            }
        }
        if (Boolean.parseBoolean(System.getProperty(REPORT_PROPERTY))) {
            System.out.println(report(passed, discarded, masterSeed, System.nanoTime() - start));
        }
    }

    /** The line a passing check prints when {@code adjoint.report} is true (the deep run's record). */
    String report(int passed, int discarded, long masterSeed, long nanos) {
        return String.format(Locale.ROOT, "[property] %s: %d tries passed, %d discarded, seed %d, %.1f s",
                title(), passed, discarded, masterSeed, nanos / 1e9);
    }

    private PropertyFailure falsified(Body<? super T> body, Trial<T> failing, Falsification.Run run) {
        Shrinker<T> shrinker = new Shrinker<>(choices -> Trial.run(gen, body, Source.replay(choices)), failing);
        Trial<T> shrunk = shrinker.shrink();
        // Regenerated rather than taken from the trials, in case the body mutated the values it got.
        Object original = gen.generate(Source.replay(failing.choices()));
        Object simplest = gen.generate(Source.replay(shrunk.choices()));
        Falsification falsification = new Falsification(settings.name(), run, original, simplest,
                shrinker.steps(), shrunk.failure(), TestLocator.currentTest());
        System.err.println("[adjoint] " + falsification.headline() + "; replay with " + falsification.replayCommand());
        return new PropertyFailure(falsification);
    }

    private String title() {
        return settings.name() == null ? "property" : "property '" + settings.name() + "'";
    }

    /**
     * The seed of the try after the one with {@code seed}: MurmurHash3's 64-bit finalizer of the
     * previous seed plus an odd constant. It is a bijection that spreads nearby seeds apart, so the
     * tries of one run get unrelated seeds and the sequence does not settle on a fixed point.
     */
    static long nextSeed(long seed) {
        long z = seed + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
