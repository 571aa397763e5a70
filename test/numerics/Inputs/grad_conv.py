"""Gradients of convolution, pooling, the norms and pad against
torch.autograd, and kiln gradcheck: conv1d/2d/3d (strides, asymmetric pads,
dilations, groups, bias), conv_transpose1d/2d/3d (output_padding, groups),
max_pool (the gradient to each window's first maximum; strides, pads,
dilation, ceil_mode) and avg_pool (count_include_pad both ways, ceil_mode),
batch_norm in training (through the batch statistics) and in inference,
layer_norm, group_norm and instance_norm (from their decompositions), and
pad in constant, reflect and edge modes with crops.
Usage: grad_conv.py PATH/TO/BIN WORK_DIR."""

import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gradients import GradFamily  # noqa: E402

fam = GradFamily("grad_conv", seed=13)
normal = fam.normal


def ints(values):
    return "[" + ", ".join(str(v) for v in values) + "]"


def torch_pads(begins, ends):
    pads = []
    for b, e in zip(reversed(begins), reversed(ends)):
        pads += [b, e]
    return pads


CONV_FN = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}
CONV_T_FN = {1: F.conv_transpose1d, 2: F.conv_transpose2d,
             3: F.conv_transpose3d}

# (input, weight, bias?, stride, pads (begins + ends), dilation, groups)
CONVS = [
    ((2, 3, 7), (4, 3, 3), True, [1], [1, 1], [1], 1),
    ((1, 4, 9), (6, 2, 2), False, [2], [0, 1], [2], 2),
    ((2, 2, 6, 5), (3, 2, 3, 2), True, [2, 1], [1, 0, 0, 1], [1, 2], 1),
    ((1, 4, 5, 5), (4, 1, 3, 3), True, [1, 1], [1, 1, 1, 1], [1, 1], 4),
    ((1, 2, 4, 5, 3), (2, 2, 2, 3, 2), True, [1, 2, 1], [0, 1, 1, 1, 0, 0],
     [1, 1, 1], 1),
    ((2, 3, 8), (2, 3, 3), False, [3], [0, 0], [1], 1),
]
for x, w, bias, stride, pads, dilation, groups in CONVS:
    s = len(x) - 2
    inputs = [normal(x), normal(w)] + ([normal((w[0],))] if bias else [])
    text = "kiln.conv {0}, {1}" + (", {2}" if bias else "")
    text += (f" stride {ints(stride)} padding {ints(pads)} dilation "
             f"{ints(dilation)}" + (f" groups {groups}" if groups > 1 else ""))

    def reference(*args, s=s, stride=stride, pads=pads, dilation=dilation,
                  groups=groups):
        xin = F.pad(args[0], torch_pads(pads[:s], pads[s:]))
        return CONV_FN[s](xin, args[1], args[2] if len(args) > 2 else None,
                          stride=stride, dilation=dilation, groups=groups)
    fam.case("conv", text, inputs, reference)

CONV_TS = [
    ((2, 3, 4), (3, 2, 3), True, [2], [1], [1], [1], 1),
    ((1, 4, 3, 4), (4, 1, 2, 3), True, [2, 2], [0, 1], [1, 0], [1, 2], 2),
    ((1, 2, 2, 3, 2), (2, 2, 2, 2, 2), False, [1, 2, 1], [0, 1, 0],
     [0, 1, 0], [1, 1, 1], 1),
]
for x, w, bias, stride, pads, out_pad, dilation, groups in CONV_TS:
    s = len(x) - 2
    inputs = [normal(x), normal(w)] + ([normal((w[1] * groups,))]
                                       if bias else [])
    text = "kiln.conv_transpose {0}, {1}" + (", {2}" if bias else "")
    text += (f" stride {ints(stride)} padding {ints(pads)} output_padding "
             f"{ints(out_pad)} dilation {ints(dilation)}" +
             (f" groups {groups}" if groups > 1 else ""))

    def reference(*args, s=s, stride=stride, pads=pads, out_pad=out_pad,
                  dilation=dilation, groups=groups):
        return CONV_T_FN[s](args[0], args[1],
                            args[2] if len(args) > 2 else None,
                            stride=stride, padding=pads,
                            output_padding=out_pad, groups=groups,
                            dilation=dilation)
    fam.case("conv_transpose", text, inputs, reference)

MAX_POOL_FN = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}
AVG_POOL_FN = {1: F.avg_pool1d, 2: F.avg_pool2d, 3: F.avg_pool3d}
POOLS = [
    ((2, 2, 8), [2], [2], [0], [1], False),
    ((1, 2, 9), [3], [2], [1], [1], True),
    ((1, 2, 6, 7), [3, 2], [2, 1], [1, 1], [1, 1], True),
    ((2, 1, 6, 6), [2, 2], [2, 2], [0, 0], [2, 2], False),
    ((1, 1, 4, 5, 4), [2, 2, 2], [1, 2, 2], [1, 0, 1], [1, 1, 1], False),
]
for x, kernel, stride, pad, dilation, ceil in POOLS:
    s = len(x) - 2
    attrs = (f" kernel {ints(kernel)} stride {ints(stride)} padding "
             f"{ints(pad)}")
    tail = " ceil_mode" if ceil else ""
    fam.case("max_pool",
             "kiln.max_pool {0}" + attrs + f" dilation {ints(dilation)}" +
             tail, [normal(x)],
             lambda t, s=s, kernel=kernel, stride=stride, pad=pad,
             dilation=dilation, ceil=ceil: MAX_POOL_FN[s](
                 t, kernel, stride=stride, padding=pad, dilation=dilation,
                 ceil_mode=ceil))
    for include in [True, False]:
        fam.case("avg_pool",
                 "kiln.avg_pool {0}" + attrs + tail +
                 (" count_include_pad" if include else ""), [normal(x)],
                 lambda t, s=s, kernel=kernel, stride=stride, pad=pad,
                 ceil=ceil, include=include: AVG_POOL_FN[s](
                     t, kernel, stride=stride, padding=pad, ceil_mode=ceil,
                     count_include_pad=include))

# Ties (a relu'd input's zeros): the gradient goes to the first maximum.
tied = np.maximum(normal((1, 2, 6, 6)), 0.0)
tied[0, 0, :2, :2] = 0.0
fam.case("max_pool", "kiln.max_pool {0} kernel [2, 2]", [tied],
         lambda t: F.max_pool2d(t, 2), note="ties",
         gradcheck=False)  # no derivative at a tie


def bn(training, weight):
    def reference(x, mean, var, *affine):
        mean, var = mean.detach().clone(), var.detach().clone()
        w, b = (affine[0], affine[1]) if weight else (None, None)
        y = F.batch_norm(x, mean, var, w, b, training=training,
                         momentum=0.1, eps=1e-5)
        return (y, mean, var)
    return reference


for shape, training, weight in [((4, 3, 5), True, True),
                                ((3, 2, 3, 3), True, False),
                                ((4, 3), True, True),
                                ((2, 3, 4), False, True)]:
    c = shape[1]
    inputs = [normal(shape), normal((c,)),
              fam.rng.uniform(0.5, 2.0, (c,))]
    if weight:
        inputs += [normal((c,)), normal((c,))]
    text = ("kiln.batch_norm {0}, {1}, {2}" +
            (" weight {3} bias {4}" if weight else "") +
            (" training" if training else ""))
    wrt = [0] + ([3, 4] if weight else [])
    fam.case("batch_norm", text, inputs, bn(training, weight), wrt=wrt,
             note="training" if training else "inference")


def ln(axis, weight, bias):
    def reference(x, *affine):
        dims = list(range(axis % x.dim(), x.dim()))
        w = affine[0] if weight else None
        b = affine[-1] if bias else None
        y = F.layer_norm(x, x.shape[axis % x.dim():], w, b, eps=1e-5)
        mean = x.mean(dims, keepdim=True)
        return (y, mean, mean)
    return reference


for shape, axis, weight, bias in [((3, 5), -1, True, True),
                                  ((2, 3, 4), 1, True, False),
                                  ((2, 4, 3), 2, False, False)]:
    inputs = [normal(shape)]
    normalized = shape[axis % len(shape):]
    operands = "{0}"
    if weight:
        inputs.append(normal(normalized))
        operands += " weight {1}"
    if bias:
        inputs.append(normal(normalized))
        operands += f" bias {{{len(inputs) - 1}}}"
    fam.case("layer_norm", f"kiln.layer_norm {operands} axis {axis}", inputs,
             ln(axis, weight, bias))

for shape, groups in [((2, 4, 3), 2), ((1, 6, 2, 2), 3)]:
    c = shape[1]
    fam.case("group_norm", f"kiln.group_norm {{0}} weight {{1}} bias {{2}} "
             f"groups {groups}", [normal(shape), normal((c,)), normal((c,))],
             lambda x, w, b, groups=groups: F.group_norm(x, groups, w, b))

fam.case("instance_norm", "kiln.instance_norm {0} weight {1} bias {2}",
         [normal((2, 3, 5)), normal((3,)), normal((3,))],
         lambda x, w, b: F.instance_norm(x, weight=w, bias=b))


def pad_reference(pads, mode):
    def reference(x):
        rank = x.dim()
        for i in range(rank):
            b, e = -pads[i], -pads[rank + i]
            x = x.narrow(i, max(b, 0), x.shape[i] - max(b, 0) - max(e, 0))
        pos = [max(p, 0) for p in pads]
        torch_mode = {"constant": "constant", "reflect": "reflect",
                      "edge": "replicate"}[mode]
        if mode == "constant":
            return F.pad(x, torch_pads(pos[:rank], pos[rank:]))
        # torch's reflect and replicate pad the trailing dims of a batch.
        batched = x.reshape((1, 1) + tuple(x.shape))
        y = F.pad(batched, torch_pads(pos[:rank], pos[rank:]),
                  mode=torch_mode)
        return y.reshape(y.shape[2:])
    return reference


for shape, pads, mode in [((3, 4), [1, 0, 2, 1], "constant"),
                          ((3, 4), [-1, 1, 0, -2], "constant"),
                          ((4, 5), [1, 2, 2, 3], "reflect"),
                          ((2, 3, 5), [0, 1, -1, 0, 2, 3], "reflect"),
                          ((3, 4), [2, 1, 1, 3], "edge"),
                          ((2, 3, 4), [0, -1, 2, 0, 1, 1], "edge")]:
    text = f"kiln.pad {{0}} pads {ints(pads)}"
    if mode != "constant":
        text += f" mode <{mode}>"
    fam.case("pad", text, [normal(shape)], pad_reference(pads, mode),
             note=mode)

fam.run()
