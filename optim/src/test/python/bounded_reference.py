"""Reference values for BoundsTest: SciPy's least_squares(bounds=...) (method 'trf') on two problems
with an active bound. Run: python3 optim/src/test/python/bounded_reference.py (SciPy 1.17.1)."""
import numpy as np
from scipy.optimize import least_squares

# Rosenbrock residuals (10(b - a^2), 1 - a) with a <= 0.5: the solution is (0.5, 0.25).
ros = least_squares(lambda t: [10 * (t[1] - t[0] ** 2), 1 - t[0]], [-1.2, 1.0],
                    bounds=([-np.inf, -np.inf], [0.5, np.inf]), ftol=1e-15, xtol=1e-15, gtol=1e-15)
print("rosenbrock", repr(ros.x.tolist()), repr(ros.cost), ros.active_mask.tolist())

# NIST Misra1a, y = b1 (1 - exp(-b2 x)), with b2 <= 5e-4 (certified 5.5016e-4): b2 is held at its bound.
x = np.array([77.6, 114.9, 141.1, 190.8, 239.9, 289.0, 332.8, 378.4, 434.8, 477.3, 536.8, 593.1, 689.1, 760.0])
y = np.array([10.07, 14.73, 17.94, 23.93, 29.61, 35.18, 40.02, 44.82, 50.76, 55.05, 61.01, 66.40, 75.47, 81.78])
mis = least_squares(lambda b: b[0] * (1 - np.exp(-b[1] * x)) - y, [250, 5e-4], bounds=([0, 0], [np.inf, 5e-4]),
                    ftol=1e-15, xtol=1e-15, gtol=1e-15, x_scale="jac")
print("misra1a", repr(mis.x.tolist()), repr(mis.cost), mis.active_mask.tolist())
