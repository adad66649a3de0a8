package org.adjoint.optim.minimize.leastsquares;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.optim.minimize.bounded.Bounds;
import com.google.common.testing.NullPointerTester;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.leastsquares.nist.NistDataset;
import org.adjoint.optim.minimize.leastsquares.nist.NistModels;
import org.adjoint.optim.minimize.leastsquares.nist.NistProblem;
import org.adjoint.testing.PublicApi;
import org.junit.jupiter.api.Test;

/**
 * Every public method and constructor of every public class in {@code org.adjoint.optim.minimize.leastsquares}
 * and its {@code nist} package refuses {@code null} at the call with a {@link NullPointerException}.
 */
class LeastSquaresNullArgumentsTest {

    private static final NistProblem MISRA1A = NistRuns.problem("Misra1a");

    private static Map<Class<?>, Object> samples() {
        Map<Class<?>, Object> samples = new HashMap<>();
        LeastSquaresResult result = LevenbergMarquardt.standard().solve(MISRA1A.residuals(), Tensor.vector(MISRA1A.dataset().start2()));
        CurveFitResult fit = CurveFit.standard().fit(MISRA1A.model(), MISRA1A.predictors(), MISRA1A.dataset().y(),
                Tensor.vector(MISRA1A.dataset().start2()));
        samples.put(LevenbergMarquardt.class, LevenbergMarquardt.standard());
        samples.put(LeastSquaresResult.class, result);
        samples.put(LeastSquaresStatus.class, LeastSquaresStatus.FUNCTION_TOLERANCE);
        samples.put(Loss.class, Loss.huber(1));
        samples.put(Bounds.class, Bounds.unbounded(2));
        samples.put(Loss.Kind.class, Loss.Kind.HUBER);
        samples.put(CurveFit.class, CurveFit.standard());
        samples.put(CurveFitResult.class, fit);
        samples.put(NistDataset.class, MISRA1A.dataset());
        samples.put(NistProblem.class, MISRA1A);
        return samples;
    }

    private static NullPointerTester tester() {
        return new NullPointerTester()
                .setDefault(Tensor.class, Tensor.vector(MISRA1A.dataset().start2()))
                .setDefault(Shape.class, Shape.of(2))
                .setDefault(String.class, "Misra1a")
                .setDefault(VarFunction.class, MISRA1A.residuals())
                .setDefault(org.adjoint.optim.minimize.leastsquares.Model.class, MISRA1A.model())
                .setDefault(NistDataset.class, MISRA1A.dataset())
                .setDefault(Loss.class, Loss.linear())
                .setDefault(Bounds.class, Bounds.unbounded(2))
                .setDefault(LevenbergMarquardt.class, LevenbergMarquardt.standard())
                .setDefault(LeastSquaresResult.class, LevenbergMarquardt.standard().solve(MISRA1A.residuals(),
                        Tensor.vector(MISRA1A.dataset().start2())))
                .setDefault(Path.class, Path.of("no-such-dir", "Misra1a.dat"))
                .setDefault(double[].class, MISRA1A.dataset().start2())
                .setDefault(double[][].class, MISRA1A.dataset().x());
    }

    @Test
    void everyPublicEntryPointRefusesNull() {
        List<Class<?>> classes = PublicApi.classes(LevenbergMarquardt.class, "org.adjoint.optim.minimize.leastsquares",
                "org.adjoint.optim.minimize.leastsquares.nist");
        assertTrue(classes.size() >= 12, classes::toString);
        assertTrue(classes.contains(NistModels.class));
        List<String> failures = PublicApi.nullFailures(tester(), classes, samples(), Set.of());
        assertEquals("", String.join("\n", failures));
    }
}
