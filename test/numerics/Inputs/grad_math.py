"""Gradients of the math ops against torch.autograd, and kiln gradcheck: the
trigonometric, hyperbolic and error functions, reciprocal, the activations
with their attributes (the composites through their decompositions), prelu
with a broadcast slope, fmod and remainder with both operands, and mixed
float/integer operands, whose integer side takes no gradient. Inputs stay
inside each function's domain, away from the singularities (asin's +-1,
acosh's 1, atanh's +-1, tan's pi/2, reciprocal's 0), from the kinks of the
piecewise activations (0, thresholds, hardswish's +-3, hardsigmoid's
clamp bounds) and from the jumps of fmod and remainder (quotients near an
integer), so that float64 central differences agree too.
Usage: grad_math.py PATH/TO/BIN WORK_DIR."""

import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gradients import GradFamily  # noqa: E402

fam = GradFamily("grad_math", seed=11)
rng = fam.rng
normal = fam.normal
F = torch.nn.functional
UNARY_SHAPES = [(2, 3), (), (1, 4, 1)]
SHAPE_PAIRS = [((2, 3), (2, 3)), ((3, 1), (4,)), ((), (2, 3)), ((2, 3), ()),
               ((), ()), ((4,), (2, 1, 1))]


def uniform(low, high):
    return lambda shape: rng.uniform(low, high, shape)


def away_from(points, margin=0.1, scale=2.0):
    """Normal values (times `scale`) at least `margin` from every point."""
    def draw(shape):
        x = scale * rng.standard_normal(shape)
        for p in points:
            side = np.where(x >= p, 1.0, -1.0)
            x = np.where(np.abs(x - p) < margin, p + margin * side, x)
        return x
    return draw


def integers(shape, low=-3, high=4, dtype=np.int64):
    return rng.integers(low, high, shape).astype(dtype)


# Unary functions -------------------------------------------------------------

DOMAINS = {"asin": uniform(-0.9, 0.9), "acos": uniform(-0.9, 0.9),
           "atanh": uniform(-0.9, 0.9), "acosh": uniform(1.1, 4.0),
           "tan": uniform(-1.3, 1.3), "reciprocal": away_from([0.0], 0.3)}
for name in ["sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
             "asinh", "acosh", "atanh", "erf", "reciprocal"]:
    draw = DOMAINS.get(name, normal)
    for shape in UNARY_SHAPES:
        fam.case(name, f"kiln.{name} {{0}}", [draw(shape)],
                 getattr(torch, name))

# Activations: (name, text, torch function, inputs away from the kinks).
ACTIVATIONS = [
    ("softplus", "kiln.softplus {0}", F.softplus, normal),
    ("softplus", "kiln.softplus {0} {{beta = 2.0 : f64, threshold = 3.0 : f64}}",
     lambda x: F.softplus(x, beta=2.0, threshold=3.0),
     away_from([1.5], 0.1, 1.5)),
    # Both sides of softplus's threshold, where the gradient switches
    # formula.
    ("softplus", "kiln.softplus {0}", F.softplus, uniform(15.0, 25.0)),
    ("gelu", "kiln.gelu {0}", F.gelu, away_from([], scale=2.0)),
    ("gelu", "kiln.gelu {0} {{approximate = \"tanh\"}}",
     lambda x: F.gelu(x, approximate="tanh"), away_from([], scale=2.0)),
    ("elu", "kiln.elu {0}", F.elu, away_from([0.0])),
    ("elu", "kiln.elu {0} {{alpha = 0.5 : f64}}",
     lambda x: F.elu(x, alpha=0.5), away_from([0.0])),
    ("selu", "kiln.selu {0}", F.selu, away_from([0.0])),
    ("celu", "kiln.celu {0} {{alpha = 2.5 : f64}}",
     lambda x: F.celu(x, alpha=2.5), away_from([0.0])),
    ("leaky_relu", "kiln.leaky_relu {0} {{negative_slope = 0.2 : f64}}",
     lambda x: F.leaky_relu(x, 0.2), away_from([0.0])),
    ("hardsigmoid",
     "kiln.hardsigmoid {0} {{alpha = 0.16666666666666666 : f64, "
     "beta = 0.5 : f64}}",
     # hardsigmoid_backward multiplies by 1.0f / 6 (a float32 constant) even
     # in float64; the same function through clamp has the exact 1 / 6.
     lambda x: torch.clamp(x / 6 + 0.5, 0, 1),
     away_from([-3.0, 3.0], 0.1, 3.0)),
    ("hardsigmoid",
     "kiln.hardsigmoid {0} {{alpha = 0.2 : f64, beta = 0.5 : f64}}",
     lambda x: torch.clamp(0.2 * x + 0.5, 0, 1),
     away_from([-2.5, 2.5], 0.1, 3.0)),
    ("hardswish", "kiln.hardswish {0}", F.hardswish,
     away_from([-3.0, 3.0], 0.1, 3.0)),
    ("softsign", "kiln.softsign {0}", F.softsign, normal),
    ("thresholded_relu", "kiln.thresholded_relu {0} {{alpha = 0.5 : f64}}",
     lambda x: F.threshold(x, 0.5, 0.0), away_from([0.5])),
    ("shrink", "kiln.shrink {0} {{bias = 0.5 : f64, lambd = 0.5 : f64}}",
     lambda x: F.softshrink(x, 0.5), away_from([-0.5, 0.5])),
    ("shrink", "kiln.shrink {0}", F.hardshrink, away_from([-0.5, 0.5])),
]
for k, (name, text, fn, draw) in enumerate(ACTIVATIONS):
    for shape in UNARY_SHAPES[:2] if k % 2 else UNARY_SHAPES[::2]:
        fam.case(name, text, [draw(shape)], fn)

# prelu: the slope broadcasts to the input; its gradient is summed back.
for x_shape, s_shape in [((2, 3), (2, 3)), ((2, 3), (3,)), ((2, 3), ()),
                         ((4, 1, 3), (1, 3))]:
    fam.case("prelu", "kiln.prelu {0}, {1}",
             [away_from([0.0])(x_shape), normal(s_shape)],
             lambda x, s: torch.where(x > 0, x, x * s))
fam.case("prelu", "kiln.prelu {0}, {1}",
         [away_from([0.0])((2, 3, 4)), normal((3, 1))],
         lambda x, s: F.prelu(x, s.reshape(3)),
         note="torch's per-channel weight")

# Remainders: quotients kept at least 0.1 from an integer, where both jump.


def remainder_operands(shape_a, shape_b):
    b = away_from([0.0], 0.5)(shape_b)
    a = 3.0 * normal(shape_a)
    q = np.broadcast_to(a, np.broadcast_shapes(np.shape(a), np.shape(b))) / b
    if np.abs(q - np.round(q)).min() < 0.1:
        return remainder_operands(shape_a, shape_b)
    return [a, b]


for name in ["fmod", "remainder"]:
    fn = getattr(torch, name)
    for a_shape, b_shape in SHAPE_PAIRS:
        fam.case(name, f"kiln.{name} {{0}}, {{1}}",
                 remainder_operands(a_shape, b_shape), fn)

# Mixed float and integer operands: only the float side is differentiated.
MIXED = [
    ("fmod", "kiln.fmod {0}, {1}",
     [np.array([[1.3, 2.2, -5.5], [-0.7, 7.1, 2.9]]),
      np.array([2, -3, 4], dtype=np.int64)], torch.fmod),
    ("remainder", "kiln.remainder {0}, {1}",
     [np.array([[-9, 4, 0], [7, -2, 5]], dtype=np.int32),
      np.array([1.7, -2.7, 3.1])], torch.remainder),
    ("prelu", "kiln.prelu {0}, {1}", [normal((2, 3)), normal((3,))],
     lambda x, s: torch.where(x > 0, x, x * s), [1]),
]
for op, text, inputs, fn, *wrt in MIXED:
    fam.case(op, text, inputs, fn, wrt=wrt[0] if wrt else None,
             note="float and integer operands" if not wrt else
             "slope only")

fam.run()
