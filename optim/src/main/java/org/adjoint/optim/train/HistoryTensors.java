package org.adjoint.optim.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * A {@link History} as checkpoint entries and back, all but the timings: {@code history/stepLosses},
 * {@code history/epochLosses}, {@code history/evaluation/<epoch>/<metric>}, {@code history/firstEpoch},
 * and the early-stopping and best-epoch bookkeeping ({@code history/earlyStop/…}, {@code history/best/…},
 * {@code history/tracker/…}); text as a vector of its UTF-16 code units.
 */
final class HistoryTensors {

    private static final String PREFIX = "history/";

    private HistoryTensors() {
    }

    /** The entries recording {@code history}. */
    static Map<String, Tensor> save(History history) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(PREFIX + "firstEpoch", Tensor.scalar(history.firstEpoch()));
        out.put(PREFIX + "stepLosses", vector(history.stepLosses()));
        out.put(PREFIX + "epochLosses", vector(history.epochLosses()));
        List<Map<String, Double>> evaluations = history.evaluations();
        for (int e = 0; e < evaluations.size(); e++) {
            String epoch = PREFIX + "evaluation/" + e + "/";
            evaluations.get(e).forEach((metric, value) -> out.put(epoch + metric, Tensor.scalar(value)));
        }
        history.earlyStop().ifPresent(stop -> {
            out.put(PREFIX + "earlyStop/epoch", Tensor.scalar(stop.epoch()));
            out.put(PREFIX + "earlyStop/reason", text(stop.reason()));
        });
        history.best().ifPresent(best -> {
            out.put(PREFIX + "best/epoch", Tensor.scalar(best.epoch()));
            out.put(PREFIX + "best/metric", text(best.metric()));
            out.put(PREFIX + "best/value", Tensor.scalar(best.value()));
        });
        EarlyStopping.Tracker t = history.tracker();
        out.put(PREFIX + "tracker", Tensor.vector(t.best(), t.bestEpoch(), t.stale()));
        return out;
    }

    /**
     * The history recorded in {@code entries}, or null if they hold none (a checkpoint written before
     * histories were kept).
     *
     * @throws IllegalArgumentException if the history is incomplete
     */
    static History restore(Map<String, Tensor> entries) {
        if (!entries.containsKey(PREFIX + "firstEpoch")) {
            return null;
        }
        double[] epochLosses = get(entries, "epochLosses").toArray();
        List<Map<String, Double>> evaluations = new ArrayList<>();
        for (int e = 0; e < epochLosses.length; e++) {
            evaluations.add(new HashMap<>());
        }
        String evaluationPrefix = PREFIX + "evaluation/";
        entries.forEach((key, t) -> {
            if (key.startsWith(evaluationPrefix)) {
                String rest = key.substring(evaluationPrefix.length());
                int slash = rest.indexOf('/');
                int epoch = slash > 0 && rest.substring(0, slash).matches("[0-9]{1,9}") ? Integer.parseInt(rest.substring(0, slash)) : -1;
                if (epoch < 0 || epoch >= evaluations.size() || t.size() != 1) {
                    throw new IllegalArgumentException("resume: the checkpoint's history entry " + key + " is not a metric"
                            + " of one of its " + evaluations.size() + " epochs");
                }
                evaluations.get(epoch).put(rest.substring(slash + 1), t.item());
            }
        });
        History history = new History((int) get(entries, "firstEpoch").item(), get(entries, "stepLosses").toArray(),
                epochLosses, evaluations);
        restoreBookkeeping(entries, history);
        return history;
    }

    private static void restoreBookkeeping(Map<String, Tensor> entries, History history) {
        if (entries.containsKey(PREFIX + "earlyStop/epoch")) {
            history.recordStop(new History.EarlyStop((int) get(entries, "earlyStop/epoch").item(),
                    text(get(entries, "earlyStop/reason"))));
        }
        if (entries.containsKey(PREFIX + "best/epoch")) {
            history.recordBest(new History.Best((int) get(entries, "best/epoch").item(), text(get(entries, "best/metric")),
                    get(entries, "best/value").item()));
        }
        double[] t = get(entries, "tracker").toArray();
        history.tracker(new EarlyStopping.Tracker(t[0], (int) t[1], (int) t[2]));
    }

    private static Tensor get(Map<String, Tensor> entries, String key) {
        Tensor t = entries.get(PREFIX + key);
        if (t == null) {
            throw new IllegalArgumentException("resume: the checkpoint's history has no entry " + PREFIX + key);
        }
        return t;
    }

    private static Tensor vector(double[] values) {
        return Tensor.of(Shape.of(values.length), values);
    }

    private static Tensor text(String s) {
        return vector(s.chars().asDoubleStream().toArray());
    }

    private static String text(Tensor t) {
        StringBuilder sb = new StringBuilder();
        for (double c : t.toArray()) {
            sb.append((char) c);
        }
        return sb.toString();
    }
}
