#!/usr/bin/env python3
"""Reference values and derivatives from PyTorch 1.13 (float64) for Adjoint's issue-21 ops and losses.

Writes one .npz that autodiff/src/test/java/org/adjoint/autodiff/TorchReferenceTest.java replays:

- activations: for x on a grid, entry "<op>.x", "<op>.y" (value), "<op>.dy" (first derivative) and
  "<op>.d2y" (second derivative), elementwise;
- cumsum and batched matmul: inputs, value, and the gradients of sum(w * y) for a fixed weight w;
- losses: inputs, value, and the gradient with respect to each differentiable input.

Integer labels are stored as float64. Run by hand:

    /usr/bin/python3 examples/src/main/python/torch_elementwise_losses_reference.py \
        --output autodiff/src/test/resources/torch/elementwise_losses_1_13.npz
"""
import argparse

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(21)
out = {}


def t(a, grad=True):
    return torch.tensor(np.asarray(a, dtype=np.float64), requires_grad=grad)


def put(name, value):
    out[name] = np.asarray(value.detach().numpy() if torch.is_tensor(value) else value, dtype=np.float64)


GRID = np.concatenate([np.linspace(-6, 6, 49), [-1e-9, 1e-9, 0.3e-4, -2.5e-6]])
ACTIVATIONS = {
    "log1p": (np.concatenate([np.linspace(-0.9, 5, 30), [1e-12, -1e-9]]), torch.log1p),
    "expm1": (GRID, torch.expm1),
    "softplus": (GRID, F.softplus),
    "softplus_beta2": (GRID, lambda x: F.softplus(x, beta=2.0)),
    "erf": (GRID, torch.erf),
    "gelu": (GRID, F.gelu),
    "gelu_tanh": (GRID, lambda x: F.gelu(x, approximate="tanh")),
    "silu": (GRID, F.silu),
    "leaky_relu": (GRID, lambda x: F.leaky_relu(x, 0.1)),
    "elu": (GRID, lambda x: F.elu(x, 1.3)),
}


def activations():
    for name, (grid, f) in ACTIVATIONS.items():
        x = t(grid)
        y = f(x)
        (dy,) = torch.autograd.grad(y.sum(), x, create_graph=True)
        (d2y,) = torch.autograd.grad(dy.sum(), x)
        put(name + ".x", x), put(name + ".y", y), put(name + ".dy", dy), put(name + ".d2y", d2y)


def weighted(name, f, *inputs):
    xs = [t(a) for a in inputs]
    y = f(*xs)
    w = t(rng.normal(size=y.shape), grad=False)
    grads = torch.autograd.grad((w * y).sum(), xs)
    for i, (x, g) in enumerate(zip(xs, grads)):
        put(f"{name}.x{i}", x), put(f"{name}.g{i}", g)
    put(name + ".w", w), put(name + ".y", y)


def products():
    weighted("cumsum0", lambda x: torch.cumsum(x, 0), rng.normal(size=(3, 4)))
    weighted("cumsum1", lambda x: torch.cumsum(x, -1), rng.normal(size=(2, 3, 4)))
    weighted("matmul_batch", torch.matmul, rng.normal(size=(2, 1, 3, 4)), rng.normal(size=(3, 4, 2)))
    weighted("matmul_vector_left", torch.matmul, rng.normal(size=4), rng.normal(size=(2, 4, 3)))
    weighted("matmul_vector_right", torch.matmul, rng.normal(size=(2, 3, 4)), rng.normal(size=4))
    weighted("matmul_matrix_stack", torch.matmul, rng.normal(size=(3, 4)), rng.normal(size=(2, 4, 2)))


def loss(name, f, differentiable, **data):
    xs = [t(a) for a in differentiable]
    y = f(*xs)
    grads = torch.autograd.grad(y, xs)
    for i, (x, g) in enumerate(zip(xs, grads)):
        put(f"{name}.x{i}", x), put(f"{name}.g{i}", g)
    for key, value in data.items():
        put(f"{name}.{key}", value)
    put(name + ".y", y)


def losses():
    x = 3 * rng.normal(size=(5, 3))
    x[0, 0], x[1, 1] = 40.0, -40.0
    y = rng.uniform(size=(5, 3))
    pw = np.array([0.5, 2.0, 3.0])
    loss("bce", F.binary_cross_entropy_with_logits, [x, y])
    loss("bce_pos_weight", lambda a, b: F.binary_cross_entropy_with_logits(a, b, pos_weight=t(pw, False)), [x, y], pw=pw)

    labels = np.array([0, 3, 1, 1, 2, 3])
    weights = np.array([0.2, 1.0, 2.5, 0.7])
    logp = F.log_softmax(t(rng.normal(size=(6, 4)), False), dim=1).numpy()
    lab = torch.tensor(labels)
    loss("nll", lambda a: F.nll_loss(a, lab), [logp], labels=labels)
    loss("nll_weighted", lambda a: F.nll_loss(a, lab, weight=t(weights, False)), [logp], labels=labels, weights=weights)

    p, q = rng.normal(size=(4, 5)), rng.normal(size=(4, 5))
    p[0, 0], q[0, 0] = 0.25, -0.45  # |d| = 0.7 exactly is not representable; near the switch instead
    loss("huber", lambda a, b: F.huber_loss(a, b, delta=0.7), [p, q])
    loss("smooth_l1", lambda a, b: F.smooth_l1_loss(a, b, beta=0.7), [p, q])
    loss("smooth_l1_beta0", lambda a, b: F.smooth_l1_loss(a, b, beta=0.0), [p, q])

    logq = F.log_softmax(t(rng.normal(size=(4, 5)), False), dim=1).numpy()
    target = rng.uniform(size=(4, 5))
    target[0, 1], target[2, 3], target[2, 4] = 0, 0, 0
    target /= target.sum(axis=1, keepdims=True)
    loss("kl", lambda a, b: F.kl_div(a, b, reduction="batchmean"), [logq, target])

    scores = 2 * rng.normal(size=(6, 4))
    loss("ce_smooth", lambda a: F.cross_entropy(a, lab, label_smoothing=0.1), [scores], labels=labels)
    loss("ce_weighted", lambda a: F.cross_entropy(a, lab, weight=t(weights, False)), [scores],
         labels=labels, weights=weights)
    loss("ce_weighted_smooth", lambda a: F.cross_entropy(a, lab, weight=t(weights, False), label_smoothing=0.2),
         [scores], labels=labels, weights=weights)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    activations()
    products()
    losses()
    np.savez(args.output, **out)
    print(f"torch {torch.__version__}: {len(out)} arrays written to {args.output}")


if __name__ == "__main__":
    main()
