package org.adjoint.optim.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.Step;
import org.adjoint.optim.UpdateRule;
import org.adjoint.optim.checkpoint.Checkpoint;
import org.adjoint.optim.rules.laws.RuleLaws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the catalogue of rules in {@link Rules} complete and checks what every rule must do: each
 * concrete {@link UpdateRule} in this package (found by listing the compiled classes) is in each of
 * {@link Rules}' lists, so {@link ConvergenceTest} runs it on the parabola, on Rosenbrock's function and
 * on a softmax regression; its checkpoint round-trips bit for bit; and every hyperparameter refuses NaN,
 * infinity, negative values and its own out-of-range values, naming the rule, the hyperparameter and
 * the value; and it obeys every law of the public {@link RuleLaws}, as a user's own rule should. A new
 * rule fails this test until it is added to {@link Rules}.
 */
class RuleCatalogueTest {

    @TempDir
    Path dir;

    static Stream<Rules> catalogue() {
        return Rules.forQuadratic().stream();
    }

    @Test
    void everyRuleInThePackageIsInEveryListOfTheCatalogue() throws IOException, URISyntaxException {
        Set<String> declared = declaredRules();
        assertTrue(declared.size() >= 14, "found only " + declared + "; is the class scan broken?");
        for (List<Rules> list : List.of(Rules.forQuadratic(), Rules.forRosenbrock(), Rules.forSoftmaxRegression())) {
            Set<String> listed = list.stream().map(r -> r.rule().getClass().getSimpleName())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> missing = new TreeSet<>(declared);
            missing.removeAll(listed);
            assertEquals(Set.of(), missing, "update rules with no entry in Rules");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void aCheckpointRoundTripsAndResumesBitForBit(Rules r) throws IOException {
        Optimizer optimizer = Optimizer.of(r.rule()).withSchedule(r.schedule());
        NamedTensors params = NamedTensors.of(Map.of("p", Tensor.vector(-1.2, 1), "q", Tensor.vector(0.5, -0.25, 3)));
        Step before = steps(optimizer, new Step(params, optimizer.init(params)), 3);
        Path file = dir.resolve(r.rule().getClass().getSimpleName() + ".npz");
        Checkpoint.save(file, optimizer, before.params(), before.state(), Map.of());
        Checkpoint.Contents loaded = Checkpoint.load(file, optimizer, params);
        Step straight = steps(optimizer, before, 4);
        Step resumed = steps(optimizer, new Step(loaded.params(), loaded.state()), 4);
        for (String name : params.names()) {
            assertArrayEquals(bits(before.params().get(name)), bits(loaded.params().get(name)), name);
            assertArrayEquals(bits(straight.params().get(name)), bits(resumed.params().get(name)), name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everyRuleObeysTheLawsOfRuleLaws(Rules r) {
        Map<String, Tensor> values = new LinkedHashMap<>();
        values.put("w", Tensor.matrix(new double[][] {{-1.2, 1}, {0.5, -0.25}, {3, 0}}));
        values.put("b", Tensor.vector(0.1, -2));
        values.put("s", Tensor.scalar(0.75));
        NamedTensors params = NamedTensors.of(values);
        for (long seed = 1; seed <= 3; seed++) {
            List<NamedTensors> gradients = RuleLaws.randomGradients(params, seed, 6);
            if (r.rule() instanceof Adafactor) { // factored state: its row and column statistics are smaller than w
                RuleLaws.noMutation(r.rule(), params, gradients);
                RuleLaws.checkpointRoundTrip(r.rule(), params, gradients);
                RuleLaws.decreasesConvexQuadratic(r.rule(), seed, 4, 10);
            } else {
                RuleLaws.all(r.rule(), params, gradients, seed);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everyBadHyperparameterIsRefusedNamingItsValue(Rules r) throws ReflectiveOperationException {
        Class<?> type = r.rule().getClass();
        RecordComponent[] components = type.getRecordComponents();
        Constructor<?> canonical = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType() != double.class) {
                continue; // a wrapper's inner rule or count: GradientAccumulationTest checks those
            }
            for (double bad : badValues(type.getSimpleName(), components[i].getName())) {
                Object[] args = new Object[components.length];
                for (int j = 0; j < components.length; j++) {
                    args[j] = components[j].getAccessor().invoke(r.rule());
                }
                args[i] = bad;
                InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> canonical.newInstance(args),
                        type.getSimpleName() + " accepted " + components[i].getName() + " = " + bad);
                assertInstanceOf(IllegalArgumentException.class, e.getCause());
                String expected = type.getSimpleName() + ": " + components[i].getName() + " = " + bad;
                assertTrue(e.getCause().getMessage().startsWith(expected), e.getCause().getMessage() + " should start with " + expected);
            }
        }
    }

    /** NaN, ±∞ and a negative value for every hyperparameter, plus the edges of its own range. */
    private static List<Double> badValues(String rule, String hyperparameter) {
        List<Double> bad = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1e-3));
        switch (hyperparameter) {
            case "beta1", "beta2", "alpha" -> bad.add(1.0);
            case "epsilon", "epsilon1" -> bad.add(0.0);
            case "decay" -> bad.add(1.0);
            case "rho" -> bad.add(1.5);
            case "etaMinus" -> bad.addAll(List.of(0.0, 1.0));
            case "etaPlus" -> bad.addAll(List.of(1.0, 0.5));
            default -> {
            }
        }
        if (hyperparameter.equals("beta2Decay")) { // Adafactor's τ is at most 0: a small negative value is fine
            bad.remove(Double.valueOf(-1e-3));
            bad.addAll(List.of(1e-3, 0.5));
        }
        if (hyperparameter.equals("d")) {
            bad.addAll(List.of(0.0, 0.999));
        }
        if (hyperparameter.equals("slowStepSize")) {
            bad.addAll(List.of(0.0, 1.001));
        }
        if (hyperparameter.equals("momentum") && rule.equals("ScheduleFreeSgd")) {
            bad.add(1.001);
        }
        if (hyperparameter.equals("momentum") && rule.equals("ClassicalMomentum")) {
            bad.add(1.0);
        }
        if (hyperparameter.equals("momentum") && rule.equals("NesterovMomentum")) {
            bad.add(0.0);
        }
        return bad;
    }

    private static Step steps(Optimizer optimizer, Step from, int count) {
        Step s = from;
        for (int i = 0; i < count; i++) {
            double shift = 0.1 * i;
            NamedTensors grads = s.params().map(t -> t.mul(0.7).add(shift).sin());
            s = optimizer.step(s.params(), grads, s.state());
        }
        return s;
    }

    private static long[] bits(Tensor t) {
        return Arrays.stream(t.toArray()).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    /** The concrete public classes of the rules package (main code) that implement {@link UpdateRule}. */
    private static Set<String> declaredRules() throws IOException, URISyntaxException {
        Path root = Path.of(Adam.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve(Adam.class.getPackageName().replace('.', '/'));
        Set<String> rules = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$") || name.equals("package-info.class")) {
                    continue;
                }
                Class<?> type = load(Adam.class.getPackageName() + "." + name.substring(0, name.length() - 6));
                if (UpdateRule.class.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
                    rules.add(type.getSimpleName());
                }
            }
        }
        return rules;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
