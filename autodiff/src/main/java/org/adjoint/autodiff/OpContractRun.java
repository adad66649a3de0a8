package org.adjoint.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.adjoint.core.Tensor;

/** One {@link OpContract} check: runs each clause and collects a message for each violation. */
final class OpContractRun {

    private static final double KINK_TOLERANCE = 1e-12;

    private final Function<Var[], Var> op;
    private final List<Tensor> inputs;
    private final List<String> failures = new ArrayList<>();
    private int comparisons;

    OpContractRun(Function<Var[], Var> op, List<Tensor> inputs) {
        this.op = op;
        this.inputs = List.copyOf(inputs);
    }

    /** Apply, sweep back twice (recorded and not), and look for any change to the inputs or the graph. */
    void noMutation() {
        comparisons++;
        double[][] before = snapshot(inputs);
        Var[] handed = params(inputs);
        Var[] kept = handed.clone();
        Var y = op.apply(handed);
        for (int i = 0; i < kept.length; i++) {
            if (handed[i] != kept[i]) {
                fail("no mutation: the op replaced input " + i + " in the Var[] it was given");
            }
        }
        if (y.requiresGrad()) {
            Backward sweep = Backward.of(y).withSeed(Tensor.ones(y.shape())).allowingUnused();
            Var[] first = sweep.differentiableGradients(kept);
            Tensor[] second = sweep.gradients(kept);
            for (int i = 0; i < kept.length; i++) {
                if (!sameBits(first[i].value().toArray(), second[i].toArray())) {
                    fail("no mutation: input " + i + "'s gradient changed between two backward sweeps, from "
                            + first[i].value() + " to " + second[i] + " (a derivative rule changed the recorded graph)");
                }
            }
        }
        for (int i = 0; i < kept.length; i++) {
            if (!sameBits(before[i], inputs.get(i).toArray()) || !sameBits(before[i], kept[i].value().toArray())) {
                fail("no mutation: input " + i + "'s elements changed, from " + Arrays.toString(before[i]) + " to "
                        + kept[i].value());
            }
        }
    }

    /** Each element of each input made NaN in turn; the output must show it as {@code rule} says. */
    void nanPropagation(OpContract.NanPropagation rule) {
        for (int i = 0; i < inputs.size(); i++) {
            for (int e = 0; e < inputs.get(i).size(); e++) {
                comparisons++;
                double[] data = inputs.get(i).toArray();
                data[e] = Double.NaN;
                List<Tensor> poisoned = new ArrayList<>(inputs);
                poisoned.set(i, Tensor.of(inputs.get(i).shape(), data));
                String at = "NaN propagation (" + rule + "): NaN at input " + i + " element "
                        + GradCheckEntries.coordinates(inputs.get(i).shape(), e);
                try {
                    double[] out = op.apply(constants(poisoned)).value().toArray();
                    if (!propagates(rule, out, e)) {
                        fail(at + " gave output " + Arrays.toString(out));
                    }
                } catch (RuntimeException thrown) {
                    fail(at + " threw " + thrown);
                }
            }
        }
    }

    private static boolean propagates(OpContract.NanPropagation rule, double[] out, int e) {
        return switch (rule) {
            case ELEMENTWISE -> e < out.length && Double.isNaN(out[e]);
            case SOME_OUTPUT -> Arrays.stream(out).anyMatch(Double::isNaN);
            case ALL_OUTPUTS -> Arrays.stream(out).allMatch(Double::isNaN);
        };
    }

    /** The value and the gradient of the sum of the outputs at the kink, against the stated ones. */
    void kink(OpContract.Kink kink) {
        comparisons++;
        Var[] params = params(kink.inputs());
        Var y = op.apply(params);
        String at = "kink at " + kink.inputs();
        compare(at + ": value", y.value(), kink.value());
        Tensor[] gradients = y.requiresGrad()
                ? Backward.of(y).withSeed(Tensor.ones(y.shape())).allowingUnused().gradients(params)
                : kink.inputs().stream().map(x -> Tensor.zeros(x.shape())).toArray(Tensor[]::new);
        for (int i = 0; i < gradients.length; i++) {
            compare(at + ": derivative with respect to input " + i, gradients[i], kink.gradients().get(i));
        }
    }

    /** The op must throw the stated type for the bad inputs. */
    void badInput(OpContract.BadInput bad) {
        comparisons++;
        String shapes = bad.inputs().stream().map(t -> t.shape().toString()).toList().toString();
        try {
            Var y = op.apply(params(bad.inputs()));
            fail("bad input: inputs of shapes " + shapes + " were accepted (output shape " + y.shape()
                    + "); expected " + bad.expected().getName());
        } catch (RuntimeException e) {
            if (!bad.expected().isInstance(e)) {
                fail("bad input: inputs of shapes " + shapes + " threw " + e + "; expected " + bad.expected().getName());
            }
        }
    }

    CheckReport report() {
        return new CheckReport("op contract", comparisons, failures);
    }

    private void compare(String what, Tensor actual, Tensor expected) {
        double[] a = actual.toArray();
        double[] x = expected.toArray();
        boolean same = actual.shape().equals(expected.shape());
        for (int k = 0; same && k < a.length; k++) {
            same = Double.isNaN(x[k]) ? Double.isNaN(a[k]) : Math.abs(a[k] - x[k]) <= KINK_TOLERANCE * Math.max(1, Math.abs(x[k]));
        }
        if (!same) {
            fail(what + ": the op gives " + actual + " but " + expected + " is documented (tolerance "
                    + KINK_TOLERANCE + " · max(1, |expected|))");
        }
    }

    private void fail(String message) {
        failures.add(message);
    }

    private static boolean sameBits(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int k = 0; k < a.length; k++) {
            if (Double.doubleToRawLongBits(a[k]) != Double.doubleToRawLongBits(b[k])) {
                return false;
            }
        }
        return true;
    }

    private static double[][] snapshot(List<Tensor> values) {
        return values.stream().map(Tensor::toArray).toArray(double[][]::new);
    }

    private static Var[] params(List<Tensor> values) {
        return values.stream().map(Var::param).toArray(Var[]::new);
    }

    private static Var[] constants(List<Tensor> values) {
        return values.stream().map(Var::constant).toArray(Var[]::new);
    }
}
