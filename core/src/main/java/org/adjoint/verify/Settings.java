package org.adjoint.verify;

import java.util.SplittableRandom;

/**
 * How a {@link Property} runs: its name, how many tries, and which seed. Immutable; resolved
 * against the system properties only when the property is checked.
 *
 * @param name the property's name, or null
 * @param explicitTries the count set by {@link Property#tries}, or 0 if none was
 * @param scale the factor set by {@link Property#scaledTries} (1 if none was)
 * @param seed the seed set by {@link Property#seed}, or null
 */
record Settings(String name, int explicitTries, double scale, Long seed) {

    static final Settings DEFAULT = new Settings(null, 0, 1.0, null);

    Settings withName(String newName) {
        return new Settings(newName, explicitTries, scale, seed);
    }

    Settings withTries(int tries) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries: need at least 1, got " + tries);
        }
        return new Settings(name, tries, 1.0, seed);
    }

    Settings withScale(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scaledTries: need a finite factor > 0, got " + factor);
        }
        return new Settings(name, 0, factor, seed);
    }

    Settings withSeed(long newSeed) {
        return new Settings(name, explicitTries, scale, newSeed);
    }

    /** The explicit count if one was set, else the default count times the scale (at least 1). */
    int tries() {
        if (explicitTries > 0) {
            return explicitTries;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(defaultTries() * scale)));
    }

    /** The seed set in code, else {@code adjoint.seed}, else a fresh random seed. */
    long masterSeed() {
        if (seed != null) {
            return seed;
        }
        String text = systemProperty(Property.SEED_PROPERTY);
        if (text == null) {
            return new SplittableRandom().nextLong();
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + Property.SEED_PROPERTY + "=" + text + " is not a long", e);
        }
    }

    /** {@code adjoint.tries} if set, else {@value Property#DEFAULT_TRIES}. */
    static int defaultTries() {
        String text = systemProperty(Property.TRIES_PROPERTY);
        if (text == null) {
            return Property.DEFAULT_TRIES;
        }
        try {
            int tries = Integer.parseInt(text);
            if (tries >= 1) {
                return tries;
            }
        } catch (NumberFormatException e) {
            // reported below, together with the non-positive case
        }
        throw new IllegalArgumentException("-D" + Property.TRIES_PROPERTY + "=" + text + " is not a positive int");
    }

    /** The trimmed value of a system property; null when unset or blank, as Maven passes unset knobs. */
    private static String systemProperty(String key) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
