#!/usr/bin/env python3
"""The Adjoint benchmark workloads in PyTorch, for a side-by-side comparison.

Same workloads as org.adjoint.examples.bench (see Workloads.java): float64, 2 threads, CPU.
Writes {"workload_key": median_milliseconds, ...} as JSON. Run by Benchmarks.java when Debian's
python3-torch is installed, or by hand:

    /usr/bin/python3 examples/src/main/python/torch_benchmarks.py --output torch.json
"""
import argparse
import json
import os
import re
import statistics
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(2)
torch.set_default_dtype(torch.float64)


def median_ms(fn, warmup_s, rounds, min_round_s):
    """Median time per call in milliseconds over `rounds` rounds, each at least `min_round_s` long."""
    end = time.perf_counter() + warmup_s
    while time.perf_counter() < end:
        fn()
    calls = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        if time.perf_counter() - t0 >= min_round_s / 4:
            break
        calls *= 2
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        samples.append((time.perf_counter() - t0) * 1e3 / calls)
    return statistics.median(samples)


def batch(n, features, classes, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(n, features, generator=g), torch.arange(n) % classes


def adam_step(inputs, hidden, outputs, batch_size, dtype=torch.float64):
    model = torch.nn.Sequential(torch.nn.Linear(inputs, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, outputs))
    for layer in (model[0], model[2]):
        torch.nn.init.kaiming_normal_(layer.weight)
        torch.nn.init.zeros_(layer.bias)
    model = model.to(dtype)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    x, y = batch(batch_size, inputs, outputs, 2)
    x = x.to(dtype)

    def step():
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
    return step


def softmax_classifier():
    x, y = batch(1797, 64, 10, 3)
    w = (torch.randn(10, 64) * 0.01).requires_grad_()
    b = torch.zeros(10, requires_grad=True)

    def forward_backward():
        loss = F.cross_entropy(x @ w.T + b, y)
        return torch.autograd.grad(loss, [w, b])
    return forward_backward


def conv2d_forward_backward(dtype):
    """Conv2dBenchmark: F.conv2d(x, w, b).sum().backward(), x (64, 1, 28, 28), w (32, 1, 3, 3), b (32)."""
    x = torch.randn(64, 1, 28, 28, dtype=dtype, requires_grad=True)
    w = torch.randn(32, 1, 3, 3, dtype=dtype, requires_grad=True)
    b = torch.randn(32, dtype=dtype, requires_grad=True)

    def step():
        return torch.autograd.grad(F.conv2d(x, w, b).sum(), [x, w, b])
    return step


def lenet_adam_step(dtype):
    """CnnTrainingStepBenchmark: one Adam step of the lenet example's CNN (PyTorch's default init), batch 64."""
    model = torch.nn.Sequential(
        torch.nn.Conv2d(1, 6, 5, padding=2), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(6, 16, 5), torch.nn.ReLU(), torch.nn.MaxPool2d(2), torch.nn.Flatten(),
        torch.nn.Linear(400, 120), torch.nn.ReLU(), torch.nn.Linear(120, 84), torch.nn.ReLU(),
        torch.nn.Linear(84, 10)).to(dtype)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    x, y = batch(64, 784, 10, 2)
    x = x.to(dtype).reshape(64, 1, 28, 28)

    def step():
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
    return step


def rosenbrock(x):
    pairs = x.reshape(-1, 2)
    odd, even = pairs[:, 0:1], pairs[:, 1:2]
    return (100 * (even - odd ** 2) ** 2 + (1 - odd) ** 2).sum()


def start(n):
    return torch.tensor([-1.2 if i % 2 == 0 else 1.0 for i in range(n)])


def scalar_loop(xs):
    f = torch.tensor(0.0)
    for i in range(0, len(xs) - 1, 2):
        a = xs[i] * xs[i]
        b = xs[i + 1] - a
        c = b * b
        d = 100 * c
        e = 1 - xs[i]
        g = e * e
        f = f + d
        f = f + g
    return f


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--output", required=True)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", default=".*", help="a regular expression: the workload keys to run")
    args = parser.parse_args()
    warmup, rounds, min_round = (0.3, 3, 0.2) if args.quick else (2.0, 9, 0.5)
    results = {}

    def measure(key, fn):
        if not re.fullmatch(args.only, key):
            return
        results[key] = median_ms(fn, warmup, rounds, min_round)
        print(f"  torch {key}: {results[key]:.4f} ms", flush=True)

    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads, float64")
    # Debian builds PyTorch against the generic libblas.so.3, which is whichever BLAS the
    # alternatives system selects (reference BLAS, or OpenBLAS when installed): say which.
    # The library actually loaded (LD_LIBRARY_PATH may point at an unpacked OpenBLAS, see BENCHMARKS.md).
    with open("/proc/self/maps") as maps:
        loaded = sorted({line.split()[-1] for line in maps if "blas" in line.split()[-1]})
    blas = ", ".join(loaded) or os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    print(f"  BLAS: {blas}; OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY', 'unset')}")
    measure("adam_784_128_10_b64", adam_step(784, 128, 10, 64))
    measure("adam_784_512_10_b256", adam_step(784, 512, 10, 256))
    measure("adam_784_128_10_b64_f32", adam_step(784, 128, 10, 64, torch.float32))
    measure("adam_784_512_10_b256_f32", adam_step(784, 512, 10, 256, torch.float32))
    measure("softmax_fwd_bwd", softmax_classifier())

    xs = [v.clone().requires_grad_() for v in start(1000)]
    measure("scalar_rosenbrock_fwd", lambda: scalar_loop(xs))
    measure("scalar_rosenbrock_fwd_bwd", lambda: torch.autograd.grad(scalar_loop(xs), xs))

    x1000 = start(1000).requires_grad_()
    measure("tensor_rosenbrock_fwd", lambda: rosenbrock(x1000))
    measure("tensor_rosenbrock_fwd_bwd", lambda: torch.autograd.grad(rosenbrock(x1000), x1000))

    x100 = start(100)
    measure("gradient_100", lambda: torch.autograd.grad(rosenbrock(x100.requires_grad_()), x100))
    measure("hessian_100", lambda: torch.autograd.functional.hessian(rosenbrock, x100, vectorize=True))

    x10000 = start(10000).requires_grad_()
    v10000 = torch.ones(10000)

    def hvp():
        (g,) = torch.autograd.grad(rosenbrock(x10000), x10000, create_graph=True)
        return torch.autograd.grad(g, x10000, v10000)
    measure("gradient_10000", lambda: torch.autograd.grad(rosenbrock(x10000), x10000))
    measure("hvp_10000", hvp)

    for m, k, n in ((64, 784, 128), (512, 512, 512)):
        a, b = torch.randn(m, k), torch.randn(k, n)
        measure(f"matmul_{m}x{k}x{n}", lambda a=a, b=b: a @ b)

    for name, dtype in (("f64", torch.float64), ("f32", torch.float32)):
        torch.manual_seed(0)
        measure(f"conv2d_b64_{name}", conv2d_forward_backward(dtype))
        torch.manual_seed(0)
        measure(f"lenet_adam_b64_{name}", lenet_adam_step(dtype))

    with open(args.output, "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
