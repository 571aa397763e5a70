"""Checks kiln-tensor-tool's .npy reading and writing against NumPy.

Usage: npy_vs_numpy.py KILN_TENSOR_TOOL

For every case of tensor_cases.py, in NPY format version 1.0 (and 2.0 and
3.0 for every fifth case):
`kiln-tensor-tool roundtrip-npy` must produce exactly the bytes numpy.save
produces (Kiln writes version 1.0 as numpy does), and numpy.load must read
back the same dtype, shape and bits. Writing over an existing file must
replace it and leave no temporary file behind.
"""

import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from tensor_cases import make_cases  # noqa: E402


def save(path, array, version):
    with open(path, "wb") as file:
        np.lib.format.write_array(file, array, version=version)


def main():
    tool = sys.argv[1]
    cases = make_cases(seed=1)
    failures = []
    checked = 0
    with tempfile.TemporaryDirectory() as directory:
        expected_path = os.path.join(directory, "expected.npy")
        source = os.path.join(directory, "source.npy")
        out = os.path.join(directory, "out.npy")
        for index, (name, array) in enumerate(cases):
            np.save(expected_path, array)
            with open(expected_path, "rb") as file:
                expected = file.read()
            # Versions 2.0 and 3.0 differ only in the header; a sample of
            # the cases covers them.
            versions = [(1, 0), (2, 0), (3, 0)] if index % 5 == 0 else [(1, 0)]
            for version in versions:
                save(source, array, version)
                # A stale, longer file must be replaced, not overwritten.
                with open(out, "wb") as file:
                    file.write(b"stale" * 10000)
                subprocess.run([tool, "roundtrip-npy", source, out], check=True)
                with open(out, "rb") as file:
                    written = file.read()
                loaded = np.load(out)
                checked += 1
                if written != expected:
                    failures.append(f"{name} v{version}: bytes differ from numpy.save")
                elif (loaded.dtype != array.dtype or loaded.shape != array.shape
                      or loaded.tobytes() != array.tobytes()):
                    failures.append(f"{name} v{version}: numpy.load reads back different data")
        leftovers = sorted(set(os.listdir(directory)) - {"expected.npy", "source.npy", "out.npy"})
        if leftovers:
            failures.append(f"temporary files left behind: {leftovers}")
    for failure in failures:
        print("FAIL", failure)
    if failures:
        sys.exit(f"{len(failures)} of {checked} round trips failed")
    print(f"npy-vs-numpy: all {checked} round trips match numpy.save")


if __name__ == "__main__":
    main()
