"""Gradients of the shape ops against torch.autograd: the reshapes (reshape,
view, flatten, squeeze, unsqueeze), transpose and permute with negative
dims, expand (new leading dims, size-1 dims, 0-d), cat (with a promoted
integer input and torch's skipped 1-D empty input) and stack, slice with
steps, negative and clamped bounds, and index_select and gather with
repeated indices (whose gradients accumulate). Every op only moves values,
so the gradients are exact up to the few additions of repeated indices.
Usage: grad_shape.py PATH/TO/BIN WORK_DIR."""

import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gradients import GradFamily  # noqa: E402

fam = GradFamily("grad_shape", seed=7)
rng = fam.rng
normal = fam.normal


def indices(shape, size, dtype=np.int64):
    return rng.integers(0, size, shape).astype(dtype)


# Reshapes -------------------------------------------------------------------

for shape, target in [((2, 6), [3, -1]), ((2, 3, 4), [4, 6]), ((), [1, 1]),
                      ((1, 5), [5])]:
    fam.case("reshape", f"kiln.reshape {{0}} {target}", [normal(shape)],
             lambda x, target=target: x.reshape(target))
for shape, target in [((2, 3), [6]), ((6,), [3, 1, 2])]:
    fam.case("view", f"kiln.view {{0}} {target}", [normal(shape)],
             lambda x, target=target: x.view(target))
for shape, start, end in [((2, 3, 4), 1, -1), ((2, 3, 4), 0, 1),
                          ((2, 3, 4), -2, -2), ((), 0, -1)]:
    fam.case("flatten", f"kiln.flatten {{0}} start_dim {start} end_dim {end}",
             [normal(shape)],
             lambda x, start=start, end=end: torch.flatten(x, start, end))
for dims in [None, [0], [-1], [1], [0, 2]]:
    attr = "" if dims is None else f" dim {dims}"
    # torch.squeeze takes one dim at a time in 1.13.
    def squeeze(x, dims=dims):
        if dims is None:
            return torch.squeeze(x)
        for dim in sorted((d % x.dim() for d in dims), reverse=True):
            x = torch.squeeze(x, dim)
        return x
    fam.case("squeeze", f"kiln.squeeze {{0}}{attr}", [normal((1, 3, 1))],
             squeeze, note=f"dims {dims}")
for shape, dim in [((2, 3), 0), ((2, 3), -1), ((2, 3), 1), ((), 0)]:
    fam.case("unsqueeze", f"kiln.unsqueeze {{0}} dim {dim}", [normal(shape)],
             lambda x, dim=dim: torch.unsqueeze(x, dim))

# Reordering -----------------------------------------------------------------

for shape, d0, d1 in [((2, 3, 4), 0, -1), ((3, 4), 0, 1), ((3,), 0, -1),
                      ((2, 3, 4), -2, -2)]:
    fam.case("transpose", f"kiln.transpose {{0}} {d0}, {d1}", [normal(shape)],
             lambda x, d0=d0, d1=d1: torch.transpose(x, d0, d1))
for shape, dims in [((2, 3, 4), [2, 0, -2]), ((2, 3), [1, 0]),
                    ((2, 3, 4, 5), [-1, 1, 0, 2])]:
    fam.case("permute", f"kiln.permute {{0}} {dims}", [normal(shape)],
             lambda x, dims=dims: x.permute(dims))
for shape, sizes in [((3, 1), [2, -1, 4]), ((), [2, 3]), ((1, 3), [4, 3]),
                     ((2, 1, 3), [2, 5, -1])]:
    fam.case("expand", f"kiln.expand {{0}} {sizes}", [normal(shape)],
             lambda x, sizes=sizes: x.expand(sizes))

# Joining --------------------------------------------------------------------

for shapes, dim in [([(2, 3), (2, 1), (2, 2)], -1), ([(1, 3), (2, 3)], 0),
                    ([(4,), (3,)], 0), ([(2, 1, 3), (2, 2, 3)], 1)]:
    names = ", ".join(f"{{{j}}}" for j in range(len(shapes)))
    fam.case("cat", f"kiln.cat {names} dim {dim}",
             [normal(s) for s in shapes],
             lambda *xs, dim=dim: torch.cat(xs, dim))
# An integer input is promoted to the float result and takes no gradient.
fam.case("cat", "kiln.cat {0}, {1} dim 1",
         [normal((2, 3)), indices((2, 2), 5)],
         lambda x, i: torch.cat([x, i], 1), note="with an integer input")
# torch.cat skips a 1-D empty input whatever the others' rank; its gradient
# is empty.
fam.case("cat", "kiln.cat {0}, {1}, {2} dim 0",
         [normal((2, 3)), np.zeros((0,)), normal((1, 3))],
         lambda *xs: torch.cat(xs, 0), note="with a skipped empty input")

for shape, dim, count in [((2, 3), 0, 2), ((2, 3), -1, 3), ((2, 3), 1, 2),
                          ((), 0, 2)]:
    names = ", ".join(f"{{{j}}}" for j in range(count))
    fam.case("stack", f"kiln.stack {names} dim {dim}",
             [normal(shape) for _ in range(count)],
             lambda *xs, dim=dim: torch.stack(xs, dim))

# Indexing -------------------------------------------------------------------

SLICES = [
    ((3, 8), 1, 1, 8, 3),      # step 3: the interleaved zeros are cut short
    ((6, 2), 0, -4, 5, 1),     # negative start
    ((10,), 0, 0, 10, 2),      # step 2 over the whole dim
    ((10,), 0, 1, 100, 4),     # end clamped to the size
    ((4, 5), -1, 2, -1, 1),    # negative dim and end
    ((5, 3), 0, 0, 5, 5),      # step as long as the dim: one element
    ((5, 3), 0, 1, 5, 10**12), # a huge step: one element, no interleaving
    ((2, 7, 3), 1, -6, 7, 2),  # a middle dim
]
for shape, dim, start, end, step in SLICES:
    fam.case("slice", f"kiln.slice {{0}} dim {dim} [{start} : {end} : {step}]",
             [normal(shape)],
             lambda x, dim=dim, start=start, end=end, step=step:
             x[(slice(None),) * (dim % x.dim()) + (slice(start, end, step),)])

INDEX_SELECTS = [
    ((5, 3), 0, np.array([4, 0, 4, 2])),                  # repeated rows
    ((2, 5), -1, np.array([1, 3], dtype=np.int32)),       # int32 index
    ((2, 3, 4), 1, np.array(2)),                          # 0-d index
    ((2, 3, 4), 2, np.array([3, 3, 3, 0, 1])),
    # A 0-d input with a 0-d index. (A 1-element 1-D index into a 0-d input
    # crashes the CPU lowering of index_select, forward included.)
    ((), 0, np.array(0)),
]
for shape, dim, index in INDEX_SELECTS:
    fam.case("index_select", f"kiln.index_select {{0}}, {{1}} dim {dim}",
             [normal(shape), index],
             lambda x, i, dim=dim: torch.index_select(x, dim, i))

GATHERS = [
    ((3, 5), 1, (2, 4)),       # an index smaller than the input: zero rows
    ((3, 5), 0, (4, 5)),       # more picks than rows
    ((2, 3, 4), -1, (2, 2, 6)),
    ((4,), 0, (6,)),
    ((2, 3, 4), 1, (1, 3, 2)),
]
for shape, dim, index_shape in GATHERS:
    fam.case("gather", f"kiln.gather {{0}}, {{1}} dim {dim}",
             [normal(shape), indices(index_shape, shape[dim])],
             lambda x, i, dim=dim: torch.gather(x, dim, i))

fam.run()
