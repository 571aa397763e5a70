"""Math functions and activations against torch: the trigonometric,
hyperbolic and error functions on every dtype (integers become float32),
rounding (half to even) and sign, the activations with their attributes
(composites included: they run through kiln-decompose), predicates, logical
and bitwise ops with promotion, shifts, fmod and remainder with every sign
combination. ONNX's definitions agree with torch's on these inputs; the
cases that pin ONNX's attributes say so in their note.
Usage: math.py PATH/TO/kiln WORK_DIR."""

import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (ALL_DTYPES, ELEMENTWISE, EXACT, FLOAT_DTYPES,  # noqa: E402
                     INT_DTYPES, NUMERIC_DTYPES, Family)

fam = Family("math", seed=7)
F = torch.nn.functional
f32, f64, i64, i32, u8, b1 = (np.float32, np.float64, np.int64, np.int32,
                              np.uint8, np.bool_)
UNARY_SHAPES = [(2, 3), (), (1, 4, 1)]
SHAPE_PAIRS = [((2, 3), (2, 3)), ((2, 3), (3,)), ((4, 1, 3), (2, 1)),
               ((), (2, 3)), ((3, 1), ()), ((), ())]


def specials(dtype, extra=()):
    values = [np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0, -1.0, 0.5, -2.5]
    return np.array(values + list(extra), dtype=dtype)


def uniform(shape, dtype, low, high):
    return fam.rng.uniform(low, high, tuple(shape)).astype(dtype)


# Transcendental functions: every dtype, integers and bools become float32.
DOMAINS = {"asin": (-0.99, 0.99), "acos": (-0.99, 0.99),
           "atanh": (-0.99, 0.99), "acosh": (1.01, 6.0),
           "tan": (-1.5, 1.5)}
INT_RANGES = {"acosh": (1, 6), "asin": (-1, 2), "acos": (-1, 2),
              "atanh": (-1, 2)}
for name in ["sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
             "asinh", "acosh", "atanh", "erf", "reciprocal"]:
    fn = getattr(torch, name)
    for k, dtype in enumerate(ALL_DTYPES):
        shape = UNARY_SHAPES[k % len(UNARY_SHAPES)]
        if dtype in FLOAT_DTYPES:
            low, high = DOMAINS.get(name, (-3.0, 3.0))
            x = uniform(shape, dtype, low, high)
        else:
            low, high = INT_RANGES.get(name, (-3, 4))
            x = fam.array(shape, dtype, low, high)
        tol = EXACT if name == "reciprocal" else ELEMENTWISE
        fam.case(name, f"kiln.{name} {{0}}", [x], fn, tol)
    for dtype in FLOAT_DTYPES:
        fam.case(name, f"kiln.{name} {{0}}", [specials(dtype, [3.0, 10.0])],
                 fn, EXACT if name == "reciprocal" else ELEMENTWISE,
                 note="NaN, infinities, signed zeros, out of domain")
# Large arguments: sinh and cosh overflow to infinity, erf saturates.
for dtype in FLOAT_DTYPES:
    big = np.array([-100.0, -20.0, -5.0, 5.0, 20.0, 100.0], dtype=dtype)
    for name in ["sinh", "cosh", "erf", "atan", "asinh"]:
        fam.case(name, f"kiln.{name} {{0}}", [big], getattr(torch, name),
                 ELEMENTWISE, note="large arguments")

# Rounding and sign: floats (halves round to even), integers keep their dtype
# and value; sign of a bool is itself, of NaN and zeros 0.
HALVES = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999997, 2.7, -2.7,
          4503599627370497.0, 1e20, -1e20]
for name in ["floor", "ceil", "round", "sign"]:
    fn = getattr(torch, name)
    for k, dtype in enumerate(NUMERIC_DTYPES):
        shape = UNARY_SHAPES[k % len(UNARY_SHAPES)]
        x = fam.array(shape, dtype) * (3 if dtype in FLOAT_DTYPES else 1)
        fam.case(name, f"kiln.{name} {{0}}", [x], fn)
    for dtype in FLOAT_DTYPES:
        fam.case(name, f"kiln.{name} {{0}}", [specials(dtype, HALVES)], fn,
                 note="NaN, infinities, signed zeros, halves")
    fam.case(name, f"kiln.{name} {{0}}", [fam.array((6,), u8, 0, 256)], fn,
             note="full uint8 range")
fam.case("sign", "kiln.sign {0}", [fam.array((2, 3), b1)], torch.sign,
         note="bool")

# Activations -------------------------------------------------------------

ACTIVATION_INPUTS = [(1.0, (2, 3)), (4.0, (5, 4)), (1.0, ())]


def activation(name, text, fn, tol=ELEMENTWISE, scale_list=None, note=""):
    for dtype in FLOAT_DTYPES:
        for scale, shape in scale_list or ACTIVATION_INPUTS:
            fam.case(name, text, [fam.array(shape, dtype) * scale], fn, tol,
                     note=note)
        fam.case(name, text, [specials(dtype, [30.0, -30.0, 1e-4, -1e-4])],
                 fn, tol, note=(note + ", " if note else "") +
                 "NaN, infinities, large, small")


activation("softplus", "kiln.softplus {0}", F.softplus)
activation("softplus", "kiln.softplus {0} {{beta = 2.0 : f64, "
           "threshold = 5.0 : f64}}",
           lambda x: F.softplus(x, beta=2.0, threshold=5.0), note="beta 2")
# ONNX Softplus, log(1 + exp(x)), must not overflow for large x (above the
# threshold the two differ by less than exp(-20) relative).
for dtype in FLOAT_DTYPES:
    x = np.array([-100.0, -30.0, -1e-3, 0.0, 19.0, 21.0, 100.0, 1e30],
                 dtype=dtype)
    fam.case("softplus", "kiln.softplus {0}", [x], F.softplus, ELEMENTWISE,
             note="no overflow for large x")
# torch's float32 erf is a polynomial with ~1e-7 absolute error, which the
# cancellation in 1 + erf(x) turns into relative errors of percents below
# x = -3 (float32 gelu against its own float64 differs by 4%); kiln takes
# erf correctly rounded, so the reference is torch's gelu in float64.
activation("gelu", "kiln.gelu {0}",
           lambda x: F.gelu(x.double()).to(x.dtype))
activation("gelu", "kiln.gelu {0} {{approximate = \"tanh\"}}",
           lambda x: F.gelu(x, approximate="tanh"), note="tanh")
activation("elu", "kiln.elu {0}", F.elu)
activation("elu", "kiln.elu {0} {{alpha = 0.5 : f64}}",
           lambda x: F.elu(x, alpha=0.5), note="alpha 0.5")
activation("selu", "kiln.selu {0}", F.selu)
# ONNX Selu with its own alpha and gamma.
activation("selu", "kiln.selu {0} {{alpha = 2.0 : f64, gamma = 3.0 : f64}}",
           lambda x: 3.0 * torch.where(x > 0, x, 2.0 * torch.expm1(x)),
           note="ONNX alpha and gamma")
activation("celu", "kiln.celu {0}", F.celu)
activation("celu", "kiln.celu {0} {{alpha = 2.5 : f64}}",
           lambda x: F.celu(x, alpha=2.5), note="alpha 2.5")
activation("leaky_relu", "kiln.leaky_relu {0}", F.leaky_relu, EXACT)
activation("leaky_relu", "kiln.leaky_relu {0} {{negative_slope = 0.2 : f64}}",
           lambda x: F.leaky_relu(x, 0.2), EXACT, note="slope 0.2")
# torch's hardsigmoid is (x + 3) / 6 clamped, kiln's x / 6 + 0.5: a rounding
# apart.
activation("hardsigmoid",
           "kiln.hardsigmoid {0} {{alpha = 0.16666666666666666 : f64, "
           "beta = 0.5 : f64}}", F.hardsigmoid, note="torch's")
activation("hardsigmoid",
           "kiln.hardsigmoid {0} {{alpha = 0.2 : f64, beta = 0.5 : f64}}",
           lambda x: torch.clamp(x * 0.2 + 0.5, 0, 1), EXACT,
           note="ONNX's defaults")
activation("hardswish", "kiln.hardswish {0}", F.hardswish, EXACT)
activation("softsign", "kiln.softsign {0}", F.softsign, EXACT)
for dtype in [i64, i32, u8]:
    fam.case("softsign", "kiln.softsign {0}", [fam.array((2, 3), dtype)],
             F.softsign, note="integers give float32")
activation("thresholded_relu", "kiln.thresholded_relu {0}",
           lambda x: F.threshold(x, 1.0, 0.0), EXACT)
activation("thresholded_relu",
           "kiln.thresholded_relu {0} {{alpha = -0.5 : f64}}",
           lambda x: F.threshold(x, -0.5, 0.0), EXACT, note="alpha -0.5")
# hardshrink keeps NaN where softshrink and ONNX's Shrink give 0; kiln.shrink
# gives 0.
activation("shrink", "kiln.shrink {0}",
           lambda x: torch.where(x.isnan(), 0.0, F.hardshrink(x)).to(x.dtype),
           EXACT, note="hardshrink, NaN to 0")
activation("shrink", "kiln.shrink {0} {{bias = 1.5 : f64, lambd = 1.5 : f64}}",
           lambda x: F.softshrink(x, 1.5), EXACT, note="softshrink")
activation("shrink", "kiln.shrink {0} {{bias = 0.25 : f64, lambd = 1.0 : f64}}",
           lambda x: torch.where(x < -1, x + 0.25,
                                 torch.where(x > 1, x - 0.25,
                                             torch.zeros_like(x))), EXACT,
           note="ONNX bias and lambd")

# prelu: the slope broadcasts to x (torch's per-channel weight [C] of an
# [N, C, L] input is the slope [C, 1]).
for dtype in FLOAT_DTYPES:
    for x_shape, s_shape in [((2, 3), (2, 3)), ((2, 3), (3,)), ((2, 3), ()),
                             ((4, 1, 3), (1, 3)), ((), ())]:
        fam.case("prelu", "kiln.prelu {0}, {1}",
                 [fam.array(x_shape, dtype), fam.array(s_shape, dtype)],
                 lambda x, s: torch.where(x > 0, x, x * s), EXACT)
    fam.case("prelu", "kiln.prelu {0}, {1}",
             [fam.array((2, 3, 4), dtype), fam.array((3, 1), dtype)],
             lambda x, s: F.prelu(x, s.reshape(3)), EXACT,
             note="torch's per-channel weight")
    fam.case("prelu", "kiln.prelu {0}, {1}",
             [specials(dtype), np.array(0.25, dtype=dtype)],
             lambda x, s: F.prelu(x, s.reshape(1)), EXACT, note="specials")

# Predicates and logical ops ----------------------------------------------

for k, dtype in enumerate(ALL_DTYPES):
    shape = UNARY_SHAPES[k % len(UNARY_SHAPES)]
    for name in ["isnan", "isinf", "logical_not"]:
        fam.case(name, f"kiln.{name} {{0}}", [fam.array(shape, dtype, -2, 2)],
                 getattr(torch, name))
for dtype in FLOAT_DTYPES:
    for name in ["isnan", "isinf", "logical_not"]:
        fam.case(name, f"kiln.{name} {{0}}", [specials(dtype)],
                 getattr(torch, name), note="specials")
    x = specials(dtype)
    fam.case("isinf", "kiln.isinf {0} {{detect_negative = false}}", [x],
             lambda t: torch.isposinf(t), note="ONNX detect_negative=0")
    fam.case("isinf", "kiln.isinf {0} {{detect_positive = false}}", [x],
             lambda t: torch.isneginf(t), note="ONNX detect_positive=0")
    fam.case("isinf", "kiln.isinf {0} {{detect_negative = false, "
             "detect_positive = false}}", [x],
             lambda t: torch.zeros_like(t, dtype=torch.bool),
             note="neither")


def binary(name, fn, dtypes, low=-4, high=4, note=""):
    for k, dtype in enumerate(dtypes):
        for s in range(2):
            a_shape, b_shape = SHAPE_PAIRS[(2 * k + s) % len(SHAPE_PAIRS)]
            fam.case(name, f"kiln.{name} {{0}}, {{1}}",
                     [fam.array(a_shape, dtype, low, high),
                      fam.array(b_shape, dtype, low, high)], fn, note=note)


MIXED = [(i64, (2, 3), f32, (3,)), (b1, (3,), u8, (2, 3)),
         (i32, (2, 3), i64, ()), (u8, (2, 3), i64, ()), (f64, (), i32, (4,)),
         (b1, (2, 3), i32, ())]


def mixed(name, fn, pairs, low=-3, high=4):
    for a_dtype, a_shape, b_dtype, b_shape in pairs:
        fam.case(name, f"kiln.{name} {{0}}, {{1}}",
                 [fam.array(a_shape, a_dtype, low, high),
                  fam.array(b_shape, b_dtype, low, high)], fn,
                 note="promotion")


for name in ["logical_and", "logical_or", "logical_xor"]:
    fn = getattr(torch, name)
    binary(name, fn, ALL_DTYPES, -2, 2)
    mixed(name, fn, MIXED, -2, 2)
    fam.case(name, f"kiln.{name} {{0}}, {{1}}",
             [specials(f32), specials(f32)[::-1].copy()], fn,
             note="NaN is true")

# Bitwise ops: integers and bools, promoted; shifts on integers.
INTEGRAL = [i64, i32, u8, b1]
for name in ["bitwise_and", "bitwise_or", "bitwise_xor"]:
    fn = getattr(torch, name)
    binary(name, fn, INTEGRAL, -100, 100)
    mixed(name, fn, [p for p in MIXED if f32 not in p and f64 not in p],
          -100, 100)
    fam.case(name, f"kiln.{name} {{0}}, {{1}}",
             [fam.array((8,), u8, 0, 256), fam.array((8,), u8, 0, 256)], fn,
             note="full uint8 range")
for k, dtype in enumerate(INTEGRAL):
    fam.case("bitwise_not", "kiln.bitwise_not {0}",
             [fam.array(UNARY_SHAPES[k % 3], dtype, -100, 100)],
             torch.bitwise_not)
fam.case("bitwise_not", "kiln.bitwise_not {0}",
         [fam.array((8,), u8, 0, 256)], torch.bitwise_not,
         note="full uint8 range")
for name in ["bitwise_left_shift", "bitwise_right_shift"]:
    fn = getattr(torch, name)
    for dtype, bits in [(u8, 8), (i32, 32), (i64, 64)]:
        values = fam.array((2, 4), dtype, -1000 if dtype != u8 else 0, 1000)
        amounts = fam.array((4,), dtype, 0, bits)
        fam.case(name, f"kiln.{name} {{0}}, {{1}}", [values, amounts], fn)
    # uint8 (ONNX BitShift's unsigned types): amounts past the width give 0.
    fam.case(name, f"kiln.{name} {{0}}, {{1}}",
             [np.array([1, 128, 255, 37, 200], dtype=u8),
              np.array([0, 1, 7, 8, 200], dtype=u8)], fn,
             note="uint8, full range of amounts")
    fam.case(name, f"kiln.{name} {{0}}, {{1}}",
             [np.array([-8, 7, -1, 2**40], dtype=i64),
              np.array([1, 2, 63, 3], dtype=i64)], fn,
             note="signed values")
    mixed(name, fn, [(u8, (2, 3), i64, ()), (i32, (3,), i64, (2, 3))], 0, 8)

# The truncated quotient (ONNX Div of integers): exact on the whole range,
# where a detour through float32 rounds (2147483647 / 1 gave -2147483648,
# 123456789012345678 / 10 gave 12345679481405440); every sign; floats
# truncate the true quotient. An integer divisor of 0 gives 0 and
# INT64_MIN / -1 wraps (torch raises or traps; see the op's description).
SIGNS_DIV = ([5, -5, 5, -5, 0, 7, -7, 3, 9],
             [3, 3, -3, -3, 2, 7, 7, -1, 4])


def div_trunc(a, b):
    return torch.div(a, b, rounding_mode="trunc")


for dtype in [f32, f64, i64, i32]:
    fam.case("div_trunc", "kiln.div_trunc {0}, {1}",
             [np.array(SIGNS_DIV[0], dtype=dtype),
              np.array(SIGNS_DIV[1], dtype=dtype)], div_trunc, note="signs")
fam.case("div_trunc", "kiln.div_trunc {0}, {1}",
         [np.array([2**31 - 1, -2**31, 2**31 - 1], dtype=i32),
          np.array([1, 1, -1], dtype=i32)], div_trunc, note="int32 extremes")
fam.case("div_trunc", "kiln.div_trunc {0}, {1}",
         [np.array([123456789012345678, -123456789012345678, 2**63 - 1],
                   dtype=i64), np.array([10, 7, 3], dtype=i64)], div_trunc,
         note="int64 beyond float precision")
fam.case("div_trunc", "kiln.div_trunc {0}, {1}",
         [np.array([200, 255, 7], dtype=u8), np.array([3, 16, 7], dtype=u8)],
         div_trunc, note="uint8")
fam.case("div_trunc", "kiln.div_trunc {0}, {1}",
         [np.array([-2**63, 5, 9], dtype=i64), np.array([-1, 0, 0], dtype=i64)],
         lambda a, b: torch.tensor([-2**63, 0, 0]),
         note="INT64_MIN by -1 wraps, by 0 gives 0 (would trap in C)")
fam.case("div_trunc", "kiln.div_trunc {0}, {1}",
         [specials(f32, [7.5, -7.5, 1e10]),
          np.array([2.0, 2.0, 2.0, 3.0, 3.0, np.inf, -np.inf, 0.0, -2.0, 2.0,
                    -2.0, 3.0], dtype=f32)], div_trunc, note="specials")
mixed("div_trunc", div_trunc, [(i64, (2, 3), f32, (3,)), (u8, (2, 3), i64, ())],
      1, 9)

# Remainders: every sign combination, integers and floats, promotion. An
# integer divisor of 0 is left out (torch raises); see the docs.
SIGNS = ([5, -5, 5, -5, 0, 7, -7, 3],
         [3, 3, -3, -3, 2, 7, 7, -1])
for name in ["fmod", "remainder"]:
    fn = getattr(torch, name)
    for dtype in [f32, f64, i64, i32]:
        fam.case(name, f"kiln.{name} {{0}}, {{1}}",
                 [np.array(SIGNS[0], dtype=dtype),
                  np.array(SIGNS[1], dtype=dtype)], fn, note="signs")
    for dtype in FLOAT_DTYPES:
        for a_shape, b_shape in SHAPE_PAIRS[:4]:
            b = fam.array(b_shape, dtype) * 3
            b = np.where(np.abs(b) < 0.1, 0.5, b).astype(dtype)
            fam.case(name, f"kiln.{name} {{0}}, {{1}}",
                     [fam.array(a_shape, dtype) * 5, b], fn)
        fam.case(name, f"kiln.{name} {{0}}, {{1}}",
                 [specials(dtype, [7.5, -7.5, 1e10]),
                  np.array([2.0, 2.0, 2.0, 3.0, 3.0, np.inf, -np.inf, 0.0,
                            -2.0, 2.0, -2.0, 3.0], dtype=dtype)], fn,
                 note="specials")
    for dtype, low in [(i64, -20), (i32, -20), (u8, 0)]:
        a = fam.array((2, 3), dtype, low, 20)
        b = fam.array((3,), dtype, 1, 7) * (np.array([1, -1, 1], dtype) if
                                             dtype != u8 else 1)
        fam.case(name, f"kiln.{name} {{0}}, {{1}}", [a, b.astype(dtype)], fn)
    fam.case(name, f"kiln.{name} {{0}}, {{1}}",
             [np.array([-2**63, 5, -2**63], dtype=i64),
              np.array([-1, -1, 1], dtype=i64)],
             lambda a, b: torch.zeros_like(a),
             note="INT64_MIN by -1 (would trap in C)")
    mixed(name, fn, [(i64, (2, 3), f32, (3,)), (i32, (3,), f64, ()),
                     (u8, (2, 3), i64, ())], 1, 9)

fam.run()
