package org.adjoint.optim.minimize.leastsquares;

import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;

/**
 * A residual function r: ℝⁿ → ℝᵐ as the solvers see it: values and exact Jacobians (from
 * {@link Derivatives#jacobian}, forward mode when m > n) of {@code √wᵢ·rᵢ(θ)} as plain arrays, with the shape checked at every
 * call and the calls counted. Values are computed on constants, so they record no graph.
 */
final class ResidualEvaluator {

    private final String op;
    private final VarFunction f;
    private final double[] sqrtWeights;
    private final int n;
    private int m = -1;
    private int values;
    private int jacobians;
    private int hessians;

    /** {@code weights} null for none; otherwise validated by the caller. */
    ResidualEvaluator(String op, VarFunction f, double[] weights, int n) {
        this.op = op;
        this.f = f;
        this.n = n;
        this.sqrtWeights = weights == null ? null : sqrt(weights);
    }

    private static double[] sqrt(double[] w) {
        double[] s = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            s[i] = Math.sqrt(w[i]);
        }
        return s;
    }

    /** r(θ), length m, weighted. */
    double[] values(double[] theta) {
        values++;
        Var y = f.apply(Var.constant(Tensor.vector(theta)));
        double[] r = checkShape(y.value()).toArray();
        weigh(r, 1);
        return r;
    }

    /** J(θ) = ∂r/∂θ, m × n row-major, weighted. */
    double[] jacobian(double[] theta) {
        jacobians++;
        Tensor j = Derivatives.jacobian(f, Tensor.vector(theta));
        if (j.shape().rank() != 2) {
            throw new IllegalArgumentException(op + ": the residual function must return a vector (rank 1), but its"
                    + " Jacobian has shape " + j.shape());
        }
        double[] a = j.toArray();
        checkSize(j.shape().dim(0));
        weigh(a, n);
        return a;
    }

    /**
     * The Hessian of the cost {@code ½Σwᵢrᵢ(θ)²}, n × n row-major, exact (reverse over reverse): it
     * includes the second derivatives of r that Gauss–Newton drops.
     */
    double[] costHessian(double[] theta) {
        hessians++;
        Var w = sqrtWeights == null ? null : Var.constant(Tensor.vector(sqrtWeights));
        VarFunction cost = t -> {
            Var r = f.apply(t);
            return (w == null ? r : r.mul(w)).square().sum().mul(0.5);
        };
        return Derivatives.hessian(cost, Tensor.vector(theta)).toArray();
    }

    private void weigh(double[] a, int columns) {
        if (sqrtWeights == null) {
            return;
        }
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < columns; c++) {
                a[i * columns + c] *= sqrtWeights[i];
            }
        }
    }

    private Tensor checkShape(Tensor r) {
        if (r.shape().rank() != 1) {
            throw new IllegalArgumentException(op + ": the residual function must return a vector (rank 1) but returned shape "
                    + r.shape());
        }
        checkSize(r.shape().dim(0));
        return r;
    }

    private void checkSize(int size) {
        if (m < 0) {
            m = size;
            if (sqrtWeights != null && sqrtWeights.length != m) {
                throw new IllegalArgumentException(op + ": " + sqrtWeights.length + " weights for " + m + " residuals");
            }
            if (m < n) {
                throw new IllegalArgumentException(op + ": " + m + " residuals for " + n
                        + " parameters; least squares needs at least as many residuals as parameters (m ≥ n)");
            }
        } else if (size != m) {
            throw new IllegalArgumentException(op + ": the residual function returned " + size
                    + " residuals after returning " + m + " at the start; its length must not change");
        }
    }

    /** m, known after the first evaluation. */
    int m() {
        return m;
    }

    int valueCount() {
        return values;
    }

    int jacobianCount() {
        return jacobians;
    }

    int hessianCount() {
        return hessians;
    }
}
