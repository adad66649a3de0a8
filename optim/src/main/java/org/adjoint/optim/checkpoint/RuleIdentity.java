package org.adjoint.optim.checkpoint;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.adjoint.core.Tensor;
import org.adjoint.optim.UpdateRule;

/**
 * What a checkpoint records of the rule that made a parameter's state, so that loading can check it
 * is the live rule: its type (the class name, as text) and its configuration, one scalar per component
 * of the rule's record. Two records of the same type whose components hold the same bits are
 * {@code equals}, so comparing these entries is comparing the rules as {@code equals} does (a record
 * compares its double components with {@code Double.compare}, which tells bits apart exactly as this
 * does). A rule that is not a record of numbers and booleans, or whose record this module cannot read
 * (a record in a package not open to it), is recorded by its {@code toString()} instead, under the
 * key {@value #TEXT}.
 */
final class RuleIdentity {

    /** The key of the {@code toString()} of a rule whose components cannot be read. */
    static final String TEXT = "toString";

    private RuleIdentity() {
    }

    /** The rule's configuration as named scalars (or its text under {@value #TEXT}), in component order. */
    static Map<String, Tensor> configuration(UpdateRule<?> rule) {
        Map<String, Tensor> config = new LinkedHashMap<>();
        RecordComponent[] components = rule.getClass().getRecordComponents();
        if (components == null) {
            return Map.of(TEXT, Text.encode(rule.toString()));
        }
        for (RecordComponent c : components) {
            Double value = number(rule, c.getAccessor());
            if (value == null) {
                return Map.of(TEXT, Text.encode(rule.toString()));
            }
            config.put(c.getName(), Tensor.scalar(value));
        }
        return config;
    }

    /** Whether two configurations hold the same names, shapes and bits. */
    static boolean same(Map<String, Tensor> a, Map<String, Tensor> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, Tensor> e : a.entrySet()) {
            Tensor other = b.get(e.getKey());
            if (!e.getValue().shape().equals(other.shape()) || !sameBits(e.getValue().toArray(), other.toArray())) {
                return false;
            }
        }
        return true;
    }

    /** A rule as a person reads it, from its type name and configuration: {@code Adam[learningRate=0.001, …]}. */
    static String describe(String type, Map<String, Tensor> config) {
        String text = config.size() == 1 && config.containsKey(TEXT) ? Text.decodeOrNull(config.get(TEXT)) : null;
        if (text != null) {
            return text;
        }
        String simpleName = type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
        StringJoiner joiner = new StringJoiner(", ", simpleName + "[", "]");
        config.forEach((name, t) -> joiner.add(name + "=" + (t.size() == 1 ? Double.toString(t.item()) : t.shape().toString())));
        return joiner.toString();
    }

    private static boolean sameBits(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            if (Double.doubleToLongBits(x[i]) != Double.doubleToLongBits(y[i])) {
                return false;
            }
        }
        return true;
    }

    /** A numeric or boolean component as a double, or null if it is neither or cannot be read. */
    private static Double number(Object record, Method accessor) {
        if (!accessor.trySetAccessible()) {
            return null;
        }
        try {
            Object value = accessor.invoke(record);
            if (value instanceof Boolean b) {
                return b ? 1.0 : 0.0;
            }
            if (value instanceof Long l) {
                return Math.abs(l) <= 1L << 53 ? (double) l : null;
            }
            boolean exact = value instanceof Double || value instanceof Float || value instanceof Integer
                    || value instanceof Short || value instanceof Byte;
            return exact ? ((Number) value).doubleValue() : null;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
