#!/usr/bin/env python3
"""Reference values of torch 1.13's einsum (float64), for Adjoint's EinsumTorchTest.

For each case it writes the operands x0, x1, ..., the result y, a cotangent ybar, the gradients g0, ...
of <y, ybar> with respect to each operand, directions u0, ..., and the second-order products h0, ...:
the gradients of sum_i <g_i, u_i> with respect to each operand (a Hessian-vector product of <y, ybar>).
Entries are "<case>.<name>". The Java test holds the same table of specs.

Run by hand:

    /usr/bin/python3 examples/src/main/python/torch_einsum_reference.py \
        --output autodiff/src/test/resources/torch/einsum_1_13.npz
"""
import argparse

import numpy as np
import torch

torch.set_default_dtype(torch.float64)

# name -> (spec, operand shapes)
CASES = {
    "matmul": ("ij,jk->ik", [(3, 4), (4, 5)]),
    "matmul_implicit": ("ij,jk", [(3, 4), (4, 2)]),
    "batched": ("bij,bjk->bik", [(2, 3, 4), (2, 4, 5)]),
    "attention": ("bhqd,bhkd->bhqk", [(2, 3, 4, 5), (2, 3, 6, 5)]),
    "outer": ("i,j->ij", [(3,), (4,)]),
    "dot": ("i,i->", [(5,), (5,)]),
    "transpose": ("ij->ji", [(3, 4)]),
    "transpose_implicit": ("ba", [(3, 4)]),
    "sum": ("ij->", [(3, 4)]),
    "row_sums": ("ij->i", [(3, 4)]),
    "bilinear": ("i,ij,j->", [(3,), (3, 4), (4,)]),
    "chain": ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 2)]),
    "two_indices": ("ijk,jkl->il", [(2, 3, 4), (3, 4, 5)]),
    "hadamard": ("ij,ij->ij", [(3, 4), (3, 4)]),
    "batched_dot": ("bi,bi->b", [(4, 5), (4, 5)]),
    "upper_case": ("aB,Bc->ca", [(3, 4), (4, 2)]),
    "trace": ("ii", [(4, 4)]),
    "diagonal": ("ii->i", [(4, 4)]),
    "diagonal_mixed": ("iji->ij", [(3, 4, 3)]),
    "scalar_operand": ("i,->i", [(4,), ()]),
    "ellipsis_batched": ("...ij,...jk->...ik", [(2, 1, 3, 4), (5, 4, 2)]),
    "ellipsis_summed": ("...ij->ij", [(2, 3, 4, 5)]),
    "ellipsis_implicit": ("i...,i...", [(3, 2, 4), (3, 1, 4)]),
}


def case_entries(out, name, spec, shapes, gen):
    xs = [torch.randn(s, generator=gen, requires_grad=True) for s in shapes]
    y = torch.einsum(spec, *xs)
    ybar = torch.randn(y.shape, generator=gen)
    gs = torch.autograd.grad((y * ybar).sum(), xs, create_graph=True)
    us = [torch.randn(s, generator=gen) for s in shapes]
    inner = sum((g * u).sum() for g, u in zip(gs, us))
    # one operand: einsum is linear, its gradient does not depend on x and the second order is zero
    hs = torch.autograd.grad(inner, xs, allow_unused=True) if inner.requires_grad else [None] * len(xs)
    hs = [torch.zeros(s) if h is None else h for h, s in zip(hs, shapes)]
    out[name + ".y"] = y.detach().numpy()
    out[name + ".ybar"] = ybar.numpy()
    for i, (x, g, u, h) in enumerate(zip(xs, gs, us, hs)):
        out[f"{name}.x{i}"] = x.detach().numpy()
        out[f"{name}.g{i}"] = g.detach().numpy()
        out[f"{name}.u{i}"] = u.numpy()
        out[f"{name}.h{i}"] = h.detach().numpy()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    gen = torch.Generator().manual_seed(21)
    out = {}
    for name, (spec, shapes) in CASES.items():
        case_entries(out, name, spec, shapes, gen)
    # copy(order="C"): torch returns some gradients transposed in memory (Fortran order), which the
    # Java reader refuses; np.ascontiguousarray would also turn 0-d arrays into 1-d ones
    np.savez(args.output, **{k: v.copy(order="C") for k, v in out.items()})
    print(f"{len(CASES)} cases, torch {torch.__version__}, written to {args.output}")


if __name__ == "__main__":
    main()
