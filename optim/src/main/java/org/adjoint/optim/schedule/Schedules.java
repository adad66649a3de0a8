package org.adjoint.optim.schedule;

/**
 * The schedules {@link Schedule}'s factories and combinators build: values, equal when built from
 * equal arguments, each printed as the call that made it (so an optimizer's description or an error
 * message reads {@code cosine(900, 0.01)}, not a lambda's class name). Each formula is the one its
 * factory documents, evaluated in that order.
 */
final class Schedules {

    private Schedules() {
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
            return minFactor + (1 - minFactor) * (1 + Math.cos(Math.PI * step / period)) / 2;
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

    record Product(Schedule first, Schedule second) implements Schedule {
        @Override
        public double factor(long step) {
            return first.factor(step) * second.factor(step);
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
        public String toString() {
            return perEpoch + ".inEpochs(" + stepsPerEpoch + ")";
        }
    }
}
