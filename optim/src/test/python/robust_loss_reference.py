"""Reference values for RobustLossTest: SciPy's least_squares with robust losses on a line with outliers.

Run: python3 optim/src/test/python/robust_loss_reference.py   (SciPy 1.17.1 gave the values in the test)
"""
import numpy as np
from scipy.optimize import least_squares

t = np.arange(12.0)
y = 1.0 + 2.0 * t + np.array([0.1, -0.2, 0.15, 0.0, -0.1, 0.05, 8.0, -0.05, 0.2, -6.0, 0.1, -0.15])


def residuals(theta):
    return theta[0] + theta[1] * t - y


for loss in ["linear", "huber", "soft_l1", "cauchy"]:
    r = least_squares(residuals, [0.0, 0.0], loss=loss, f_scale=0.5, method="trf",
                      ftol=1e-15, xtol=1e-15, gtol=1e-15, max_nfev=10000)
    print(loss, repr(r.x[0]), repr(r.x[1]), repr(r.cost), r.status)

# The exact minimizers, to 40 digits (mpmath, Newton's method on the gradient from SciPy's answer):
# SciPy's agree with them to about 1e-8; RobustLossTest asserts 1e-9 against these.
from mpmath import mp, mpf, sqrt, log, findroot, diff

mp.dps = 40
c = mpf("0.5")
T = [mpf(i) for i in range(12)]
Y = [1 + 2 * ti + mpf(n) for ti, n in zip(T, [0.1, -0.2, 0.15, 0.0, -0.1, 0.05, 8.0, -0.05, 0.2, -6.0, 0.1, -0.15])]
RHO = {
    "linear": lambda z: z,
    "huber": lambda z: z if z <= 1 else 2 * sqrt(z) - 1,
    "soft_l1": lambda z: 2 * (sqrt(1 + z) - 1),
    "cauchy": lambda z: log(1 + z),
}


def exact_cost(b0, b1, loss):
    return sum(c * c * RHO[loss](((b0 + b1 * ti - yi) / c) ** 2) for ti, yi in zip(T, Y)) / 2


for loss in RHO:
    start = least_squares(residuals, [0.0, 0.0], loss=loss, f_scale=0.5, method="trf").x
    grad = lambda a, b: [diff(lambda u: exact_cost(u, b, loss), a), diff(lambda v: exact_cost(a, v, loss), b)]
    b = findroot(grad, (mpf(start[0]), mpf(start[1])))
    print("exact", loss, mp.nstr(b[0], 17), mp.nstr(b[1], 17), mp.nstr(exact_cost(b[0], b[1], loss), 17))
