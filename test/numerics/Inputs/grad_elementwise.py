"""Gradients of the element-wise ops against torch.autograd: every unary op,
clamp with either or both bounds, cast, the binary ops with broadcasting
([3, 1] x [4], 0-d on either side) and where, plus mixed float/integer
operands, whose integer side takes no gradient. Inputs stay away from kinks
(|x| > 0.1 for abs and relu, no ties for maximum/minimum, no value near a
clamp bound) and singularities (positive bases for log, sqrt, rsqrt and a
float exponent; denominators away from 0) so that float64 central
differences agree too. Usage: grad_elementwise.py PATH/TO/BIN WORK_DIR."""

import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gradients import GradFamily  # noqa: E402

fam = GradFamily("grad_elementwise", seed=3)
rng = fam.rng
normal = fam.normal

# Equal shapes, a column against a row, 0-d on either side, two 0-d, and a
# leading dim added to a size-1 dim.
SHAPE_PAIRS = [((2, 3), (2, 3)), ((3, 1), (4,)), ((), (2, 3)), ((2, 3), ()),
               ((), ()), ((4,), (2, 1, 1))]
UNARY_SHAPES = [(2, 3), (), (1, 4, 1)]


def away_from_zero(shape, margin=0.1):
    """Normal values with |x| >= margin: no kink of abs or relu nearby."""
    x = rng.standard_normal(shape)
    return np.where(np.abs(x) < margin, np.copysign(margin + np.abs(x), x), x)


def positive(shape, low=0.1, high=4.0):
    return rng.uniform(low, high, shape)


def integers(shape, low=-3, high=4, dtype=np.int64):
    return rng.integers(low, high, shape).astype(dtype)


# Unary ops ------------------------------------------------------------------

DOMAINS = {"abs": away_from_zero, "relu": away_from_zero, "log": positive,
           "sqrt": positive, "rsqrt": positive}
for name in ["neg", "abs", "relu", "exp", "log", "sqrt", "rsqrt", "sigmoid",
             "tanh"]:
    draw = DOMAINS.get(name, normal)
    for shape in UNARY_SHAPES:
        fam.case(name, f"kiln.{name} {{0}}", [draw(shape)],
                 getattr(torch, name))


def clamp_input(shape, bounds):
    """Values at least 0.05 from every bound (the bounds are >= 0.5 apart)."""
    x = 1.5 * rng.standard_normal(shape)
    for bound in bounds:
        side = np.where(x >= bound, 1.0, -1.0)
        x = np.where(np.abs(x - bound) < 0.05, bound + 0.1 * side, x)
    return x


# Both bounds, min only, max only, and min > max (every element becomes max:
# no gradient passes).
CLAMPS = [("min -0.5 max 0.5", -0.5, 0.5), ("min 0.25", 0.25, None),
          ("max -0.25", None, -0.25), ("min 1.0 max -1.0", 1.0, -1.0)]
for k, (attrs, low, high) in enumerate(CLAMPS):
    bounds = [b for b in (low, high) if b is not None]
    shape = UNARY_SHAPES[k % len(UNARY_SHAPES)]
    fam.case("clamp", f"kiln.clamp {{0}} {attrs}",
             [clamp_input(shape, bounds)],
             lambda x, low=low, high=high: torch.clamp(x, low, high),
             note=attrs)

# float32 -> float64 in the float32 run (the gradient is cast back), the
# identity in the float64 one. float64 -> float32 is left out: float64 central
# differences through float32 rounding would measure the rounding.
for shape in [(2, 3), ()]:
    fam.case("cast", "kiln.cast {0}", [normal(shape)],
             lambda x: x.to(torch.float64), syntax="cast")

# Binary ops -----------------------------------------------------------------


def binary(name, fn, draw_lhs=normal, draw_rhs=normal):
    for lhs, rhs in SHAPE_PAIRS:
        fam.case(name, f"kiln.{name} {{0}}, {{1}}", [draw_lhs(lhs),
                                                      draw_rhs(rhs)], fn)


binary("add", torch.add)
binary("sub", torch.sub)
binary("mul", torch.mul)
binary("div", torch.div, draw_rhs=lambda s: away_from_zero(s, 0.5))
# A positive base keeps log(base) and every real power defined.
binary("pow", torch.pow, draw_lhs=lambda s: positive(s, 0.5, 2.0),
       draw_rhs=lambda s: rng.uniform(-2.0, 2.0, s))


def distinct(shape_a, shape_b):
    """Operands whose broadcast pairs differ by at least 0.1 (no ties)."""
    a = normal(shape_a)
    b = normal(shape_b)
    gap = np.broadcast_to(b, np.broadcast_shapes(a.shape, b.shape)) - a
    if np.abs(gap).min() < 0.1:
        return distinct(shape_a, shape_b)
    return a, b


for name in ["maximum", "minimum"]:
    for lhs, rhs in SHAPE_PAIRS:
        fam.case(name, f"kiln.{name} {{0}}, {{1}}", list(distinct(lhs, rhs)),
                 getattr(torch, name))

# where: the bool condition takes no gradient; the values broadcast with it.
for cond, lhs, rhs in [((2, 3), (2, 3), (2, 3)), ((3, 1), (4,), ()),
                       ((), (2, 3), (3,)), ((4,), (), (3, 1))]:
    fam.case("where", "kiln.where {0}, {1}, {2}",
             [rng.random(cond) < 0.5, normal(lhs), normal(rhs)], torch.where)

# Mixed float and integer operands: only the float side is differentiated.
MIXED = [
    ("add", "kiln.add {0}, {1}", [normal((2, 3)), integers((3,))], torch.add),
    ("add", "kiln.add {0}, {1}", [integers((2, 3)), normal(())], torch.add),
    ("sub", "kiln.sub {0}, {1}", [integers((3, 1), dtype=np.int32),
                                  normal((4,))], torch.sub),
    ("mul", "kiln.mul {0}, {1}", [normal((2, 3)), integers((2, 3))],
     torch.mul),
    ("mul", "kiln.mul {0}, {1}", [integers((), dtype=np.uint8, low=0),
                                  normal((3,))], torch.mul),
    ("div", "kiln.div {0}, {1}", [normal((2, 3)), integers((3,), low=1)],
     torch.div),
    ("div", "kiln.div {0}, {1}", [integers((2, 3)), away_from_zero((3,), 0.5)],
     torch.div),
    # An integer exponent, 0 included (where the self gradient is zero).
    ("pow", "kiln.pow {0}, {1}", [normal((2, 3)), integers((2, 3), 0, 4)],
     torch.pow),
    # An integer base: only the exponent's gradient, log of the base as a
    # float (the base stays positive).
    ("pow", "kiln.pow {0}, {1}", [integers((3,), 1, 5), normal((2, 3))],
     torch.pow),
    ("maximum", "kiln.maximum {0}, {1}",
     [normal((2, 3)) + 0.5, integers((3,))], torch.maximum),
    ("minimum", "kiln.minimum {0}, {1}",
     [integers((2, 3)), normal(()) + 0.5], torch.minimum),
    ("where", "kiln.where {0}, {1}, {2}",
     [rng.random((2, 3)) < 0.5, integers((3,)), normal((2, 1))], torch.where),
]
for op, text, inputs, fn in MIXED:
    fam.case(op, text, inputs, fn, note="float and integer operands")

fam.run()
