#!/usr/bin/env python3
"""SciPy's minimize on the Moré–Garbow–Hillstrom problems of Adjoint's unconstrained benchmark.

The problems are those of org.adjoint.optim.minimize.problems.MoreGarbowHillstrom (1–18 and 21–35 of
Moré, Garbow & Hillstrom, "Testing unconstrained optimization software", ACM TOMS 7(1):17–41, 1981),
transcribed again here from the paper as sums of squared residuals in SymPy, so that gradients,
Hessians and Hessian-vector products are exact (symbolic derivatives, not finite differences).
Starting points and f* are read from the file the Java runner writes (mgh-problems.json), and each
problem's f(x0) here is checked against Java's: a mismatch means a transcription error, and the
script stops.

Methods and options (SciPy 1.10, Debian's python3-scipy): CG, BFGS, L-BFGS-B (gtol 1e-5, maxiter
1000, otherwise defaults: BFGS and CG test the infinity norm of the gradient, L-BFGS-B also stops on
its relative reduction of f, ftol = 2.2e-9), Newton-CG (hessp; its only tolerance is xtol = 1e-5),
trust-ncg (hessp) and trust-exact (hess), both with gtol 1e-5 on the 2-norm and maxiter 1000.
A run solves its problem when f - f* <= 1e-7 * max(1, |f*|), as in the Java runner.

    /usr/bin/python3 examples/src/main/python/scipy_minimize_benchmark.py \
        [--problems examples/target/benchmarks/mgh-problems.json] \
        [--output examples/target/benchmarks/scipy-minimize.json]
"""
import argparse
import json
import math
import statistics
import sys

import numpy as np
import scipy
import sympy as sp
from scipy.optimize import minimize

TAU = 1e-7
METHODS = ["CG", "BFGS", "L-BFGS-B", "Newton-CG", "trust-ncg", "trust-exact"]
MGH_LINEAR_M = 20


def rng(a, b):
    """The integers a..b inclusive, as in the paper's i = a, ..., b."""
    return range(a, b + 1)


# ---------------------------------------------------------------- problems 1-18 (fixed n)

def rosenbrock(x):
    return [10 * (x[1] - x[0] ** 2), 1 - x[0]]


def freudenstein_roth(x):
    return [-13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1], -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1]]


def powell_badly_scaled(x):
    return [10 ** 4 * x[0] * x[1] - 1, sp.exp(-x[0]) + sp.exp(-x[1]) - sp.Float("1.0001")]


def brown_badly_scaled(x):
    return [x[0] - 10 ** 6, x[1] - sp.Float("2e-6"), x[0] * x[1] - 2]


def beale(x):
    y = [1.5, 2.25, 2.625]
    return [y[i - 1] - x[0] * (1 - x[1] ** i) for i in rng(1, 3)]


def jennrich_sampson(x):
    return [2 + 2 * i - (sp.exp(i * x[0]) + sp.exp(i * x[1])) for i in rng(1, 10)]


def helical_valley(x):
    theta = sp.atan(x[1] / x[0]) / (2 * sp.pi) + sp.Piecewise((sp.Rational(1, 2), x[0] < 0), (0, True))
    return [10 * (x[2] - 10 * theta), 10 * (sp.sqrt(x[0] ** 2 + x[1] ** 2) - 1), x[2]]


def bard(x):
    y = [0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39]
    r = []
    for i in rng(1, 15):
        u, v = i, 16 - i
        w = min(u, v)
        r.append(y[i - 1] - (x[0] + u / (v * x[1] + w * x[2])))
    return r


def gaussian(x):
    y = [0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989, 0.3521, 0.2420, 0.1295, 0.0540,
         0.0175, 0.0044, 0.0009]
    return [x[0] * sp.exp(-x[1] * ((8 - i) / 2 - x[2]) ** 2 / 2) - y[i - 1] for i in rng(1, 15)]


def meyer(x):
    y = [34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872]
    return [x[0] * sp.exp(x[1] / (45 + 5 * i + x[2])) - y[i - 1] for i in rng(1, 16)]


def gulf(x):
    r = []
    for i in rng(1, 99):
        t = i / 100
        y = 25 + (-50 * math.log(t)) ** (2 / 3)
        # |y - x2|^x3 = exp(x3 * log((y - x2)^2) / 2): the same function, with derivatives free of
        # sign() and DiracDelta, which NumPy cannot evaluate
        r.append(sp.exp(-sp.exp(x[2] * sp.log((y - x[1]) ** 2) / 2) / x[0]) - t)
    return r


def box(x):
    r = []
    for i in rng(1, 10):
        t = i / 10
        r.append(sp.exp(-t * x[0]) - sp.exp(-t * x[1]) - x[2] * (math.exp(-t) - math.exp(-10 * t)))
    return r


def powell_singular(x):
    return [x[0] + 10 * x[1], math.sqrt(5) * (x[2] - x[3]), (x[1] - 2 * x[2]) ** 2, math.sqrt(10) * (x[0] - x[3]) ** 2]


def wood(x):
    return [10 * (x[1] - x[0] ** 2), 1 - x[0], math.sqrt(90) * (x[3] - x[2] ** 2), 1 - x[2],
            math.sqrt(10) * (x[1] + x[3] - 2), (x[1] - x[3]) / math.sqrt(10)]


def kowalik_osborne(x):
    y = [0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246]
    u = [4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625]
    return [y[i] - x[0] * (u[i] ** 2 + u[i] * x[1]) / (u[i] ** 2 + u[i] * x[2] + x[3]) for i in range(11)]


def brown_dennis(x):
    r = []
    for i in rng(1, 20):
        t = i / 5
        r.append((x[0] + t * x[1] - math.exp(t)) ** 2 + (x[2] + x[3] * math.sin(t) - math.cos(t)) ** 2)
    return r


def osborne1(x):
    y = [0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818, 0.784, 0.751, 0.718, 0.685, 0.658, 0.628,
         0.603, 0.580, 0.558, 0.538, 0.522, 0.506, 0.490, 0.478, 0.467, 0.457, 0.448, 0.438, 0.431, 0.424, 0.420,
         0.414, 0.411, 0.406]
    r = []
    for i in rng(1, 33):
        t = 10 * (i - 1)
        r.append(y[i - 1] - (x[0] + x[1] * sp.exp(-t * x[3]) + x[2] * sp.exp(-t * x[4])))
    return r


def biggs_exp6(x):
    r = []
    for i in rng(1, 13):
        t = i / 10
        y = math.exp(-t) - 5 * math.exp(-10 * t) + 3 * math.exp(-4 * t)
        r.append(x[2] * sp.exp(-t * x[0]) - x[3] * sp.exp(-t * x[1]) + x[5] * sp.exp(-t * x[4]) - y)
    return r


# ---------------------------------------------------------------- problems 21-35 (variable n)

def extended_rosenbrock(x):
    r = []
    for i in range(0, len(x), 2):
        r += [10 * (x[i + 1] - x[i] ** 2), 1 - x[i]]
    return r


def extended_powell(x):
    r = []
    for i in range(0, len(x), 4):
        r += powell_singular(x[i:i + 4])
    return r


def penalty1(x):
    a = 1e-5
    return [math.sqrt(a) * (xi - 1) for xi in x] + [sum(xi ** 2 for xi in x) - sp.Rational(1, 4)]


def penalty2(x):
    n, a = len(x), 1e-5
    r = [x[0] - 0.2]
    for i in rng(2, n):
        y = math.exp(i / 10) + math.exp((i - 1) / 10)
        r.append(math.sqrt(a) * (sp.exp(x[i - 1] / 10) + sp.exp(x[i - 2] / 10) - y))
    for i in rng(n + 1, 2 * n - 1):
        r.append(math.sqrt(a) * (sp.exp(x[i - n] / 10) - math.exp(-0.1)))
    r.append(sum((n - j + 1) * x[j - 1] ** 2 for j in rng(1, n)) - 1)
    return r


def variably_dimensioned(x):
    s = sum(j * (x[j - 1] - 1) for j in rng(1, len(x)))
    return [xi - 1 for xi in x] + [s, s ** 2]


def trigonometric(x):
    n = len(x)
    c = sum(sp.cos(xj) for xj in x)
    return [n - c + i * (1 - sp.cos(x[i - 1])) - sp.sin(x[i - 1]) for i in rng(1, n)]


def brown_almost_linear(x):
    n = len(x)
    s = sum(x)
    return [x[i] + s - (n + 1) for i in range(n - 1)] + [sp.Mul(*x) - 1]


def discrete_boundary_value(x):
    n = len(x)
    h = 1 / (n + 1)
    xx = [0] + list(x) + [0]
    return [2 * xx[i] - xx[i - 1] - xx[i + 1] + h ** 2 * (xx[i] + i * h + 1) ** 3 / 2 for i in rng(1, n)]


def discrete_integral_equation(x):
    n = len(x)
    h = 1 / (n + 1)
    t = [j * h for j in rng(1, n)]
    cube = [(x[j] + t[j] + 1) ** 3 for j in range(n)]
    r = []
    for i in range(n):
        low = sum(t[j] * cube[j] for j in range(i + 1))
        high = sum((1 - t[j]) * cube[j] for j in range(i + 1, n))
        r.append(x[i] + h * ((1 - t[i]) * low + t[i] * high) / 2)
    return r


def broyden_tridiagonal(x):
    n = len(x)
    xx = [0] + list(x) + [0]
    return [(3 - 2 * xx[i]) * xx[i] - xx[i - 1] - 2 * xx[i + 1] + 1 for i in rng(1, n)]


def broyden_banded(x):
    n = len(x)
    r = []
    for i in rng(1, n):
        band = [j for j in rng(max(1, i - 5), min(n, i + 1)) if j != i]
        r.append(x[i - 1] * (2 + 5 * x[i - 1] ** 2) + 1 - sum(x[j - 1] * (1 + x[j - 1]) for j in band))
    return r


def linear_full_rank(x, m=MGH_LINEAR_M):
    n, s = len(x), sum(x)
    return [x[i] - 2 * s / m - 1 for i in range(n)] + [-2 * s / m - 1 for _ in range(n, m)]


def linear_rank1(x, m=MGH_LINEAR_M):
    s = sum(j * x[j - 1] for j in rng(1, len(x)))
    return [i * s - 1 for i in rng(1, m)]


def linear_rank1_zero(x, m=MGH_LINEAR_M):
    n = len(x)
    s = sum(j * x[j - 1] for j in rng(2, n - 1))
    return [sp.Integer(-1)] + [(i - 1) * s - 1 for i in rng(2, m - 1)] + [sp.Integer(-1)]


def chebyquad(x):
    n = len(x)
    r = []
    y = [2 * xj - 1 for xj in x]
    prev, cur = [sp.Integer(1)] * n, y
    for i in rng(1, n):
        integral = 0 if i % 2 == 1 else -1 / (i * i - 1)
        r.append(sum(cur) / n - integral)
        prev, cur = cur, [2 * y[j] * cur[j] - prev[j] for j in range(n)]
    return r


RESIDUALS = {1: rosenbrock, 2: freudenstein_roth, 3: powell_badly_scaled, 4: brown_badly_scaled, 5: beale,
             6: jennrich_sampson, 7: helical_valley, 8: bard, 9: gaussian, 10: meyer, 11: gulf, 12: box,
             13: powell_singular, 14: wood, 15: kowalik_osborne, 16: brown_dennis, 17: osborne1, 18: biggs_exp6,
             21: extended_rosenbrock, 22: extended_powell, 23: penalty1, 24: penalty2, 25: variably_dimensioned,
             26: trigonometric, 27: brown_almost_linear, 28: discrete_boundary_value,
             29: discrete_integral_equation, 30: broyden_tridiagonal, 31: broyden_banded, 32: linear_full_rank,
             33: linear_rank1, 34: linear_rank1_zero, 35: chebyquad}


def compile_problem(number, n):
    """f, gradient, Hessian and Hessian-vector product of problem `number`, exact, as NumPy functions."""
    # not x0, x1, …: those are the names lambdify's common-subexpression elimination gives its temporaries
    x = sp.symbols(f"v0:{n}", real=True)
    f = sum(r ** 2 for r in RESIDUALS[number](list(x)))
    grad = [sp.diff(f, xi) for xi in x]
    hess = sp.hessian(f, x)
    f_n = sp.lambdify([x], f, "numpy", cse=True)
    g_n = sp.lambdify([x], grad, "numpy", cse=True)
    h_n = sp.lambdify([x], hess, "numpy", cse=True)
    fun = lambda v: float(f_n(v))
    jac = lambda v: np.asarray(g_n(v), dtype=float).reshape(n)
    hes = lambda v: np.asarray(h_n(v), dtype=float).reshape(n, n)
    return fun, jac, hes, lambda v, p: hes(v) @ p


def options(method):
    if method == "Newton-CG":
        return {"maxiter": 1000}
    return {"gtol": 1e-5, "maxiter": 1000}


def run(method, fun, jac, hes, hessp, x0):
    kwargs = {"jac": jac}
    if method in ("Newton-CG", "trust-ncg"):
        kwargs["hessp"] = hessp
    elif method == "trust-exact":
        kwargs["hess"] = hes
    try:
        with np.errstate(all="ignore"):
            res = minimize(fun, x0, method=method, options=options(method), **kwargs)
        status = f"{res.status} {str(res.message)[:60]}".strip()
        return {"fun": float(res.fun), "nfev": int(res.get("nfev", 0)), "njev": int(res.get("njev", 0)),
                "nhev": int(res.get("nhev", 0)), "nit": int(res.get("nit", 0)), "status": status}
    except Exception as e:  # a run that raises is a result too: count it
        return {"fun": float("nan"), "nfev": 0, "njev": 0, "nhev": 0, "nit": 0,
                "status": f"EXCEPTION {type(e).__name__}"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", default="examples/target/benchmarks/mgh-problems.json")
    parser.add_argument("--output", default="examples/target/benchmarks/scipy-minimize.json")
    args = parser.parse_args()
    with open(args.problems, encoding="utf-8") as fh:
        problems = json.load(fh)
    print(f"SciPy {scipy.__version__}, SymPy {sp.__version__}, NumPy {np.__version__}", file=sys.stderr)
    lines, mismatches = [], []
    for p in problems:
        fun, jac, hes, hessp = compile_problem(p["number"], p["n"])
        x0 = np.array(p["x0"], dtype=float)
        f0 = fun(x0)
        print(f"{p['name']}: f(x0) = {f0!r} (Java {p['f0']!r})", file=sys.stderr)
        if not math.isclose(f0, p["f0"], rel_tol=1e-12, abs_tol=1e-300):
            mismatches.append(p["name"])
            continue
        for method in METHODS:
            r = run(method, fun, jac, hes, hessp, x0)
            r["solved"] = r["fun"] - p["fStar"] <= TAU * max(1.0, abs(p["fStar"]))
            lines.append(json.dumps({"method": method, "problem": p["number"], **r}))
    if mismatches:
        sys.exit("f(x0) differs from Java's on: " + ", ".join(mismatches))
    with open(args.output, "w", encoding="utf-8") as fh:
        fh.write("[\n" + ",\n".join(lines) + "\n]\n")
    summarize([json.loads(line) for line in lines], len(problems))


def summarize(rows, total):
    print("| method | solved | median nfev | median njev | median nhev |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for method in METHODS:
        solved = [r for r in rows if r["method"] == method and r["solved"]]
        med = lambda k: statistics.median(r[k] for r in solved) if solved else float("nan")
        print(f"| {method} | {len(solved)}/{total} | {med('nfev')} | {med('njev')} | {med('nhev')} |")


if __name__ == "__main__":
    main()
