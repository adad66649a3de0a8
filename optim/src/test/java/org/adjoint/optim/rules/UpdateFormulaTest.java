package org.adjoint.optim.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleBinaryOperator;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;
import org.junit.jupiter.api.Test;

/**
 * Every rule against its update formula evaluated by hand, one coordinate at a time, for several
 * steps with a learning rate that changes between steps, so that the first steps (zero-initialised
 * state, bias correction) and the handling of the rate are both checked. Agreement must be within
 * 1e-12 relative.
 */
class UpdateFormulaTest {

    private static final double[] THETA = {0.5, -1.25, 2.0};
    private static final double[][] GRADS = {{0.3, -0.7, 1.1}, {-0.2, 0.4, 0.9}, {0.05, -1.5, -0.6}, {0.8, 0.1, 0.0},
        {-0.9, 2.2, 0.35}};
    private static final double[] RATES = {0.1, 0.1, 0.05, 0.2, 0.02};

    /** A hand-written scalar reference: one coordinate's state, stepped with (θ, g, lr, t) → θ'. */
    private interface Reference {
        double step(int coordinate, double theta, double g, double lr, int t);
    }

    @Test
    void sgdWithMomentumDampeningWeightDecayAndNesterov() {
        double mu = 0.9;
        double tau = 0.1;
        double lambda = 0.01;
        for (boolean nesterov : new boolean[] {false, true}) {
            double[] b = new double[3];
            UpdateRule<?> rule = nesterov ? new NesterovMomentum(1, mu, lambda) : new Sgd(1, mu, tau, lambda);
            agrees(rule, (i, theta, g0, lr, t) -> {
                double g = g0 + lambda * theta;
                b[i] = t == 1 ? g : mu * b[i] + (1 - (nesterov ? 0 : tau)) * g;
                return theta - lr * (nesterov ? g + mu * b[i] : b[i]);
            });
        }
    }

    @Test
    void plainGradientDescent() {
        agrees(new Sgd(1), (i, theta, g, lr, t) -> theta - lr * g);
    }

    @Test
    void classicalMomentumKeepsTheVelocityInParameterUnits() {
        double[] v = new double[3];
        agrees(new ClassicalMomentum(1, 0.8, 0.02), (i, theta, g0, lr, t) -> {
            double g = g0 + 0.02 * theta;
            v[i] = 0.8 * v[i] + lr * g;
            return theta - v[i];
        });
    }

    @Test
    void adaGradWithDecayAndInitialAccumulator() {
        double[] s = {0.1, 0.1, 0.1};
        agrees(new AdaGrad(1, 0.3, 0.01, 0.1, 1e-6),
                (i, theta, g0, lr, t) -> {
                    double g = g0 + 0.01 * theta;
                    double decayed = lr / (1 + (t - 1) * 0.3);
                    s[i] += g * g;
                    return theta - decayed * g / (Math.sqrt(s[i]) + 1e-6);
                });
    }

    @Test
    void rmsPropPlainCenteredAndWithMomentum() {
        double alpha = 0.9;
        double eps = 1e-4;
        for (int variant = 0; variant < 3; variant++) {
            boolean centered = variant >= 1;
            double momentum = variant == 2 ? 0.7 : 0;
            double[] s = new double[3];
            double[] gBar = new double[3];
            double[] b = new double[3];
            UpdateRule<?> rule = centered ? new CenteredRmsProp(1, alpha, eps, 0.05, momentum)
                    : new RmsProp(1, alpha, eps, 0.05, momentum);
            agrees(rule, (i, theta, g0, lr, t) -> {
                double g = g0 + 0.05 * theta;
                s[i] = alpha * s[i] + (1 - alpha) * g * g;
                gBar[i] = alpha * gBar[i] + (1 - alpha) * g;
                double a = Math.sqrt(centered ? s[i] - gBar[i] * gBar[i] : s[i]) + eps;
                if (momentum > 0) {
                    b[i] = momentum * b[i] + g / a;
                    return theta - lr * b[i];
                }
                return theta - lr * g / a;
            });
        }
    }

    @Test
    void adaDeltaWithEpsilonInsideBothRoots() {
        double rho = 0.95;
        double eps = 1e-3;
        double[] s = new double[3];
        double[] u = new double[3];
        agrees(new AdaDelta(1, rho, eps, 0.1), (i, theta, g0, lr, t) -> {
            double g = g0 + 0.1 * theta;
            s[i] = rho * s[i] + (1 - rho) * g * g;
            double delta = Math.sqrt(u[i] + eps) / Math.sqrt(s[i] + eps) * g;
            u[i] = rho * u[i] + (1 - rho) * delta * delta;
            return theta - lr * delta;
        });
    }

    @Test
    void adamWithAndWithoutBiasCorrectionAndAmsgrad() {
        for (int variant = 0; variant < 3; variant++) {
            boolean corrected = variant != 1;
            boolean amsgrad = variant == 2;
            double[] m = new double[3];
            double[] v = new double[3];
            double[] vMax = new double[3];
            UpdateRule<?> rule = amsgrad ? new AmsGrad(1, 0.8, 0.95, 1e-3, 0.01)
                    : corrected ? new Adam(1, 0.8, 0.95, 1e-3, 0.01) : new UncorrectedAdam(1, 0.8, 0.95, 1e-3, 0.01);
            agrees(rule, (i, theta, g0, lr, t) -> {
                double g = g0 + 0.01 * theta;
                m[i] = 0.8 * m[i] + 0.2 * g;
                v[i] = 0.95 * v[i] + 0.05 * g * g;
                vMax[i] = Math.max(vMax[i], v[i]);
                double second = amsgrad ? vMax[i] : v[i];
                if (!corrected) {
                    return theta - lr * m[i] / (Math.sqrt(second) + 1e-3);
                }
                double mHat = m[i] / (1 - Math.pow(0.8, t));
                return theta - lr * mHat / (Math.sqrt(second) / Math.sqrt(1 - Math.pow(0.95, t)) + 1e-3);
            });
        }
    }

    @Test
    void adamWDecaysTheParameterBeforeTheAdamStep() {
        double[] m = new double[3];
        double[] v = new double[3];
        agrees(new AdamW(1, 0.8, 0.95, 1e-3, 0.1), (i, theta0, g, lr, t) -> {
            double theta = theta0 * (1 - lr * 0.1);
            m[i] = 0.8 * m[i] + 0.2 * g;
            v[i] = 0.95 * v[i] + 0.05 * g * g;
            double mHat = m[i] / (1 - Math.pow(0.8, t));
            return theta - lr * mHat / (Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(0.95, t)) + 1e-3);
        });
    }

    @Test
    void adamaxAddsEpsilonInsideTheMaximum() {
        double[] m = new double[3];
        double[] u = new double[3];
        agrees(new Adamax(1, 0.8, 0.95, 1e-3, 0.01), (i, theta, g0, lr, t) -> {
            double g = g0 + 0.01 * theta;
            m[i] = 0.8 * m[i] + 0.2 * g;
            u[i] = Math.max(0.95 * u[i], Math.abs(g) + 1e-3);
            return theta - lr / (1 - Math.pow(0.8, t)) * m[i] / u[i];
        });
    }

    @Test
    void nadamWithItsMomentumSchedule() {
        double b1 = 0.8;
        double b2 = 0.95;
        double psi = 0.05;
        double[] m = new double[3];
        double[] v = new double[3];
        double[] product = {1, 1, 1};
        DoubleBinaryOperator mu = (t, unused) -> b1 * (1 - 0.5 * Math.pow(0.96, t * psi));
        agrees(new NAdam(1, b1, b2, 1e-3, 0.01, psi),
                (i, theta, g0, lr, t) -> {
                    double g = g0 + 0.01 * theta;
                    double muT = mu.applyAsDouble(t, 0);
                    double muNext = mu.applyAsDouble(t + 1, 0);
                    product[i] *= muT;
                    m[i] = b1 * m[i] + (1 - b1) * g;
                    v[i] = b2 * v[i] + (1 - b2) * g * g;
                    double d = Math.sqrt(v[i] / (1 - Math.pow(b2, t))) + 1e-3;
                    return theta - lr * (1 - muT) / (1 - product[i]) * g / d
                            - lr * muNext / (1 - product[i] * muNext) * m[i] / d;
                });
    }

    @Test
    void radamTakesMomentumStepsUntilRhoExceedsFiveThenRectifiedSteps() {
        for (boolean decoupled : new boolean[] {false, true}) {
            double b1 = 0.8;
            double b2 = 0.999;
            double eps = 1e-3;
            double lambda = 0.05;
            double rhoInf = 2 / (1 - b2) - 1;
            double[] m = new double[3];
            double[] v = new double[3];
            UpdateRule<?> rule = decoupled ? new RAdamW(1, b1, b2, eps, lambda) : new RAdam(1, b1, b2, eps, lambda);
            agrees(rule, (i, theta0, g0, lr, t) -> {
                double theta = decoupled ? theta0 - lr * lambda * theta0 : theta0;
                double g = decoupled ? g0 : g0 + lambda * theta0;
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double rho = rhoInf - 2 * t * Math.pow(b2, t) / (1 - Math.pow(b2, t));
                if (rho <= 5) {
                    return theta - lr * mHat;
                }
                double l = Math.sqrt(1 - Math.pow(b2, t)) / (Math.sqrt(v[i]) + eps);
                double r = Math.sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho));
                return theta - lr * mHat * l * r;
            }, 9);
        }
    }

    @Test
    void rpropGrowsAndShrinksEachStepSizeByTheSignOfTheGradientProduct() {
        double etaMinus = 0.4;
        double etaPlus = 1.5;
        double[] prev = new double[3];
        double[] delta = new double[3];
        agrees(new Rprop(1, etaMinus, etaPlus, 0.03, 0.12), (i, theta, g0, lr, t) -> {
            if (t == 1) {
                delta[i] = lr;
            }
            double product = g0 * prev[i];
            double f = product > 0 ? etaPlus : product < 0 ? etaMinus : 1;
            delta[i] = Math.min(Math.max(delta[i] * f, 0.03), 0.12);
            double g = product < 0 ? 0 : g0;
            prev[i] = g;
            return theta - Math.signum(g) * delta[i];
        }, 9);
    }

    @Test
    void signDescentMovesEachCoordinateByTheStep() {
        agrees(new SignDescent(1), (i, theta, g, lr, t) -> theta - lr * Math.signum(g));
    }

    @Test
    void lionStepsBySignOfTheInterpolationAndDecaysDecoupled() {
        double b1 = 0.8;
        double b2 = 0.95;
        double lambda = 0.1;
        double[] m = new double[3];
        agrees(new Lion(1, b1, b2, lambda), (i, theta, g, lr, t) -> {
            double c = b1 * m[i] + (1 - b1) * g;
            m[i] = b2 * m[i] + (1 - b2) * g;
            return theta - lr * (Math.signum(c) + lambda * theta);
        });
    }

    @Test
    void lionByHandWithAZeroGradientThatDoesNotMove() {
        Lion lion = new Lion(0.1, 0.9, 0.99, 0);
        Tensor theta = Tensor.vector(1, -2, 3);
        Update<Lion.State> first = lion.apply(theta, Tensor.vector(0.5, 0, -4), lion.init(theta), 0.1);
        // c = 0.1·g = (0.05, 0, −0.4): sign (1, 0, −1); sign(0) = 0 leaves θ₂ where it was.
        byHand(Tensor.vector(0.9, -2, 3.1), first.param());
        byHand(Tensor.vector(0.005, 0, -0.04), first.state().m());
        Update<Lion.State> second = lion.apply(first.param(), Tensor.vector(-1, 0, 0), first.state(), 0.1);
        // c = 0.9·m + 0.1·g = (0.0045 − 0.1, 0, −0.036): sign (−1, 0, −1).
        byHand(Tensor.vector(1.0, -2, 3.2), second.param());
        byHand(Tensor.vector(0.99 * 0.005 - 0.01, 0, 0.99 * -0.04), second.state().m());
    }

    @Test
    void lambScalesTheAdamDirectionByTheTensorsTrustRatio() {
        double b1 = 0.8;
        double b2 = 0.95;
        double eps = 1e-3;
        double lambda = 0.1;
        double[] m = new double[3];
        double[] v = new double[3];
        agreesTensorwise(new Lamb(1, b1, b2, eps, lambda), (theta, g, lr, t) -> {
            double[] r = new double[3];
            for (int i = 0; i < 3; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                r[i] = m[i] / (1 - Math.pow(b1, t)) / (Math.sqrt(v[i] / (1 - Math.pow(b2, t))) + eps) + lambda * theta[i];
            }
            double ratio = norm(theta) / norm(r);
            double[] next = new double[3];
            for (int i = 0; i < 3; i++) {
                next[i] = theta[i] - lr * ratio * r[i];
            }
            return next;
        });
    }

    @Test
    void lambByHandStepsByTheLearningRateTimesTheNorm() {
        Lamb lamb = new Lamb(0.1, 0.9, 0.999, 1e-6, 0);
        Tensor theta = Tensor.vector(3, 4);
        // m̂ = g and v̂ = g² at every step of a constant gradient, so r = (1 / (1 + ε), 0), ‖r‖ = 1 / (1 + ε)
        // and the step is η·‖θ‖ along the first axis: from ‖θ‖ = 5, then from ‖(2.5, 4)‖ = √22.25.
        Update<Adam.State> first = lamb.apply(theta, Tensor.vector(1, 0), lamb.init(theta), 0.1);
        byHand(Tensor.vector(2.5, 4), first.param());
        Update<Adam.State> second = lamb.apply(first.param(), Tensor.vector(1, 0), first.state(), 0.1);
        byHand(Tensor.vector(2.5 - 0.1 * Math.sqrt(22.25), 4), second.param());
    }

    @Test
    void lambTakesTheUnscaledStepAtZeroAndStandsStillWithoutAnUpdate() {
        Lamb lamb = new Lamb(0.1, 0.9, 0.999, 1e-6, 0.5);
        Tensor zero = Tensor.vector(0, 0);
        // ‖θ‖ = 0: the trust ratio is 1, so θ ← −η·r with r = g / (|g| + ε) (bias-corrected, λ·θ = 0).
        Update<Adam.State> fromZero = lamb.apply(zero, Tensor.vector(3, -4), lamb.init(zero), 0.1);
        byHand(Tensor.vector(-0.1 * 3 / (3 + 1e-6), 0.1 * 4 / (4 + 1e-6)), fromZero.param());
        // ‖r‖ = 0 (θ = 0 and g = 0): 1 rather than 0/0, and θ stays at 0.
        byHand(zero, lamb.apply(zero, zero, lamb.init(zero), 0.1).param());
    }

    @Test
    void larsScalesTheDecayedGradientByTheLocalRateBeforeMomentum() {
        double mu = 0.7;
        double kappa = 0.5;
        double lambda = 0.1;
        double[] b = new double[3];
        agreesTensorwise(new Lars(1, mu, kappa, lambda), (theta, g, lr, t) -> {
            double rho = kappa * norm(theta) / (norm(g) + lambda * norm(theta));
            double[] next = new double[3];
            for (int i = 0; i < 3; i++) {
                b[i] = mu * b[i] + rho * (g[i] + lambda * theta[i]);
                next[i] = theta[i] - lr * b[i];
            }
            return next;
        });
    }

    @Test
    void larsByHand() {
        Lars lars = new Lars(0.1, 0.5, 0.01, 0);
        Tensor theta = Tensor.vector(3, 4);
        // ρ = 0.01·5 / 10 = 0.005, b = (0.03, 0.04).
        Update<Lars.State> first = lars.apply(theta, Tensor.vector(6, 8), lars.init(theta), 0.1);
        byHand(Tensor.vector(2.997, 3.996), first.param());
        // ρ = 0.01·4.995 / 2 = 0.024975, b = 0.5·(0.03, 0.04) + ρ·(0, 2) = (0.015, 0.06995).
        Update<Lars.State> second = lars.apply(first.param(), Tensor.vector(0, 2), first.state(), 0.1);
        byHand(Tensor.vector(0.015, 0.06995), second.state().buffer());
        byHand(Tensor.vector(2.9955, 3.989005), second.param());
    }

    @Test
    void larsLocalRateIsOneAtAZeroParameterOrGradient() {
        Lars lars = new Lars(0.1, 0.9, 0.01, 0.5);
        Tensor zero = Tensor.vector(0, 0);
        // ‖θ‖ = 0: ρ = 1, b = g.
        byHand(Tensor.vector(-0.3, 0.4), lars.apply(zero, Tensor.vector(3, -4), lars.init(zero), 0.1).param());
        // ‖g‖ = 0: ρ = 1 (as timm), b = λ·θ = (1.5, 2).
        Tensor theta = Tensor.vector(3, 4);
        byHand(Tensor.vector(2.85, 3.8), lars.apply(theta, zero, lars.init(theta), 0.1).param());
    }

    @Test
    void nadamWDecaysTheParameterBeforeTheNAdamStep() {
        double b1 = 0.8;
        double b2 = 0.95;
        double psi = 0.05;
        double lambda = 0.1;
        double[] m = new double[3];
        double[] v = new double[3];
        double[] product = {1, 1, 1};
        DoubleBinaryOperator mu = (t, unused) -> b1 * (1 - 0.5 * Math.pow(0.96, t * psi));
        agrees(new NAdamW(1, b1, b2, 1e-3, lambda, psi), (i, theta0, g, lr, t) -> {
            double theta = theta0 * (1 - lr * lambda);
            double muT = mu.applyAsDouble(t, 0);
            double muNext = mu.applyAsDouble(t + 1, 0);
            product[i] *= muT;
            m[i] = b1 * m[i] + (1 - b1) * g;
            v[i] = b2 * v[i] + (1 - b2) * g * g;
            double d = Math.sqrt(v[i] / (1 - Math.pow(b2, t))) + 1e-3;
            return theta - lr * (1 - muT) / (1 - product[i]) * g / d - lr * muNext / (1 - product[i] * muNext) * m[i] / d;
        });
    }

    @Test
    void adafactorOnAVectorKeepsTheFullSecondMomentWithItsDecaySchedule() {
        double tau = -0.6;
        double eps1 = 1e-3;
        double eps2 = 0.05;
        double d = 1;
        double lambda = 0.1;
        double[] variance = new double[3];
        agreesTensorwise(new Adafactor(1, tau, eps1, eps2, d, lambda), (theta, g, lr, t) -> {
            double w = Math.pow(t, tau); // 1 − β̂₂ₜ
            double alpha = Math.max(eps2, rms(theta)) * Math.min(lr, 1 / Math.sqrt(t));
            double[] u = new double[3];
            for (int i = 0; i < 3; i++) {
                variance[i] = (1 - w) * variance[i] + w * g[i] * g[i];
                u[i] = g[i] / Math.max(Math.sqrt(variance[i]), eps1);
            }
            double clip = Math.max(1, rms(u) / d);
            double[] next = new double[3];
            for (int i = 0; i < 3; i++) {
                next[i] = theta[i] * (1 - lr * lambda) - alpha / clip * u[i];
            }
            return next;
        }, 9);
    }

    /**
     * A parameter of shape [2, 2, 3], factored over its last two axes for each of the two leading indices: R and C
     * by hand as means of g² over columns and rows, V̂ = R·C / max(mean R, ε₁), RMS over the whole tensor.
     */
    @Test
    void adafactorFactorsTheLastTwoAxesOfEachLeadingIndex() {
        double tau = -0.8;
        double eps1 = 1e-30;
        double eps2 = 1e-3;
        double lambda = 0.05;
        Adafactor rule = new Adafactor(0.3, tau, eps1, eps2, 1, lambda);
        int b = 2;
        int n = 2;
        int m = 3;
        double[] theta = {0.5, -1.25, 2, 0.1, 0.7, -0.3, 1.5, 0.2, -0.9, 0.05, -2, 0.6};
        double[][] row = new double[b][n];
        double[][] col = new double[b][m];
        Tensor param = Tensor.of(Shape.of(b, n, m), theta.clone());
        Adafactor.State state = rule.init(param);
        double[] rates = {0.3, 0.2, 0.25, 0.1};
        for (int t = 1; t <= rates.length; t++) {
            double[] g = new double[theta.length];
            for (int k = 0; k < g.length; k++) {
                g[k] = Math.sin(1.7 * k + t) * (k % 4 == 3 ? 0.01 : 1.3);
            }
            double w = Math.pow(t, tau);
            double alpha = Math.max(eps2, rms(theta)) * Math.min(rates[t - 1], 1 / Math.sqrt(t));
            double[] u = new double[theta.length];
            for (int a = 0; a < b; a++) {
                for (int i = 0; i < n; i++) {
                    double mean = 0;
                    for (int j = 0; j < m; j++) {
                        mean += g[(a * n + i) * m + j] * g[(a * n + i) * m + j] / m;
                    }
                    row[a][i] = (1 - w) * row[a][i] + w * mean;
                }
                for (int j = 0; j < m; j++) {
                    double mean = 0;
                    for (int i = 0; i < n; i++) {
                        mean += g[(a * n + i) * m + j] * g[(a * n + i) * m + j] / n;
                    }
                    col[a][j] = (1 - w) * col[a][j] + w * mean;
                }
                double rowMean = Math.max((row[a][0] + row[a][1]) / n, eps1);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        int k = (a * n + i) * m + j;
                        u[k] = g[k] / Math.max(Math.sqrt(row[a][i] * col[a][j] / rowMean), eps1);
                    }
                }
            }
            double clip = Math.max(1, rms(u));
            for (int k = 0; k < theta.length; k++) {
                theta[k] = theta[k] * (1 - rates[t - 1] * lambda) - alpha / clip * u[k];
            }
            Update<Adafactor.State> step = rule.apply(param, Tensor.of(param.shape(), g), state, rates[t - 1]);
            param = step.param();
            state = step.state();
            assertArrayEquals(theta, param.toArray(), 1e-12, "θ at step " + t);
            Adafactor.Factored f = (Adafactor.Factored) state;
            assertArrayEquals(new double[] {row[0][0], row[0][1], row[1][0], row[1][1]}, f.rowVar().toArray(), 1e-14, "R at step " + t);
            assertArrayEquals(new double[] {col[0][0], col[0][1], col[0][2], col[1][0], col[1][1], col[1][2]}, f.colVar().toArray(),
                    1e-14, "C at step " + t);
        }
    }

    /**
     * Schedule-Free SGD as the reference's algorithm, with warm-up W = 3, polynomial weights r = 1, p = 2, weight
     * decay and a changing rate: the counters (k, γmax, Σw) are the tensor's, so coordinate 0 advances them.
     */
    @Test
    void scheduleFreeSgdStepsZAveragesXAndInterpolatesY() {
        double beta = 0.8;
        double lambda = 0.05;
        double[] z = THETA.clone();
        double[] x = THETA.clone();
        double[] counters = {-1, 0, 0, 0}; // γmax, Σw, c, γ
        agrees(new ScheduleFreeSgd(1, beta, lambda, 3, 1, 2), (i, y, g, lr, t) -> {
            if (i == 0) {
                scheduleFreeWeights(counters, lr * Math.min(1, t / 3.0), t, 1, 2);
            }
            z[i] -= counters[3] * (g + lambda * y);
            x[i] = (1 - counters[2]) * x[i] + counters[2] * z[i];
            return beta * x[i] + (1 - beta) * z[i];
        }, 9);
    }

    @Test
    void scheduleFreeAdamWFoldsTheBiasCorrectionIntoTheRateAndItsWeights() {
        double b1 = 0.7;
        double b2 = 0.95;
        double eps = 1e-3;
        double lambda = 0.05;
        double[] z = THETA.clone();
        double[] x = THETA.clone();
        double[] v = new double[3];
        double[] counters = {-1, 0, 0, 0};
        agrees(new ScheduleFreeAdamW(1, b1, b2, eps, lambda, 2, 0.5, 2), (i, y, g, lr, t) -> {
            if (i == 0) {
                scheduleFreeWeights(counters, lr * Math.min(1, t / 2.0) * Math.sqrt(1 - Math.pow(b2, t)), t, 0.5, 2);
            }
            v[i] = b2 * v[i] + (1 - b2) * g * g;
            z[i] -= counters[3] * (g / (Math.sqrt(v[i]) + eps) + lambda * y);
            x[i] = (1 - counters[2]) * x[i] + counters[2] * z[i];
            return b1 * x[i] + (1 - b1) * z[i];
        }, 9);
    }

    /** γmax ← max(γmax, γ), w = t^r·γmax^p, Σw ← Σw + w, c = w/Σw, into {γmax, Σw, c, γ}. */
    private static void scheduleFreeWeights(double[] counters, double gamma, int t, double r, double p) {
        counters[0] = Math.max(counters[0], gamma);
        double weight = Math.pow(t, r) * Math.pow(counters[0], p);
        counters[1] += weight;
        counters[2] = weight / counters[1];
        counters[3] = gamma;
    }

    /** k = 3, α = 0.4 around momentum SGD: fast steps carry the momentum across the synchronisations. */
    @Test
    void lookaheadPullsTheSlowWeightsEveryKthStep() {
        double mu = 0.5;
        double[] buffer = new double[3];
        double[] slow = THETA.clone();
        agrees(new Lookahead<>(new Sgd(1, mu), 3, 0.4), (i, theta, g, lr, t) -> {
            buffer[i] = t == 1 ? g : mu * buffer[i] + g;
            double fast = theta - lr * buffer[i];
            if (t % 3 != 0) {
                return fast;
            }
            slow[i] += 0.4 * (fast - slow[i]);
            return slow[i];
        }, 9);
    }

    /**
     * The averages' equations by hand around plain gradient descent: EMA (decay 0.75) from the first iterate θ₁,
     * SWA of the iterates of steps 2, 5, 8 (s = 2, c = 3); before an average exists the iterate is evaluated.
     */
    @Test
    void emaAndSwaAverageTheIteratesOfTheInnerRule() {
        Ema<Sgd.State> ema = new Ema<>(new Sgd(1), 0.75);
        Swa<Sgd.State> swa = new Swa<>(new Sgd(1), 2, 3);
        Tensor p = Tensor.vector(THETA);
        Ema.State<Sgd.State> emaState = ema.init(p);
        Swa.State<Sgd.State> swaState = swa.init(p);
        assertArrayEquals(THETA, ema.evaluationParam(p, emaState).toArray(), 0);
        double[] theta = THETA.clone();
        double[] average = null;
        double[] sum = new double[3];
        int n = 0;
        for (int t = 1; t <= 9; t++) {
            double[] g = GRADS[(t - 1) % 5];
            double rate = RATES[(t - 1) % 5];
            for (int i = 0; i < 3; i++) {
                theta[i] -= rate * g[i];
            }
            average = t == 1 ? theta.clone() : average;
            for (int i = 0; i < 3 && t > 1; i++) {
                average[i] = 0.75 * average[i] + 0.25 * theta[i];
            }
            if (t >= 2 && (t - 2) % 3 == 0) {
                n++;
                for (int i = 0; i < 3; i++) {
                    sum[i] += theta[i];
                }
            }
            Update<Ema.State<Sgd.State>> e = ema.apply(p, Tensor.vector(g), emaState, rate);
            Update<Swa.State<Sgd.State>> w = swa.apply(p, Tensor.vector(g), swaState, rate);
            p = e.param();
            emaState = e.state();
            swaState = w.state();
            assertArrayEquals(theta, p.toArray(), 1e-15, "θ at step " + t);
            assertArrayEquals(p.toArray(), w.param().toArray(), 0, "SWA's iterate at step " + t);
            assertArrayEquals(average, ema.evaluationParam(p, emaState).toArray(), 1e-14, "EMA at step " + t);
            double[] swaExpected = new double[3];
            for (int i = 0; i < 3; i++) {
                swaExpected[i] = n == 0 ? theta[i] : sum[i] / n;
            }
            assertArrayEquals(swaExpected, swa.evaluationParam(p, swaState).toArray(), 1e-14, "SWA at step " + t);
            assertEquals(n, swaState.count(), "n at step " + t);
        }
    }

    /** A reference for a rule that couples the coordinates of a tensor: (θ, g, lr, t) → θ'. */
    private interface TensorReference {
        double[] step(double[] theta, double[] g, double lr, int t);
    }

    private static double norm(double[] x) {
        double sum = 0;
        for (double xi : x) {
            sum += xi * xi;
        }
        return Math.sqrt(sum);
    }

    /** {@link #agrees} for a {@link TensorReference}. */
    private static <S> void agreesTensorwise(UpdateRule<S> rule, TensorReference reference) {
        agreesTensorwise(rule, reference, GRADS.length);
    }

    /** As above for {@code steps} steps, the gradients and rates repeating after five. */
    private static <S> void agreesTensorwise(UpdateRule<S> rule, TensorReference reference, int steps) {
        double[][] expected = {THETA.clone()};
        agrees(rule, (i, theta, g, lr, t) -> {
            if (i == 0) {
                expected[0] = reference.step(expected[0], GRADS[(t - 1) % GRADS.length], lr, t);
            }
            return expected[0][i];
        }, steps);
    }

    private static double rms(double[] x) {
        return norm(x) / Math.sqrt(x.length);
    }

    /** A hand-computed tensor, to 1e-15 absolute (the values are of order 1). */
    private static void byHand(Tensor expected, Tensor actual) {
        assertArrayEquals(expected.toArray(), actual.toArray(), 1e-15, () -> "expected " + expected + " but got " + actual);
    }

    /** Runs {@code rule} and the reference side by side over every step; every coordinate must agree. */
    private static <S> void agrees(UpdateRule<S> rule, Reference reference) {
        agrees(rule, reference, GRADS.length);
    }

    /** As above for {@code steps} steps, the gradients and rates repeating after five (for rules that change at step 6). */
    private static <S> void agrees(UpdateRule<S> rule, Reference reference, int steps) {
        Tensor theta = Tensor.vector(THETA);
        S state = rule.init(theta);
        double[] expected = THETA.clone();
        for (int step = 0; step < steps; step++) {
            double[] grad = GRADS[step % GRADS.length];
            double rate = RATES[step % RATES.length];
            Update<S> u = rule.apply(theta, Tensor.vector(grad), state, rate);
            theta = u.param();
            state = u.state();
            for (int i = 0; i < expected.length; i++) {
                expected[i] = reference.step(i, expected[i], grad[i], rate, step + 1);
                double actual = theta.get(i);
                assertEquals(expected[i], actual, 1e-12 * Math.max(1, Math.abs(expected[i])),
                        rule + ", step " + (step + 1) + ", coordinate " + i);
            }
        }
    }
}
