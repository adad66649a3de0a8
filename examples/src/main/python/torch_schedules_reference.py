#!/usr/bin/env python3
"""PyTorch's learning-rate factors for TorchScheduleReferenceTest (org.adjoint.optim.schedule).

Runs OneCycleLR, CosineAnnealingWarmRestarts, PolynomialLR and ReduceLROnPlateau on an SGD optimizer
whose base learning rate is 1 (OneCycleLR's max_lr is 1), so each learning rate is the factor an
Adjoint schedule must give. Each line is `case value value ...`: for the step schedules the rate used
by updates 0, 1, 2, ... (read before each optimizer step, scheduler stepped after it); for
ReduceLROnPlateau the rate after 0, 1, 2, ... observations of the metric sequence on the line
`plateau_metric`. Values print with repr, which round-trips through Double.parseDouble.

    /usr/bin/python3 examples/src/main/python/torch_schedules_reference.py \\
        > optim/src/test/resources/torch/schedules.txt

Debian's python3-torch 1.13 produced the committed file.
"""
import math

import torch
from torch.optim import lr_scheduler


def sgd():
    return torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1.0)


def per_step(make, steps):
    opt = sgd()
    sched = make(opt)
    rates = []
    for _ in range(steps):
        rates.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return rates


def one_cycle(total, **kw):
    return per_step(lambda o: lr_scheduler.OneCycleLR(o, max_lr=1.0, total_steps=total, cycle_momentum=False, **kw),
                    total)


STEP_CASES = {
    "one_cycle_100": lambda: one_cycle(100),
    "one_cycle_100_linear": lambda: one_cycle(100, anneal_strategy="linear"),
    "one_cycle_37_three_phase": lambda: one_cycle(37, pct_start=0.25, div_factor=10.0, final_div_factor=100.0,
                                                  three_phase=True),
    "one_cycle_1000_three_phase_linear": lambda: one_cycle(1000, pct_start=0.45, anneal_strategy="linear",
                                                           three_phase=True),
    "warm_restarts_10_1": lambda: per_step(lambda o: lr_scheduler.CosineAnnealingWarmRestarts(o, 10), 35),
    "warm_restarts_5_2_min": lambda: per_step(
        lambda o: lr_scheduler.CosineAnnealingWarmRestarts(o, 5, T_mult=2, eta_min=0.05), 160),
    "warm_restarts_3_3_min": lambda: per_step(
        lambda o: lr_scheduler.CosineAnnealingWarmRestarts(o, 3, T_mult=3, eta_min=0.1), 200),
    "polynomial_20_1": lambda: per_step(lambda o: lr_scheduler.PolynomialLR(o, total_iters=20, power=1.0), 25),
    "polynomial_20_2": lambda: per_step(lambda o: lr_scheduler.PolynomialLR(o, total_iters=20, power=2.0), 25),
    "polynomial_50_0.9": lambda: per_step(lambda o: lr_scheduler.PolynomialLR(o, total_iters=50, power=0.9), 55),
}

# A metric that falls, stalls, improves by less than the thresholds, rises, then falls again.
METRIC = [1.0, 0.8, 0.7, 0.7, 0.69995, 0.71, 0.72, 0.7, 0.65, 0.64999, 0.649, 0.66, 0.67, 0.68, 0.5, 0.5, 0.5,
          0.5, 0.49, 0.495, 0.5, 0.51, 0.52, 0.4, 0.41, 0.42, 0.43, 0.44, 0.45, 0.46, 0.47, 0.3, 0.31, 0.32,
          0.33, 0.34, 0.35, 0.36, 0.37, 0.38, 0.39, 0.4, 0.41, 0.42, 0.43, 0.2]

PLATEAU_CASES = {
    "plateau_defaults": dict(),
    "plateau_min_rel": dict(factor=0.5, patience=2),
    "plateau_min_abs_cooldown": dict(factor=0.5, patience=1, threshold=0.005, threshold_mode="abs", cooldown=2),
    "plateau_max_rel_min": dict(mode="max", factor=0.3, patience=0, threshold=0.01, min_lr=0.05),
    "plateau_max_abs": dict(mode="max", factor=0.7, patience=3, threshold=0.02, threshold_mode="abs", cooldown=1),
    "plateau_min_floor": dict(factor=0.1, patience=0, min_lr=0.001),
}


def plateau(metrics, **kw):
    opt = sgd()
    sched = lr_scheduler.ReduceLROnPlateau(opt, **kw)
    rates = [opt.param_groups[0]["lr"]]
    for m in metrics:
        sched.step(m)
        rates.append(opt.param_groups[0]["lr"])
    return rates


def line(name, values):
    assert all(math.isfinite(v) for v in values), name
    return name + " " + " ".join(repr(float(v)) for v in values)


def main():
    print("# PyTorch " + torch.__version__ + " learning-rate factors; written by"
          " examples/src/main/python/torch_schedules_reference.py (do not edit)")
    for name, run in STEP_CASES.items():
        print(line(name, run()))
    print(line("plateau_metric", METRIC))
    for name, kw in PLATEAU_CASES.items():
        print(line(name, plateau(METRIC, **kw)))


if __name__ == "__main__":
    main()
