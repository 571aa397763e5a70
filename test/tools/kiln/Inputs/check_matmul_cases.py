"""Compares the outputs `kiln run --output-dir DIR` saved for
matmul_cases.mlir with torch.matmul on the same seeded tensors.

Usage: check_matmul_cases.py DIR

Prints "NAME: DTYPE SHAPE matches torch" per output, or a mismatch line.
"""

import os
import sys

import numpy as np
import torch


def main():
    out = sys.argv[1]
    a = torch.tensor([[1, 2], [3, 4]])
    t = torch.tensor([[1, 0, 3, 4], [5, 0, 7, 8], [9, 0, 11, 12], [13, 0, 15, 16]])
    torch.manual_seed(0)
    b534 = torch.randn(5, 3, 4)
    b4 = torch.randn(4)
    b545 = torch.randn(5, 4, 5)
    b45 = torch.randn(4, 5)
    expected = {
        "matrix_vector": torch.matmul(a, torch.tensor([5, 6])),
        "dot": torch.matmul(torch.tensor([4, 9, 3]), torch.tensor([0, 3, 9])),
        "matrix_by_1d": torch.matmul(a, torch.tensor([1, 2])),
        "1d_by_matrix": torch.matmul(torch.tensor([1, 2]), a),
        "batched_vector": torch.matmul(b534, b4),
        "batched_batched": torch.matmul(b534, b545),
        "batched_matrix": torch.matmul(b534, b45),
        "t_times_t_t": t @ t.T,
        "t_sum": t.sum(),
        "t_times_t": t * t,
    }
    for name, reference in expected.items():
        reference = reference.numpy()
        actual = np.load(os.path.join(out, name + ".npy"))
        same = (actual.dtype == reference.dtype
                and actual.shape == reference.shape
                and np.allclose(actual, reference, rtol=1e-5, atol=1e-5))
        print("%s: %s %s %s" % (name, actual.dtype, list(actual.shape),
                                "matches torch" if same else
                                "MISMATCH: torch gives %s %s"
                                % (reference.dtype, list(reference.shape))))


if __name__ == "__main__":
    main()
