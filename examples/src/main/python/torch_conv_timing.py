#!/usr/bin/env python3
"""PyTorch 1.13's side of Conv2dBenchmark: F.conv2d(x, w, b).sum().backward() for x (64, 1, 28, 28),
w (32, 1, 3, 3), b (32), with x, w and b requiring gradients, in float64 and float32. Prints the best
and the median of five timed runs of 200 steps each (after 50 warm-up steps), in milliseconds per step.

    /usr/bin/python3 examples/src/main/python/torch_conv_timing.py
"""
import time

import torch
import torch.nn.functional as F


def main():
    torch.manual_seed(0)
    print("torch", torch.__version__, "threads", torch.get_num_threads())
    for dtype in (torch.float64, torch.float32):
        x = torch.randn(64, 1, 28, 28, dtype=dtype, requires_grad=True)
        w = torch.randn(32, 1, 3, 3, dtype=dtype, requires_grad=True)
        b = torch.randn(32, dtype=dtype, requires_grad=True)

        def step():
            F.conv2d(x, w, b).sum().backward()
            x.grad = w.grad = b.grad = None

        for _ in range(50):
            step()
        times = []
        for _ in range(5):
            start = time.perf_counter()
            for _ in range(200):
                step()
            times.append((time.perf_counter() - start) / 200 * 1e3)
        print("%s forward+backward ms per step: best %.3f, median %.3f" % (dtype, min(times), sorted(times)[2]))


if __name__ == "__main__":
    main()
