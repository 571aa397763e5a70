"""Creation ops (zeros, ones, full, arange) and kiln.cast between every pair
of dtypes against torch. Usage: creation_cast.py PATH/TO/kiln WORK_DIR."""

import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import ALL_DTYPES, EXACT, MLIR_TYPES, Family  # noqa: E402

fam = Family("creation_cast", seed=2)
f32, f64, i64, i32, u8, b1 = (np.float32, np.float64, np.int64, np.int32,
                              np.uint8, np.bool_)
TORCH = {np.dtype(f32): torch.float32, np.dtype(f64): torch.float64,
         np.dtype(i64): torch.int64, np.dtype(i32): torch.int32,
         np.dtype(u8): torch.uint8, np.dtype(b1): torch.bool}

# Creation: no inputs; every value is exact.
SHAPES = [(2, 3), (), (1, 4, 1)]
for k, dtype in enumerate(ALL_DTYPES):
    shape = SHAPES[k % len(SHAPES)]
    t = TORCH[np.dtype(dtype)]
    fam.case("zeros", "kiln.zeros", [],
             lambda s=shape, t=t: torch.zeros(s, dtype=t), syntax="result")
    fam.case("ones", "kiln.ones", [],
             lambda s=shape, t=t: torch.ones(s, dtype=t), syntax="result")
    value = {b1: 1.0, u8: 200.0, i32: -7.0, i64: 2.0**40}.get(dtype, -2.5)
    fam.case("full", f"kiln.full {value!r}", [],
             lambda s=shape, t=t, v=value: torch.full(
                 s, v if t.is_floating_point else int(v), dtype=t),
             syntax="result")

# arange: the length is ceil((end - start) / step); float steps that do not
# divide the range, negative steps, integer dtypes.
ARANGES = [(0.0, 5.0, 1.0, i64), (0.1, 1.0, 0.3, f32), (0.1, 1.0, 0.3, f64),
           (5.0, -3.0, -1.5, f32), (-3.0, 4.0, 2.0, i32), (0.0, 10.0, 3.0, u8),
           (1.0, 2.0, 0.1, f32), (2.0, 7.0, 1.0, f64)]
for start, end, step, dtype in ARANGES:
    t = TORCH[np.dtype(dtype)]
    fam.case("arange", f"kiln.arange {start!r} to {end!r} step {step!r}", [],
             lambda a=start, b=end, c=step, t=t: torch.arange(
                 a, b, c, dtype=t), syntax="result",
             note=f"{start}:{end}:{step}")


# Casts between every pair of dtypes. Floats carry fractions of both signs,
# NaN and infinities (to bool only: their integer conversions are undefined),
# integers carry values that wrap around in narrower types.
def source(dtype, to):
    if dtype in (f32, f64):
        values = [-3.7, -0.5, -0.0, 0.0, 0.4, 1.5, 2.9, 100.25, -100.75]
        if to in (f32, f64, b1):
            values += [np.nan, np.inf, -np.inf, 1e-40, 3e38]
        if to == i64:
            values += [2.0**40 + 0.5, -2.0**50]
        if to == i32:
            values += [2.0**30, -2.0**31]
        return np.array(values, dtype=dtype)
    if dtype == i64:
        return np.array([0, 1, -1, 255, 256, -129, 2**31, 2**40 + 3,
                         2**53 + 1, -2**63], dtype=i64)
    if dtype == i32:
        return np.array([0, 1, -1, 255, 256, 300, -129, 2**31 - 1, -2**31],
                        dtype=i32)
    if dtype == u8:
        return np.array([0, 1, 127, 128, 200, 255], dtype=u8)
    return np.array([True, False, True], dtype=b1)


for src in ALL_DTYPES:
    for dst in ALL_DTYPES:
        if dst == src:
            continue  # identity casts: see identity_and_libm.py
        t = TORCH[np.dtype(dst)]
        fam.case("cast", "kiln.cast {0}", [source(src, dst)],
                 lambda x, t=t: x.to(t), syntax="cast",
                 note=f"to {MLIR_TYPES[np.dtype(dst)]}")
    # 0-d inputs stay 0-d.
    dst = f32 if src == f64 else f64
    fam.case("cast", "kiln.cast {0}", [fam.array((), src)],
             lambda x, t=TORCH[np.dtype(dst)]: x.to(t), syntax="cast",
             note="0-d")

fam.run()
