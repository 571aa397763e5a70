"""Reductions against torch: sum, prod, mean, max (amax), min (amin), argmax
and argmin over dim lists, negative dims, keepdim, every dim and 0-d inputs,
on every dtype they accept, with NaN and ties. Usage: reductions.py
PATH/TO/kiln WORK_DIR."""

import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (ACCUMULATE, ALL_DTYPES, EXACT, FLOAT_DTYPES,  # noqa: E402
                     Family, Tolerance)

fam = Family("reductions", seed=4)
f32, f64, i64, i32, u8, b1 = (np.float32, np.float64, np.int64, np.int32,
                              np.uint8, np.bool_)

# (input shape, dims or None for all, keepdim)
REDUCTIONS = [((2, 3, 4), [1], False), ((2, 3, 4), [-1], True),
              ((2, 3, 4), [0, 2], False), ((2, 3, 4), [-3, -1], True),
              ((2, 3, 4), None, False), ((3, 1), [1], False),
              ((5,), [0], True), ((), None, False), ((), [0], True),
              ((2, 3), [], False)]


def spell(dims, keepdim):
    text = f" dim [{', '.join(str(d) for d in dims)}]" if dims is not None else ""
    return text + (" keepdim" if keepdim else "")


def reference(fn, dims, keepdim):
    def apply(x):
        if dims is None or (dims == [] and fn in (torch.amax, torch.amin)):
            return fn(x)
        return fn(x, dim=dims, keepdim=keepdim)
    return apply


def torch_prod(x, dim=None, keepdim=False):
    # torch.prod takes one dim: reduce the listed dims one after another.
    if dim is None or dim == []:
        result = torch.prod(x)
        return result.reshape([1] * x.dim()) if keepdim and dim else result
    for d in sorted((d % max(x.dim(), 1) for d in dim), reverse=True):
        x = torch.prod(x, dim=d, keepdim=keepdim)
    return x


OPS = {"sum": torch.sum, "prod": torch_prod, "mean": torch.mean,
       "max": torch.amax, "min": torch.amin}
for name, fn in OPS.items():
    # sum, prod and mean of a few terms are short accumulations; max/min
    # and every integer result are exact.
    tol = ACCUMULATE if name in ("sum", "prod", "mean") else EXACT
    dtypes = FLOAT_DTYPES if name == "mean" else ALL_DTYPES
    for k, (shape, dims, keepdim) in enumerate(REDUCTIONS):
        if name in ("max", "min") and dims == []:
            continue  # torch.amax reads [] as every dim only in newer torch
        for dtype in dtypes[k % 2::2] if len(dtypes) > 2 else dtypes:
            if shape == () and (name in ("max", "min") or dtype in (f32, f64, i64)):
                continue  # the identity: see identity_and_libm.py
            x = fam.array(shape, dtype, -3, 4)
            fam.case(name, f"kiln.{name} {{0}}{spell(dims, keepdim)}", [x],
                     reference(fn, dims, keepdim), tol,
                     note=spell(dims, keepdim).strip())
    if name != "mean":
        # Every dtype on one shape, including the extremes of each integer
        # type: sums wrap, max/min start from the right identity.
        for dtype in ALL_DTYPES:
            if dtype in FLOAT_DTYPES:
                x = fam.array((3, 4), dtype)
            elif dtype == b1:
                x = np.array([[True, True], [False, True]])
            else:
                info = np.iinfo(dtype)
                x = np.array([[info.max, 1], [info.min, 0], [2, info.max]],
                             dtype=dtype)
            fam.case(name, f"kiln.{name} {{0}} dim [1]", [x],
                     reference(fn, [1], False), tol, note="extremes")
            fam.case(name, f"kiln.{name} {{0}}", [x],
                     reference(fn, None, False), tol, note="extremes, all")
# NaN propagates through sum, max and min.
for name in ["sum", "max", "min", "mean"]:
    x = np.array([[1.0, np.nan, 3.0], [2.0, -1.0, 0.5], [-np.inf, 2.0, 1.0]],
                 dtype=f32)
    fam.case(name, f"kiln.{name} {{0}} dim [-1]", [x],
             reference(OPS[name], [-1], False), ACCUMULATE, note="NaN")

# Long float sums: PyTorch sums in a cascade, whose error grows with log(n);
# kiln-split-reductions sums in stages of at most 128 terms. 2^24 positive
# float32 terms summed one after another lose 2.5e-3 relative; in stages,
# each of the 4 stages adds ~sqrt(128) ulp of random-walk error, about 1e-6
# relative together, the bound below (PyTorch's own error is ~1e-7).
LONG_SUM = Tolerance("long sum", {np.dtype(f32): (2e-6, 0.0),
                                  np.dtype(f64): (1e-14, 0.0)})
for dtype in FLOAT_DTYPES:
    terms = fam.rng.random(1 << 24).astype(dtype)
    fam.case("sum", "kiln.sum {0}", [terms], torch.sum, LONG_SUM,
             note="2^24 terms")
    fam.case("mean", "kiln.mean {0}", [terms], torch.mean, LONG_SUM,
             note="2^24 terms")
    # Fused with its producer: the kernel that squares is the one that sums.
    t = f"tensor<{1 << 24}x{'f32' if dtype == f32 else 'f64'}>"
    fam.case("sum", f"  {{t}}_0 = kiln.mul {{0}}, {{0}} : ({t}, {t}) -> {t}\n"
             f"  {{r}} = kiln.sum {{t}}_0 : ({t}) -> {t[:7]}{t[-4:]}",
             [terms], lambda x: torch.sum(x * x), LONG_SUM, syntax="body",
             note="2^24 squares")
# Batch norm statistics: 16 * 64 * 64 terms per channel, over dims that are
# not adjacent; and a prime count (zero-padded into blocks).
stats = fam.rng.random((16, 8, 64, 64)).astype(f32)
fam.case("sum", "kiln.sum {0} dim [0, 2, 3] keepdim", [stats],
         reference(torch.sum, [0, 2, 3], True), LONG_SUM,
         note="batch norm statistics")
fam.case("sum", "kiln.sum {0} dim [1]", [fam.rng.random((2, 1000003)).astype(f32)],
         reference(torch.sum, [1], False), LONG_SUM, note="a prime count")

# argmax/argmin: first index on ties, a NaN wins (the first NaN), -inf and
# inf rows, flattened when no dim.
ARGS = [((2, 3, 4), 1, False), ((2, 3, 4), -1, True), ((2, 3, 4), None, False),
        ((5,), 0, True), ((), None, False), ((), 0, False), ((3, 1), -2, False)]
for name in ["argmax", "argmin"]:
    fn = getattr(torch, name)
    for k, (shape, dim, keepdim) in enumerate(ARGS):
        for dtype in ALL_DTYPES[k % 3::3]:
            if dtype == b1:
                dtype = u8  # torch has no argmax/argmin of bool
            attrs = (f" dim {dim}" if dim is not None else "") + (
                " keepdim" if keepdim else "")
            fam.case(name, f"kiln.{name} {{0}}{attrs}",
                     [fam.array(shape, dtype, -2, 2)],
                     lambda x, d=dim, kd=keepdim, fn=fn: fn(x, dim=d,
                                                            keepdim=kd)
                     if d is not None else fn(x), note=attrs.strip())
    ties = np.array([[1, 3, 3, 0], [2, 2, 2, 2], [0, -1, 5, 5]], dtype=i64)
    for dtype in [i64, i32, u8, f32]:
        fam.case(name, f"kiln.{name} {{0}} dim 1", [ties.astype(dtype)],
                 lambda x, fn=fn: fn(x, dim=1), note="ties")
        fam.case(name, f"kiln.{name} {{0}} dim 0", [ties.astype(dtype)],
                 lambda x, fn=fn: fn(x, dim=0), note="ties")
    special = np.array([[1.0, np.nan, 3.0, np.nan], [2.0, 2.0, -1.0, 5.0],
                        [-np.inf, -np.inf, -np.inf, -np.inf],
                        [np.inf, 1.0, np.inf, -np.inf]])
    for dtype in FLOAT_DTYPES:
        fam.case(name, f"kiln.{name} {{0}} dim 1", [special.astype(dtype)],
                 lambda x, fn=fn: fn(x, dim=1), note="NaN, infinities, ties")
        fam.case(name, f"kiln.{name} {{0}}", [special.astype(dtype)],
                 fn, note="NaN, flattened")

fam.run()
