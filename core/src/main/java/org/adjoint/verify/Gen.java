package org.adjoint.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of test values: a function from a {@link Source} of choices to a value.
 *
 * <p>Build generators from the factories here and in {@link TensorGens}, and combine them with
 * {@link #map}, {@link #flatMap}, {@link #filter} and {@link #zip}. Every generator shrinks: when a
 * {@link Property} fails, it edits the choices behind the failing value and regenerates, so a
 * derived generator shrinks as well as the ones it is built from, with no shrinking code of its own.
 *
 * <pre>{@code
 * Gen<Integer> sizes = Gen.integers(1, 10);
 * Gen<double[]> vectors = sizes.flatMap(n -> Gen.doubleArrays(Gen.doubles(-1, 1), n));
 * Gen<Double> positives = Gen.doubles(0, 100).filter(x -> x > 0);
 * }</pre>
 *
 * <p>To write a generator by hand, implement {@link #generate} with {@link Source#draw} and keep the
 * contract stated in {@link Source}: choice 0 gives the simplest value. A generator must be a pure
 * function of its choices (no other randomness, no state kept between calls), or replaying and
 * shrinking would see different values.
 *
 * @param <T> the type of the generated values
 */
@FunctionalInterface
public interface Gen<T> {

    /** How many values in a row {@link #filter} may reject before giving up. */
    int FILTER_ATTEMPTS = 100;

    /** Generates one value from the choices {@code source} hands out. */
    T generate(Source source);

    /** One value drawn at random; for exploring a generator, not for tests (use {@link Property}). */
    default T sample(long seed) {
        return generate(Source.random(seed));
    }

    /** The values of this generator transformed by {@code f}; shrinks as this generator does. */
    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        Objects.requireNonNull(f, "f");
        return source -> f.apply(generate(source));
    }

    /** A generator chosen by each value of this one, e.g. a tensor of a generated shape. */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
        Objects.requireNonNull(f, "f");
        return source -> f.apply(generate(source)).generate(source);
    }

    /**
     * Only the values that satisfy {@code keep}. Rejected values are generated again, up to
     * {@value #FILTER_ATTEMPTS} times in a row; prefer a generator that produces the wanted values
     * directly (such as {@link #doublesAwayFrom}) when most values would be rejected.
     *
     * @throws GeneratorExhausted (when generating) if {@code keep} rejects too many values in a row
     */
    default Gen<T> filter(Predicate<? super T> keep) {
        Objects.requireNonNull(keep, "keep");
        return source -> {
            for (int attempt = 0; attempt < FILTER_ATTEMPTS; attempt++) {
                T value = generate(source);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new GeneratorExhausted("filter rejected too many values (" + FILTER_ATTEMPTS
                    + " in a row); generate the wanted values directly instead of filtering");
        };
    }

    /** Always {@code value} (not null); draws no choices. */
    static <T> Gen<T> constant(T value) {
        Objects.requireNonNull(value, "value");
        return source -> value;
    }

    /**
     * Integers in {@code [lo, hi]}, uniformly; shrinks toward the value in range nearest 0, then
     * prefers values above it to values below it.
     */
    static Gen<Integer> integers(int lo, int hi) {
        if (lo > hi) {
            throw new IllegalArgumentException("integers: lo " + lo + " > hi " + hi);
        }
        return source -> (int) Folding.integer(source, lo, hi);
    }

    /**
     * Doubles in {@code [lo, hi]} at full precision: one draw in eight is the simplest value (0 if
     * it is in range, else the integer in range nearest 0, else the end nearest 0); the rest are
     * uniform over the range with 53 random bits. Shrinking moves a value continuously toward the
     * simplest one, so a property that fails beyond some threshold shrinks to the threshold itself,
     * to the last bit.
     */
    static Gen<Double> doubles(double lo, double hi) {
        DoubleRange range = new DoubleRange(lo, hi);
        return range::draw;
    }

    /**
     * Doubles in {@code [lo, hi]} at least {@code gap} away from {@code point}: the domain of a
     * smooth-only property around a kink, such as relu's at 0. Uniform over the allowed set, which
     * is one or two intervals; shrinks toward the simplest value (as for {@link #doubles}) of the
     * interval whose simplest value is nearer 0.
     *
     * @throws IllegalArgumentException if no value of {@code [lo, hi]} is that far from {@code point}
     */
    static Gen<Double> doublesAwayFrom(double lo, double hi, double point, double gap) {
        return DoubleRange.awayFrom(lo, hi, point, gap);
    }

    /** {@code false} or {@code true}; shrinks to {@code false}. */
    static Gen<Boolean> booleans() {
        return source -> source.draw(2) == 1;
    }

    /** One of {@code values}; shrinks toward the first. */
    @SafeVarargs
    static <T> Gen<T> elements(T... values) {
        List<T> options = new ArrayList<>();
        for (T value : values) {
            options.add(value); // copied element by element: handing the varargs array on is unsafe
        }
        if (options.isEmpty()) {
            throw new IllegalArgumentException("elements: no values to choose from");
        }
        return source -> options.get((int) source.draw(options.size()));
    }

    /** A value of one of {@code gens}, each chosen equally often; shrinks toward the first. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> options = new ArrayList<>();
        for (Gen<? extends T> gen : gens) {
            options.add(Objects.requireNonNull(gen, "oneOf: a null generator"));
        }
        if (options.isEmpty()) {
            throw new IllegalArgumentException("oneOf: no generators to choose from");
        }
        return source -> options.get((int) source.draw(options.size())).generate(source);
    }

    /**
     * Unmodifiable lists of {@code minSize} to {@code maxSize} elements. Each element past the
     * minimum is preceded by a "go on" choice (0 = stop), so shrinking removes elements one by one
     * and a list shrinks toward shorter lists of simpler elements.
     */
    static <T> Gen<List<T>> lists(Gen<T> elements, int minSize, int maxSize) {
        Objects.requireNonNull(elements, "elements");
        if (minSize < 0 || minSize > maxSize) {
            throw new IllegalArgumentException("lists: need 0 <= minSize <= maxSize, got " + minSize
                    + " and " + maxSize);
        }
        // Stopping with probability 1/goOnBound keeps typical lists short even when maxSize is large.
        long goOnBound = 1 + Math.max(1, Math.min(8, (maxSize - minSize) / 2));
        return source -> {
            List<T> list = new ArrayList<>();
            while (list.size() < minSize) {
                list.add(elements.generate(source));
            }
            while (list.size() < maxSize && source.draw(goOnBound) != 0) {
                list.add(elements.generate(source));
            }
            return Collections.unmodifiableList(list);
        };
    }

    /** Arrays of {@code minLength} to {@code maxLength} doubles; shrinks like {@link #lists}. */
    static Gen<double[]> doubleArrays(Gen<Double> elements, int minLength, int maxLength) {
        return lists(elements, minLength, maxLength).map(Gen::toDoubles);
    }

    /** Arrays of exactly {@code length} doubles. */
    static Gen<double[]> doubleArrays(Gen<Double> elements, int length) {
        return doubleArrays(elements, length, length);
    }

    /** Pairs of independent values, printed as {@code (a, b)}. */
    static <A, B> Gen<Pair<A, B>> zip(Gen<A> first, Gen<B> second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        return zip(first, second, Pair::new);
    }

    /** Triples of independent values, printed as {@code (a, b, c)}. */
    static <A, B, C> Gen<Triple<A, B, C>> zip(Gen<A> first, Gen<B> second, Gen<C> third) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(third, "third");
        return source -> new Triple<>(first.generate(source), second.generate(source), third.generate(source));
    }

    /** {@code combine} applied to independent values of {@code first} and {@code second}. */
    static <A, B, R> Gen<R> zip(Gen<A> first, Gen<B> second, BiFunction<? super A, ? super B, ? extends R> combine) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(combine, "combine");
        return source -> combine.apply(first.generate(source), second.generate(source));
    }

    private static double[] toDoubles(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
