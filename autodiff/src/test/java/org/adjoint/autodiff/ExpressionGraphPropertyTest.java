package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/**
 * Random expression graphs, checked like single ops: gradients against centered differences and
 * Hessians against centered differences of the gradient. This tests composition, fan-out (a node
 * used by several others, so cotangents must add up) and broadcasting across ops, not only each
 * op's own rule. Graphs are cheap, so each property runs ten times the usual number of tries: 2,000
 * in the default suite, 100,000 in the deep run ({@code -Pdeep}).
 */
class ExpressionGraphPropertyTest {

    private static final int MAX_STEPS = 12;
    private static final double GRAPH_SCALE = 10;

    @Test
    void gradientsOfRandomGraphsMatchCenteredDifferences() {
        Property.forAll(ExpressionGraphs.graphs(MAX_STEPS)).named("expression graph gradient").scaledTries(GRAPH_SCALE).check(graph -> {
            GradCheck.Report report = GradCheck.defaults().gradient(graph::evaluate, graph.inputs());
            assertTrue(report.passed(), report::toString);
        });
    }

    @Test
    void hessiansOfRandomGraphsMatchCenteredDifferencesOfTheGradient() {
        Property.forAll(ExpressionGraphs.graphs(MAX_STEPS)).named("expression graph Hessian").scaledTries(GRAPH_SCALE).check(graph -> {
            GradCheck.Report report = GradCheck.defaults().hessian(graph::evaluate, graph.inputs());
            assertTrue(report.passed(), report::toString);
        });
    }
}
