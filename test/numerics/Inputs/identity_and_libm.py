"""Ops whose lowering is the identity or a libm call, against torch.

A result that bufferizes to a function argument used to crash
buffer-results-to-out-params{hoist-static-allocs}; these cases guard that.
math.tanh lowers to a libm call that func.func(llvm-request-c-wrappers),
running after convert-math-to-libm, turns into a call to the missing
_mlir_ciface_tanhf, so the tanh cases fail until the pipeline tags only the
model function. Usage: identity_and_libm.py PATH/TO/kiln WORK_DIR.
"""

import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import ALL_DTYPES, ELEMENTWISE, Family  # noqa: E402

fam = Family("identity_and_libm", seed=6)
f32, f64, i64, u8 = np.float32, np.float64, np.int64, np.uint8
TORCH = {np.dtype(f32): torch.float32, np.dtype(f64): torch.float64,
         np.dtype(np.int64): torch.int64, np.dtype(np.int32): torch.int32,
         np.dtype(u8): torch.uint8, np.dtype(np.bool_): torch.bool}

fam.case("abs", "kiln.abs {0}", [fam.array((6,), u8, 0, 256)], torch.abs)
fam.case("relu", "kiln.relu {0}", [fam.array((6,), u8, 0, 256)], torch.relu)
for dtype in ALL_DTYPES:
    fam.case("cast", "kiln.cast {0}", [fam.array((2, 3), dtype)],
             lambda x, t=TORCH[np.dtype(dtype)]: x.to(t), syntax="cast",
             note="to the same dtype")
for name, fn in [("sum", torch.sum), ("max", torch.amax), ("min", torch.amin)]:
    fam.case(name, f"kiln.{name} {{0}}", [fam.array((), f32)], fn,
             note="0-d")
for dtype in [f32, f64, i64]:
    fam.case("tanh", "kiln.tanh {0}", [fam.array((2, 3), dtype)], torch.tanh,
             ELEMENTWISE)
fam.case("tanh", "kiln.tanh {0}",
         [np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 20.0], dtype=f32)],
         torch.tanh, ELEMENTWISE, note="NaN, infinities, signed zeros")

fam.run()
