"""Writes the data files of train-errors.test and train-resume.test into
the directory given: the linear regression's x and y (10 samples), and
copies of x that are wrong in one way each."""

import os
import sys

import numpy as np

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(0)
x = (rng.random((10, 1)) * 5).astype(np.float32)
y = (np.pi * x + 42 + rng.random((10, 1))).astype(np.float32)
files = {
    "x": x,
    "y": y,
    "x-nan": np.where(np.arange(10)[:, None] == 3, np.nan, x).astype(np.float32),
    "x-short": x[:5],
    "x-wide": np.concatenate([x, x], axis=1),
    "x-f64": x.astype(np.float64),
    "y12": np.concatenate([y, y[:2]]),
}
for name, array in files.items():
    np.save(os.path.join(out, f"{name}.npy"), array)
