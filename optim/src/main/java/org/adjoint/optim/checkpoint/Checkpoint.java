package org.adjoint.optim.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.MalformedFileException;
import org.adjoint.core.io.Npz;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.RuleState;
import org.adjoint.optim.Slots;
import org.adjoint.optim.UpdateRule;

/**
 * A training checkpoint in one file: the parameters, the optimizer state, and a few counters of the
 * caller's (such as the epoch), so that a resumed run continues bit for bit as if it had never
 * stopped. The file is a NumPy {@code .npz} archive written atomically (see {@link Npz}):
 * <ul>
 *   <li>{@code params/<name>}: each parameter;
 *   <li>{@code state/<name>/<slot>}: each parameter's rule state (moments, accumulators, step counts);
 *   <li>{@code meta/step}, {@code meta/learningRateFactor}: the optimizer's step count and last factor;
 *   <li>{@code meta/rule/<name>}: the type of the rule that made the state, its class name as UTF-8 bytes;
 *   <li>{@code meta/config/<name>/<component>}: that rule's hyperparameters, one scalar per component of
 *       its record (see {@link RuleIdentity});
 *   <li>{@code meta/observedSteps}, {@code observed/<metric>}: the metrics observed for the schedule
 *       ({@link OptimizerState#observations}), one value per observation, NaN where one lacks the metric;
 *       absent when there are none (a file without them loads with none);
 *   <li>{@code counter/<key>}: the caller's counters;
 *   <li>{@code extra/<key>}: the caller's other tensors (the {@code Trainer} keeps its history and best
 *       parameters there).
 * </ul>
 * Saving checks each parameter's state the way loading will (each slot present, with the shape the
 * rule expects, and of the rule's own state type) before writing anything, so a file that was written
 * can be loaded. Loading checks everything against the live optimizer and parameters before returning anything: a
 * file that is corrupt, truncated, for other parameters, or written by a rule that is not
 * {@code equals} to the live one (another type, or other hyperparameters) is refused with an exception
 * naming the difference.
 */
public final class Checkpoint {

    private static final String FORMAT = "meta/format";
    private static final double VERSION = 1;

    private Checkpoint() {
    }

    /**
     * A checkpoint's contents.
     *
     * @param params   the parameters
     * @param state    the optimizer state
     * @param counters the caller's counters
     * @param extras   the caller's other tensors (empty if none were saved)
     */
    public record Contents(NamedTensors params, OptimizerState state, Map<String, Double> counters,
                           Map<String, Tensor> extras) {

        /** Refuses null. */
        public Contents {
            Objects.requireNonNull(params, "params");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(counters, "counters");
            extras = Map.copyOf(extras);
        }

        /** Contents without extras. */
        public Contents(NamedTensors params, OptimizerState state, Map<String, Double> counters) {
            this(params, state, counters, Map.of());
        }
    }

    /**
     * Writes a checkpoint atomically, replacing any previous file.
     *
     * @throws IllegalArgumentException if the state is for other parameters, was made by another rule than
     *                                  {@code optimizer}'s, or does not fit a parameter (a slot missing or
     *                                  of the wrong shape); nothing is written then
     * @throws IOException              if the file cannot be written
     */
    public static void save(Path file, Optimizer optimizer, NamedTensors params, OptimizerState state,
                            Map<String, Double> counters) throws IOException {
        save(file, optimizer, params, state, counters, Map.of());
    }

    /**
     * Writes a checkpoint atomically with the caller's other tensors, {@code extras}, read back as
     * {@link Contents#extras()}.
     *
     * @throws IllegalArgumentException as {@link #save(Path, Optimizer, NamedTensors, OptimizerState, Map)}
     * @throws IOException              if the file cannot be written
     */
    public static void save(Path file, Optimizer optimizer, NamedTensors params, OptimizerState state,
                            Map<String, Double> counters, Map<String, Tensor> extras) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(extras, "extras");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(counters, "counters");
        if (!state.names().equals(params.names())) {
            throw new IllegalArgumentException("checkpoint: the optimizer state is for " + state.names()
                    + " but the parameters are " + params.names());
        }
        Map<String, Tensor> entries = new LinkedHashMap<>();
        entries.put(FORMAT, Tensor.scalar(VERSION));
        entries.put("meta/step", Tensor.scalar(state.step()));
        entries.put("meta/learningRateFactor", Tensor.scalar(state.learningRateFactor()));
        for (String name : params.names()) {
            putParameter(entries, name, params.get(name), state.ruleState(name), optimizer.ruleFor(name));
        }
        ObservationEntries.put(entries, state.observations());
        counters.forEach((key, value) -> entries.put("counter/" + key, Tensor.scalar(value)));
        extras.forEach((key, t) -> entries.put("extra/" + key, Objects.requireNonNull(t, "extra " + key)));
        Npz.write(file, entries);
    }

    /**
     * Reads a checkpoint written for {@code optimizer} and parameters shaped like {@code template}.
     *
     * @throws IOException              if the file is missing, truncated or corrupt
     * @throws IllegalArgumentException if it was written for other parameters or by another optimizer
     */
    public static Contents load(Path file, Optimizer optimizer, NamedTensors template) throws IOException {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(template, "template");
        Map<String, Tensor> entries = Npz.read(file);
        Tensor format = entries.get(FORMAT);
        if (format == null || format.size() != 1 || format.item() != VERSION) {
            throw new MalformedFileException(file + ": not an Adjoint checkpoint (no " + FORMAT + " = " + VERSION + ")");
        }
        Map<String, Tensor> params = new LinkedHashMap<>();
        Map<String, RuleState<?>> ruleStates = new LinkedHashMap<>();
        for (String name : template.names()) {
            Tensor value = parameter(file, entries, name, template.get(name));
            ruleStates.put(name, ruleState(file, entries, name, optimizer.ruleFor(name), value));
            params.put(name, value);
        }
        requireNoOtherParameters(file, entries, template);
        long step = Slots.counter("checkpoint " + file, entries, "meta/step");
        double factor = scalar(file, "meta/learningRateFactor", entry(file, entries, "meta/learningRateFactor"));
        Map<String, Double> counters = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> counter : withPrefix(entries, "counter/").entrySet()) {
            counters.put(counter.getKey(), scalar(file, "counter/" + counter.getKey(), counter.getValue()));
        }
        OptimizerState state = new OptimizerState(step, factor, ruleStates, ObservationEntries.read(file, entries, step));
        return new Contents(NamedTensors.of(params), state, counters, withPrefix(entries, "extra/"));
    }

    /** The saved value of parameter {@code name}, which must have the shape of the model's {@code like}. */
    private static Tensor parameter(Path file, Map<String, Tensor> entries, String name, Tensor like)
            throws MalformedFileException {
        Tensor value = entry(file, entries, "params/" + name);
        if (!value.shape().equals(like.shape())) {
            throw new IllegalArgumentException("checkpoint " + file + ": " + name + " has shape " + value.shape()
                    + " but the model's has " + like.shape());
        }
        return value;
    }

    /** The state of parameter {@code name}, read back for {@code rule} after checking that {@code rule} wrote it. */
    private static RuleState<?> ruleState(Path file, Map<String, Tensor> entries, String name, UpdateRule<?> rule, Tensor value)
            throws MalformedFileException {
        requireSameRule(file, entries, name, rule);
        try {
            return RuleState.restore(rule, withPrefix(entries, "state/" + name + "/"), value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint " + file + ", parameter " + name + ": " + e.getMessage(), e);
        }
    }

    private static void requireNoOtherParameters(Path file, Map<String, Tensor> entries, NamedTensors template) {
        for (String key : entries.keySet()) {
            if (key.startsWith("params/") && !template.names().contains(key.substring("params/".length()))) {
                throw new IllegalArgumentException("checkpoint " + file + ": it holds the parameter "
                        + key.substring("params/".length()) + ", which the model does not have");
            }
        }
    }

    /** The entries of one parameter: its value, its rule's type and configuration, and the rule's state. */
    private static void putParameter(Map<String, Tensor> entries, String name, Tensor param, RuleState<?> ruleState,
                                     UpdateRule<?> rule) {
        if (!ruleState.rule().equals(rule)) {
            throw new IllegalArgumentException("checkpoint: the state of " + name + " was made by " + ruleState.rule()
                    + " but the optimizer updates it with " + rule);
        }
        Map<String, Tensor> saved = savedState(name, ruleState, param);
        entries.put("params/" + name, param);
        entries.put("meta/rule/" + name, Text.encode(rule.getClass().getName()));
        RuleIdentity.configuration(rule).forEach((key, t) -> entries.put("meta/config/" + name + "/" + key, t));
        saved.forEach((slot, t) -> entries.put("state/" + name + "/" + slot, t));
    }

    /** The rule state's tensors, read back first exactly as {@link #load} will, so that no file is written that cannot be loaded. */
    private static Map<String, Tensor> savedState(String name, RuleState<?> ruleState, Tensor param) {
        Map<String, Tensor> saved;
        try {
            saved = ruleState.save();
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("checkpoint: the state of " + name + " is a "
                    + ruleState.state().getClass().getName() + ", which " + ruleState.rule()
                    + " did not make and cannot save (built with a raw type or an unchecked cast?)", e);
        }
        try {
            RuleState.restore(ruleState.rule(), saved, param);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint: the state of " + name + " does not fit the parameter, of shape "
                    + param.shape() + ": " + e.getMessage(), e);
        }
        return saved;
    }

    /** Refuses a file whose state for {@code name} was written by a rule of another type or configuration. */
    private static void requireSameRule(Path file, Map<String, Tensor> entries, String name, UpdateRule<?> rule)
            throws MalformedFileException {
        String type = Text.decodeOrNull(entry(file, entries, "meta/rule/" + name));
        if (type == null) {
            throw new MalformedFileException(file + ": the checkpoint's meta/rule/" + name + " is not text");
        }
        Map<String, Tensor> written = withPrefix(entries, "meta/config/" + name + "/");
        if (!type.equals(rule.getClass().getName()) || !RuleIdentity.same(written, RuleIdentity.configuration(rule))) {
            throw new IllegalArgumentException("checkpoint " + file + ": the state of " + name + " was written by "
                    + RuleIdentity.describe(type, written) + " but this optimizer uses " + rule);
        }
    }

    private static Tensor entry(Path file, Map<String, Tensor> entries, String key) throws MalformedFileException {
        Tensor t = entries.get(key);
        if (t == null) {
            throw new MalformedFileException(file + ": the checkpoint has no entry " + key);
        }
        return t;
    }

    private static double scalar(Path file, String key, Tensor t) throws MalformedFileException {
        if (t.size() != 1) {
            throw new MalformedFileException(file + ": the checkpoint's " + key + " has shape " + t.shape() + ", not one number");
        }
        return t.item();
    }

    private static Map<String, Tensor> withPrefix(Map<String, Tensor> entries, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        entries.forEach((key, t) -> {
            if (key.startsWith(prefix)) {
                out.put(key.substring(prefix.length()), t);
            }
        });
        return out;
    }
}
