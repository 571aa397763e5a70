"""The PyTorch side of the training examples: writes each example's data
and trains the same model in PyTorch, so `kiln train` can be compared with
it step by step.

    pytorch_reference.py linear_regression|classifier OUT_DIR [OPTIMIZER [KEY=VALUE]...]

writes to OUT_DIR the data (.npy files `kiln train --data` reads), the
PyTorch loss of every optimizer step (torch-loss.csv, with kiln train's
`--log` header epoch,step,loss) and the trained parameters
(torch-params.safetensors). Both models start from torch.manual_seed(0)
followed by their nn.Linear constructors, which is what the kiln models'
`kiln.seed = 0` and default initializers reproduce, so neither run needs a
parameter file. OPTIMIZER and KEY=VALUE (torch.optim's class name in lower
case and its keyword arguments, e.g. `rmsprop lr=0.01 centered=True`)
replace the example's own optimizer, to compare each of kiln's. Run it with
the python that imports torch (/usr/bin/python3 on Debian).
"""

import ast

import math
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "scripts"))
import safetensors_numpy  # noqa: E402


def linear_regression():
    """Seed 001: y = pi x + 42 + noise, nn.Linear(1, 1), MSE, SGD lr 0.05,
    500 full-batch epochs."""
    torch.manual_seed(0)
    model = torch.nn.Linear(1, 1)
    n = 10
    x = torch.rand(n, 1) * 5
    y = torch.tensor([math.pi]) * x + torch.tensor([42.0]) + torch.rand(n, 1)
    data = {"x": x, "y": y}
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    batches = [(x, y)]
    return model, data, opt, batches, 500, \
        lambda m, b: F.mse_loss(m(b[0]), b[1])


def two_moons(n, rng):
    """Two interleaving half circles with Gaussian noise, labels 0 and 1."""
    t = rng.uniform(0, math.pi, n)
    label = rng.integers(0, 2, n)
    x = np.where(label == 0, np.cos(t), 1 - np.cos(t))
    y = np.where(label == 0, np.sin(t), 0.5 - np.sin(t))
    points = np.stack([x, y], axis=1) + rng.normal(0, 0.1, (n, 2))
    return points.astype(np.float32), label.astype(np.float32)[:, None]


class Classifier(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(2, 16)
        self.fc2 = torch.nn.Linear(16, 1)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


def classifier():
    """Two-moons classification: Linear(2, 16), ReLU, Linear(16, 1),
    BCE with logits, Adam lr 0.01, 8 batches of 32 in order, 20 epochs."""
    torch.manual_seed(0)
    model = Classifier()
    points, labels = two_moons(256, np.random.default_rng(0))
    x, label = torch.from_numpy(points), torch.from_numpy(labels)
    data = {"x": x, "label": label}
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    batches = [(x[i:i + 32], label[i:i + 32]) for i in range(0, 256, 32)]
    return model, data, opt, batches, 20, \
        lambda m, b: F.binary_cross_entropy_with_logits(m(b[0]), b[1])


def main():
    example, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    model, data, opt, batches, epochs, loss_fn = {
        "linear_regression": linear_regression,
        "classifier": classifier,
    }[example]()
    if len(sys.argv) > 3:
        optimizers = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam,
                      "adamw": torch.optim.AdamW,
                      "rmsprop": torch.optim.RMSprop,
                      "adagrad": torch.optim.Adagrad,
                      "adadelta": torch.optim.Adadelta}
        options = {key: ast.literal_eval(value) for key, value in
                   (arg.split("=", 1) for arg in sys.argv[4:])}
        opt = optimizers[sys.argv[3]](model.parameters(), **options)
    for name, tensor in data.items():
        np.save(os.path.join(out, f"{name}.npy"), tensor.numpy())
    step = 0
    with open(os.path.join(out, "torch-loss.csv"), "w") as log:
        log.write("epoch,step,loss\n")
        for epoch in range(1, epochs + 1):
            for batch in batches:
                opt.zero_grad()
                loss = loss_fn(model, batch)
                loss.backward()
                opt.step()
                step += 1
                log.write(f"{epoch},{step},{loss.item()!r}\n")
    safetensors_numpy.write(
        os.path.join(out, "torch-params.safetensors"),
        {k: v.detach().numpy() for k, v in model.state_dict().items()})


if __name__ == "__main__":
    main()
