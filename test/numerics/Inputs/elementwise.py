"""Element-wise ops against torch: unary ops on every dtype they accept,
binary ops with broadcasting and type promotion (0-d operands included),
comparisons, where and clamp, with NaN, infinities, integer wrap-around and
bool arithmetic. Usage: elementwise.py PATH/TO/kiln WORK_DIR."""

import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (ALL_DTYPES, ELEMENTWISE, EXACT, EXACT_SIGNED, FLOAT_DTYPES,  # noqa: E402
                     INT_DTYPES, NUMERIC_DTYPES, Family)

fam = Family("elementwise", seed=1)
f32, f64, i64, i32, u8, b1 = (np.float32, np.float64, np.int64, np.int32,
                              np.uint8, np.bool_)

# Broadcasting shape pairs, cycled through the dtypes: equal shapes, a row
# against a matrix, size-1 dims on both sides, 0-d on either side, two 0-d.
SHAPE_PAIRS = [((2, 3), (2, 3)), ((2, 3), (3,)), ((4, 1, 3), (2, 1)),
               ((), (2, 3)), ((3, 1), ()), ((1,), (3, 1)), ((), ())]
UNARY_SHAPES = [(2, 3), (), (1, 4, 1)]

SPECIALS = {
    "nan": np.nan, "inf": np.inf, "-inf": -np.inf, "0": 0.0, "-0": -0.0,
}


def specials(dtype):
    """Every special float beside a few ordinary values."""
    values = [np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0, -1.0, 2.5, -30.0, 90.0]
    return np.array(values, dtype=dtype)


# Unary ops ------------------------------------------------------------------

# neg/abs/relu keep the dtype (bool is rejected, as in torch); uint8 neg
# wraps around. Exact: none of them rounds.
for name in ["neg", "abs", "relu"]:
    fn = getattr(torch, name)
    for k, dtype in enumerate(NUMERIC_DTYPES):
        shape = UNARY_SHAPES[k % len(UNARY_SHAPES)]
        if dtype == u8 and name != "neg":
            continue  # the identity on uint8: see identity_and_libm.py
        fam.case(name, f"kiln.{name} {{0}}", [fam.array(shape, dtype)], fn)
        if dtype == u8 and name == "neg":
            fam.case(name, f"kiln.{name} {{0}}",
                     [fam.array((6,), u8, 0, 256)], fn, note="full uint8 range")
    for dtype in FLOAT_DTYPES:
        fam.case(name, f"kiln.{name} {{0}}", [specials(dtype)], fn,
                 EXACT_SIGNED, note="NaN, infinities, signed zeros")

# The transcendental ops turn integers and bools into float32 (tanh: see
# identity_and_libm.py).
DOMAINS = {"log": "positive", "sqrt": "positive", "rsqrt": "positive"}
for name in ["exp", "log", "sqrt", "rsqrt", "sigmoid"]:
    fn = getattr(torch, name)
    # sqrt is correctly rounded in both (IEEE), the others approximate.
    tol = EXACT if name == "sqrt" else ELEMENTWISE
    for k, dtype in enumerate(ALL_DTYPES):
        shape = UNARY_SHAPES[k % len(UNARY_SHAPES)]
        if dtype in FLOAT_DTYPES and name in DOMAINS:
            x = fam.positive(shape, dtype)
        elif dtype in FLOAT_DTYPES:
            x = fam.array(shape, dtype) * 2
        else:
            x = fam.array(shape, dtype, 0, 6)
        fam.case(name, f"kiln.{name} {{0}}", [x], fn, tol)
    for dtype in FLOAT_DTYPES:
        fam.case(name, f"kiln.{name} {{0}}", [specials(dtype)], fn, tol,
                 note="NaN, infinities, signed zeros, out of domain")

# Binary ops -----------------------------------------------------------------


def binary(name, text, fn, tol, dtypes, low=-4, high=4, note=""):
    """`name` on each dtype in `dtypes`, cycling through SHAPE_PAIRS."""
    for k, dtype in enumerate(dtypes):
        for s in range(2):
            a_shape, b_shape = SHAPE_PAIRS[(2 * k + s) % len(SHAPE_PAIRS)]
            a = fam.array(a_shape, dtype, low, high)
            b = fam.array(b_shape, dtype, low, high)
            fam.case(name, text, [a, b], fn, tol, note=note)


# Mixed dtypes: (lhs dtype, lhs shape, rhs dtype, rhs shape). A 0-d operand
# only decides the result dtype when it is of a higher category, so
# u8[3] + i64[] is uint8 and f32[3] + f64[] float32 but i64[3] + f32[] is
# float32.
PROMOTIONS = [(i64, (2, 3), f32, (3,)), (i32, (3,), i64, (2, 3)),
              (u8, (2, 3), i32, (2, 1)), (b1, (3,), u8, (2, 3)),
              (f32, (2, 3), f64, (2, 3)), (i64, (2, 3), f32, ()),
              (f32, (3,), f64, ()), (u8, (2, 3), i64, ()),
              (b1, (2, 3), i32, ()), (i32, (), f64, ()),
              (b1, (3,), f32, (2, 1)), (f64, (), i32, (4,))]


def promoted(name, text, fn, tol, skip_bool=False, low=-4, high=4):
    for a_dtype, a_shape, b_dtype, b_shape in PROMOTIONS:
        if skip_bool and b1 in (a_dtype, b_dtype):
            continue
        a = fam.array(a_shape, a_dtype, low, high)
        b = fam.array(b_shape, b_dtype, low, high)
        fam.case(name, text, [a, b], fn, tol, note="promotion")


# add/sub/mul of floats are single IEEE roundings in both: exact. Bool add is
# logical or and bool mul logical and; uint8 wraps around modulo 256.
for name in ["add", "sub", "mul"]:
    fn = getattr(torch, name)
    text = f"kiln.{name} {{0}}, {{1}}"
    dtypes = ALL_DTYPES if name != "sub" else NUMERIC_DTYPES
    binary(name, text, fn, EXACT, dtypes)
    promoted(name, text, fn, EXACT, skip_bool=name == "sub")
    fam.case(name, text, [fam.array((8,), u8, 0, 256),
                          fam.array((8,), u8, 0, 256)], fn,
             note="uint8 wrap-around")
    fam.case(name, text, [np.array([2**31 - 1, -2**31, 7], dtype=i32),
                          np.array([1, -1, 2**30], dtype=i32)], fn,
             note="int32 wrap-around")
    fam.case(name, text, [specials(f32), specials(f32)[::-1].copy()], fn,
             note="NaN and infinities")

# True division: integers and bools divide in float32 (x / 0 gives inf or
# NaN); floats are one IEEE rounding, so exact.
binary("div", "kiln.div {0}, {1}", torch.div, EXACT, ALL_DTYPES)
promoted("div", "kiln.div {0}, {1}", torch.div, EXACT)
fam.case("div", "kiln.div {0}, {1}",
         [np.array([7, -7, 7, -7, 0, 5], dtype=i64),
          np.array([2, 2, -2, -2, 0, 0], dtype=i64)], torch.div,
         note="integer true division by zero")
fam.case("div", "kiln.div {0}, {1}", [specials(f64), specials(f64)[::-1].copy()],
         torch.div, note="NaN and infinities")

# pow: integer exponents kept non-negative (torch rejects negative integer
# powers of integers); float bases negative with integral exponents must
# stay real.
binary("pow", "kiln.pow {0}, {1}", torch.pow, EXACT, INT_DTYPES, 0, 5)
binary("pow", "kiln.pow {0}, {1}", torch.pow, ELEMENTWISE, FLOAT_DTYPES)
for dtype in FLOAT_DTYPES:
    fam.case("pow", "kiln.pow {0}, {1}",
             [fam.array((2, 4), dtype), np.array([0, 1, 2, 3], dtype=dtype)],
             torch.pow, ELEMENTWISE, note="negative bases, integral exponents")
    fam.case("pow", "kiln.pow {0}, {1}",
             [fam.positive((2, 3), dtype), fam.array((3,), dtype)],
             torch.pow, ELEMENTWISE, note="positive bases")
fam.case("pow", "kiln.pow {0}, {1}",
         [np.array([-3, 2, 5, 0], dtype=i64), np.array([3, 0.5, -1, 0], f32)],
         torch.pow, ELEMENTWISE, note="promotion")
fam.case("pow", "kiln.pow {0}, {1}",
         [np.array([-1.5, 2, 4], dtype=f32), np.array([2, 3, -1], dtype=i64)],
         torch.pow, ELEMENTWISE, note="promotion")
fam.case("pow", "kiln.pow {0}, {1}",
         [fam.array((5,), u8, 0, 256), np.array(2, dtype=u8)], torch.pow,
         EXACT, note="uint8 wrap-around")

# maximum/minimum: exact; NaN in either operand gives NaN as in torch.
for name in ["maximum", "minimum"]:
    fn = getattr(torch, name)
    text = f"kiln.{name} {{0}}, {{1}}"
    binary(name, text, fn, EXACT, ALL_DTYPES)
    promoted(name, text, fn, EXACT)
    fam.case(name, text, [specials(f32), specials(f32)[::-1].copy()], fn,
             note="NaN propagation")
    fam.case(name, text, [specials(f64), np.array(np.nan, dtype=f64)], fn,
             note="NaN propagation")

# Comparisons compute in the promoted dtype: u8[] vs i64[] (0-d) compares in
# uint8, so -1 reads as 255.
for name in ["eq", "ne", "lt", "le", "gt", "ge"]:
    fn = getattr(torch, name)
    text = f"kiln.{name} {{0}}, {{1}}"
    binary(name, text, fn, EXACT, ALL_DTYPES, -2, 2)
    promoted(name, text, fn, EXACT, low=-2, high=2)
    fam.case(name, text, [specials(f32), specials(f32)[::-1].copy()], fn,
             note="NaN and infinities")
    fam.case(name, text, [np.array([0, 1, 200, 255], dtype=u8),
                          np.array(-1, dtype=i64)], fn,
             note="0-d int64 compared in uint8")
    fam.case(name, text, [np.array([1, 2, 3], dtype=i64),
                          np.array([1.5, 2.0, 2.5], dtype=f32)], fn,
             note="integer against fractional float")

# where -----------------------------------------------------------------------

WHERE_CASES = [((2, 3), f32, (2, 3), f32, (2, 3)),
               ((2, 1), f64, (3,), f64, ()),
               ((3,), i64, (2, 3), f32, (2, 1)),
               ((), u8, (4,), i64, ()),
               ((2, 3), b1, (2, 3), b1, (3,)),
               ((1, 3), i32, (2, 1), u8, (1, 1)),
               ((2, 3), f32, (), f64, ())]
for c_shape, a_dtype, a_shape, b_dtype, b_shape in WHERE_CASES:
    fam.case("where", "kiln.where {0}, {1}, {2}",
             [fam.array(c_shape, b1), fam.array(a_shape, a_dtype),
              fam.array(b_shape, b_dtype)], torch.where)
fam.case("where", "kiln.where {0}, {1}, {2}",
         [fam.array((10,), b1), specials(f32), np.array(np.nan, dtype=f32)],
         torch.where, note="NaN values")

# clamp ------------------------------------------------------------------------

CLAMPS = [("min -0.5 max 0.5", dict(min=-0.5, max=0.5)),
          ("min 0.0", dict(min=0.0)), ("max 1.0", dict(max=1.0)),
          ("min 2.0 max -1.0", dict(min=2.0, max=-1.0))]
for k, dtype in enumerate(FLOAT_DTYPES):
    for bounds, kwargs in CLAMPS:
        fam.case("clamp", f"kiln.clamp {{0}} {bounds}",
                 [fam.array((2, 3), dtype)],
                 lambda x, kw=kwargs: torch.clamp(x, **kw), note=bounds)
    fam.case("clamp", "kiln.clamp {0} min -1.0 max 1.0", [specials(dtype)],
             lambda x: torch.clamp(x, min=-1.0, max=1.0), note="NaN stays NaN")
INT_CLAMPS = [("min -1.0 max 2.0", dict(min=-1, max=2)),
              ("min 1.0", dict(min=1)), ("max 0.0", dict(max=0)),
              ("min 3.0 max 1.0", dict(min=3, max=1))]
for dtype in [i64, i32]:
    for bounds, kwargs in INT_CLAMPS:
        fam.case("clamp", f"kiln.clamp {{0}} {bounds}",
                 [fam.array((3, 2), dtype)],
                 lambda x, kw=kwargs: torch.clamp(x, **kw), note=bounds)
fam.case("clamp", "kiln.clamp {0} min 10.0 max 200.0",
         [fam.array((8,), u8, 0, 256)],
         lambda x: torch.clamp(x, min=10, max=200), note="uint8")
fam.case("clamp", "kiln.clamp {0} max 100.0", [fam.array((), i64, -200, 200)],
         lambda x: torch.clamp(x, max=100), note="0-d")

fam.run()
