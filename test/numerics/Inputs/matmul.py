"""matmul (every torch.matmul rank case, batch broadcasting), mm and dot on
every dtype they accept, against torch. Usage: matmul.py PATH/TO/kiln WORK_DIR.
"""

import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import ACCUMULATE, EXACT, Family  # noqa: E402

fam = Family("matmul", seed=3)
f32, f64, i64, i32, u8 = np.float32, np.float64, np.int64, np.int32, np.uint8

# (lhs shape, rhs shape): 1-D x 1-D (dot), 2-D x 1-D, 1-D x 2-D, 2-D x 2-D,
# batched x 1-D, 1-D x batched, batched x 2-D, 2-D x batched, batched x
# batched with broadcasting of size-1 and missing batch dims, size-1 matrix
# dims.
MATMUL_SHAPES = [((4,), (4,)), ((3, 4), (4,)), ((4,), (4, 5)),
                 ((3, 4), (4, 5)), ((2, 3, 4), (4,)), ((4,), (2, 4, 5)),
                 ((2, 3, 4), (4, 5)), ((3, 4), (2, 4, 5)),
                 ((2, 3, 4), (2, 4, 5)), ((2, 1, 3, 4), (5, 4, 2)),
                 ((1, 3, 4), (2, 4, 1)), ((1, 1), (1, 1)), ((1,), (1, 6))]
DTYPES = [f32, f64, i64, i32, u8]


def tolerance(dtype):
    # Rows of at most 5 products: a short accumulation in float.
    return ACCUMULATE if dtype in (f32, f64) else EXACT


for k, (a_shape, b_shape) in enumerate(MATMUL_SHAPES):
    for dtype in ([f32, f64, i64] if k % 2 == 0 else [f32, i32, u8]):
        fam.case("matmul", "kiln.matmul {0}, {1}",
                 [fam.array(a_shape, dtype, 0 if dtype == u8 else -4, 9),
                  fam.array(b_shape, dtype, 0 if dtype == u8 else -4, 9)],
                 torch.matmul, tolerance(dtype))
# uint8 products wrap around modulo 256, as in torch.
fam.case("matmul", "kiln.matmul {0}, {1}",
         [fam.array((3, 4), u8, 0, 256), fam.array((4, 2), u8, 0, 256)],
         torch.matmul, EXACT, note="uint8 wrap-around")
for dtype in DTYPES:
    fam.case("mm", "kiln.mm {0}, {1}",
             [fam.array((3, 5), dtype), fam.array((5, 2), dtype)], torch.mm,
             tolerance(dtype))
    fam.case("mm", "kiln.mm {0}, {1}",
             [fam.array((1, 5), dtype), fam.array((5, 1), dtype)], torch.mm,
             tolerance(dtype))
    fam.case("dot", "kiln.dot {0}, {1}",
             [fam.array((6,), dtype), fam.array((6,), dtype)], torch.dot,
             tolerance(dtype))
fam.case("matmul", "kiln.matmul {0}, {1}",
         [np.array([[1.0, np.nan], [np.inf, 1.0]], dtype=f32),
          np.array([[1.0, 0.0], [0.0, 1.0]], dtype=f32)], torch.matmul,
         ACCUMULATE, note="NaN and inf")

fam.run()
