"""Shape ops against torch (all exact: they only move values): reshape, view,
flatten, squeeze, unsqueeze, transpose, permute, expand, cat with dtype
promotion, stack, slice with steps and negative bounds, index_select and
gather. Usage: shape.py PATH/TO/kiln WORK_DIR."""

import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import ALL_DTYPES, Family  # noqa: E402

fam = Family("shape", seed=5)
f32, f64, i64, i32, u8, b1 = (np.float32, np.float64, np.int64, np.int32,
                              np.uint8, np.bool_)


def each_dtype(k):
    return ALL_DTYPES[k % len(ALL_DTYPES)]


CASES = [
    ("reshape", "kiln.reshape {0} [3, -1]", (2, 6), lambda x: x.reshape(3, -1)),
    ("reshape", "kiln.reshape {0} [-1]", (2, 3, 2), lambda x: x.reshape(-1)),
    ("view", "kiln.view {0} [2, 1, 3]", (6,), lambda x: x.view(2, 1, 3)),
    ("flatten", "kiln.flatten {0} start_dim 1 end_dim -1", (2, 3, 4),
     lambda x: torch.flatten(x, 1, -1)),
    ("flatten", "kiln.flatten {0} start_dim -3 end_dim -2", (2, 3, 4),
     lambda x: torch.flatten(x, -3, -2)),
    ("squeeze", "kiln.squeeze {0}", (1, 3, 1, 2), torch.squeeze),
    ("squeeze", "kiln.squeeze {0} dim [-2]", (1, 3, 1, 2),
     lambda x: torch.squeeze(x, -2)),
    ("unsqueeze", "kiln.unsqueeze {0} dim -1", (2, 3),
     lambda x: torch.unsqueeze(x, -1)),
    ("unsqueeze", "kiln.unsqueeze {0} dim 0", (),
     lambda x: torch.unsqueeze(x, 0)),
    ("transpose", "kiln.transpose {0} 0, 1", (2, 3),
     lambda x: torch.transpose(x, 0, 1)),
    ("transpose", "kiln.transpose {0} -1, -3", (2, 3, 4),
     lambda x: torch.transpose(x, -1, -3)),
    ("permute", "kiln.permute {0} [2, 0, 1]", (2, 3, 4),
     lambda x: x.permute(2, 0, 1)),
    ("permute", "kiln.permute {0} [-1, 0, -2]", (2, 3, 4),
     lambda x: x.permute(-1, 0, -2)),
    ("expand", "kiln.expand {0} [2, 3, -1]", (3, 1),
     lambda x: x.expand(2, 3, -1)),
    ("expand", "kiln.expand {0} [4, 2]", (), lambda x: x.expand(4, 2)),
    ("slice", "kiln.slice {0} dim 1 [0 : -1 : 2]", (3, 8),
     lambda x: x[:, 0:-1:2]),
    ("slice", "kiln.slice {0} dim -1 [-5 : 7 : 3]", (2, 8),
     lambda x: x[..., -5:7:3]),
    ("slice", "kiln.slice {0} dim 0 [1 : 100 : 1]", (4, 2),
     lambda x: x[1:100:1]),
    ("slice", "kiln.slice {0} dim 0 [-100 : -2 : 4]", (9,),
     lambda x: x[-100:-2:4]),
    ("slice", "kiln.slice {0} dim 1 [5 : 2 : 1]", (2, 6), lambda x: x[:, 5:2]),
]
for k, (op, text, shape, fn) in enumerate(CASES):
    for dtype in [each_dtype(k), each_dtype(k + 3)]:
        fam.case(op, text, [fam.array(shape, dtype)], fn)

# cat and stack promote like a binary op.
CATS = [([(2, 3), (1, 3)], [f32, f32], 0), ([(2, 3), (2, 2)], [i64, f32], -1),
        ([(2, 1), (2, 2), (2, 3)], [u8, i32, b1], 1),
        ([(3,), (2,)], [b1, u8], 0), ([(1, 2, 2), (3, 2, 2)], [f64, i64], 0),
        ([(2, 2), (2, 2)], [i32, f64], -2)]
for shapes, dtypes, dim in CATS:
    fam.case("cat", f"kiln.cat {{0}}, {{1}}{', {2}' if len(shapes) > 2 else ''}"
             f" dim {dim}",
             [fam.array(s, d) for s, d in zip(shapes, dtypes)],
             lambda *xs, d=dim: torch.cat(xs, d), note="promotion")
STACKS = [((2, 3), [f32, f32], 0), ((2, 3), [i64, u8], -1), ((), [b1, i32], 0),
          ((3,), [f64, i64], 1)]
for shape, dtypes, dim in STACKS:
    fam.case("stack", f"kiln.stack {{0}}, {{1}} dim {dim}",
             [fam.array(shape, d) for d in dtypes],
             lambda *xs, d=dim: torch.stack(xs, d))

# index_select (int64 and int32 indices, repeats) and gather.
for k, dtype in enumerate(ALL_DTYPES):
    fam.case("index_select", "kiln.index_select {0}, {1} dim -1",
             [fam.array((3, 5), dtype), np.array([4, 0, 0, 2], dtype=i64)],
             lambda x, i: torch.index_select(x, -1, i))
    fam.case("index_select", "kiln.index_select {0}, {1} dim 0",
             [fam.array((3, 2), dtype), np.array([2, 1], dtype=i32)],
             lambda x, i: torch.index_select(x, 0, i), note="int32 index")
    fam.case("index_select", "kiln.index_select {0}, {1} dim 0",
             [fam.array((), dtype), np.array([0], dtype=i64)],
             lambda x, i: torch.index_select(x, 0, i),
             note="0-d input, one-element index")
    fam.case("gather", "kiln.gather {0}, {1} dim 1",
             [fam.array((3, 4), dtype),
              fam.rng.integers(0, 4, (2, 3)).astype(i64)],
             lambda x, i: torch.gather(x, 1, i))
    fam.case("gather", "kiln.gather {0}, {1} dim -3",
             [fam.array((3, 2, 2), dtype),
              fam.rng.integers(0, 3, (4, 2, 1)).astype(i64)],
             lambda x, i: torch.gather(x, -3, i))

fam.run()
