package org.adjoint.examples.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.Tensor;
import org.adjoint.examples.data.Datasets;
import org.adjoint.examples.data.Split;
import org.adjoint.examples.lessons.RuleComparisonExample.Contender;
import org.adjoint.examples.lessons.RuleComparisonExample.Result;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.StatelessRule;
import org.adjoint.optim.rules.Sgd;
import org.junit.jupiter.api.Test;

/** The comparison's runs: one rule's budget, and a rule that diverges keeps its row. */
class RuleComparisonExampleTest {

    private static final Split DATA = Datasets.split(Datasets.digits(), 0.2, 42);
    private static final Sequential NET = Mlp.of(Activation.RELU, 64, 8, 10);

    /** A rule that blows the parameters up: θ ← 1e100·θ − g, infinite within a few steps. */
    private record Exploding(double learningRate) implements StatelessRule {
        @Override
        public Tensor apply(Tensor param, Tensor grad, double lr) {
            return param.mul(1e100).sub(grad);
        }
    }

    @Test
    void aDivergingRuleKeepsItsRowWithNaNScoresAndItsCurveSoFar() {
        double initial = RuleComparisonExample.trainingLoss(NET, NET.initialize(42), DATA);
        Result r = RuleComparisonExample.train(new Contender("exploding", new Exploding(1), "none"), NET, DATA, 3, 32, 42,
                initial);
        assertTrue(Double.isNaN(r.accuracy()), () -> "accuracy " + r.accuracy());
        assertTrue(Double.isNaN(r.loss()) && Double.isNaN(r.macroF1()));
        assertEquals(initial, r.curve()[0]);
        assertEquals(1, r.curve().length, "stopped in the first epoch");
    }

    @Test
    void aRunRecordsTheInitialLossThenOneMeanLossPerEpoch() {
        double initial = RuleComparisonExample.trainingLoss(NET, NET.initialize(42), DATA);
        Result r = RuleComparisonExample.train(new Contender("SGD", new Sgd(0.1), "none"), NET, DATA, 2, 64, 42, initial);
        assertEquals(3, r.curve().length);
        assertEquals(initial, r.curve()[0]);
        assertTrue(r.curve()[2] < initial, () -> java.util.Arrays.toString(r.curve()));
        assertTrue(r.accuracy() > 0.2 && r.loss() < initial, r::toString);
        assertTrue(r.macroF1() > 0 && r.macroF1() <= 1, r::toString);
    }
}
