#!/usr/bin/env python3
"""Reference values and gradients of PyTorch 1.13's embedding, layer norm and batch norm, for Adjoint.

Writes an .npz that autodiff/src/test/java/org/adjoint/nn/layers/TorchNormalizationTest.java replays
with Adjoint's layers. Everything in float64. Each case stores its inputs (x, parameters, an upstream
cotangent g) and torch's outputs: y, and the gradients of sum(y * g) with respect to x and the
parameters; batch norm also stores the running statistics after the training pass and the output of
an evaluation pass that uses them. Embedding indices are stored as float64 (whole numbers).

Run by hand:

    /usr/bin/python3 examples/src/main/python/torch_norm_reference.py \
        --output autodiff/src/test/resources/torch/norm_1_13.npz
"""
import argparse

import numpy as np
import torch

torch.set_default_dtype(torch.float64)


def grads(y, g, *tensors):
    return torch.autograd.grad((y * g).sum(), tensors)


def batch_norm(arrays, name, module, shape):
    x = torch.randn(*shape, requires_grad=True)
    with torch.no_grad():
        module.weight.copy_(torch.rand(module.num_features) + 0.5)
        module.bias.copy_(torch.randn(module.num_features))
        module.running_mean.copy_(torch.randn(module.num_features))
        module.running_var.copy_(torch.rand(module.num_features) + 0.5)
    arrays[f"{name}.running_mean0"] = module.running_mean.numpy().copy()
    arrays[f"{name}.running_var0"] = module.running_var.numpy().copy()
    module.train()
    y = module(x)
    g = torch.randn(*y.shape)
    dx, dw, db = grads(y, g, x, module.weight, module.bias)
    module.eval()
    y_eval = module(x)
    for key, value in dict(x=x, weight=module.weight, bias=module.bias, g=g, y=y, dx=dx, dweight=dw, dbias=db,
                           running_mean=module.running_mean, running_var=module.running_var,
                           num_batches_tracked=module.num_batches_tracked.double(), y_eval=y_eval).items():
        arrays[f"{name}.{key}"] = value.detach().numpy().astype(np.float64)


def layer_norm(arrays):
    module = torch.nn.LayerNorm([3, 4])
    with torch.no_grad():
        module.weight.copy_(torch.rand(3, 4) + 0.5)
        module.bias.copy_(torch.randn(3, 4))
    x = torch.randn(2, 3, 4, requires_grad=True)
    y = module(x)
    g = torch.randn(*y.shape)
    dx, dw, db = grads(y, g, x, module.weight, module.bias)
    for key, value in dict(x=x, weight=module.weight, bias=module.bias, g=g, y=y, dx=dx, dweight=dw,
                           dbias=db).items():
        arrays[f"layer_norm.{key}"] = value.detach().numpy()


def embedding(arrays):
    module = torch.nn.Embedding(5, 3)
    indices = torch.tensor([[0, 2, 0], [4, 2, 2]])
    y = module(indices)
    g = torch.randn(*y.shape)
    (dw,) = grads(y, g, module.weight)
    for key, value in dict(weight=module.weight, g=g, y=y, dweight=dw).items():
        arrays[f"embedding.{key}"] = value.detach().numpy()
    arrays["embedding.indices"] = indices.numpy().astype(np.float64)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True, help="the .npz to write")
    args = parser.parse_args()
    torch.manual_seed(21)
    arrays = {}
    batch_norm(arrays, "batch_norm_2d", torch.nn.BatchNorm2d(3), (4, 3, 2, 5))
    batch_norm(arrays, "batch_norm_1d", torch.nn.BatchNorm1d(3), (6, 3))
    layer_norm(arrays)
    embedding(arrays)
    np.savez(args.output, **arrays)
    print(f"torch {torch.__version__}: {len(arrays)} arrays -> {args.output}")


if __name__ == "__main__":
    main()
