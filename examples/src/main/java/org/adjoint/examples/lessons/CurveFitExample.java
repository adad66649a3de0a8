package org.adjoint.examples.lessons;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;
import org.adjoint.examples.Example;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;
import org.adjoint.examples.data.Datasets;
import org.adjoint.examples.plot.LineChart;
import org.adjoint.optim.minimize.leastsquares.CurveFit;
import org.adjoint.optim.minimize.leastsquares.CurveFitResult;
import org.adjoint.optim.minimize.leastsquares.Model;
import org.adjoint.optim.minimize.leastsquares.nist.NistDataset;
import org.adjoint.optim.minimize.leastsquares.nist.NistModels;
import org.adjoint.optim.minimize.leastsquares.nist.NistProblem;

/**
 * Curve fitting with exact Jacobians: NIST's Thurber problem (electron mobility against the log of
 * density, y = (b1 + b2x + b3x² + b4x³)/(1 + b5x + b6x² + b7x³), one of StRD's "higher difficulty"
 * problems) fitted by {@link CurveFit} from NIST's far start. The model is plain Var code; Levenberg–
 * Marquardt gets its Jacobian from autodiff. The table compares each estimate and its standard error
 * (σ̂²(JᵀJ)⁻¹, as {@code curve_fit}) with NIST's certified values, which were computed in 128-bit
 * arithmetic, and counts the correct significant digits.
 */
public final class CurveFitExample implements Example {

    @Override
    public String name() {
        return "curve-fit";
    }

    @Override
    public String summary() {
        return "fit NIST's Thurber data with Levenberg–Marquardt: estimates and standard errors vs the certified values, and a plot";
    }

    @Override
    public List<Option> options() {
        return List.of(new Option("start", "1", "NIST's starting point: 1 (far) or 2 (near)"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) throws IOException {
        int start = options.positive("start", 1);
        if (start > 2) {
            throw new Options.UsageException("option --start = " + start + ": NIST gives starts 1 and 2");
        }
        NistDataset data = Datasets.nist("Thurber");
        Model model = NistModels.model("Thurber");
        NistProblem problem = new NistProblem(data, model);
        CurveFitResult fit = CurveFit.standard().fit(model, problem.predictors(), data.y(), Tensor.vector(data.start(start)));
        out.printf(Locale.ROOT, "Thurber: %d observations, %d parameters, from NIST start %d %s%n", data.observations(),
                data.parameters(), start, java.util.Arrays.toString(data.start(start)));
        out.printf(Locale.ROOT, "%s after %d iterations, %d residual and %d Jacobian evaluations%n%n", fit.status(),
                fit.solve().iterations(), fit.solve().residualEvaluations(), fit.solve().jacobianEvaluations());
        double worstErrorDeviation = printTable(out, data, fit);
        double digits = problem.logRelativeError(fit.theta().toArray());
        out.printf(Locale.ROOT, "%nresidual sum of squares %.10e (certified %.10e)%n", fit.residualSumOfSquares(), data.certifiedRss());
        out.printf(Locale.ROOT, "worst parameter: %.1f correct significant digits of NIST's 11%n", digits);
        Outcome outcome = new Outcome()
                .figure("worst parameter correct digits", digits)
                .figure("largest relative deviation of a standard error", worstErrorDeviation)
                .figure("residual sum of squares", fit.residualSumOfSquares())
                .figure("iterations", fit.solve().iterations())
                .figure("residual evaluations", fit.solve().residualEvaluations());
        return outcome.file(plot(data, model, fit).save(options.out().resolve("curve-fit-thurber.png"), 900, 600));
    }

    /** Prints the parameter table; returns the largest relative deviation of a standard error from NIST's. */
    private static double printTable(PrintStream out, NistDataset data, CurveFitResult fit) {
        out.printf(Locale.ROOT, "%-4s %20s %14s %20s %14s %7s%n", "", "estimate", "std. error", "certified", "certified s.e.",
                "digits");
        double[] theta = fit.theta().toArray();
        double[] errors = fit.standardErrors().toArray();
        double[] certified = data.certifiedValues();
        double[] certifiedErrors = data.certifiedDeviations();
        double worst = 0;
        for (int j = 0; j < theta.length; j++) {
            double digits = Math.min(11, -Math.log10(Math.abs(theta[j] - certified[j]) / Math.abs(certified[j])));
            out.printf(Locale.ROOT, "b%-3d %20.12e %14.6e %20.12e %14.6e %7.1f%n", j + 1, theta[j], errors[j], certified[j],
                    certifiedErrors[j], digits);
            worst = Math.max(worst, Math.abs(errors[j] - certifiedErrors[j]) / certifiedErrors[j]);
        }
        return worst;
    }

    private static LineChart plot(NistDataset data, Model model, CurveFitResult fit) {
        double[] x = data.x()[0];
        double lo = java.util.Arrays.stream(x).min().orElseThrow();
        double hi = java.util.Arrays.stream(x).max().orElseThrow();
        double[] grid = Grid.linspace(lo, hi, 400);
        double[] curve = model.predict(Var.constant(fit.theta()), Var.constant(Tensor.vector(grid))).value().toArray();
        return LineChart.of("NIST Thurber: data and the Levenberg–Marquardt fit", "x = log(density)", "y = electron mobility")
                .markers("data (" + data.observations() + " observations)", x, data.y())
                .line("fit: cubic/cubic rational, 7 parameters", grid, curve);
    }
}
