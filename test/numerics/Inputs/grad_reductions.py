"""Gradients of the reductions against torch.autograd: sum over all, some
and negative dims with and without keepdim (0-d inputs too); prod without
zeros, with one zero in a slice (the product of the others) and with two (no
gradient), over one dim, several dims and all; amax/amin (kiln.max/min) with
distinct values and with two-way ties, where the gradient is split evenly;
and mean, which kiln-decompose turns into sum and div first.

Ties are two-way only: torch's even split gives each tied entry w/2, which
central differences also measure (raising one entry by eps raises the max by
eps, lowering it leaves the max), whereas a k-way tie gets w/k from torch
but w/2 from central differences. prod is multilinear, so central
differences are exact at zeros as well. Usage: grad_reductions.py
PATH/TO/BIN WORK_DIR."""

import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gradients import GradFamily  # noqa: E402

fam = GradFamily("grad_reductions", seed=11)
rng = fam.rng
normal = fam.normal


def attrs(dims, keepdim):
    text = "" if dims is None else f" dim {dims}"
    return text + (" keepdim" if keepdim else "")


def torch_dims(dims):
    return () if dims is None else tuple(dims)


# (shape, dims, keepdim): all dims, one, a negative one, several in any
# order, and 0-d inputs.
REDUCTIONS = [
    ((2, 3), None, False),
    ((2, 3), [1], False),
    ((2, 3), [-1], True),
    ((2, 3, 4), [0, 2], False),
    ((2, 3, 4), [2, 0], True),
    ((2, 3, 4), None, True),
    ((), None, False),
    ((), [0], True),
]

for shape, dims, keepdim in REDUCTIONS:
    fam.case("sum", f"kiln.sum {{0}}{attrs(dims, keepdim)}", [normal(shape)],
             lambda x, dims=dims, keepdim=keepdim:
             torch.sum(x, torch_dims(dims), keepdim=keepdim))
    fam.case("mean", f"kiln.mean {{0}}{attrs(dims, keepdim)}", [normal(shape)],
             lambda x, dims=dims, keepdim=keepdim:
             torch.mean(x, torch_dims(dims), keepdim=keepdim))

# prod -----------------------------------------------------------------------


def prod_reference(x, dims, keepdim):
    """torch.prod over several dims, one at a time from the last (the
    gradient is the same function's)."""
    if dims is None:
        result = torch.prod(x)
        return result.reshape([1] * x.dim()) if keepdim else result
    for dim in sorted((d % max(x.dim(), 1) for d in dims), reverse=True):
        x = torch.prod(x, dim, keepdim=keepdim)
    return x


def factors(shape):
    """Values of magnitude in [0.5, 1.5], so that products stay near 1."""
    return rng.choice([-1.0, 1.0], shape) * rng.uniform(0.5, 1.5, shape)


def with_zeros(shape, positions):
    x = factors(shape)
    for position in positions:
        x[position] = 0.0
    return x


PRODS = [(factors(shape), dims, keepdim, "")
         for shape, dims, keepdim in REDUCTIONS]
PRODS += [
    # Row 0 has one zero, row 1 two, row 2 none.
    (with_zeros((3, 4), [(0, 2), (1, 0), (1, 3)]), [1], False,
     "zeros: one, two and none per row"),
    (with_zeros((3, 4), [(0, 2), (1, 0), (1, 3)]), [0], True,
     "zeros: one in columns 0, 2 and 3"),
    (with_zeros((2, 3), [(1, 1)]), None, False, "one zero in all"),
    (with_zeros((2, 3), [(0, 0), (1, 2)]), None, False, "two zeros in all"),
    (with_zeros((2, 3, 2), [(0, 1, 0), (1, 2, 1), (1, 0, 1)]), [0, 2], False,
     "zeros over two dims"),
]
for x, dims, keepdim, note in PRODS:
    fam.case("prod", f"kiln.prod {{0}}{attrs(dims, keepdim)}", [x],
             lambda x, dims=dims, keepdim=keepdim:
             prod_reference(x, dims, keepdim), note=note)

# amax / amin ----------------------------------------------------------------


def distinct(shape):
    """A shuffled grid 0.25 apart: no ties, every gap resolvable by eps."""
    count = int(np.prod(shape))
    return (rng.permutation(count) * 0.25 - count * 0.125).reshape(shape)


def tied(shape, pairs, largest):
    """`distinct` with each pair of positions set to one value beyond the
    array's extremum, so that each pair is a two-way tie at the extremum of
    its slice."""
    x = distinct(shape)
    extreme = x.max() + 1.0 if largest else x.min() - 1.0
    for a, b in pairs:
        x[a] = x[b] = extreme
    return x


for name, largest in [("max", True), ("min", False)]:
    reference = torch.amax if largest else torch.amin
    for shape, dims, keepdim in REDUCTIONS:
        fam.case(name, f"kiln.{name} {{0}}{attrs(dims, keepdim)}",
                 [distinct(shape)],
                 lambda x, dims=dims, keepdim=keepdim, reference=reference:
                 reference(x, torch_dims(dims), keepdim))
    TIES = [
        # Two-way ties in rows 0 and 2 of a reduction over dim 1.
        ((3, 4), [1], False, [((0, 1), (0, 3)), ((2, 0), (2, 2))]),
        # A two-way tie over every dim.
        ((2, 3), None, True, [((0, 2), (1, 0))]),
        # A tie across the two reduced dims of one slice.
        ((2, 3, 2), [0, 2], False, [((0, 1, 0), (1, 1, 1))]),
    ]
    for shape, dims, keepdim, pairs in TIES:
        fam.case(name, f"kiln.{name} {{0}}{attrs(dims, keepdim)}",
                 [tied(shape, pairs, largest)],
                 lambda x, dims=dims, keepdim=keepdim, reference=reference:
                 reference(x, torch_dims(dims), keepdim),
                 note="two-way ties")

fam.run()
