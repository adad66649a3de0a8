package org.adjoint.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.schedule.Clipping;
import org.adjoint.optim.schedule.Observations;
import org.adjoint.optim.schedule.Schedule;

/**
 * Applies update rules to a whole parameter set: {@code (parameters, gradients, state) → (parameters',
 * state')}. Immutable; configure it with the {@code with…} methods, each returning a new optimizer.
 *
 * <pre>{@code
 * Optimizer optimizer = Optimizer.of(new Adam(1e-3))
 *         .withGroup("layer1", new Sgd(0.01, 0.9))                  // its own rule and rate
 *         .withSchedule(Schedule.cosine(10_000, 0.01))
 *         .withClipping(Clipping.globalNorm(5));
 * OptimizerState state = optimizer.init(params);
 * Step step = optimizer.step(params, grads, state);          // params = step.params(); state = step.state()
 * }</pre>
 *
 * <p><b>Groups.</b> Every parameter is updated by the rule of the first group that selects it, in the
 * order the groups were added, and otherwise by the default rule given to {@link #of}. Each group's
 * rule carries its own hyperparameters, learning rate included. {@link #init} and {@link #step} refuse
 * a group that updates none of the parameters, because it selects none (a typo in its name) or only
 * parameters that an earlier group already updates; the message names the parameters.
 *
 * <p><b>One step.</b> The gradients are clipped, the schedule's factor for the step is read, and each
 * parameter's rule is applied with its base learning rate times that factor. A factor that is NaN,
 * negative or infinite (a custom schedule's, or an exponential one grown past the largest double) is
 * refused at the step that would use it, naming the schedule, the step and the factor. The state records which
 * rule made each parameter's state; a step refuses a state made by a rule that is not {@code equals}
 * to this optimizer's rule for that parameter (another rule, or other hyperparameters).
 *
 * <p><b>Observations.</b> A schedule may react to metrics ({@link Schedule#reduceOnPlateau}):
 * {@link #observe} adds the metrics it monitors to the state, and every step passes the state's
 * observations to the schedule ({@link Schedule#factor(long, Observations)}).
 *
 * <p><b>Sharpness-aware.</b> {@link #withSharpnessAware} (SAM) needs the gradient at a second point, so
 * it steps on a {@link LossAndGradient}, {@code step(params, lossAndGradient, state)}, which every
 * optimizer accepts (an ordinary one evaluates it once); no closure, no second call to remember.
 */
public final class Optimizer {

    /** NamedTensors chosen by {@code selects} are updated by {@code rule}. */
    private record Group(String description, Predicate<String> selects, UpdateRule<?> rule) {
    }

    private final List<Group> groups;
    private final UpdateRule<?> defaultRule;
    private final Schedule schedule;
    private final Clipping clipping;
    /** Null for an ordinary optimizer. */
    private final SharpnessAware sharpness;

    private Optimizer(List<Group> groups, UpdateRule<?> defaultRule, Schedule schedule, Clipping clipping,
                      SharpnessAware sharpness) {
        this.groups = List.copyOf(groups);
        this.defaultRule = Objects.requireNonNull(defaultRule, "rule");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.clipping = Objects.requireNonNull(clipping, "clipping");
        this.sharpness = sharpness;
    }

    /** An optimizer that updates every parameter with {@code rule}, at a constant rate, without clipping. */
    public static Optimizer of(UpdateRule<?> rule) {
        return new Optimizer(List.of(), rule, Schedule.constant(), Clipping.none(), null);
    }

    /**
     * The same optimizer with a group: the parameter named {@code scope} and those whose names start
     * with {@code scope + "."} (so {@code "layer1"} selects {@code layer1.weight} and {@code layer1.bias})
     * are updated by {@code rule}.
     */
    public Optimizer withGroup(String scope, UpdateRule<?> rule) {
        Objects.requireNonNull(scope, "scope");
        return withGroup(scope, name -> name.equals(scope) || name.startsWith(scope + "."), rule);
    }

    /** The same optimizer with a group of the parameters whose names satisfy {@code selects}. */
    public Optimizer withGroup(String description, Predicate<String> selects, UpdateRule<?> rule) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(selects, "selects");
        List<Group> more = new ArrayList<>(groups);
        more.add(new Group(description, selects, Objects.requireNonNull(rule, "rule")));
        return new Optimizer(more, defaultRule, schedule, clipping, sharpness);
    }

    /** The same optimizer with a learning-rate schedule, applied to every group's base rate. */
    public Optimizer withSchedule(Schedule newSchedule) {
        return new Optimizer(groups, defaultRule, newSchedule, clipping, sharpness);
    }

    /** The same optimizer with gradient clipping. */
    public Optimizer withClipping(Clipping newClipping) {
        return new Optimizer(groups, defaultRule, schedule, newClipping, sharpness);
    }

    /**
     * The same optimizer made sharpness-aware (SAM, {@link SharpnessAware}) with radius {@code rho}: each
     * step evaluates the gradient at θ and at θ + ρ·g/‖g‖ and updates θ with the second. Step it with
     * {@link #step(NamedTensors, LossAndGradient, OptimizerState)}.
     *
     * @throws IllegalArgumentException if {@code rho} is not finite and above 0
     */
    public Optimizer withSharpnessAware(double rho) {
        return new Optimizer(groups, defaultRule, schedule, clipping, new SharpnessAware(rho, false, 0));
    }

    /**
     * The same optimizer made adaptively sharpness-aware (ASAM, {@link SharpnessAware}): the neighbourhood
     * of radius {@code rho} is scaled by |θ| + {@code eta} element by element (the paper's η is 0.01).
     *
     * @throws IllegalArgumentException if {@code rho} is not finite and above 0 or {@code eta} is negative
     */
    public Optimizer withAdaptiveSharpnessAware(double rho, double eta) {
        return new Optimizer(groups, defaultRule, schedule, clipping, new SharpnessAware(rho, true, eta));
    }

    /** The rule that updates the parameter named {@code name}. */
    public UpdateRule<?> ruleFor(String name) {
        Objects.requireNonNull(name, "name");
        for (Group g : groups) {
            if (g.selects().test(name)) {
                return g.rule();
            }
        }
        return defaultRule;
    }

    /** The learning rate the parameter named {@code name} gets at the step after {@code state}. */
    public double learningRate(String name, OptimizerState state) {
        return ruleFor(name).learningRate() * factor("learningRate", state);
    }

    /**
     * The state before the first step.
     *
     * @throws IllegalArgumentException if a group updates none of {@code params}
     */
    public OptimizerState init(NamedTensors params) {
        requireEveryGroupUpdatesSomething(params.names());
        Map<String, RuleState<?>> states = new LinkedHashMap<>();
        params.asMap().forEach((name, value) -> states.put(name, RuleState.init(ruleFor(name), value)));
        return new OptimizerState(0, 1, states);
    }

    /**
     * One step: the new parameters and state. Nothing passed in is changed.
     *
     * @throws IllegalArgumentException if the gradients or the state do not match the parameters, a
     *                                  parameter's state was made by another rule than this optimizer's,
     *                                  a group updates none of the parameters, or this optimizer is
     *                                  sharpness-aware (it needs {@code step(params, lossAndGradient, state)})
     */
    public Step step(NamedTensors params, NamedTensors grads, OptimizerState state) {
        if (sharpness != null) {
            throw new IllegalArgumentException("step: this optimizer is sharpness-aware (" + sharpness + ") and needs the"
                    + " gradient at a second point, which precomputed gradients cannot give; call"
                    + " step(params, lossAndGradient, state) with a LossAndGradient instead");
        }
        return update(params, grads, state);
    }

    /**
     * One step on a loss-and-gradient function: an ordinary optimizer evaluates it once, at {@code params},
     * and steps as {@link #step(NamedTensors, NamedTensors, OptimizerState)} would; a sharpness-aware one
     * evaluates it again at the perturbed parameters and steps from {@code params} with that gradient.
     * Nothing passed in is changed.
     *
     * @throws IllegalArgumentException as the other {@code step}, or if the function's gradients do not
     *                                  match the parameters or (SAM) its first gradient is not finite
     */
    public EvaluatedStep step(NamedTensors params, LossAndGradient lossAndGradient, OptimizerState state) {
        Objects.requireNonNull(lossAndGradient, "lossAndGradient");
        requireStateFor("step", params, state);
        LossAndGradient.Value start = evaluate(lossAndGradient, params);
        NamedTensors grads = start.gradients();
        if (sharpness != null) {
            grads = evaluate(lossAndGradient, params.zip(sharpness.perturbation(params, grads), Tensor::add)).gradients();
        }
        return new EvaluatedStep(update(params, grads, state), start);
    }

    private static LossAndGradient.Value evaluate(LossAndGradient lossAndGradient, NamedTensors at) {
        LossAndGradient.Value value = Objects.requireNonNull(lossAndGradient.at(at), "the LossAndGradient returned null");
        at.requireSameLayout("step (the LossAndGradient's gradients)", value.gradients());
        return value;
    }

    private Step update(NamedTensors params, NamedTensors grads, OptimizerState state) {
        params.requireSameLayout("step (gradients)", grads);
        requireStateFor("step", params, state);
        requireEveryGroupUpdatesSomething(params.names());
        NamedTensors clipped = clipping.apply(grads);
        double factor = factor("step", state);
        Map<String, Tensor> newParams = new LinkedHashMap<>();
        Map<String, RuleState<?>> newStates = new LinkedHashMap<>();
        for (String name : params.names()) {
            RuleState<?> current = ruleState(state, name);
            Update<? extends RuleState<?>> u = stepOne(name, current, params.get(name), clipped.get(name),
                    current.rule().learningRate() * factor);
            newParams.put(name, u.param());
            newStates.put(name, u.state());
        }
        return new Step(NamedTensors.of(newParams), new OptimizerState(state.step() + 1, factor, newStates,
                state.observations()));
    }

    /**
     * The state with one more observation, made after {@code state.step()} updates: the values in
     * {@code metrics} of the metrics the schedule {@link Schedule#monitors monitors} (the others are not
     * kept; the training history has them). The training loop calls this after every epoch with the
     * epoch's mean training loss as {@code "loss"} and its evaluation's metrics.
     *
     * @throws IllegalArgumentException if a monitored metric is missing from {@code metrics} or NaN
     */
    public OptimizerState observe(OptimizerState state, Map<String, Double> metrics) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(metrics, "metrics");
        Map<String, Double> kept = new LinkedHashMap<>();
        for (String metric : schedule.monitors()) {
            Double value = metrics.get(metric);
            if (value == null || value.isNaN()) {
                throw new IllegalArgumentException("observe: the schedule " + schedule + " monitors " + metric + ", but "
                        + (value == null ? "the metrics " + metrics.keySet() + " do not include it" : "it is NaN")
                        + " (observation after step " + state.step() + ")");
            }
            kept.put(metric, value);
        }
        Map<String, RuleState<?>> ruleStates = new LinkedHashMap<>();
        state.names().forEach(name -> ruleStates.put(name, state.ruleState(name)));
        return new OptimizerState(state.step(), state.learningRateFactor(), ruleStates,
                state.observations().with(state.step(), kept));
    }

    /**
     * The parameters to evaluate, predict with and save as the model, for the iterate {@code params}:
     * each parameter's {@link UpdateRule#evaluationParam}. They are {@code params} themselves unless a rule
     * averages (Schedule-Free, EMA, SWA), in which case the gradient is taken at {@code params} but the
     * averaged parameters are the model. The training loop evaluates these; a checkpoint keeps both.
     *
     * @throws IllegalArgumentException if the state is for other parameters
     */
    public NamedTensors evaluationParameters(NamedTensors params, OptimizerState state) {
        requireStateFor("evaluationParameters", params, state);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : params.names()) {
            Tensor param = params.get(name);
            Tensor evaluated = state.ruleState(name).evaluationParam(param);
            if (!evaluated.shape().equals(param.shape())) {
                throw new IllegalStateException("evaluationParameters: " + state.ruleState(name).rule() + " returned shape "
                        + evaluated.shape() + " for " + name + ", of shape " + param.shape());
            }
            out.put(name, evaluated);
        }
        return NamedTensors.of(out);
    }

    private static void requireStateFor(String operation, NamedTensors params, OptimizerState state) {
        if (!state.names().equals(params.names())) {
            throw new IllegalArgumentException(operation + ": the optimizer state is for the parameters " + state.names()
                    + " but the parameters are " + params.names());
        }
    }

    /** The schedule's factor after {@code state}, which must be finite and at least 0 (a custom schedule may break that). */
    private double factor(String operation, OptimizerState state) {
        long step = state.step();
        double factor = schedule.factor(step, state.observations());
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(operation + ": the schedule " + schedule + " gives the learning-rate factor "
                    + factor + " at step " + step + " (counted from 0); a factor must be finite and at least 0");
        }
        return factor;
    }

    /** Refuses a group that updates none of {@code names}: a typo in its scope, or one shadowed by earlier groups. */
    private void requireEveryGroupUpdatesSomething(List<String> names) {
        for (int i = 0; i < groups.size(); i++) {
            Group group = groups.get(i);
            List<String> selected = names.stream().filter(group.selects()).toList();
            if (selected.isEmpty()) {
                throw new IllegalArgumentException("Optimizer: the group " + group.description()
                        + " selects none of the parameters " + names);
            }
            Set<String> shadowing = shadowing(groups.subList(0, i), selected);
            if (shadowing != null) {
                boolean many = shadowing.size() > 1;
                throw new IllegalArgumentException("Optimizer: the group " + group.description() + " selects only "
                        + selected + ", which the earlier group" + (many ? "s " : " ") + String.join(", ", shadowing)
                        + (many ? " already update" : " already updates") + " (the first group that selects a parameter wins)");
            }
        }
    }

    /** The earlier groups that take every one of {@code selected}, or null if one of them is left to the later group. */
    private static Set<String> shadowing(List<Group> earlier, List<String> selected) {
        Set<String> descriptions = new LinkedHashSet<>();
        for (String name : selected) {
            Group first = earlier.stream().filter(g -> g.selects().test(name)).findFirst().orElse(null);
            if (first == null) {
                return null;
            }
            descriptions.add(first.description());
        }
        return descriptions;
    }

    /**
     * One parameter's step. Generics make a state of another rule's type impossible, but a raw type or an
     * unchecked cast can smuggle one in; the rule's cast then fails, and the message says why.
     */
    private static Update<? extends RuleState<?>> stepOne(String name, RuleState<?> current, Tensor param, Tensor grad,
                                                          double learningRate) {
        try {
            return current.step(param, grad, learningRate);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("step: the state of " + name + " is a " + current.state().getClass().getName()
                    + ", which " + current.rule() + " cannot step: was it made by another rule and passed through a raw"
                    + " type or an unchecked cast?", e);
        }
    }

    /** The state of {@code name}, which must have been made by the rule this optimizer gives it. */
    private RuleState<?> ruleState(OptimizerState state, String name) {
        RuleState<?> current = state.ruleState(name);
        UpdateRule<?> rule = ruleFor(name);
        if (!current.rule().equals(rule)) {
            throw new IllegalArgumentException("step: the state of " + name + " was made by " + current.rule()
                    + " but this optimizer updates it with " + rule);
        }
        return current;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Optimizer[");
        for (Group g : groups) {
            sb.append(g.description()).append(": ").append(g.rule()).append("; ");
        }
        sb.append("others: ").append(defaultRule).append("; schedule ").append(schedule).append("; clipping ").append(clipping);
        return sb.append(sharpness == null ? "" : "; " + sharpness).append("]").toString();
    }
}
