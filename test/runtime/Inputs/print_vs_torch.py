"""Checks that kiln-tensor-tool prints every case exactly as PyTorch does.

Usage: print_vs_torch.py KILN_TENSOR_TOOL

Saves each case of tensor_cases.py with numpy.save, prints them all with one
`kiln-tensor-tool print` run, and compares each printout byte for byte with
str(torch.from_numpy(array)).
"""

import os
import subprocess
import sys
import tempfile

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(__file__))
from tensor_cases import make_cases  # noqa: E402


def main():
    tool = sys.argv[1]
    cases = make_cases()
    with tempfile.TemporaryDirectory() as directory:
        paths = []
        for name, array in cases:
            path = os.path.join(directory, name + ".npy")
            np.save(path, array)
            paths.append(path)
        result = subprocess.run([tool, "print"] + paths, capture_output=True,
                                text=True, check=True)
    printed = result.stdout.split("\n----\n")
    if len(printed) != len(cases):
        sys.exit(f"expected {len(cases)} printouts, got {len(printed)}")
    failures = 0
    for (name, array), kiln in zip(cases, printed):
        expected = str(torch.from_numpy(array))
        if kiln.rstrip("\n") != expected:
            failures += 1
            print(f"MISMATCH {name} {array.dtype} {array.shape}\n"
                  f"--- torch\n{expected}\n--- kiln\n{kiln}")
    if failures:
        sys.exit(f"{failures} of {len(cases)} printouts differ from PyTorch")
    print(f"print-vs-torch: all {len(cases)} printouts match")


if __name__ == "__main__":
    main()
