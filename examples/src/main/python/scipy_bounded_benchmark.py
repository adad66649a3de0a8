#!/usr/bin/env python3
"""SciPy's L-BFGS-B on the bounded problems of Adjoint's bounded benchmark.

The problems are those of org.adjoint.optim.minimize.bounded.BoundedProblems: Moré–Garbow–Hillstrom
problems with bounds. Their functions are the SymPy transcriptions of scipy_minimize_benchmark.py
(imported from it: exact gradients by symbolic differentiation). Starting points, bounds and f* are
read from the file the Java runner writes (bounded-problems.json), and each problem's f(x0) here is
checked against Java's: a mismatch means a transcription error, and the script stops.

Options: SciPy 1.10's defaults for L-BFGS-B (maxcor 10, gtol 1e-5 on the projected gradient's
infinity norm, ftol 2.220446049250313e-09 on the relative reduction of f, maxiter and maxfun 15000,
maxls 20); --tight uses gtol 1e-10 and ftol 0 instead, to find f*. SciPy projects a start outside
the bounds onto them without a word; so does Adjoint, which says so in its result's message.

    /usr/bin/python3 examples/src/main/python/scipy_bounded_benchmark.py \
        [--problems examples/target/benchmarks/bounded-problems.json] \
        [--output examples/target/benchmarks/scipy-bounded.json] [--tight]
"""
import argparse
import json
import math
import os
import statistics
import sys

import numpy as np
import scipy
from scipy.optimize import minimize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scipy_minimize_benchmark import compile_problem  # noqa: E402  (the SymPy transcriptions)


def run(fun, jac, x0, bounds, tight):
    options = {"gtol": 1e-10, "ftol": 0.0, "maxiter": 15000} if tight else {}
    with np.errstate(all="ignore"):
        res = minimize(fun, x0, jac=jac, method="L-BFGS-B", bounds=bounds, options=options)
    return {"fun": float(res.fun), "x": [float(v) for v in res.x], "nfev": int(res.nfev), "njev": int(res.njev),
            "nit": int(res.nit), "status": f"{res.status} {str(res.message)[:60]}".strip()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", default="examples/target/benchmarks/bounded-problems.json")
    parser.add_argument("--output", default="examples/target/benchmarks/scipy-bounded.json")
    parser.add_argument("--tight", action="store_true", help="gtol 1e-10, ftol 0: print f* to 17 digits")
    args = parser.parse_args()
    with open(args.problems, encoding="utf-8") as fh:
        problems = json.load(fh)
    print(f"SciPy {scipy.__version__}, NumPy {np.__version__}", file=sys.stderr)
    lines, mismatches = [], []
    for index, p in enumerate(problems):
        fun, jac, _, _ = compile_problem(p["number"], p["n"])
        x0 = np.array(p["x0"], dtype=float)
        f0 = fun(x0)
        if not math.isclose(f0, p["f0"], rel_tol=1e-12, abs_tol=1e-300):
            mismatches.append(p["name"])
            continue
        bounds = list(zip(p["lower"], p["upper"]))
        r = run(fun, jac, x0, bounds, args.tight)
        print(f"{p['name']}: f = {r['fun']!r}, nfev = {r['nfev']}, {r['status']}", file=sys.stderr)
        lines.append(json.dumps({"problem": index, "name": p["name"], **r}))
    if mismatches:
        sys.exit("f(x0) differs from Java's on: " + ", ".join(mismatches))
    with open(args.output, "w", encoding="utf-8") as fh:
        fh.write("[\n" + ",\n".join(lines) + "\n]\n")
    rows = [json.loads(line) for line in lines]
    print(f"median nfev {statistics.median(r['nfev'] for r in rows)} over {len(rows)} problems")


if __name__ == "__main__":
    main()
