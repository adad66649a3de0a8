package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.testing.Property;
import org.junit.jupiter.api.Test;

/**
 * Random expression graphs, checked like single ops: gradients against centered differences and
 * Hessians against centered differences of the gradient. This tests composition, fan-out (a node
 * used by several others, so cotangents must add up) and broadcasting across ops, not only each
 * op's own rule.
 */
class ExpressionGraphPropertyTest {

    private static final int MAX_STEPS = 12;

    @Test
    void gradientsOfRandomGraphsMatchCenteredDifferences() {
        Property.forAll(ExpressionGraphs.graphs(MAX_STEPS)).named("expression graph gradient").check(graph -> {
            GradCheck.Report report = GradCheck.defaults().gradient(graph::evaluate, graph.inputs());
            assertTrue(report.passed(), report::toString);
        });
    }

    @Test
    void hessiansOfRandomGraphsMatchCenteredDifferencesOfTheGradient() {
        Property.forAll(ExpressionGraphs.graphs(MAX_STEPS)).named("expression graph Hessian").check(graph -> {
            GradCheck.Report report = GradCheck.defaults().hessian(graph::evaluate, graph.inputs());
            assertTrue(report.passed(), report::toString);
        });
    }
}
