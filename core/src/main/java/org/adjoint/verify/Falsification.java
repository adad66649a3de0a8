package org.adjoint.verify;

/**
 * What a failed property found, and the text of its report.
 *
 * @param name the property's name, or null
 * @param run where in the run the failure happened
 * @param original the first failing value found
 * @param shrunk the simplest failing value found
 * @param shrinkSteps how many simpler failing values the shrinker adopted on the way
 * @param shrunkFailure what the body threw on the shrunk value
 * @param testId the failing test as {@code Class#method}, for the replay command
 */
record Falsification(String name, Run run, Object original, Object shrunk, int shrinkSteps,
        Throwable shrunkFailure, String testId) {

    /**
     * @param tryNumber the failing try, counting from 1
     * @param tries the number of passing tries asked for
     * @param masterSeed the seed of the whole run
     * @param seed the seed of the failing try, which replays it as try 1
     */
    record Run(int tryNumber, int tries, long masterSeed, long seed) {
    }

    /** {@code Property 'name' falsified on try 3 of 200 (seed 42)}. */
    String headline() {
        String property = name == null ? "Property" : "Property '" + name + "'";
        return property + " falsified on try " + run.tryNumber() + " of " + run.tries() + " (seed " + run.seed() + ")";
    }

    /** A Maven command that replays the failing case first. */
    String replayCommand() {
        return "mvn test -Dtest=" + testId + " -Dsurefire.failIfNoSpecifiedTests=false -D"
                + Property.SEED_PROPERTY + "=" + run.seed();
    }

    /** The full report: values, failure, seeds and the replay instruction. */
    String message() {
        return headline() + ".\n"
                + "Shrunk value (after " + shrinkSteps + " shrink steps):\n" + indent(Values.describe(shrunk)) + "\n"
                + "Original value:\n" + indent(Values.describe(original)) + "\n"
                + "Failure on the shrunk value:\n" + indent(String.valueOf(shrunkFailure)) + "\n"
                + "Seed of the failing try: " + run.seed() + " (master seed of this run: " + run.masterSeed() + ").\n"
                + "Replay it as try 1 with -D" + Property.SEED_PROPERTY + "=" + run.seed() + ", e.g.\n"
                + "  " + replayCommand();
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
