"""Gradients of the composite ops (linear, softmax, log_softmax, mean and
every loss) against torch.autograd. Autodiff sees them after kiln-decompose,
so these cases check that the decompositions differentiate to PyTorch's
gradients, including the ops' max shifts and clamped logarithms. Inputs
keep away from kinks: l1 and smooth_l1 differences are at least 0.1 from 0
and from beta; probabilities lie in [0.05, 0.95]; class losses use valid
targets (an ignored one too). Each loss runs with reduction none, mean and
sum. Usage: grad_nn_losses.py PATH/TO/BIN WORK_DIR."""

import os
import sys
import warnings

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gradients import GradFamily  # noqa: E402

# kl_div's 'mean' warning is about the reduction these cases mean to test.
warnings.filterwarnings("ignore", category=UserWarning)

fam = GradFamily("grad_nn_losses", seed=11)
rng = fam.rng
normal = fam.normal


def away_from(shape, points, margin=0.1):
    """Normal values at least `margin` from each of `points`."""
    x = normal(shape)
    for p in points:
        close = np.abs(x - p) < margin
        x = np.where(close, p + np.sign(x - p + 1e-9) * margin * 2, x)
    return x


for x_shape, b_shape in [((5, 3), (4,)), ((2, 5, 3), None), ((3,), ())]:
    inputs = [normal(x_shape), normal((4, 3))]
    if b_shape is not None:
        inputs.append(normal(b_shape))
    text = "kiln.linear " + ", ".join(f"{{{i}}}" for i in range(len(inputs)))
    fam.case("linear", text, inputs, F.linear)

for name, fn in [("softmax", F.softmax), ("log_softmax", F.log_softmax)]:
    for shape, dim in [((3, 5), 1), ((2, 3, 4), 0), ((6,), -1)]:
        fam.case(name, f"kiln.{name} {{0}} dim {dim}", [2 * normal(shape)],
                 lambda x, d=dim, fn=fn: fn(x, dim=d), note=f"dim {dim}")

fam.case("mean", "kiln.mean {0}", [normal((3, 4))], torch.mean)
fam.case("mean", "kiln.mean {0} dim [1] keepdim", [normal((3, 4, 2))],
         lambda x: torch.mean(x, 1, keepdim=True))


def loss_case(name, fn, inputs, wrt=None, attrs="", **torch_kwargs):
    extra = f" {{{{{attrs}}}}}" if attrs else ""
    for reduction in ["none", "mean", "sum"]:
        fam.case(name, f"kiln.{name} {{0}}, {{1}} reduction <{reduction}>"
                 f"{extra}", inputs,
                 lambda *xs, r=reduction: fn(*xs, reduction=r, **torch_kwargs),
                 wrt=wrt, note=reduction)


target = normal((3, 4))
loss_case("mse_loss", F.mse_loss, [normal((3, 4)), target])
loss_case("l1_loss", F.l1_loss, [target + away_from((3, 4), [0]), target])
loss_case("smooth_l1_loss", F.smooth_l1_loss,
          [target + away_from((3, 4), [0, 0.5, -0.5]), target],
          attrs="beta = 5.000000e-01", beta=0.5)
probs = rng.uniform(0.05, 0.95, (3, 4))
labels = rng.uniform(0, 1, (3, 4))
loss_case("binary_cross_entropy", F.binary_cross_entropy, [probs, labels])
loss_case("binary_cross_entropy_with_logits",
          F.binary_cross_entropy_with_logits, [3 * normal((3, 4)), labels])
log_p = torch.log_softmax(torch.from_numpy(normal((3, 4))), 1).numpy()
loss_case("kl_div", F.kl_div, [log_p, rng.uniform(0.05, 1, (3, 4))])
classes = np.array([2, 0, 3, 1], dtype=np.int64)
loss_case("nll_loss", F.nll_loss, [log_p.repeat(2, 0)[:4], classes])
loss_case("cross_entropy", F.cross_entropy, [2 * normal((4, 5)), classes])
loss_case("cross_entropy", F.cross_entropy,
          [2 * normal((4, 5)), np.array([2, -100, 4, 1], dtype=np.int64)])
loss_case("cross_entropy", F.cross_entropy, [2 * normal((4, 5)), classes],
          attrs="label_smoothing = 1.000000e-01", label_smoothing=0.1)

fam.run()
