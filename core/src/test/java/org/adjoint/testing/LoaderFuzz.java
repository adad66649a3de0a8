package org.adjoint.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.adjoint.testing.Mutant.Kind;
import org.adjoint.verify.Property;
import org.opentest4j.AssertionFailedError;

/**
 * Feeds damaged files to a loader and tallies what it made of them. Each input must either load, and
 * then pass the caller's check of the result, or be refused with one of the allowed exception types
 * and a message that names the file. Anything else fails the test with the input's description: an
 * exception of another type (a {@link NullPointerException}, an {@link ArrayIndexOutOfBoundsException}…),
 * a message that does not name the file, an {@link Error} such as {@link OutOfMemoryError}, or a
 * batch that takes longer than its time limit.
 *
 * @param <T> what the loader returns
 */
public final class LoaderFuzz<T> {

    /** A loader under test. */
    @FunctionalInterface
    public interface Loader<T> {
        T load(Path file) throws Exception;
    }

    /** A check of what a damaged input loaded as; it throws (an assertion error) if the result is wrong. */
    @FunctionalInterface
    public interface Check<T> {
        void check(Mutant input, T loaded) throws Exception;
    }

    /** A check of what a refused input left behind, such as the caller's live objects; it throws if something changed. */
    @FunctionalInterface
    public interface AfterFailure {
        void check(Mutant input) throws Exception;
    }

    private final String name;
    private final Path dir;
    private final Loader<T> loader;
    private final List<Class<? extends Exception>> allowed;
    private Check<T> onLoad = (input, loaded) -> { };
    private AfterFailure afterFailure = input -> { };
    private final Map<Kind, Integer> fed = new EnumMap<>(Kind.class);
    private final Map<Kind, Integer> loaded = new EnumMap<>(Kind.class);
    private final Map<String, Integer> refusals = new TreeMap<>();
    private volatile Mutant current;

    /**
     * A fuzzer of {@code loader}, which writes its inputs in {@code dir} and may refuse them only with
     * the {@code allowed} exception types (or their subtypes).
     */
    @SafeVarargs
    public LoaderFuzz(String name, Path dir, Loader<T> loader, Class<? extends Exception>... allowed) {
        this.name = name;
        this.dir = dir;
        this.loader = loader;
        this.allowed = List.of(allowed);
    }

    /** The seed of a fuzzing run: {@code -Dadjoint.seed} if set, else a fresh one. */
    public static long seed() {
        String text = System.getProperty(Property.SEED_PROPERTY);
        return text == null || text.isBlank() ? new SplittableRandom().nextLong() : Long.parseLong(text.trim());
    }

    /** The same fuzzer checking every input that loads with {@code check}. */
    public LoaderFuzz<T> onLoad(Check<T> check) {
        this.onLoad = check;
        return this;
    }

    /** The same fuzzer checking, after every refused input, that nothing else changed. */
    public LoaderFuzz<T> afterFailure(AfterFailure check) {
        this.afterFailure = check;
        return this;
    }

    /** Feeds every input, all within {@code limit}; {@code seed} is printed with any failure. */
    public void feedAll(List<Mutant> inputs, long seed, Duration limit) {
        assertTimeoutPreemptively(limit, () -> {
            for (Mutant input : inputs) {
                Path file = dir.resolve("fuzzed-" + name.replaceAll("\\W", "_") + ".bin");
                Files.write(file, input.bytes());
                current = input;
                feed(input, file, seed);
            }
        }, () -> name + " (seed " + seed + "): " + inputs.size() + " inputs took longer than " + limit + "; it was still reading "
                + current);
    }

    /** Feeds a path that is not an ordinary file, such as a folder or a missing file. */
    public void feedPath(String what, Path path, long seed) {
        feed(new Mutant(Kind.WRONG_TYPE, what, new byte[0]), path, seed);
    }

    private void feed(Mutant input, Path file, long seed) {
        fed.merge(input.kind(), 1, Integer::sum);
        String context = name + " (seed " + seed + ") fed " + input;
        T result;
        try {
            result = loader.load(file);
        } catch (Exception e) {
            refused(input, file, e, context);
            return;
        } catch (Throwable e) {
            throw new AssertionFailedError(context + ": " + e, e);
        }
        loaded.merge(input.kind(), 1, Integer::sum);
        try {
            onLoad.check(input, result);
        } catch (Exception | AssertionError e) {
            throw new AssertionFailedError(context + ": loaded but " + e.getMessage(), e);
        }
    }

    private void refused(Mutant input, Path file, Exception e, String context) {
        if (allowed.stream().noneMatch(type -> type.isInstance(e))) {
            throw new AssertionFailedError(context + ": threw " + e + ", not one of " + allowed, e);
        }
        if (e.getMessage() == null || !e.getMessage().contains(file.toString())) {
            throw new AssertionFailedError(context + ": the message does not name " + file + ": " + e, e);
        }
        refusals.merge(e.getClass().getSimpleName(), 1, Integer::sum);
        try {
            afterFailure.check(input);
        } catch (Exception | AssertionError ex) {
            throw new AssertionFailedError(context + ": refused with " + e + ", but " + ex, ex);
        }
    }

    /** The inputs fed, by kind. */
    public Map<Kind, Integer> fed() {
        return fed;
    }

    /** The inputs that loaded, by kind. */
    public Map<Kind, Integer> loaded() {
        return loaded;
    }

    /** The refusals by exception type. */
    public Map<String, Integer> refusals() {
        return refusals;
    }

    /** One line: inputs by kind, loads by kind, refusals by exception type. */
    public String summary() {
        int total = fed.values().stream().mapToInt(Integer::intValue).sum();
        return name + ": " + total + " inputs " + fed + "; loaded " + loaded + "; refused " + refusals;
    }
}
