package org.adjoint.optim.checkpoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.MalformedFileException;
import org.adjoint.optim.schedule.Observations;
import org.adjoint.optim.schedule.Observations.Observation;

/**
 * The optimizer state's observations in a checkpoint: {@code meta/observedSteps}, the step of each
 * observation, and {@code observed/<metric>}, one value per observation, NaN where an observation
 * lacks the metric (an observed value is never NaN). A state without observations writes neither,
 * and a file without them (older ones) loads with none.
 */
final class ObservationEntries {

    static final String STEPS = "meta/observedSteps";
    private static final String PREFIX = "observed/";

    private ObservationEntries() {
    }

    /** Adds the entries of {@code observations} to {@code entries}. */
    static void put(Map<String, Tensor> entries, Observations observations) {
        List<Observation> list = observations.asList();
        if (list.isEmpty()) {
            return;
        }
        entries.put(STEPS, Tensor.vector(list.stream().mapToDouble(Observation::step).toArray()));
        Set<String> metrics = new LinkedHashSet<>();
        list.forEach(o -> metrics.addAll(o.metrics().keySet()));
        for (String metric : metrics) {
            entries.put(PREFIX + metric, Tensor.vector(list.stream()
                    .mapToDouble(o -> o.metrics().getOrDefault(metric, Double.NaN)).toArray()));
        }
    }

    /**
     * The observations written to {@code entries}, for a state of {@code step} steps.
     *
     * @throws MalformedFileException if the entries are not observations as {@link #put} writes them
     */
    static Observations read(Path file, Map<String, Tensor> entries, long step) throws MalformedFileException {
        Map<String, double[]> columns = new LinkedHashMap<>();
        entries.forEach((key, t) -> {
            if (key.startsWith(PREFIX)) {
                columns.put(key.substring(PREFIX.length()), t.toArray());
            }
        });
        Tensor steps = entries.get(STEPS);
        if (steps == null) {
            if (!columns.isEmpty()) {
                throw new MalformedFileException(file + ": the checkpoint has observed metrics " + columns.keySet()
                        + " but no " + STEPS);
            }
            return Observations.none();
        }
        double[] at = steps.toArray();
        List<Observation> list = new ArrayList<>();
        for (int i = 0; i < at.length; i++) {
            if (!(at[i] >= 0 && at[i] <= step && at[i] == Math.rint(at[i]) && (i == 0 || at[i] >= at[i - 1]))) {
                throw new MalformedFileException(file + ": the checkpoint's " + STEPS + " " + steps + " are not whole"
                        + " numbers of steps in order from 0 to " + step);
            }
            list.add(new Observation((long) at[i], valuesAt(file, columns, i, at.length)));
        }
        return Observations.of(list);
    }

    /** The metrics of observation {@code i}: the columns' values there that are not NaN. */
    private static Map<String, Double> valuesAt(Path file, Map<String, double[]> columns, int i, int count)
            throws MalformedFileException {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> column : columns.entrySet()) {
            if (column.getValue().length != count) {
                throw new MalformedFileException(file + ": the checkpoint's " + PREFIX + column.getKey() + " holds "
                        + column.getValue().length + " values for " + count + " observations");
            }
            double v = column.getValue()[i];
            if (!Double.isNaN(v)) {
                values.put(column.getKey(), v);
            }
        }
        return values;
    }
}
