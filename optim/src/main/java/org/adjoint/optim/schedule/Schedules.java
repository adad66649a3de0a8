package org.adjoint.optim.schedule;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The schedules {@link Schedule}'s factories and combinators build: values, equal when built from
 * equal arguments, each printed as the call that made it (so an optimizer's description or an error
 * message reads {@code cosine(900, 0.01)}, not a lambda's class name). Each formula is the one its
 * factory documents, evaluated in that order.
 */
final class Schedules {

    private Schedules() {
    }

    /** Refuses a count below {@code least}, naming the schedule, the count and its value. */
    static long requireAtLeast(String schedule, String name, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException(schedule + ": " + name + " = " + value + " must be at least " + least);
        }
        return value;
    }

    record Constant() implements Schedule {
        @Override
        public double factor(long step) {
            return 1;
        }

        @Override
        public String toString() {
            return "constant()";
        }
    }

    record StepDecay(double gamma, long every) implements Schedule {
        @Override
        public double factor(long step) {
            return Math.pow(gamma, step / every);
        }

        @Override
        public String toString() {
            return "stepDecay(" + gamma + ", " + every + ")";
        }
    }

    record Exponential(double gamma) implements Schedule {
        @Override
        public double factor(long step) {
            return Math.pow(gamma, step);
        }

        @Override
        public String toString() {
            return "exponential(" + gamma + ")";
        }
    }

    record InverseTime(double rate, long steps) implements Schedule {
        @Override
        public double factor(long step) {
            return 1 / (1 + rate * step / steps);
        }

        @Override
        public String toString() {
            return "inverseTime(" + rate + ", " + steps + ")";
        }
    }

    record Cosine(long period, double minFactor) implements Schedule {
        @Override
        public double factor(long step) {
            return at(step, period, minFactor);
        }

        /** {@code min + (1 − min)·(1 + cos(π·t / period)) / 2}, in PyTorch's order of operations. */
        static double at(double t, double period, double minFactor) {
            return minFactor + (1 - minFactor) * (1 + Math.cos(Math.PI * t / period)) / 2;
        }

        @Override
        public String toString() {
            return "cosine(" + period + ", " + minFactor + ")";
        }
    }

    record Linear(double start, double end, long steps) implements Schedule {
        @Override
        public double factor(long step) {
            return start + (end - start) * Math.min(step, steps) / steps;
        }

        @Override
        public String toString() {
            return "linear(" + start + ", " + end + ", " + steps + ")";
        }
    }

    record WarmRestarts(long firstPeriod, long periodMultiplier, double minFactor) implements Schedule {
        @Override
        public double factor(long step) {
            long current = step;
            long period = firstPeriod;
            while (current >= period) {
                current -= period;
                if (period > Long.MAX_VALUE / periodMultiplier) {
                    return Cosine.at(current, (double) period * periodMultiplier, minFactor);
                }
                period *= periodMultiplier;
            }
            return Cosine.at(current, period, minFactor);
        }

        @Override
        public String toString() {
            return "cosineWarmRestarts(" + firstPeriod + ", " + periodMultiplier + ", " + minFactor + ")";
        }
    }

    record Polynomial(long steps, double power, double endFactor) implements Schedule {
        @Override
        public double factor(long step) {
            return (1 - endFactor) * Math.pow(1 - (double) Math.min(step, steps) / steps, power) + endFactor;
        }

        @Override
        public String toString() {
            return "polynomial(" + steps + ", " + power + (endFactor == 0 ? "" : ", " + endFactor) + ")";
        }
    }

    record Product(Schedule first, Schedule second) implements Schedule {
        @Override
        public double factor(long step) {
            return first.factor(step) * second.factor(step);
        }

        @Override
        public double factor(long step, Observations observed) {
            return first.factor(step, observed) * second.factor(step, observed);
        }

        @Override
        public Set<String> monitors() {
            return union(first.monitors(), second.monitors());
        }

        @Override
        public String toString() {
            return first + ".times(" + second + ")";
        }
    }

    record Sequence(Schedule first, long boundary, Schedule next) implements Schedule {
        @Override
        public double factor(long step) {
            return step < boundary ? first.factor(step) : next.factor(step - boundary);
        }

        @Override
        public double factor(long step, Observations observed) {
            return step < boundary ? first.factor(step, observed) : next.factor(step - boundary, observed.since(boundary));
        }

        @Override
        public Set<String> monitors() {
            return union(first.monitors(), next.monitors());
        }

        @Override
        public String toString() {
            return first + ".then(" + boundary + ", " + next + ")";
        }
    }

    record InEpochs(Schedule perEpoch, long stepsPerEpoch) implements Schedule {
        @Override
        public double factor(long step) {
            return perEpoch.factor(step / stepsPerEpoch);
        }

        @Override
        public double factor(long step, Observations observed) {
            return perEpoch.factor(step / stepsPerEpoch, observed.inEpochs(stepsPerEpoch));
        }

        @Override
        public Set<String> monitors() {
            return perEpoch.monitors();
        }

        @Override
        public String toString() {
            return perEpoch + ".inEpochs(" + stepsPerEpoch + ")";
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new LinkedHashSet<>(a);
        both.addAll(b);
        return Collections.unmodifiableSet(both);
    }
}
