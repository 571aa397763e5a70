"""linear, softmax, log_softmax and the losses of torch.nn.functional against
torch, in float32 and float64: linear with and without a bias on 1-D, 2-D and
3-D inputs ([1] and [] biases broadcast); softmax and log_softmax along
several dims (negative ones too), on rows whose large values need the max
shift and on rows with -inf entries (all -inf, a NaN or a +inf give NaN, as
in torch); mse_loss, l1_loss, smooth_l1_loss (beta 1, 0.5 and 0),
binary_cross_entropy (probabilities of exactly 0 and 1, whose logs torch
clamps at -100), binary_cross_entropy_with_logits (|logits| up to 200),
kl_div (with and without log_target, targets holding 0), nll_loss and
cross_entropy ([N, C] with [N], [C] with [], [N, C, d1, d2] with
[N, d1, d2]; the default ignore_index -100 and others present in the
targets; every target ignored, whose mean is 0 / 0 = NaN as in torch;
label_smoothing 0.1), each with reduction none, mean and sum.

Inputs that only vary shapes alternate between float32 and float64 (the
model's compile time grows with its size); the special values run in both.
Usage: nn_losses.py PATH/TO/kiln WORK_DIR."""

import itertools
import os
import sys
import warnings

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import ACCUMULATE, FLOAT_DTYPES, Family, Tolerance  # noqa: E402

# torch warns about broadcast loss targets and kl_div's 'mean'; both are what
# the cases mean to test.
warnings.filterwarnings("ignore", category=UserWarning)

fam = Family("nn_losses", seed=7)
f32, f64, i64 = np.float32, np.float64, np.int64
# The dtype of the next case whose inputs only vary shapes.
alternate = itertools.cycle(FLOAT_DTYPES).__next__

# Every case below is a short accumulation (a matmul row, a softmax
# denominator, a reduction over at most 30 per-element losses) of terms that
# each carry a few ulp of transcendental error: ACCUMULATE. The binary cross
# entropies with -100 clamps or |logits| up to 200 have per-element losses up
# to 200, all >= 0, so the reductions' rounding stays relative (n * eps *
# sum, covered by `rtol`), but a per-element cancellation such as
# (1 - t) * x + max(-x, 0) loses up to eps * 200 absolute: 2.4e-5 in
# float32, 4.4e-14 in float64.
LARGE = Tolerance("large terms", {
    np.dtype(f32): (1e-5, 5e-5),
    np.dtype(f64): (1e-12, 1e-13),
})

# linear ------------------------------------------------------------------
# (input shape, bias shape or None): 2-D, 1-D and 3-D inputs, each with and
# without a bias, in both dtypes; [1] and 0-d biases broadcast over the
# output features.
LINEAR = [((5, 3), (4,)), ((5, 3), (4,)), ((5, 3), None), ((5, 3), None),
          ((3,), (4,)), ((3,), (4,)), ((3,), None), ((3,), None),
          ((2, 5, 3), (4,)), ((2, 5, 3), (4,)), ((2, 5, 3), None),
          ((2, 5, 3), None), ((5, 3), (1,)), ((2, 5, 3), ()), ((3,), ())]
for x_shape, b_shape in LINEAR:
    dtype = alternate()
    inputs = [fam.array(x_shape, dtype), fam.array((4, 3), dtype)]
    if b_shape is not None:
        inputs.append(fam.array(b_shape, dtype))
    text = "kiln.linear " + ", ".join(f"{{{i}}}" for i in range(len(inputs)))
    fam.case("linear", text, inputs, F.linear, ACCUMULATE,
             note="no bias" if b_shape is None else "")

# softmax and log_softmax ---------------------------------------------------
# Rows of large values overflow exp unless shifted by their maximum (exp(89)
# is inf in float32, exp(710) in float64); -inf entries give 0 (softmax) and
# -inf (log_softmax); a row of only -inf gives NaN, as in torch, and so does
# a NaN or a +inf (inf - inf).
STABILITY = np.array([[1000.0, 999.0, 998.0, 0.0],
                      [-1000.0, -999.5, -1001.0, -2000.0],
                      [88.0, 89.0, 100.0, -5.0],
                      [800.0, 800.0, 800.0, 800.0]])
SPECIAL = np.array([[-np.inf, 1.0, 2.0, -np.inf],
                    [-np.inf, -np.inf, -np.inf, 0.0],
                    [-np.inf, -np.inf, -np.inf, -np.inf],
                    [3.0, -np.inf, 3.0, -1.0],
                    [np.nan, 1.0, 2.0, 0.0],
                    [np.inf, 1.0, -np.inf, 0.0]])
SOFTMAX = [((3, 5), 1), ((3, 5), 0), ((3, 5), -1), ((2, 3, 4), 1),
           ((2, 3, 4), -2), ((2, 3, 4), 0), ((2, 3, 4), -1), ((6,), 0),
           ((6,), -1), ((1, 4), -1)]
for name, fn in [("softmax", F.softmax), ("log_softmax", F.log_softmax)]:
    for shape, dim in SOFTMAX:
        fam.case(name, f"kiln.{name} {{0}} dim {dim}",
                 [2 * fam.array(shape, alternate())],
                 lambda x, d=dim, fn=fn: fn(x, dim=d), ACCUMULATE,
                 note=f"dim {dim}")
    for dtype in FLOAT_DTYPES:
        for values, note in [(STABILITY, "large values"),
                             (SPECIAL, "-inf, NaN, +inf")]:
            fam.case(name, f"kiln.{name} {{0}} dim -1", [values.astype(dtype)],
                     lambda x, fn=fn: fn(x, dim=-1), ACCUMULATE, note=note)
            fam.case(name, f"kiln.{name} {{0}} dim 0",
                     [np.ascontiguousarray(values.T, dtype)],
                     lambda x, fn=fn: fn(x, dim=0), ACCUMULATE, note=note)

# Shapes large enough (64 x 4096) that kiln-fusion-kernels tiles them across
# threads: each tile of rows computes its own max and sum. A denominator of
# 4096 terms rounds further than the short ones above: LARGE.
for name, fn in [("softmax", F.softmax), ("log_softmax", F.log_softmax)]:
    for dtype in FLOAT_DTYPES:
        for dim in (-1, 0):
            fam.case(name, f"kiln.{name} {{0}} dim {dim}",
                     [4 * fam.array((64, 4096), dtype)],
                     lambda x, d=dim, fn=fn: fn(x, dim=d), LARGE,
                     note=f"tiled, dim {dim}")

# Losses ------------------------------------------------------------------


def loss_case(name, fn, inputs, tolerance=ACCUMULATE, note="",
              kiln_attrs="", **torch_kwargs):
    """One case per reduction of kiln.`name` (with the attribute dictionary
    entries `kiln_attrs`) against torch's `fn` (with `torch_kwargs`)."""
    extra = f" {{{{{kiln_attrs}}}}}" if kiln_attrs else ""
    for reduction in ["none", "mean", "sum"]:
        fam.case(name,
                 f"kiln.{name} {{0}}, {{1}} reduction <{reduction}>{extra}",
                 inputs,
                 lambda *xs, r=reduction: fn(*xs, reduction=r,
                                             **torch_kwargs),
                 tolerance, note=", ".join(filter(None, [reduction, note])))


def log_probs(shape, dtype):
    """Random log-probabilities along dim 1 (dim 0 for 1-D shapes)."""
    scores = torch.from_numpy(2 * fam.array(shape, dtype))
    return F.log_softmax(scores, 1 if len(shape) > 1 else 0).numpy()


for name, fn in [("mse_loss", F.mse_loss), ("l1_loss", F.l1_loss)]:
    for x_shape, y_shape, note in [((3, 4), (3, 4), ""),
                                   ((3, 4), (3, 4), ""),
                                   ((2, 3, 4), (4,), "broadcast target"),
                                   ((4,), (2, 3, 4), "broadcast input"),
                                   ((), (), "0-d")]:
        dtype = alternate()
        loss_case(name, fn, [fam.array(x_shape, dtype),
                             fam.array(y_shape, dtype)], note=note)

# smooth_l1_loss: |d| on both sides of each beta and at 0.
for beta in [1.0, 0.5, 0.0]:
    for dtype in FLOAT_DTYPES:
        x = fam.array((3, 5), dtype)
        y = fam.array((3, 5), dtype)
        y[0] = x[0] + np.array([0.0, 0.25, -0.4, 0.7, 3.0], dtype=dtype)
        loss_case("smooth_l1_loss", F.smooth_l1_loss, [x, y],
                  note=f"beta {beta}", kiln_attrs=f"beta = {beta} : f64",
                  beta=beta)
dtype = alternate()
loss_case("smooth_l1_loss", F.smooth_l1_loss,
          [fam.array((2, 3), dtype), fam.array((3,), dtype)],
          note="default beta, broadcast")

for dtype in FLOAT_DTYPES:
    # binary_cross_entropy: probabilities exactly 0 and 1 under both
    # targets (log 0 = -inf, clamped at -100), a tiny positive one whose log
    # is below -100 and one whose log is not, soft targets.
    tiny = 1e-45 if dtype == f32 else 1e-50
    p = fam.rng.uniform(0.0, 1.0, (3, 6)).astype(dtype)
    p[0] = [0.0, 1.0, 0.0, 1.0, tiny, 1e-20]
    t = (fam.rng.random((3, 6)) < 0.5).astype(dtype)
    t[0] = [0.0, 1.0, 1.0, 0.0, 1.0, 1.0]
    t[2] = fam.rng.uniform(0.0, 1.0, 6).astype(dtype)
    loss_case("binary_cross_entropy", F.binary_cross_entropy, [p, t], LARGE,
              note="p in {0, 1}")

    # binary_cross_entropy_with_logits: |logits| up to 200, where a naive
    # log(1 + exp(-x)) overflows or loses everything.
    x = 3 * fam.array((3, 6), dtype)
    x[0] = [200.0, -200.0, 50.0, -50.0, 100.0, -100.0]
    t = fam.rng.uniform(0.0, 1.0, (3, 6)).astype(dtype)
    t[0] = [0.0, 1.0, 1.0, 0.0, 0.3, 0.7]
    loss_case("binary_cross_entropy_with_logits",
              F.binary_cross_entropy_with_logits, [x, t], LARGE,
              note="large |logits|")

    # kl_div: input holds log-probabilities; target probabilities with zeros
    # (0 log 0 = 0), or log-probabilities with log_target.
    q = fam.rng.uniform(0.0, 1.0, (3, 5)).astype(dtype)
    q[0, 1] = q[1, 3] = q[2, 0] = q[2, 4] = 0.0
    q /= q.sum(axis=1, keepdims=True)
    loss_case("kl_div", F.kl_div, [log_probs((3, 5), dtype), q],
              note="zeros in target")
for target_shape, note in [((3, 5), "log_target"),
                           ((5,), "log_target, broadcast")]:
    dtype = alternate()
    loss_case("kl_div", F.kl_div,
              [log_probs((3, 5), dtype), log_probs(target_shape, dtype)],
              note=note, kiln_attrs="log_target", log_target=True)

# Class losses: (scores shape, targets, ignore_index or None for the default
# -100, note). [N, C] + [N], [C] + [] (torch 1.13 raises on an ignored 0-d
# target, so it only gets a kept one), [N, C, d1, d2] + [N, d1, d2]; the
# ignored targets sit among the kept ones; ignore_index 1 is a class,
# 255 is outside the classes as in segmentation.
CLASS = [
    ((6, 5), [0, 4, -100, 2, 1, -100], None, ""),
    ((5,), 3, None, ""),
    ((2, 4, 3, 2), [[[0, 3], [-100, 1], [2, 2]],
                    [[3, -100], [1, 0], [-100, 3]]], None, ""),
    ((6, 5), [1, 4, 1, 2, 3, 0], 1, "ignore_index 1"),
    ((2, 3, 2, 2), [[[0, 255], [2, 1]], [[255, 255], [1, 0]]], 255,
     "ignore_index 255"),
]
# Every target ignored: the mean is 0 / 0 = NaN; in both dtypes.
ALL_IGNORED = [((6, 5), [-100] * 6, None, "all ignored")] * 2
for name, fn in [("nll_loss", F.nll_loss), ("cross_entropy", F.cross_entropy)]:
    for smoothing in [0.0, 0.1] if name == "cross_entropy" else [0.0]:
        for shape, target, ignore, note in CLASS + ALL_IGNORED:
            dtype = alternate()
            scores = (log_probs(shape, dtype) if name == "nll_loss" else
                      2 * fam.array(shape, dtype))
            attrs, kwargs = [], {}
            if ignore is not None:
                attrs.append(f"ignore_index = {ignore} : i64")
                kwargs["ignore_index"] = ignore
            if smoothing:
                attrs.append(f"label_smoothing = {smoothing} : f64")
                kwargs["label_smoothing"] = smoothing
                note = ", ".join(filter(None, [note, "label_smoothing 0.1"]))
            loss_case(name, fn, [scores, np.array(target, dtype=i64)],
                      note=note, kiln_attrs=", ".join(attrs), **kwargs)
# cross_entropy of logits +-1000 (spread 2000) needs the max shift.
for dtype in FLOAT_DTYPES:
    large = 1000 * np.sign(fam.array((4, 3), dtype))
    large[0] = [1000.0, -1000.0, 999.0]
    loss_case("cross_entropy", F.cross_entropy,
              [large, np.array([0, 1, 2, 1], dtype=i64)], note="large logits")

fam.run()
