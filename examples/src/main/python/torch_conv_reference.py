#!/usr/bin/env python3
"""Reference values of torch 1.13's conv2d, conv1d and pooling (float64), for Adjoint's ConvTorchTest.

For each configuration it writes the inputs, the output, the gradients of <y, ybar> with respect to
every input, and one second-order quantity: the gradient with respect to the weight (and the output
cotangent) of <xbar, u>, where xbar is the input gradient and u a fixed direction (a mixed Hessian-vector
product: the derivative of the transposed convolution). Entries are "<config>.<name>".
Max pooling uses small integers so that windows contain ties: torch gives each output's cotangent to
the first maximum of its window, which the Java test checks exactly.

Run by hand:

    /usr/bin/python3 examples/src/main/python/torch_conv_reference.py \
        --output autodiff/src/test/resources/torch/conv_1_13.npz
"""
import argparse

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

# name -> (input shape, weight shape, keyword arguments of conv2d / conv1d)
CONV2D = {
    "basic": ((2, 3, 7, 6), (4, 3, 3, 3), dict(stride=1, padding=0)),
    "stride2_pad1": ((2, 2, 8, 7), (3, 2, 3, 3), dict(stride=2, padding=1)),
    "dilation2": ((1, 2, 9, 8), (2, 2, 3, 3), dict(stride=1, padding=2, dilation=2)),
    "groups2": ((2, 4, 6, 5), (6, 2, 3, 2), dict(stride=1, padding=1, groups=2)),
    "depthwise": ((2, 3, 7, 7), (6, 1, 3, 3), dict(stride=2, padding=1, groups=3)),
    "same_even": ((2, 2, 6, 7), (3, 2, 2, 4), dict(padding="same")),
    "same_dilated": ((1, 2, 7, 6), (2, 2, 3, 3), dict(padding="same", dilation=2)),
}
CONV1D = {
    "conv1d": ((2, 3, 9), (2, 3, 3), dict(stride=2, padding=1)),
    "conv1d_same": ((2, 2, 8), (4, 2, 4), dict(padding="same")),
}


def conv_entries(out, name, fn, x_shape, w_shape, kwargs, gen):
    x = torch.randn(x_shape, generator=gen, requires_grad=True)
    w = torch.randn(w_shape, generator=gen, requires_grad=True)
    b = torch.randn(w_shape[0], generator=gen, requires_grad=True)
    y = fn(x, w, b, **kwargs)
    ybar = torch.randn(y.shape, generator=gen, requires_grad=True)
    xbar, wbar, bbar = torch.autograd.grad((y * ybar).sum(), (x, w, b), create_graph=True)
    u = torch.randn(x_shape, generator=gen)
    hw, hybar = torch.autograd.grad((xbar * u).sum(), (w, ybar))
    for key, value in dict(x=x, w=w, b=b, y=y, ybar=ybar, xbar=xbar, wbar=wbar, bbar=bbar, u=u,
                           hw=hw, hybar=hybar).items():
        out[name + "." + key] = value.detach().numpy()


def pool_entries(out, name, fn, x, gen):
    x = x.clone().requires_grad_(True)
    y = fn(x)
    ybar = torch.randn(y.shape, generator=gen)
    (xbar,) = torch.autograd.grad((y * ybar).sum(), (x,))
    for key, value in dict(x=x, y=y, ybar=ybar, xbar=xbar).items():
        out[name + "." + key] = value.detach().numpy()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    gen = torch.Generator().manual_seed(21)
    out = {}
    for name, (xs, ws, kw) in CONV2D.items():
        conv_entries(out, name, F.conv2d, xs, ws, kw, gen)
    for name, (xs, ws, kw) in CONV1D.items():
        conv_entries(out, name, F.conv1d, xs, ws, kw, gen)
    ties = torch.randint(0, 3, (2, 2, 7, 6), generator=gen).double()
    pool_entries(out, "maxpool_ties", lambda x: F.max_pool2d(x, 3, stride=2, padding=1), ties, gen)
    pool_entries(out, "maxpool_overlap", lambda x: F.max_pool2d(x, 2, stride=1), ties, gen)
    smooth = torch.randn((2, 3, 7, 6), generator=gen)
    pool_entries(out, "avgpool", lambda x: F.avg_pool2d(x, 3, stride=2, padding=1), smooth, gen)
    pool_entries(out, "adaptive", lambda x: F.adaptive_avg_pool2d(x, (3, 4)), smooth, gen)
    np.savez(args.output, **out)
    print("wrote", len(out), "arrays to", args.output, "with torch", torch.__version__)


if __name__ == "__main__":
    main()
