"""Scripted PyTorch models whose ONNX export holds an If (issue 15, item
1): one branching on the batch size of a dynamic batch dimension, which the
importer knows once the data gives the batch, and one branching on data.

    if_models.py DIR

writes DIR/shape.onnx and DIR/data.onnx, inputs x3.npy (batch 3: the then
branch) and x1.npy (batch 1: the else branch), and PyTorch's outputs
torch-y3.npy and torch-y1.npy of the shape model.
Run it with the python that imports torch (/usr/bin/python3 on Debian).
"""

import os
import sys

import numpy as np
import torch


class BranchOnBatch(torch.nn.Module):
    def forward(self, x):
        if x.shape[0] > 1:
            y = torch.relu(x) * 2.0
        else:
            y = x - 1.0
        return y + 1.0


class BranchOnData(torch.nn.Module):
    def forward(self, x):
        if bool(x.sum() > 0):
            return x * 2.0
        return -x


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    generator = torch.Generator().manual_seed(0)
    shape_model = torch.jit.script(BranchOnBatch())
    for batch in (3, 1):
        x = torch.randn(batch, 4, generator=generator)
        np.save(os.path.join(out, f"x{batch}.npy"), x.numpy())
        np.save(os.path.join(out, f"torch-y{batch}.npy"),
                shape_model(x).numpy())
    for name, model in [("shape", shape_model),
                        ("data", torch.jit.script(BranchOnData()))]:
        torch.onnx.export(model, (torch.randn(3, 4),),
                          os.path.join(out, f"{name}.onnx"),
                          input_names=["x"], output_names=["y"],
                          opset_version=14, do_constant_folding=False,
                          dynamic_axes={"x": {0: "batch"}})


if __name__ == "__main__":
    main()
