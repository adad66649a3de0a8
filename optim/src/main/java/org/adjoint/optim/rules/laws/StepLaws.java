package org.adjoint.optim.rules.laws;

import static org.adjoint.optim.rules.laws.Elements.difference;
import static org.adjoint.optim.rules.laws.Elements.index;
import static org.adjoint.optim.rules.laws.Elements.slotDifference;
import static org.adjoint.optim.rules.laws.Elements.violation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * The laws that step a rule directly, tensor by tensor, at its own learning rate: no mutation, state
 * shapes, and a reference trajectory. Steps are counted from 1, the first update.
 */
final class StepLaws {

    private StepLaws() {
    }

    static <S> void noMutation(UpdateRule<S> rule, NamedTensors params, List<NamedTensors> gradients) {
        Map<String, S> states = init(rule, params);
        NamedTensors p = params;
        for (int k = 0; k < gradients.size(); k++) {
            Map<String, Tensor> next = new LinkedHashMap<>();
            for (String name : p.names()) {
                Update<S> u = pureStep(rule, k + 1, name, p.get(name), gradients.get(k).get(name), states.get(name));
                next.put(name, u.param());
                states.put(name, u.state());
            }
            p = NamedTensors.of(next);
        }
    }

    /** One step, checking that it changes none of its arguments and that a second call gives the same bits. */
    private static <S> Update<S> pureStep(UpdateRule<S> rule, int step, String name, Tensor param, Tensor grad, S state) {
        Tensor paramBefore = copy(param);
        Tensor gradBefore = copy(grad);
        Map<String, Tensor> stateBefore = rule.save(state);
        Update<S> first = rule.apply(param, grad, state, rule.learningRate());
        String law = "noMutation";
        fail(law, rule, step, name, difference("the parameter", paramBefore, param, "before apply", "after it"));
        fail(law, rule, step, name, difference("the gradient", gradBefore, grad, "before apply", "after it"));
        fail(law, rule, step, name, slotDifference(stateBefore, rule.save(state), "before apply", "after it"));
        Update<S> second = rule.apply(param, grad, state, rule.learningRate());
        String again = "from a second call on the same arguments";
        fail(law, rule, step, name, shapeDifference(first.param(), second.param(), again));
        fail(law, rule, step, name, difference("the new parameter", first.param(), second.param(), "from the first call", again));
        fail(law, rule, step, name, slotDifference(rule.save(first.state()), rule.save(second.state()), "from the first call",
                again));
        return first;
    }

    static <S> void stateShapesMatch(UpdateRule<S> rule, NamedTensors params, List<NamedTensors> gradients) {
        Map<String, S> states = init(rule, params);
        states.forEach((name, state) -> requireShapes(rule, 0, name, params.get(name), state));
        NamedTensors p = params;
        for (int k = 0; k < gradients.size(); k++) {
            Map<String, Tensor> next = new LinkedHashMap<>();
            for (String name : p.names()) {
                Update<S> u = rule.apply(p.get(name), gradients.get(k).get(name), states.get(name), rule.learningRate());
                fail("stateShapesMatch", rule, k + 1, name, shapeDifference(p.get(name), u.param(), "after the step"));
                requireShapes(rule, k + 1, name, p.get(name), u.state());
                next.put(name, u.param());
                states.put(name, u.state());
            }
            p = NamedTensors.of(next);
        }
    }

    private static <S> void requireShapes(UpdateRule<S> rule, int step, String name, Tensor param, S state) {
        for (Map.Entry<String, Tensor> slot : rule.save(state).entrySet()) {
            Tensor t = slot.getValue();
            if (t.rank() != 0 && !t.shape().equals(param.shape())) {
                throw violation("stateShapesMatch", rule, step, name, "the state slot " + slot.getKey() + " has shape "
                        + t.shape() + " but the parameter has shape " + param.shape()
                        + " (a slot must have the parameter's shape, or be a scalar such as a step count)");
            }
        }
    }

    static <S> void matchesReference(UpdateRule<S> rule, NamedTensors params, List<NamedTensors> gradients,
                                     List<NamedTensors> expected, double rtol, double atol) {
        Map<String, S> states = init(rule, params);
        NamedTensors p = params;
        for (int k = 0; k < gradients.size(); k++) {
            Map<String, Tensor> next = new LinkedHashMap<>();
            for (String name : p.names()) {
                Update<S> u = rule.apply(p.get(name), gradients.get(k).get(name), states.get(name), rule.learningRate());
                fail("matchesReference", rule, k + 1, name, farFrom(u.param(), expected.get(k).get(name), rtol, atol));
                next.put(name, u.param());
                states.put(name, u.state());
            }
            p = NamedTensors.of(next);
        }
    }

    /** The first element with |actual − reference| > atol + rtol·|reference| (NaN matches only NaN), or null. */
    private static String farFrom(Tensor actual, Tensor reference, double rtol, double atol) {
        String shapes = shapeDifference(reference, actual, "in this run");
        if (shapes != null) {
            return shapes;
        }
        double[] a = actual.toArray();
        double[] e = reference.toArray();
        for (int i = 0; i < a.length; i++) {
            double bound = atol + rtol * Math.abs(e[i]);
            boolean bothNaN = Double.isNaN(a[i]) && Double.isNaN(e[i]);
            if (!bothNaN && !(Math.abs(a[i] - e[i]) <= bound)) {
                return "the parameter" + index(actual.shape(), i) + " is " + a[i] + " but the reference has " + e[i]
                        + ": |difference| = " + Math.abs(a[i] - e[i]) + " > atol + rtol·|reference| = " + bound;
            }
        }
        return null;
    }

    private static String shapeDifference(Tensor before, Tensor after, String when) {
        return before.shape().equals(after.shape()) ? null
                : "the new parameter has shape " + after.shape() + " " + when + " but the parameter has shape "
                        + before.shape();
    }

    private static <S> Map<String, S> init(UpdateRule<S> rule, NamedTensors params) {
        Map<String, S> states = new LinkedHashMap<>();
        params.asMap().forEach((name, value) -> states.put(name, rule.init(value)));
        return states;
    }

    private static void fail(String law, UpdateRule<?> rule, int step, String name, String detail) {
        if (detail != null) {
            throw violation(law, rule, step, name, detail);
        }
    }

    private static Tensor copy(Tensor t) {
        return Tensor.of(t.shape(), t.toArray());
    }
}
