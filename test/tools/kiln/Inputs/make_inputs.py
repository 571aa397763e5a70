"""Writes the data files the `kiln run` tests bind, and PyTorch's answers.

Usage: make_inputs.py DIR

The linear-regression data follows seed 001 (x = rand(10, 1) * 5,
y = pi * x + 42 + rand(10, 1)). The parameters are given explicitly so that
the loss does not depend on Kiln's initializers; DIR/expected.txt holds the
lines `kiln run` must print, as PyTorch prints the same nn.Linear(1, 1).
The remaining files are each wrong in exactly one way for the error tests.
"""

import math
import os
import sys

import numpy as np
import torch


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    join = lambda name: os.path.join(out, name)

    torch.manual_seed(1)
    x = torch.rand(10, 1) * 5
    y = math.pi * x + 42 + torch.rand(10, 1)
    np.save(join("x.npy"), x.numpy())
    np.save(join("y.npy"), y.numpy())

    model = torch.nn.Linear(1, 1)
    with torch.no_grad():
        model.weight.fill_(2.5)
        model.bias.fill_(40.25)
        prediction = model(x)
        loss = torch.nn.functional.mse_loss(prediction, y)
    np.save(join("weight.npy"), model.weight.detach().numpy())
    np.save(join("bias.npy"), model.bias.detach().numpy())
    np.save(join("loss.npy"), loss.numpy())
    # FileCheck reads "[[" as the start of a variable; match it literally.
    printed = str(prediction).replace("[[", "{{\\[\\[}}")
    with open(join("expected.txt"), "w") as file:
        file.write("CHECK: prediction:\nCHECK-NEXT: %s\n"
                   % printed.replace("\n", "\nCHECK-NEXT: "))
        file.write("CHECK-NEXT: loss: %s\n" % loss)

    # Without --params, Kiln initializes the parameters as PyTorch does after
    # torch.manual_seed(kiln.seed = 0).
    torch.manual_seed(0)
    default = torch.nn.Linear(1, 1)
    with torch.no_grad():
        default_prediction = default(x)
        default_loss = torch.nn.functional.mse_loss(default_prediction, y)
    np.save(join("default-prediction.npy"), default_prediction.numpy())
    np.save(join("default-loss.npy"), default_loss.numpy())

    # One error per file.
    np.save(join("x-short.npy"), x.numpy()[:5])
    np.save(join("x-f64.npy"), x.numpy().astype(np.float64))
    np.save(join("weight-2x1.npy"), np.ones((2, 1), np.float32))
    with open(join("x.npy"), "rb") as file:
        data = file.read()
    with open(join("x-truncated.npy"), "wb") as file:
        file.write(data[:-7])
    with open(join("not-safetensors.safetensors"), "wb") as file:
        file.write(b"this is not a safetensors file")


if __name__ == "__main__":
    main()
