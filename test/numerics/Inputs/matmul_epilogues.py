"""Matrix products with what the CPU code generator folds into the oneDNN
kernel, against torch: element-wise epilogues (bias and residual adds,
subtraction, products, activations) that run as post-ops, and transposed
operands read through strided views. float64 products are not folded and
check the same chains through generated loops. Usage: matmul_epilogues.py
PATH/TO/kiln WORK_DIR."""

import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import ACCUMULATE, ELEMENTWISE, Family, mlir_type  # noqa: E402

fam = Family("matmul_epilogues", seed=17)
f32, f64 = np.float32, np.float64


def op(result, text, ins, out):
    """One typed op line: `result = text : (ins) -> out`."""
    types = ", ".join(mlir_type(shape, dtype) for shape, dtype in ins)
    return (f"  {result} = {text} : ({types}) -> "
            f"{mlir_type(out[0], out[1])}")


def chain(name, inputs, steps, reference, note="", tolerance=ACCUMULATE):
    """A case whose body applies `steps` in order: each is (kiln op text with
    `{prev}` for the previous value and `{0}`.. for inputs, the shapes of
    its operands as (input index or "prev"), result shape)."""
    dtype = inputs[0].dtype
    shapes = [x.shape for x in inputs]
    lines, prev, prev_shape = [], None, None
    for index, (text, operands, shape) in enumerate(steps):
        result = "{r}" if index == len(steps) - 1 else f"{{t}}_{index}"
        ins = [(prev_shape if o == "prev" else shapes[o], dtype)
               for o in operands]
        lines.append(op(result, text.replace("{prev}", prev or ""), ins,
                        (shape, dtype)))
        prev, prev_shape = result, shape
    fam.case(name, "\n".join(lines), inputs, reference, tolerance,
             syntax="body", note=note)


normal = fam.array


for dtype in [f32, f64]:
    # linear + activation, on 2-D, 3-D and 1-D inputs.
    for x_shape in [(5, 3), (2, 5, 3), (3,)]:
        out = x_shape[:-1] + (4,)
        for act, fn in [("relu", F.relu), ("tanh", torch.tanh),
                        ("sigmoid", torch.sigmoid)]:
            chain(f"linear+{act}",
                  [normal(x_shape, dtype), normal((4, 3), dtype),
                   normal((4,), dtype)],
                  [("kiln.linear {0}, {1}, {2}", [0, 1, 2], out),
                   (f"kiln.{act} {{prev}}", ["prev"], out)],
                  lambda x, w, b, fn=fn: fn(F.linear(x, w, b)))
    # linear + residual, with and without an activation after it.
    chain("linear+residual",
          [normal((5, 3), dtype), normal((4, 3), dtype), normal((4,), dtype),
           normal((5, 4), dtype)],
          [("kiln.linear {0}, {1}, {2}", [0, 1, 2], (5, 4)),
           ("kiln.add {prev}, {3}", ["prev", 3], (5, 4))],
          lambda x, w, b, r: F.linear(x, w, b) + r)
    chain("linear+residual+relu",
          [normal((2, 5, 3), dtype), normal((4, 3), dtype),
           normal((4,), dtype), normal((2, 5, 4), dtype)],
          [("kiln.linear {0}, {1}, {2}", [0, 1, 2], (2, 5, 4)),
           ("kiln.add {3}, {prev}", [3, "prev"], (2, 5, 4)),
           ("kiln.relu {prev}", ["prev"], (2, 5, 4))],
          lambda x, w, b, r: F.relu(r + F.linear(x, w, b)))
    # Subtraction, products (full and broadcast), exp, abs and sqrt.
    chain("matmul-sub*scale",
          [normal((3, 6), dtype), normal((6, 4), dtype), normal((3, 4), dtype),
           normal((1, 4), dtype)],
          [("kiln.matmul {0}, {1}", [0, 1], (3, 4)),
           ("kiln.sub {prev}, {2}", ["prev", 2], (3, 4)),
           ("kiln.mul {3}, {prev}", [3, "prev"], (3, 4))],
          lambda a, b, c, s: s * (a @ b - c))
    chain("matmul+exp",
          [normal((3, 6), dtype) / 4, normal((6, 4), dtype)],
          [("kiln.matmul {0}, {1}", [0, 1], (3, 4)),
           ("kiln.exp {prev}", ["prev"], (3, 4))],
          lambda a, b: torch.exp(a @ b))
    chain("matmul+abs+sqrt",
          [normal((2, 3, 6), dtype), normal((6, 4), dtype)],
          [("kiln.matmul {0}, {1}", [0, 1], (2, 3, 4)),
           ("kiln.abs {prev}", ["prev"], (2, 3, 4)),
           ("kiln.sqrt {prev}", ["prev"], (2, 3, 4))],
          lambda a, b: torch.sqrt(torch.abs(a @ b)))
    # Special values through each folded activation: NaN, infinities, -0.0,
    # a product of exactly 1 (log gives exactly 0) and a denormal product
    # (log(1e-40) = -92.1). A one-term contraction makes each product exact,
    # so the activation alone decides. NaN stays NaN, as in PyTorch.
    special = np.array([[np.nan], [np.inf], [-np.inf], [1.0], [-0.0],
                        [1e-20], [-3.0], [0.25]], dtype=dtype)
    scales = np.array([[1.0, 2.0, 0.5, 1e-20]], dtype=dtype)
    for act, fn in [("relu", F.relu), ("tanh", torch.tanh),
                    ("sigmoid", torch.sigmoid), ("exp", torch.exp),
                    ("log", torch.log), ("sqrt", torch.sqrt),
                    ("abs", torch.abs)]:
        chain(f"matmul+{act}", [special, scales],
              [("kiln.matmul {0}, {1}", [0, 1], (8, 4)),
               (f"kiln.{act} {{prev}}", ["prev"], (8, 4))],
              lambda a, b, fn=fn: fn(a @ b), note="NaN, infinities, -0.0, "
              "denormals", tolerance=ELEMENTWISE)
    # Transposed operands: read through permuted views, not copied.
    chain("transpose(a)@b",
          [normal((6, 3), dtype), normal((6, 4), dtype)],
          [("kiln.transpose {0} 0, 1", [0], (3, 6)),
           ("kiln.matmul {prev}, {1}", ["prev", 1], (3, 4))],
          lambda a, b: a.T @ b)
    chain("a@transpose(b), batched",
          [normal((2, 3, 6), dtype), normal((2, 4, 6), dtype)],
          [("kiln.transpose {1} -2, -1", [1], (2, 6, 4)),
           ("kiln.matmul {0}, {prev}", [0, "prev"], (2, 3, 4))],
          lambda a, b: a @ b.transpose(-2, -1))
    chain("permute(b) batch and matrix dims",
          [normal((2, 3, 6), dtype), normal((6, 2, 4), dtype)],
          [("kiln.permute {1} [1, 0, 2]", [1], (2, 6, 4)),
           ("kiln.matmul {0}, {prev}", [0, "prev"], (2, 3, 4))],
          lambda a, b: a @ b.permute(1, 0, 2))

fam.run()
