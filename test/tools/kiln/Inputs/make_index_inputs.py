"""Writes the inputs of run-index-checks.test into the directory given:
good indices for every op of Inputs/index-*.mlir and bad ones, each named
for what it holds."""

import os
import sys

import numpy as np

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
i64 = np.int64
files = {
    "x": np.arange(12, dtype=np.float32).reshape(3, 4),
    "x23": np.arange(6, dtype=np.float32).reshape(2, 3),
    "u": np.ones((2, 4), dtype=np.float32),
    # Good indices, negative ones included where the op wraps them.
    "g": np.array([[0, 3], [-1, 1], [2, 2]], dtype=i64),
    "s": np.array([2, -3], dtype=i64),
    "t": np.array([1, -4], dtype=np.int32),
    "n": np.array([[0, 1], [-1, 3]], dtype=i64),
    "i": np.array([[0, 1, 2, -1], [2, 2, 0, 0]], dtype=i64),
    "nn": np.array([[1], [-3]], dtype=i64),
    "target": np.array([0, 2], dtype=i64),
    "target-ignored": np.array([-100, 1], dtype=i64),
    # Bad ones.
    "g-big": np.array([[0, 3], [4, 1], [2, 2]], dtype=i64),
    "s-neg": np.array([2, -4], dtype=i64),
    "t-huge": np.array([1, 2**31 - 1], dtype=np.int32),
    "n-big": np.array([[0, 1], [3, 0]], dtype=i64),
    "i-big": np.array([[0, 1, 2, 3], [2, 2, 0, 0]], dtype=i64),
    "nn-neg": np.array([[1], [-4]], dtype=i64),
    "target-1e6": np.array([0, 1000000], dtype=i64),
    "target-2e40": np.array([2**40, 0], dtype=i64),
    "target-3": np.array([3, 0], dtype=i64),
    "target-m1": np.array([0, -1], dtype=i64),
    "target-m2": np.array([-2, 0], dtype=i64),
    # one_hot's classes and its ONNX form's [off, on].
    "classes": np.array([0, 3, 1], dtype=i64),
    "classes-4": np.array([0, 4, 1], dtype=i64),
    "classes-m1": np.array([0, 1, -1], dtype=i64),
    "off-on": np.array([0.5, 2.0], dtype=np.float32),
    # Training data of Inputs/index-classifier.mlir (batches of 4): labels
    # with 2^40 in the second batch.
    "features": np.arange(16, dtype=np.float32).reshape(8, 2) / 10,
    "labels": np.array([0, 1, 2, 0, 1, 2, 0, 1], dtype=i64),
    "labels-2e40": np.array([0, 1, 2, 0, 1, 2, 2**40, 1], dtype=i64),
}
for name, array in files.items():
    np.save(os.path.join(out, f"{name}.npy"), array)
