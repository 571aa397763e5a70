"""Indexing ops against torch: take (ONNX Gather, negative indices wrap),
gather with negative indices, scatter with each reduction (torch.scatter,
scatter_reduce with include_self), gather_nd and scatter_nd (through torch's
advanced indexing and index_put_), cumsum with ONNX's exclusive and reverse
flags, topk (ties in index order, as a stable sort orders them), one_hot in
torch's and ONNX's forms, triu/tril, Tensor.repeat, flip, interpolate
(nearest, nearest-exact, (bi/tri)linear with and without align_corners, by
size and by scale factor) and einsum. Usage: indexing.py PATH/TO/kiln
WORK_DIR."""

import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (ACCUMULATE, ALL_DTYPES, ELEMENTWISE, NUMERIC_DTYPES,  # noqa: E402
                     Family, Tolerance, mlir_type)

fam = Family("indexing", seed=11)
rng = fam.rng
f32, f64, i64, i32, u8, b1 = (np.float32, np.float64, np.int64, np.int32,
                              np.uint8, np.bool_)


def indices(shape, size, dtype=i64, negative=True):
    """Indices into a dimension of `size`, some of them negative."""
    low = -size if negative else 0
    return rng.integers(low, size, shape).astype(dtype)


def wrap(i, size):
    return torch.remainder(i.long(), size)


# take -----------------------------------------------------------------------

TAKES = [((3, 5), 1, (2, 2)), ((4,), 0, ()), ((4, 3), -2, (5,)),
         ((2, 3, 4), 2, (3, 1, 2)), ((2, 3), 0, (0,))]
for k, (shape, axis, index_shape) in enumerate(TAKES):
    for dtype in [ALL_DTYPES[k % 6], ALL_DTYPES[(k + 3) % 6]]:
        size = shape[axis]
        ref = (lambda x, i, axis=axis, size=size: torch.index_select(
            x, axis, wrap(i, size).reshape(-1)).reshape(
                x.shape[:axis % x.dim()] + i.shape +
                x.shape[axis % x.dim() + 1:]))
        fam.case("take", f"kiln.take {{0}}, {{1}} axis {axis}",
                 [fam.array(shape, dtype),
                  indices(index_shape, size, [i64, i32][k % 2])], ref)

# gather wraps negative indices too (ONNX GatherElements).
fam.case("gather", "kiln.gather {0}, {1} dim 1",
         [fam.array((3, 4), f32), indices((3, 5), 4)],
         lambda x, i: torch.gather(x, 1, wrap(i, 4)), note="negative indices")

# scatter --------------------------------------------------------------------

REDUCES = {"add": "sum", "mul": "prod", "max": "amax", "min": "amin"}


def unique_rows(shape, size, dim):
    """Indices with no repeat along `dim` (torch.scatter's replace is then
    deterministic)."""
    index = np.empty(shape, dtype=i64)
    moved = np.moveaxis(index, dim, 0)
    for pos in np.ndindex(moved.shape[1:]):
        moved[(slice(None),) + pos] = rng.permutation(size)[:shape[dim]]
    return index


for k, dtype in enumerate(NUMERIC_DTYPES):
    x, src = fam.array((4, 3), dtype), fam.array((3, 3), dtype)
    index = unique_rows((3, 3), 4, 0)
    fam.case("scatter", "kiln.scatter {0}, {1}, {2} dim 0",
             [x, index - 4 * (rng.random(index.shape) < 0.5), src],
             lambda x, i, s: torch.scatter(x, 0, wrap(i, 4), s),
             note="replace")
    for reduce, name in REDUCES.items():
        fam.case("scatter", f"kiln.scatter {{0}}, {{1}}, {{2}} dim -1 "
                 f"reduce <{reduce}>",
                 [fam.array((3, 4), dtype, 1, 4), indices((3, 6), 4),
                  fam.array((3, 7), dtype, 1, 4)],
                 lambda x, i, s, name=name: torch.scatter_reduce(
                     x, -1, wrap(i, 4), s[:, :6], name, include_self=True),
                 tolerance=ACCUMULATE, note=f"{reduce}, larger src")
fam.case("scatter", "kiln.scatter {0}, {1}, {2} dim 1",
         [fam.array((2, 3), b1), unique_rows((2, 2), 3, 1),
          fam.array((2, 2), b1)],
         lambda x, i, s: torch.scatter(x, 1, i, s), note="bool")

# gather_nd, scatter_nd -------------------------------------------------------


def gather_nd(x, i, batch):
    i = i.long()
    k = i.shape[-1]
    if batch == 0:
        coords = tuple(torch.remainder(i[..., j], x.shape[j]) for j in
                       range(k))
        return x[coords]
    return torch.stack([gather_nd(x[b], i[b], batch - 1)
                        for b in range(x.shape[0])])


GATHER_NDS = [((2, 3, 4), (5, 2), 0), ((3, 4), (2, 2, 2), 0),
              ((3, 4), (6, 1), 0), ((2, 3, 4), (2, 3, 1), 1),
              ((2, 3, 4, 2), (2, 3, 2), 2)]
for k, (shape, index_shape, batch) in enumerate(GATHER_NDS):
    dtype = ALL_DTYPES[k % 6]
    index = np.stack([indices(index_shape[:-1], shape[batch + j])
                      for j in range(index_shape[-1])], -1)
    fam.case("gather_nd", f"kiln.gather_nd {{0}}, {{1}} batch_dims {batch}",
             [fam.array(shape, dtype), index.astype([i64, i32][k % 2])],
             lambda x, i, batch=batch: gather_nd(x, i, batch))


def scatter_nd(x, i, u, reduce):
    out = x.clone()
    i = i.long()
    k = i.shape[-1]
    tuples = i.reshape(-1, k)
    updates = u.reshape((tuples.shape[0],) + tuple(x.shape[k:]))
    for t, update in zip(tuples, updates):
        at = tuple(int(c) % x.shape[j] for j, c in enumerate(t))
        if reduce == "none":
            out[at] = update
        elif reduce == "add":
            out[at] = out[at] + update
        elif reduce == "mul":
            out[at] = out[at] * update
        elif reduce == "max":
            out[at] = torch.maximum(out[at], update)
        else:
            out[at] = torch.minimum(out[at], update)
    return out


for k, reduce in enumerate(["none", "add", "mul", "max", "min"]):
    dtype = [f32, f64, i64, i32, u8][k]
    attr = "" if reduce == "none" else f" reduce <{reduce}>"
    # Rows (k = 1) then single elements (k = 2); repeats only when reducing.
    rows = (rng.permutation(4)[:3] if reduce == "none"
            else indices((3,), 4)).reshape(3, 1)
    fam.case("scatter_nd", f"kiln.scatter_nd {{0}}, {{1}}, {{2}}{attr}",
             [fam.array((4, 3), dtype, 1, 4), rows,
              fam.array((3, 3), dtype, 1, 4)],
             lambda x, i, u, r=reduce: scatter_nd(x, i, u, r),
             tolerance=ACCUMULATE, note=f"{reduce}, rows")
    cells = np.stack([rng.permutation(4)[:4], rng.integers(-3, 3, 4)], -1)
    fam.case("scatter_nd", f"kiln.scatter_nd {{0}}, {{1}}, {{2}}{attr}",
             [fam.array((4, 3), dtype, 1, 4), cells.astype(i32).reshape(2, 2, 2),
              fam.array((2, 2), dtype, 1, 4)],
             lambda x, i, u, r=reduce: scatter_nd(x, i, u, r),
             tolerance=ACCUMULATE, note=f"{reduce}, elements")

# cumsum ---------------------------------------------------------------------


def cumsum(x, dim, exclusive, reverse):
    if reverse:
        x = torch.flip(x, [dim])
    out = torch.cumsum(x, dim)
    if exclusive:
        out = torch.cat([torch.zeros_like(out.narrow(dim, 0, 1)),
                         out.narrow(dim, 0, out.shape[dim] - 1)], dim)
    return torch.flip(out, [dim]) if reverse else out


CUMSUMS = [((2, 5), 1, False, False), ((4, 3), 0, True, False),
           ((3, 4), -1, False, True), ((2, 3, 4), 1, True, True),
           ((6,), 0, False, False)]
for k, (shape, dim, exclusive, reverse) in enumerate(CUMSUMS):
    flags = (" exclusive" if exclusive else "") + (" reverse" if reverse
                                                   else "")
    for dtype in [ALL_DTYPES[k % 6], ALL_DTYPES[(k + 2) % 6]]:
        fam.case("cumsum", f"kiln.cumsum {{0}} dim {dim}{flags}",
                 [fam.array(shape, dtype)],
                 lambda x, d=dim, e=exclusive, r=reverse: cumsum(x, d, e, r),
                 tolerance=ACCUMULATE)
fam.case("cumsum", "kiln.cumsum {0} dim 0", [fam.array((), f32)],
         lambda x: torch.cumsum(x, 0), note="0-d")
# A long float32 scan: PyTorch accumulates in double and rounds each
# prefix once, so kiln must too; a float32 accumulator drifts by ~1e-4
# relative over 2^20 positive terms. 2 ulp of float32 (the rounding of the
# prefix and of the term) bound the difference.
fam.case("cumsum", "kiln.cumsum {0} dim 0",
         # Its own generator: the cases after this one keep their inputs.
         [np.random.default_rng(20).random(1 << 20).astype(f32)],
         lambda x: torch.cumsum(x, 0),
         tolerance=Tolerance("double accumulation", {np.dtype(f32): (2.4e-7, 0.0)}),
         note="2^20 terms, accumulated in double")

# topk -----------------------------------------------------------------------


def topk_case(x, count, dim, largest, reference, note):
    """Two cases, one per result of kiln.topk (a case has one result)."""
    shape = list(x.shape)
    shape[dim] = count
    ins = mlir_type(x.shape, x.dtype)
    outs = f"{mlir_type(shape, x.dtype)}, {mlir_type(shape, np.int64)}"
    op = (f"kiln.topk {{0}} k {count} dim {dim}"
          f"{'' if largest else ' smallest'} : ({ins}) -> ({outs})")
    fam.case("topk", f"  {{r}}, {{t}}_0 = {op}", [x],
             lambda x: reference(x)[0], syntax="body", note=note + " values")
    fam.case("topk", f"  {{t}}_0, {{r}} = {op}", [x],
             lambda x: reference(x)[1], syntax="body", note=note + " indices")


TOPKS = [((3, 5), 2, -1, True), ((6,), 6, 0, False), ((4, 3), 1, 0, True),
         ((2, 7, 3), 3, 1, False), ((3, 4), 0, 1, True)]
for k, (shape, count, dim, largest) in enumerate(TOPKS):
    for dtype in [f32, f64, i64, i32, u8]:
        if np.dtype(dtype).kind == "f":
            x = fam.array(shape, dtype)
        else:
            # Distinct values: torch orders ties as it likes.
            x = rng.permuted(np.arange(np.prod(shape)).reshape(shape),
                             axis=dim).astype(dtype)
        topk_case(x, count, dim, largest,
                  lambda x, c=count, d=dim, l=largest: torch.topk(x, c, d, l),
                  "largest" if largest else "smallest")

# Ties come in index order, as ONNX TopK specifies: a stable sort's order.
ties = rng.integers(0, 3, (4, 6)).astype(np.float32)
for largest in (True, False):
    topk_case(ties, 4, 1, largest,
              lambda x, l=largest: [r[:, :4] for r in torch.sort(
                  x, dim=1, descending=l, stable=True)], "ties")

# NaN is larger than every number, as in PyTorch: first when largest, last
# when smallest; a row of NaNs keeps index order; infinities order as usual.
nans = np.array([[1.0, 2.0, 3.0, np.nan], [np.nan, np.nan, np.nan, np.nan],
                 [np.nan, -np.inf, np.inf, 0.0], [2.0, np.nan, 2.0, -1.0]])
for dtype in [f32, f64]:
    for largest in (True, False):
        topk_case(nans.astype(dtype), 2, 1, largest,
                  lambda x, l=largest: [r[:, :2] for r in torch.sort(
                      x, dim=1, descending=l, stable=True)], "NaN")

# one_hot --------------------------------------------------------------------

fam.case("one_hot", "kiln.one_hot {0} depth 5 axis -1",
         [indices((2, 3), 5, negative=False)],
         lambda i: F.one_hot(i, 5), note="torch form")


def onnx_one_hot(i, values, depth, axis):
    i = i.long()
    wrapped = torch.where(i < 0, i + depth, i)
    valid = (wrapped >= 0) & (wrapped < depth)
    hot = F.one_hot(torch.where(valid, wrapped, 0), depth).bool()
    hot &= valid.unsqueeze(-1)
    hot = torch.movedim(hot, -1, axis)
    return torch.where(hot, values[1], values[0])


for k, (shape, depth, axis, dtype) in enumerate(
        [((4,), 3, 0, f32), ((2, 3), 4, 1, i32), ((3, 2), 5, -1, f64),
         ((), 3, 0, u8)]):
    fam.case("one_hot", f"kiln.one_hot {{0}}, {{1}} depth {depth} "
             f"axis {axis}",
             [rng.integers(-depth - 1, depth + 1, shape).astype([i64, i32][k % 2]),
              fam.array((2,), dtype)],
             lambda i, v, d=depth, a=axis: onnx_one_hot(i, v, d, a),
             note="ONNX form, out-of-range indices")

# trilu, tile, flip -----------------------------------------------------------

for k, (shape, diagonal) in enumerate([((4, 4), 0), ((3, 5), 1), ((2, 4, 3), -1),
                                       ((3, 3), 5), ((5, 2), -3)]):
    for dtype in [ALL_DTYPES[k % 6], ALL_DTYPES[(k + 1) % 6]]:
        fam.case("trilu", f"kiln.trilu {{0}} diagonal {diagonal}",
                 [fam.array(shape, dtype)],
                 lambda x, d=diagonal: torch.triu(x, d), note="triu")
        fam.case("trilu", f"kiln.trilu {{0}} lower diagonal {diagonal}",
                 [fam.array(shape, dtype)],
                 lambda x, d=diagonal: torch.tril(x, d), note="tril")
# trilu is pointwise: fused with an add into one kernel.
T34 = "tensor<3x4xf32>"
fam.case("trilu", f"  {{t}}_0 = kiln.add {{0}}, {{1}} : ({T34}, {T34}) -> {T34}\n"
         f"  {{r}} = kiln.trilu {{t}}_0 diagonal 1 : ({T34}) -> {T34}",
         [fam.array((3, 4), f32), fam.array((3, 4), f32)],
         lambda a, b: torch.triu(a + b, 1), syntax="body", note="fused")

for k, (shape, repeats) in enumerate([((2, 3), [2, 3]), ((3,), [2, 1, 2]),
                                      ((2, 1, 2), [1, 3, 2]), ((), [3, 2]),
                                      ((2, 2), [0, 2])]):
    dtype = ALL_DTYPES[k % 6]
    fam.case("tile", f"kiln.tile {{0}} {repeats}", [fam.array(shape, dtype)],
             lambda x, r=repeats: x.repeat(*r))

for k, (shape, dims) in enumerate([((2, 3), [0]), ((2, 3, 4), [-1, 0]),
                                   ((5,), [0]), ((3, 1, 2), [1, 2])]):
    dtype = ALL_DTYPES[(k + 2) % 6]
    fam.case("flip", f"kiln.flip {{0}} {dims}", [fam.array(shape, dtype)],
             lambda x, d=dims: torch.flip(x, d))

# resize ---------------------------------------------------------------------

RESIZES = [
    # (shape, kiln attributes, torch.nn.functional.interpolate arguments)
    ((1, 2, 3, 4), "sizes [1, 2, 6, 8] {mode = \"nearest\", "
     "coordinate_transformation_mode = \"asymmetric\", nearest_mode = "
     "\"floor\"}", dict(size=(6, 8), mode="nearest")),
    ((1, 1, 5, 7), "sizes [1, 1, 3, 4] {mode = \"nearest\", "
     "coordinate_transformation_mode = \"asymmetric\", nearest_mode = "
     "\"floor\"}", dict(size=(3, 4), mode="nearest")),
    ((2, 1, 4), "sizes [2, 1, 7] {mode = \"nearest\", nearest_mode = "
     "\"round_prefer_ceil\"}", dict(size=7, mode="nearest-exact")),
    ((1, 1, 3, 3), "scales [1.0, 1.0, 2.0, 2.0] {mode = \"nearest\", "
     "coordinate_transformation_mode = \"asymmetric\", nearest_mode = "
     "\"floor\"}", dict(scale_factor=2.0, mode="nearest")),
    ((1, 2, 3, 4), "sizes [1, 2, 5, 7] {mode = \"linear\"}",
     dict(size=(5, 7), mode="bilinear", align_corners=False)),
    ((1, 2, 6, 5), "sizes [1, 2, 3, 2] {mode = \"linear\"}",
     dict(size=(3, 2), mode="bilinear", align_corners=False)),
    ((1, 1, 3, 4), "sizes [1, 1, 5, 7] {mode = \"linear\", "
     "coordinate_transformation_mode = \"align_corners\"}",
     dict(size=(5, 7), mode="bilinear", align_corners=True)),
    ((2, 3, 4), "scales [1.0, 1.0, 2.5] {mode = \"linear\"}",
     dict(scale_factor=2.5, mode="linear", align_corners=False)),
    ((1, 1, 2, 3, 2), "sizes [1, 1, 3, 5, 4] {mode = \"linear\"}",
     dict(size=(3, 5, 4), mode="trilinear", align_corners=False)),
    ((1, 1, 4, 4), "scales [1.0, 1.0, 0.5, 0.5] {mode = \"linear\"}",
     dict(scale_factor=0.5, mode="bilinear", align_corners=False)),
]
for k, (shape, attrs, kwargs) in enumerate(RESIZES):
    dtype = [f32, f64][k % 2]
    fam.case("resize", "kiln.resize {0} " + attrs.replace("{", "{{").replace("}", "}}"), [fam.array(shape, dtype)],
             lambda x, kw=kwargs: F.interpolate(x, **kw),
             tolerance=ELEMENTWISE, note=kwargs["mode"])

# einsum ---------------------------------------------------------------------

EINSUMS = [
    ("ij,jk->ik", [(2, 3), (3, 4)]),
    ("bij,bjk->bik", [(2, 3, 4), (2, 4, 5)]),
    ("ij->ji", [(3, 4)]),
    ("ij->", [(3, 4)]),
    ("i,i", [(5,), (5,)]),
    ("i,j->ij", [(3,), (4,)]),
    ("kj,ji", [(4, 3), (3, 2)]),
    ("...ij,...jk->...ik", [(2, 3, 4), (1, 4, 2)]),
    ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 2)]),
    ("bn,anm,bm->ba", [(2, 3), (4, 3, 5), (2, 5)]),
    ("abc->ca", [(2, 3, 4)]),
    ("ijk,ikl->jl", [(2, 3, 4), (2, 4, 5)]),
]
for k, (equation, shapes) in enumerate(EINSUMS):
    dtype = [f32, f64, i64][k % 3]
    names = ", ".join(f"{{{j}}}" for j in range(len(shapes)))
    fam.case("einsum", f"kiln.einsum {names} \"{equation}\"",
             [fam.array(s, dtype) for s in shapes],
             lambda *xs, e=equation: torch.einsum(e, *xs),
             tolerance=ACCUMULATE, note=equation)

fam.run()
