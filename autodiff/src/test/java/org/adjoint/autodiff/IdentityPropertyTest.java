package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.Tensor;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;

/**
 * Identities between functions hold for their derivatives too, at every order: if f = g then
 * ∇f = ∇g and ∇²f = ∇²g. Each side is built from different ops, so a wrong rule in one shows up
 * as a difference, without any finite differences.
 */
class IdentityPropertyTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void expOfLogIsTheIdentity() {
        holds(Gen.doubles(0.1, 5), x -> x.log().exp(), x -> x);
    }

    @Test
    void sinSquaredPlusCosSquaredIsOne() {
        holds(Gen.doubles(-4, 4), x -> x.sin().square().add(x.cos().square()), x -> x.mul(0).add(1));
    }

    @Test
    void tanhIsARescaledSigmoid() {
        holds(Gen.doubles(-4, 4), Var::tanh, x -> x.mul(2).sigmoid().mul(2).sub(1));
    }

    @Test
    void softmaxIsTheExponentialOfLogSoftmax() {
        holds(Gen.doubles(-4, 4), x -> x.reshape(1, -1).softmax(1), x -> x.reshape(1, -1).logSoftmax(1).exp());
    }

    @Test
    void logSumExpIsTheLogOfTheSumOfExponentials() {
        holds(Gen.doubles(-4, 4), Var::logSumExp, x -> x.exp().sum().log());
    }

    @Test
    void theArctangentInvertsTheTangent() {
        holds(Gen.doubles(-1.4, 1.4), x -> x.tan().atan(), x -> x);
    }

    @Test
    void sqrtIsTheHalfPower() {
        holds(Gen.doubles(0.1, 5), Var::sqrt, x -> x.pow(0.5));
    }

    @Test
    void divisionIsMultiplicationByTheReciprocal() {
        holds(Gen.doublesAwayFrom(-4, 4, 0, 0.2), x -> x.sin().div(x), x -> x.sin().mul(x.pow(-1)));
    }

    @Test
    void theTransposedProductsEqualProductsWithAnExplicitTranspose() {
        VarFunction m = x -> x.reshape(-1, 1).mul(x.reshape(1, -1)).sin();
        VarFunction n = x -> x.reshape(-1, 1).add(x.mul(0.5).reshape(1, -1)).cos();
        holds(Gen.doubles(-2, 2), x -> m.apply(x).matmulTransposed(n.apply(x)),
                x -> m.apply(x).matmul(n.apply(x).transpose()));
        holds(Gen.doubles(-2, 2), x -> m.apply(x).transposedMatmul(n.apply(x)),
                x -> m.apply(x).transpose().matmul(n.apply(x)));
    }

    // ---------------------------------------------------------------- issue 21

    @Test
    void expm1AndLog1pAreExpAndLogShiftedByOne() {
        holds(Gen.doubles(-3, 3), Var::expm1, x -> x.exp().sub(1));
        holds(Gen.doubles(-0.5, 3), Var::log1p, x -> x.add(1).log());
        holds(Gen.doubles(-3, 3), x -> x.expm1().log1p(), x -> x);
    }

    @Test
    void softplusIsTheLogOfOnePlusExpAndItsReflectionDiffersByX() {
        holds(Gen.doubles(-4, 4), Var::softplus, x -> x.exp().add(1).log());
        holds(Gen.doubles(-4, 4), x -> x.softplus().sub(x.neg().softplus()), x -> x);
        holds(Gen.doubles(-4, 4), x -> x.softplus(2.5), x -> x.mul(2.5).softplus().div(2.5));
    }

    @Test
    void siluAndGeluAreXTimesADistributionFunction() {
        holds(Gen.doubles(-4, 4), Var::silu, x -> x.mul(x.sigmoid()));
        holds(Gen.doubles(-4, 4), Var::gelu, x -> x.mul(x.div(Math.sqrt(2)).erf().add(1)).mul(0.5));
        holds(Gen.doubles(-4, 4), Var::geluTanh,
                x -> x.mul(x.add(x.pow(3).mul(0.044715)).mul(Math.sqrt(2 / Math.PI)).tanh().add(1)).mul(0.5));
    }

    @Test
    void eluAndLeakyReluAreTheirBranches() {
        holds(Gen.doubles(-4, -0.05), x -> x.elu(1.7), x -> x.expm1().mul(1.7));
        holds(Gen.doubles(0.05, 4), x -> x.elu(1.7), x -> x);
        holds(Gen.doublesAwayFrom(-4, 4, 0, 0.05), x -> x.leakyRelu(0.3), x -> x.maximum(x.mul(0.3)));
    }

    @Test
    void erfIsOddAndItsDerivativeIsTheGaussian() {
        holds(Gen.doubles(-3, 3), x -> x.neg().erf(), x -> x.erf().neg());
        VarFunction derivative = x -> x.square().neg().exp().mul(2 / Math.sqrt(Math.PI));
        Property.forAll(TensorGens.tensors(TensorGens.shapesOfRank(1, 1, 6), Gen.doubles(-3, 3))).check(x ->
                close("erf'", Derivatives.grad(v -> v.erf().sum(), x), derivative.apply(Var.constant(x)).value()));
    }

    @Test
    void cumsumIsTheProductWithALowerTriangleOfOnes() {
        holds(Gen.doubles(-3, 3), x -> x.sin().cumsum(0), x -> Var.constant(lowerOnes(x.shape().dim(0))).matmul(x.sin()));
        holds(Gen.doubles(-3, 3), x -> x.reshape(1, -1).cumsum(1), x -> x.reshape(1, -1).matmul(
                Var.constant(lowerOnes(x.shape().dim(0)).transpose())));
    }

    @Test
    void aBatchedProductIsTheStackOfItsMatrixProducts() {
        VarFunction m = x -> x.reshape(-1, 1).mul(x.reshape(1, -1)).sin();
        VarFunction n = x -> x.reshape(-1, 1).add(x.mul(0.5).reshape(1, -1)).cos();
        holds(Gen.doubles(-2, 2), x -> {
            int k = x.shape().dim(0);
            Var stack = Var.concat(0, m.apply(x).reshape(1, 1, k, k), n.apply(x).reshape(1, 1, k, k));
            return stack.matmul(Var.concat(0, n.apply(x).reshape(1, k, k), m.apply(x).reshape(1, k, k)));
        }, x -> {
            int k = x.shape().dim(0);
            Var mm = m.apply(x);
            Var nn = n.apply(x);
            return Var.concat(0, mm.matmul(nn), mm.matmul(mm), nn.matmul(nn), nn.matmul(mm)).reshape(2, 2, k, k);
        });
    }

    private static Tensor lowerOnes(int n) {
        return Tensor.generate(org.adjoint.core.Shape.of(n, n), i -> i % n <= i / n ? 1 : 0);
    }

    /**
     * Checks {@code sum(f(x)·w) = sum(g(x)·w)} for a fixed weight w of f's output shape, with equal
     * gradients and Hessians, on random vectors.
     */
    private static void holds(Gen<Double> domain, VarFunction f, VarFunction g) {
        Property.forAll(TensorGens.tensors(TensorGens.shapesOfRank(1, 1, 6), domain)).check(x -> {
            Tensor output = f.apply(Var.constant(x)).value();
            int[] outputShape = output.shape().dims();
            Var w = Var.constant(Tensor.arange(output.size()).add(1).reshape(outputShape));
            VarFunction fw = v -> f.apply(v).mul(w).sum();
            VarFunction gw = v -> g.apply(v).reshape(outputShape).mul(w).sum();
            close("value", Tensor.scalar(fw.apply(Var.constant(x)).item()), Tensor.scalar(gw.apply(Var.constant(x)).item()));
            close("gradient", Derivatives.grad(fw, x), Derivatives.grad(gw, x));
            close("Hessian", Derivatives.hessian(fw, x), Derivatives.hessian(gw, x));
        });
    }

    private static void close(String what, Tensor a, Tensor b) {
        double scale = Math.max(1, Math.max(a.abs().max().item(), b.abs().max().item()));
        assertTrue(a.maxAbsDifference(b) <= TOLERANCE * scale, () -> what + " differs: " + a + " vs " + b);
    }
}
