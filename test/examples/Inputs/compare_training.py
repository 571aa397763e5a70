"""Compares a `kiln train` run with the PyTorch run of the same example,
step by step: the loss logs (epoch,step,loss CSV) and the final parameters
(safetensors).

    compare_training.py KILN_LOG TORCH_LOG KILN_PARAMS TORCH_PARAMS RTOL ATOL

Every step's loss and every final parameter element must satisfy
|kiln - torch| <= ATOL + RTOL * |torch|. Prints the worst relative
difference of each and exits non-zero on the first mismatch.
"""

import csv
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "..", "scripts"))
import safetensors_numpy  # noqa: E402


def read_log(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    return [(int(r["epoch"]), int(r["step"]), float(r["loss"])) for r in rows]


def main():
    kiln_log, torch_log, kiln_params, torch_params = sys.argv[1:5]
    rtol, atol = float(sys.argv[5]), float(sys.argv[6])
    ours, theirs = read_log(kiln_log), read_log(torch_log)
    if [r[:2] for r in ours] != [r[:2] for r in theirs]:
        sys.exit(f"FAIL: kiln logged {len(ours)} steps, torch {len(theirs)}")
    worst = 0.0
    for (epoch, step, a), (_, _, b) in zip(ours, theirs):
        if not abs(a - b) <= atol + rtol * abs(b):
            sys.exit(f"FAIL: epoch {epoch} step {step}: kiln loss {a!r}, "
                     f"torch {b!r}")
        worst = max(worst, abs(a - b) / max(abs(b), 1e-30))
    print(f"losses: {len(ours)} steps agree, worst relative difference "
          f"{worst:.3g}")

    ours, theirs = safetensors_numpy.read(kiln_params), \
        safetensors_numpy.read(torch_params)
    if sorted(ours) != sorted(theirs):
        sys.exit(f"FAIL: kiln saved {sorted(ours)}, torch {sorted(theirs)}")
    for name in sorted(theirs):
        a, b = ours[name].astype(np.float64), theirs[name].astype(np.float64)
        if a.shape != b.shape or not np.all(np.abs(a - b) <=
                                            atol + rtol * np.abs(b)):
            sys.exit(f"FAIL: parameter {name}: kiln {a.ravel()[:4]}, torch "
                     f"{b.ravel()[:4]}")
        rel = np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-30))
        print(f"{name}: agrees, worst relative difference {rel:.3g}")


if __name__ == "__main__":
    main()
