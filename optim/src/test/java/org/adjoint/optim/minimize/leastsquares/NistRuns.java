package org.adjoint.optim.minimize.leastsquares;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.leastsquares.nist.NistDataset;
import org.adjoint.optim.minimize.leastsquares.nist.NistModels;
import org.adjoint.optim.minimize.leastsquares.nist.NistProblem;

/** The 54 NIST StRD problem/start pairs, solved with the default settings. */
final class NistRuns {

    /** One pair's outcome. */
    record Run(String name, int start, double digits, LeastSquaresResult result) {
    }

    private NistRuns() {
    }

    static NistProblem problem(String name) {
        try {
            Path file = Path.of(NistRuns.class.getResource("/nist/" + name + ".dat").toURI());
            return NistProblem.of(NistDataset.read(file));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Run run(NistProblem problem, int start) {
        LeastSquaresResult result = LevenbergMarquardt.standard().solve(problem.residuals(),
                Tensor.vector(problem.dataset().start(start)));
        return new Run(problem.dataset().name(), start, problem.logRelativeError(result.theta().toArray()), result);
    }

    static List<Run> all() {
        List<Run> runs = new ArrayList<>();
        for (String name : NistModels.names()) {
            NistProblem problem = problem(name);
            runs.add(run(problem, 1));
            runs.add(run(problem, 2));
        }
        return runs;
    }

    /** The table for BENCHMARKS.md: digits and evaluations per pair, and the average. */
    static String table(List<Run> runs) {
        StringBuilder t = new StringBuilder("| problem | start | digits (LRE) | residual evaluations | Jacobian evaluations"
                + " | iterations | status |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Run r : runs) {
            t.append(String.format("| %s | %d | %.1f | %d | %d | %d | %s |%n", r.name(), r.start(), r.digits(),
                    r.result().residualEvaluations(), r.result().jacobianEvaluations(), r.result().iterations(),
                    r.result().status()));
        }
        double average = runs.stream().mapToDouble(Run::digits).average().orElseThrow();
        return t.append(String.format("%naverage %.2f over %d pairs%n", average, runs.size())).toString();
    }
}
