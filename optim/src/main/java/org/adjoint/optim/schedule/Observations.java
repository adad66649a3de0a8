package org.adjoint.optim.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The metrics observed during training, in order: one {@link Observation} per call of
 * {@link org.adjoint.optim.Optimizer#observe} (the training loop makes one after each epoch), each
 * with the number of updates taken when it was made. Schedules that react to a metric, such as
 * {@link Schedule#reduceOnPlateau}, compute their factor from these, so the optimizer state carries no
 * hidden counters and a resumed run replays the same decisions. Immutable: {@link #with} returns new
 * observations.
 */
public final class Observations {

    private static final Observations NONE = new Observations(List.of());

    /**
     * One observation.
     *
     * @param step    the number of updates taken when it was made, at least 0
     * @param metrics the metrics observed, by name (never NaN), in the order given
     */
    public record Observation(long step, Map<String, Double> metrics) {

        /** Refuses a negative step, null names or values and NaN values; copies the metrics. */
        public Observation {
            if (step < 0) {
                throw new IllegalArgumentException("observation: step = " + step + " must be at least 0");
            }
            Objects.requireNonNull(metrics, "metrics");
            for (Map.Entry<String, Double> e : metrics.entrySet()) {
                Objects.requireNonNull(e.getKey(), "metric name");
                Objects.requireNonNull(e.getValue(), "value of " + e.getKey());
                if (e.getValue().isNaN()) {
                    throw new IllegalArgumentException("observation at step " + step + ": the metric " + e.getKey()
                            + " is NaN; a monitored metric must be a number");
                }
            }
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }
    }

    private final List<Observation> list;

    private Observations(List<Observation> list) {
        this.list = List.copyOf(list);
    }

    /** No observations: what a fresh optimizer state holds. */
    public static Observations none() {
        return NONE;
    }

    /**
     * The given observations, in order (as a checkpoint restores them).
     *
     * @throws IllegalArgumentException if a step is below the one before it
     */
    public static Observations of(List<Observation> observations) {
        return NONE.withAll(observations);
    }

    /**
     * These observations and one more, made after {@code step} updates.
     *
     * @throws IllegalArgumentException if {@code step} is below the last observation's, or a value is NaN
     */
    public Observations with(long step, Map<String, Double> metrics) {
        return withAll(List.of(new Observation(step, metrics)));
    }

    private Observations withAll(List<Observation> more) {
        List<Observation> out = new ArrayList<>(list);
        for (Observation o : more) {
            Objects.requireNonNull(o, "observation");
            long last = out.isEmpty() ? 0 : out.get(out.size() - 1).step();
            if (o.step() < last) {
                throw new IllegalArgumentException("observations: an observation at step " + o.step()
                        + " cannot follow one at step " + last);
            }
            out.add(o);
        }
        return new Observations(out);
    }

    /** The observations, oldest first. */
    public List<Observation> asList() {
        return list;
    }

    /** How many observations there are. */
    public int size() {
        return list.size();
    }

    /** The values of {@code metric}, oldest first, from the observations that hold it. */
    public double[] values(String metric) {
        Objects.requireNonNull(metric, "metric");
        return list.stream().map(o -> o.metrics().get(metric)).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The observations made at or after step {@code boundary}, their steps counted from it: what a
     * schedule that starts at the boundary ({@link Schedule#then}) sees.
     */
    public Observations since(long boundary) {
        return new Observations(list.stream().filter(o -> o.step() >= boundary)
                .map(o -> new Observation(o.step() - boundary, o.metrics())).toList());
    }

    /**
     * The observations with their steps counted in epochs of {@code stepsPerEpoch} updates (rounded
     * down), as a schedule inside {@link Schedule#inEpochs} sees them.
     */
    public Observations inEpochs(long stepsPerEpoch) {
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("inEpochs: stepsPerEpoch = " + stepsPerEpoch + " must be at least 1");
        }
        return new Observations(list.stream().map(o -> new Observation(o.step() / stepsPerEpoch, o.metrics())).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Observations other && list.equals(other.list);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }

    @Override
    public String toString() {
        return "Observations" + list;
    }
}
