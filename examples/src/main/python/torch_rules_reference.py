#!/usr/bin/env python3
"""Reference trajectories of torch.optim's update rules, for Adjoint's trajectory-fidelity test.

Runs each rule of PyTorch 1.13 (Debian's python3-torch) that Adjoint also has for 200 steps on one
small fixed problem in float64, and writes every iterate to an .npz that the test
optim/src/test/java/org/adjoint/optim/rules/TorchTrajectoryTest.java replays with Adjoint's rules.

The problem: parameters W (2x3) and b (3), and a Rosenbrock-like coupled loss

    f(W, b) = sum_ij (1 - W_ij)^2 + C * (b_j - W_ij^2)^2,      C = 10,

whose gradient changes in size and sign along the way. The gradient is set from its closed form
(not by autograd), written with the same operations in the same order as the Java test, so both
sides see bit-identical gradients at bit-identical iterates and any difference comes from the rules.

Each rule runs twice, through torch 1.13's single-tensor code (foreach=False) and its multi-tensor
code (foreach=True); they agree except where 1.13 has a defect that 2.0 fixed: NAdam's single-tensor
path multiplies mu_t into the product twice (pytorch/pytorch#92699), RAdam's foreach path drops eps
(pytorch/pytorch#92551). The test compares with the other path there.

The hyperparameters are chosen so that the trajectory is well conditioned: starting from W perturbed
by 1 part in 1e15 moves torch's own trajectory by at most MAX_SENSITIVITY (relative, at any step),
so the rounding differences between two correct implementations (a few units in the last place per
step) stay far below the test's 1e-10. (RMSprop at lr 1e-3 on this problem amplifies such a
perturbation to 1e-6 within 200 steps: there no implementation could be checked to 1e-10.) The
script refuses a configuration that breaks this.

Entry "<rule>.<impl>" holds a 201 x 9 array: row t is the iterate after t steps, W row-major, then b.
Run by hand:

    /usr/bin/python3 examples/src/main/python/torch_rules_reference.py \
        --output optim/src/test/resources/torch/rules_1_13.npz
"""
import argparse

import numpy as np
import torch

torch.set_default_dtype(torch.float64)

STEPS = 200
MAX_SENSITIVITY = 2e-11
C = 10.0
W0 = [[-1.2, 0.5, 1.5], [0.3, -0.7, 2.0]]
B0 = [0.5, -1.0, 1.2]

# name -> (torch class, keyword arguments); the Java test builds the same rules under the same names.
RULES = {
    "sgd": (torch.optim.SGD, dict(lr=1e-3)),
    "sgd_momentum": (torch.optim.SGD, dict(lr=1e-3, momentum=0.9, dampening=0.1, weight_decay=0.01)),
    "sgd_nesterov": (torch.optim.SGD, dict(lr=1e-3, momentum=0.9, nesterov=True, weight_decay=0.01)),
    "adam": (torch.optim.Adam, dict(lr=1e-2, betas=(0.9, 0.99), eps=1e-8, weight_decay=0.01)),
    "amsgrad": (torch.optim.Adam, dict(lr=1e-2, betas=(0.9, 0.99), eps=1e-8, weight_decay=0.01, amsgrad=True)),
    "adamw": (torch.optim.AdamW, dict(lr=1e-2, betas=(0.9, 0.99), eps=1e-8, weight_decay=0.1)),
    "adamax": (torch.optim.Adamax, dict(lr=1e-2, betas=(0.9, 0.99), eps=1e-8, weight_decay=0.01)),
    "nadam": (torch.optim.NAdam, dict(lr=1e-2, betas=(0.9, 0.99), eps=1e-8, weight_decay=0.01,
                                      momentum_decay=4e-3)),
    "radam": (torch.optim.RAdam, dict(lr=1e-2, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)),
    "radam_short": (torch.optim.RAdam, dict(lr=5e-3, betas=(0.8, 0.9), eps=1e-8)),
    "rmsprop": (torch.optim.RMSprop, dict(lr=3e-4, alpha=0.9, eps=1e-8, weight_decay=0.01, momentum=0.5)),
    "rmsprop_centered": (torch.optim.RMSprop, dict(lr=3e-4, alpha=0.9, eps=1e-8, weight_decay=0.01,
                                                   momentum=0.5, centered=True)),
    "adagrad": (torch.optim.Adagrad, dict(lr=0.1, lr_decay=0.01, weight_decay=0.01,
                                          initial_accumulator_value=0.1, eps=1e-10)),
    "adadelta": (torch.optim.Adadelta, dict(lr=1.0, rho=0.9, eps=1e-6, weight_decay=0.01)),
    "rprop": (torch.optim.Rprop, dict(lr=1e-2)),
    "rprop_bounded": (torch.optim.Rprop, dict(lr=0.05, etas=(0.4, 1.3), step_sizes=(1e-3, 0.2))),
}


def gradient(w, b):
    """The closed-form gradient of f, operation for operation as in the Java test."""
    r = b - w * w
    gw = -2.0 * (1.0 - w) - 4.0 * C * w * r
    gb = 2.0 * C * (r[0] + r[1])
    return gw, gb


def trajectory(cls, kwargs, foreach, scale=1.0):
    w = torch.tensor(W0).mul(scale).requires_grad_()
    b = torch.tensor(B0, requires_grad=True)
    opt = cls([w, b], foreach=foreach, **kwargs)
    rows = [torch.cat([w.detach().flatten(), b.detach()]).numpy().copy()]
    for _ in range(STEPS):
        gw, gb = gradient(w.detach(), b.detach())
        w.grad, b.grad = gw.clone(), gb.clone()
        opt.step()
        rows.append(torch.cat([w.detach().flatten(), b.detach()]).numpy().copy())
    out = np.array(rows, dtype=np.float64)
    if not np.all(np.isfinite(out)):
        raise SystemExit(f"{cls.__name__} {kwargs}: the trajectory left the finite numbers")
    return out


def sensitivity(cls, kwargs, reference):
    """The largest relative move of the trajectory when W starts 1 part in 1e15 away."""
    perturbed = trajectory(cls, kwargs, False, scale=1 + 1e-15)
    return float(np.max(np.abs(perturbed - reference) / np.maximum(np.abs(reference), 1e-6)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True, help="the .npz to write")
    args = parser.parse_args()
    arrays = {}
    for name, (cls, kwargs) in RULES.items():
        for impl, foreach in (("single", False), ("foreach", True)):
            arrays[f"{name}.{impl}"] = trajectory(cls, kwargs, foreach)
        moved = sensitivity(cls, kwargs, arrays[f"{name}.single"])
        if moved > MAX_SENSITIVITY:
            raise SystemExit(f"{name}: a 1e-15 perturbation of the start moves the trajectory by {moved:.1e}")
        print(f"{name:18s} sensitivity {moved:.1e}")
    np.savez(args.output, **arrays)
    print(f"torch {torch.__version__}: {len(arrays)} trajectories of {STEPS} steps -> {args.output}")


if __name__ == "__main__":
    main()
