"""Gradients of the indexing ops against torch.autograd: take (any index
rank, repeated and negative indices accumulate), scatter with each
reduction (torch.scatter / scatter_reduce with include_self, including a
zero factor for mul), gather_nd (with batch dimensions) and scatter_nd,
cumsum with exclusive and reverse, topk (values), trilu, tile, flip, and the
composites resize and einsum, differentiated through their decomposition.
Usage: grad_indexing.py PATH/TO/BIN WORK_DIR."""

import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gradients import GradFamily  # noqa: E402

fam = GradFamily("grad_indexing", seed=13)
rng = fam.rng
normal = fam.normal


def indices(shape, size, negative=True, dtype=np.int64):
    return rng.integers(-size if negative else 0, size, shape).astype(dtype)


def wrap(i, size):
    return torch.remainder(i.long(), size)


# take -----------------------------------------------------------------------

for shape, axis, index_shape in [((5, 3), 0, (2, 3)), ((2, 5), -1, ()),
                                 ((2, 3, 4), 1, (4,)), ((4,), 0, (3, 2))]:
    size = shape[axis]
    fam.case("take", f"kiln.take {{0}}, {{1}} axis {axis}",
             [normal(shape), indices(index_shape, size)],
             lambda x, i, axis=axis, size=size: torch.index_select(
                 x, axis, wrap(i, size).reshape(-1)).reshape(
                     x.shape[:axis % x.dim()] + i.shape +
                     x.shape[axis % x.dim() + 1:]))

# scatter --------------------------------------------------------------------


def unique_rows(shape, size):
    """Indices along dim 0 with no repeat in any column."""
    return np.stack([rng.permutation(size)[:shape[0]]
                     for _ in range(shape[1])], 1).astype(np.int64)


fam.case("scatter", "kiln.scatter {0}, {1}, {2} dim 0",
         [normal((4, 3)), unique_rows((3, 3), 4), normal((3, 4))],
         lambda x, i, s: torch.scatter(x, 0, i, s[:, :3]),
         note="replace, larger src")
REDUCES = {"add": "sum", "mul": "prod", "max": "amax", "min": "amin"}
for reduce, name in REDUCES.items():
    fam.case("scatter", f"kiln.scatter {{0}}, {{1}}, {{2}} dim 1 "
             f"reduce <{reduce}>",
             [normal((3, 4)), indices((3, 5), 4), normal((3, 5))],
             lambda x, i, s, name=name: torch.scatter_reduce(
                 x, 1, wrap(i, 4), s, name, include_self=True),
             note=reduce)
# A zero factor: its gradient is the product of the others.
x = normal((2, 3))
x[0, 1] = 0.0
src = normal((2, 4))
src[1, 2] = 0.0
fam.case("scatter", "kiln.scatter {0}, {1}, {2} dim 1 reduce <mul>",
         [x, np.array([[1, 1, 0, 2], [0, 2, 2, 2]]), src],
         lambda x, i, s: torch.scatter_reduce(x, 1, i, s, "prod"),
         note="mul with zeros")

# gather_nd, scatter_nd -------------------------------------------------------


def gather_nd(x, i, batch):
    k = i.shape[-1]
    if batch == 0:
        return x[tuple(torch.remainder(i[..., j], x.shape[j])
                       for j in range(k))]
    return torch.stack([gather_nd(x[b], i[b], batch - 1)
                        for b in range(x.shape[0])])


for shape, index_shape, batch in [((3, 4), (5, 2), 0), ((4, 3), (2, 2, 1), 0),
                                  ((2, 3, 4), (2, 3, 1), 1),
                                  ((2, 3, 4), (2, 2), 1)]:
    index = np.stack([indices(index_shape[:-1], shape[batch + j])
                      for j in range(index_shape[-1])], -1)
    fam.case("gather_nd", f"kiln.gather_nd {{0}}, {{1}} batch_dims {batch}",
             [normal(shape), index],
             lambda x, i, batch=batch: gather_nd(x, i, batch))


def scatter_nd(x, i, u, reduce):
    out = x
    for t, update in zip(i.reshape(-1, i.shape[-1]),
                         u.reshape((-1,) + tuple(x.shape[i.shape[-1]:]))):
        at = tuple(int(c) for c in t)
        mask = torch.zeros(x.shape, dtype=torch.bool)
        mask[at] = True
        placed = torch.zeros(x.shape, dtype=x.dtype).index_put(
            tuple(torch.tensor([c]) for c in at), update.unsqueeze(0))
        if reduce == "none":
            out = torch.where(mask, placed, out)
        elif reduce == "add":
            out = out + placed
        elif reduce == "mul":
            out = torch.where(mask, out * placed, out)
        elif reduce == "max":
            out = torch.where(mask, torch.maximum(out, placed), out)
        else:
            out = torch.where(mask, torch.minimum(out, placed), out)
    return out


for reduce in ["none", "add", "mul", "max", "min"]:
    attr = "" if reduce == "none" else f" reduce <{reduce}>"
    rows = (rng.permutation(4)[:3] if reduce == "none"
            else rng.integers(0, 4, 3)).reshape(3, 1)
    fam.case("scatter_nd", f"kiln.scatter_nd {{0}}, {{1}}, {{2}}{attr}",
             [normal((4, 3)), rows, normal((3, 3))],
             lambda x, i, u, r=reduce: scatter_nd(x, i, u, r), note=reduce)

# cumsum, topk ----------------------------------------------------------------


def cumsum(x, dim, exclusive, reverse):
    if reverse:
        x = torch.flip(x, [dim])
    out = torch.cumsum(x, dim)
    if exclusive:
        out = out - x
    return torch.flip(out, [dim]) if reverse else out


for shape, dim, exclusive, reverse in [((3, 4), 1, False, False),
                                       ((4, 3), 0, True, False),
                                       ((2, 5), -1, False, True),
                                       ((2, 3, 4), 1, True, True)]:
    flags = (" exclusive" if exclusive else "") + (" reverse" if reverse
                                                   else "")
    fam.case("cumsum", f"kiln.cumsum {{0}} dim {dim}{flags}", [normal(shape)],
             lambda x, d=dim, e=exclusive, r=reverse: cumsum(x, d, e, r))

for shape, count, dim, largest in [((3, 5), 2, -1, True), ((6,), 4, 0, False),
                                   ((4, 3, 2), 2, 1, True)]:
    fam.case("topk", f"kiln.topk {{0}} k {count} dim {dim}"
             f"{'' if largest else ' smallest'}",
             [normal(shape)],
             lambda x, c=count, d=dim, l=largest: torch.topk(x, c, d, l)[0],
             syntax="with_indices")

# trilu, tile, flip ----------------------------------------------------------

for shape, diagonal, lower in [((4, 4), 0, False), ((3, 5), 1, True),
                               ((2, 3, 4), -1, False)]:
    fam.case("trilu", f"kiln.trilu {{0}}{' lower' if lower else ''} "
             f"diagonal {diagonal}", [normal(shape)],
             lambda x, d=diagonal, l=lower: (torch.tril if l else torch.triu)(
                 x, d))
for shape, repeats in [((2, 3), [2, 2]), ((3,), [2, 1, 3]), ((), [2]),
                       ((2, 1), [1, 3])]:
    fam.case("tile", f"kiln.tile {{0}} {repeats}", [normal(shape)],
             lambda x, r=repeats: x.repeat(*r))
for shape, dims in [((2, 3), [1]), ((2, 3, 4), [0, -1])]:
    fam.case("flip", f"kiln.flip {{0}} {dims}", [normal(shape)],
             lambda x, d=dims: torch.flip(x, d))

# resize, einsum --------------------------------------------------------------

for shape, attrs, kwargs in [
        ((1, 2, 3, 4), "sizes [1, 2, 5, 7] {mode = \"linear\"}",
         dict(size=(5, 7), mode="bilinear", align_corners=False)),
        ((1, 1, 3, 4), "sizes [1, 1, 6, 5] {mode = \"linear\", "
         "coordinate_transformation_mode = \"align_corners\"}",
         dict(size=(6, 5), mode="bilinear", align_corners=True)),
        ((1, 2, 5), "sizes [1, 2, 8] {mode = \"nearest\", "
         "coordinate_transformation_mode = \"asymmetric\", nearest_mode = "
         "\"floor\"}", dict(size=8, mode="nearest"))]:
    fam.case("resize", "kiln.resize {0} " + attrs.replace("{", "{{").replace("}", "}}"), [normal(shape)],
             lambda x, kw=kwargs: F.interpolate(x, **kw))
for equation, shapes in [("ij,jk->ik", [(2, 3), (3, 4)]),
                         ("bij,bjk->bik", [(2, 3, 4), (2, 4, 2)]),
                         ("ij->j", [(3, 4)]),
                         ("i,j", [(3,), (2,)]),
                         ("ij,jk,k->i", [(2, 3), (3, 4), (4,)])]:
    names = ", ".join(f"{{{j}}}" for j in range(len(shapes)))
    fam.case("einsum", f"kiln.einsum {names} \"{equation}\"",
             [normal(s) for s in shapes],
             lambda *xs, e=equation: torch.einsum(e, *xs), note=equation)

fam.run()
