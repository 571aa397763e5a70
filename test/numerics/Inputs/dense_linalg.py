"""inverse and det (LU with partial pivoting in kiln, LAPACK's getrf in
torch) on well-conditioned matrices of sizes 1..6 and a batch, f32 and f64,
against torch; det also of singular and permutation matrices. A singular
matrix has no inverse (torch raises, kiln yields inf/NaN), so inverse is
only tested on nonsingular ones. Usage: dense_linalg.py PATH/TO/kiln
WORK_DIR.
"""

import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import EXACT, Family, Tolerance  # noqa: E402

fam = Family("dense_linalg", seed=5)
f32, f64 = np.float32, np.float64

# The inputs are U diag(s) V^T with U, V random orthogonal and s in
# [0.5, 2], so cond(A) <= 4 and every entry of A^-1 is at most 2 in
# magnitude; random orthogonal factors make partial pivoting actually swap
# rows. LU with partial pivoting is backward stable, so the computed inverse
# is within ~ n * cond(A) * u of the exact one relative to its norm (the
# growth factor of such matrices is small): n = 6, cond 4 and u = 6e-8 give
# 1.4e-6 for float32 (1.1e-16, 2.7e-15 for float64), and kiln and torch each
# contribute their own. det = prod(diag(U)) has a relative error of the same
# order. The bounds leave a margin of ~5x over that sum.
LU = Tolerance("lu", {
    np.dtype(f32): (1e-5, 2e-5),
    np.dtype(f64): (1e-13, 2e-14),
})


def well_conditioned(shape, dtype):
    n = shape[-1]
    u, _ = np.linalg.qr(fam.rng.standard_normal(shape))
    v, _ = np.linalg.qr(fam.rng.standard_normal(shape))
    s = fam.rng.uniform(0.5, 2.0, shape[:-1])
    return (u * s[..., None, :] @ np.swapaxes(v, -1, -2)).astype(dtype)


def permutation(n, dtype):
    return np.eye(n, dtype=dtype)[fam.rng.permutation(n)]


for dtype in (f32, f64):
    for shape in [(n, n) for n in range(1, 7)] + [(2, 3, 4, 4), (2, 3, 1, 1)]:
        fam.case("inverse", "kiln.inverse {0}",
                 [well_conditioned(shape, dtype)], torch.linalg.inv, LU)
        fam.case("det", "kiln.det {0}", [well_conditioned(shape, dtype)],
                 torch.linalg.det, LU)
    # Permutation matrices: det is the permutation's sign, the inverse its
    # transpose, both exact in both implementations.
    for n in range(1, 7):
        fam.case("det", "kiln.det {0}", [permutation(n, dtype)],
                 torch.linalg.det, EXACT, note="permutation")
        fam.case("inverse", "kiln.inverse {0}", [permutation(n, dtype)],
                 torch.linalg.inv, EXACT, note="permutation")
    # Singular matrices: a zero column (an exactly zero pivot, which must
    # give 0 rather than NaN), a repeated row and a rank-one product. Their
    # det is 0 up to rounding: torch scales by 1/pivot, so a repeated row
    # may leave ~eps rather than an exact zero (3e-7 in float32).
    zero_column = fam.array((4, 4), dtype)
    zero_column[:, 2] = 0
    repeated = fam.array((5, 5), dtype)
    repeated[3] = repeated[1]
    rank_one = np.outer(np.arange(1, 5), np.arange(-2, 2)).astype(dtype)
    for matrix, note in [(zero_column, "zero column"),
                         (repeated, "repeated row"), (rank_one, "rank one")]:
        fam.case("det", "kiln.det {0}", [matrix], torch.linalg.det, LU,
                 note=f"singular, {note}")
    fam.case("det", "kiln.det {0}", [np.stack([zero_column, zero_column])],
             torch.linalg.det, LU, note="singular, batch")

fam.run()
