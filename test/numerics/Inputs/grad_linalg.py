"""Gradients of the matrix products and dense linear algebra against
torch.autograd: matmul in every rank combination of torch.matmul (1-D and
2-D on either side, batched with and without broadcast batch dims, a batched
operand against an unbatched one), mm, dot, and inverse and det of single and
batched matrices. The matrices of inverse and det are well conditioned
(a multiple of the identity plus a small perturbation) so that float64
central differences agree and float32 rounding stays small; det's gradient
at a singular matrix is a known limitation (see LinalgGradients.cpp).
Usage: grad_linalg.py PATH/TO/BIN WORK_DIR."""

import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gradients import GradFamily  # noqa: E402

fam = GradFamily("grad_linalg", seed=5)
rng = fam.rng
normal = fam.normal


def well_conditioned(shape):
    """Square matrices 2 I + 0.3 N: eigenvalues near 2, condition ~ 2."""
    n = shape[-1]
    return 2.0 * np.eye(n) + 0.3 * rng.standard_normal(shape)


# lhs and rhs shapes: each rank combination of torch.matmul's rules.
MATMUL_SHAPES = [
    ((4,), (4,)),                # dot
    ((3, 4), (4,)),              # matrix-vector
    ((4,), (4, 5)),              # vector-matrix
    ((3, 4), (4, 5)),            # matrix-matrix
    ((2, 3, 4), (4,)),           # batched matrix, vector (folded)
    ((4,), (2, 4, 5)),           # vector, batched matrix
    ((2, 3, 4), (4, 5)),         # batched lhs, unbatched rhs (folded)
    ((3, 4), (2, 4, 5)),         # unbatched lhs, batched rhs
    ((2, 3, 4), (2, 4, 5)),      # equal batches
    ((2, 1, 3, 4), (5, 4, 2)),   # batch dims broadcast on both sides
    ((1, 3, 4), (2, 4, 5)),      # a size-1 batch dim expanded
    ((2, 1, 3, 4), (4,)),        # 4-D against a vector
]
for lhs, rhs in MATMUL_SHAPES:
    fam.case("matmul", "kiln.matmul {0}, {1}", [normal(lhs), normal(rhs)],
             torch.matmul)

for lhs, rhs in [((3, 4), (4, 5)), ((1, 5), (5, 1)), ((4, 1), (1, 3))]:
    fam.case("mm", "kiln.mm {0}, {1}", [normal(lhs), normal(rhs)], torch.mm)

for n in [5, 1]:
    fam.case("dot", "kiln.dot {0}, {1}", [normal((n,)), normal((n,))],
             torch.dot)

for shape in [(3, 3), (2, 4, 4), (1, 1), (2, 1, 2, 2)]:
    fam.case("inverse", "kiln.inverse {0}", [well_conditioned(shape)],
             torch.inverse)
    fam.case("det", "kiln.det {0}", [well_conditioned(shape)], torch.det)

fam.run()
