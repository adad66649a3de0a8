#!/usr/bin/env python3
"""Arrays and weights saved by NumPy and PyTorch, for core's NpyFile, Npz and Safetensors readers.

Writes into core/src/test/resources/org/adjoint/core/io/foreign/:
  <dtype>.npy       one small array per NumPy dtype the readers accept (numpy.save), big-endian too
  mixed.npz         several dtypes in one archive (numpy.savez), mixed-compressed.npz (savez_compressed)
  linear.safetensors a seeded torch 1.13 model's state_dict in F32, plus F16, BF16, I64, U8, BOOL
                    tensors and a __metadata__ block, written in the safetensors layout by hand
                    (the safetensors package is not installed here; the format is 8 bytes of
                    little-endian header length, the JSON header, the data)
  expected.npz      every array above converted to float64 by NumPy/PyTorch, keyed by
                    <file>.<name>: what the Java readers must return, compared exactly

    /usr/bin/python3 examples/src/main/python/foreign_weights.py
"""
import json
import os
import struct

import numpy as np
import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   "../../../../core/src/test/resources/org/adjoint/core/io/foreign")


def arrays():
    rng = np.random.default_rng(21)
    x = rng.normal(size=(2, 3)) * 100
    return {
        "float64": x,
        "float32": x.astype(np.float32),
        "float16": np.array([[0.1, -2.5, 65504], [6e-8, -0.0, 1 / 3]], dtype=np.float16),
        "int8": np.array([-128, -1, 0, 127], dtype=np.int8),
        "int16": np.array([[-32768, 32767]], dtype=np.int16),
        "int32": np.arange(-3, 3, dtype=np.int32).reshape(3, 2),
        "int64": np.array([-(2**53), 2**53, 7], dtype=np.int64),
        "uint8": np.array([0, 1, 254, 255], dtype=np.uint8),
        "bool": np.array([[True, False], [False, True]]),
        "float64_big_endian": x.astype(">f8"),
        "int32_big_endian": np.array([1, -2, 65536], dtype=">i4"),
        "scalar_float32": np.float32(1.5) * np.ones((), dtype=np.float32),
    }


def safetensors_bytes(tensors, metadata):
    dtypes = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.int64: "I64",
              torch.uint8: "U8", torch.bool: "BOOL", torch.float64: "F64"}
    header = {"__metadata__": metadata}
    data = b""
    for name, t in tensors.items():
        t = t.contiguous()
        raw = (t.view(torch.int16) if t.dtype == torch.bfloat16 else t).numpy().astype(
            lambda_le(t)).tobytes()
        header[name] = {"dtype": dtypes[t.dtype], "shape": list(t.shape),
                        "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + data


def lambda_le(t):
    return np.dtype(str(t.numpy().dtype) if t.dtype != torch.bfloat16 else "int16").newbyteorder("<")


def main():
    os.makedirs(OUT, exist_ok=True)
    expected = {}
    for name, a in arrays().items():
        np.save(os.path.join(OUT, name + ".npy"), a)
        expected["npy." + name] = np.asarray(a, dtype=np.float64)
    mixed = {"w": arrays()["float32"], "b": arrays()["float16"][0], "idx": arrays()["int64"], "mask": arrays()["bool"]}
    np.savez(os.path.join(OUT, "mixed.npz"), **mixed)
    np.savez_compressed(os.path.join(OUT, "mixed-compressed.npz"), **mixed)
    for k, v in mixed.items():
        expected["npz." + k] = np.asarray(v, dtype=np.float64)

    torch.manual_seed(21)
    model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Tanh(), torch.nn.Linear(4, 2))
    tensors = dict(model.state_dict())
    tensors["extra.half"] = torch.tensor([0.5, -1.25, 1000.0], dtype=torch.float16)
    tensors["extra.bf16"] = torch.tensor([[0.1, -3.0]], dtype=torch.bfloat16)
    tensors["extra.steps"] = torch.tensor([3, -(2**40)], dtype=torch.int64)
    tensors["extra.bytes"] = torch.tensor([0, 200], dtype=torch.uint8)
    tensors["extra.mask"] = torch.tensor([True, False, True])
    with open(os.path.join(OUT, "linear.safetensors"), "wb") as f:
        f.write(safetensors_bytes(tensors, {"format": "pt", "source": "foreign_weights.py, torch " + torch.__version__}))
    for k, v in tensors.items():
        expected["safetensors." + k] = v.to(torch.float64).numpy()
    np.savez(os.path.join(OUT, "expected.npz"), **expected)


if __name__ == "__main__":
    main()
