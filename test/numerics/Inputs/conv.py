"""Convolution, pooling, normalization, dropout and pad against torch, in
float32 and float64: conv1d/2d/3d with strides, symmetric and asymmetric
pads (torch's reference pads with F.pad first), dilations, groups (depthwise
too) and with and without a bias; conv_transpose1d/2d/3d with strides,
pads, output_padding, dilations and groups; max_pool and avg_pool in 1-3
dims with strides, pads, dilation (max), ceil_mode and count_include_pad;
batch_norm in inference and training (the running statistics updated with
momentum), layer_norm from several axes with and without weight and bias,
group_norm, instance_norm; dropout in inference and in training, whose mask
is torch.rand's from the same seed; pad in constant, reflect and edge
(replicate) modes with negative pads (crops), on float and integer tensors.
Usage: conv.py PATH/TO/kiln WORK_DIR."""

import itertools
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (ACCUMULATE, EXACT, FLOAT_DTYPES, Family,  # noqa: E402
                     Tolerance, mlir_type)

fam = Family("conv", seed=11)
alternate = itertools.cycle(FLOAT_DTYPES).__next__

# A convolution output is a sum of C/G * prod(k) <= 54 products of two
# normal values (|x w| <~ 4 at most): as ACCUMULATE's argument with n <= 54,
# 54 * 6e-8 * 54 * 4 ~ 7e-4 is the worst case; sums of random signs stay far
# below that, so 1e-4 for float32 (oneDNN and torch also order the products
# differently) and 1e-12 for float64 (the float64 loops and torch's).
CONV = Tolerance("conv", {
    np.dtype(np.float32): (1e-4, 1e-4),
    np.dtype(np.float64): (1e-12, 1e-12),
})
# Norms: a mean and a variance over <= 60 values, then rsqrt (a few ulp).
NORM = Tolerance("norm", {
    np.dtype(np.float32): (1e-5, 1e-5),
    np.dtype(np.float64): (1e-12, 1e-13),
})


def ints(values):
    return "[" + ", ".join(str(v) for v in values) + "]"


def window_attrs(stride=None, padding=None, dilation=None, groups=1):
    text = ""
    if stride is not None:
        text += f" stride {ints(stride)}"
    if padding is not None:
        text += f" padding {ints(padding)}"
    if dilation is not None:
        text += f" dilation {ints(dilation)}"
    if groups != 1:
        text += f" groups {groups}"
    return text


def torch_pads(begins, ends):
    """F.pad's list (last dim first) for begins and ends in dim order."""
    pads = []
    for b, e in zip(reversed(begins), reversed(ends)):
        pads += [b, e]
    return pads


CONV_FN = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}
CONV_T_FN = {1: F.conv_transpose1d, 2: F.conv_transpose2d,
             3: F.conv_transpose3d}

# (input, weight, bias?, stride, pads (begins + ends), dilation, groups)
CONVS = [
    ((2, 3, 9), (4, 3, 3), True, [1], [0, 0], [1], 1),
    ((1, 4, 10), (6, 2, 3), False, [2], [1, 2], [2], 2),
    ((2, 3, 8, 7), (4, 3, 3, 3), True, [1, 1], [1, 1, 1, 1], [1, 1], 1),
    ((2, 3, 8, 8), (5, 3, 3, 2), True, [2, 1], [1, 0, 2, 1], [1, 2], 1),
    ((1, 4, 6, 6), (4, 1, 3, 3), True, [1, 2], [1, 1, 1, 1], [1, 1], 4),
    ((2, 6, 7, 5), (4, 3, 2, 2), False, [2, 2], [0, 0, 1, 1], [2, 1], 2),
    ((1, 2, 5, 6, 4), (3, 2, 2, 3, 2), True, [1, 2, 1], [1, 0, 1, 0, 1, 1],
     [1, 1, 2], 1),
    ((1, 1, 1, 1), (2, 1, 1, 1), True, None, None, None, 1),
]
for x, w, bias, stride, pads, dilation, groups in CONVS:
    dtype = alternate()
    s = len(x) - 2
    inputs = [fam.array(x, dtype), fam.array(w, dtype)]
    if bias:
        inputs.append(fam.array((w[0],), dtype))
    text = "kiln.conv {0}, {1}" + (", {2}" if bias else "")
    text += window_attrs(stride, pads, dilation, groups)

    def reference(*args, s=s, stride=stride, pads=pads, dilation=dilation,
                  groups=groups):
        xin = args[0]
        if pads is not None:
            xin = F.pad(xin, torch_pads(pads[:s], pads[s:]))
        return CONV_FN[s](xin, args[1], args[2] if len(args) > 2 else None,
                          stride=stride or 1, dilation=dilation or 1,
                          groups=groups)
    fam.case("conv", text, inputs, reference, CONV)

# A symmetric padding list of one pad per dim, as torch takes it.
fam.case("conv", "kiln.conv {0}, {1} padding [1, 2]",
         [fam.array((1, 2, 5, 5), np.float32),
          fam.array((3, 2, 3, 3), np.float32)],
         lambda x, w: F.conv2d(x, w, padding=(1, 2)), CONV,
         note="one pad per dim")

# (input, weight, bias?, stride, pads, output_padding, dilation, groups)
CONV_TS = [
    ((2, 4, 5), (4, 3, 3), True, [2], [0], [1], [1], 1),
    ((1, 4, 6), (4, 2, 3), False, [3], [1], [2], [2], 2),
    ((2, 3, 4, 5), (3, 2, 3, 3), True, [2, 1], [1, 0], [1, 0], [1, 1], 1),
    ((1, 4, 3, 4), (4, 1, 2, 3), True, [2, 2], [0, 1], [0, 1], [2, 1], 4),
    ((1, 2, 3, 3, 2), (2, 2, 2, 2, 3), False, [1, 2, 2], [0, 1, 1],
     [0, 1, 0], [1, 1, 1], 1),
    ((1, 3, 4), (3, 2, 5), True, [1], [3], [0], [1], 1),
]
for x, w, bias, stride, pads, out_pad, dilation, groups in CONV_TS:
    dtype = alternate()
    s = len(x) - 2
    inputs = [fam.array(x, dtype), fam.array(w, dtype)]
    if bias:
        inputs.append(fam.array((w[1] * groups,), dtype))
    text = "kiln.conv_transpose {0}, {1}" + (", {2}" if bias else "")
    text += (f" stride {ints(stride)} padding {ints(pads)} output_padding "
             f"{ints(out_pad)} dilation {ints(dilation)}")
    if groups != 1:
        text += f" groups {groups}"

    def reference(*args, s=s, stride=stride, pads=pads, out_pad=out_pad,
                  dilation=dilation, groups=groups):
        return CONV_T_FN[s](args[0], args[1],
                            args[2] if len(args) > 2 else None,
                            stride=stride, padding=pads,
                            output_padding=out_pad, groups=groups,
                            dilation=dilation)
    fam.case("conv_transpose", text, inputs, reference, CONV)

# Asymmetric padding of a transposed convolution crops each side on its
# own: the symmetric one with the difference sliced off.
fam.case("conv_transpose",
         "kiln.conv_transpose {0}, {1} stride [2] padding [0, 2]",
         [fam.array((1, 2, 5), np.float64), fam.array((2, 3, 4), np.float64)],
         lambda x, w: F.conv_transpose1d(x, w, stride=2)[..., :-2], CONV,
         note="asymmetric pads")

MAX_POOL_FN = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}
AVG_POOL_FN = {1: F.avg_pool1d, 2: F.avg_pool2d, 3: F.avg_pool3d}

# (input, kernel, stride, pad (symmetric, per dim), dilation, ceil_mode)
POOLS = [
    ((2, 3, 8), [2], None, [0], [1], False),
    ((1, 2, 9), [3], [2], [1], [1], True),
    ((2, 3, 8, 8), [2, 2], None, [0, 0], [1, 1], False),
    ((1, 2, 7, 9), [3, 2], [2, 2], [1, 1], [1, 1], True),
    ((1, 2, 9, 8), [3, 3], [2, 1], [1, 0], [2, 1], False),
    ((1, 2, 5, 6, 7), [2, 3, 2], [2, 1, 2], [1, 1, 0], [1, 1, 2], True),
    ((1, 1, 6, 6), [3, 3], [3, 3], [1, 1], [1, 1], True),
]
for x, kernel, stride, pad, dilation, ceil in POOLS:
    dtype = alternate()
    s = len(x) - 2
    attrs = f" kernel {ints(kernel)}"
    if stride is not None:
        attrs += f" stride {ints(stride)}"
    if any(pad):
        attrs += f" padding {ints(pad)}"
    tail = " ceil_mode" if ceil else ""
    fam.case("max_pool",
             "kiln.max_pool {0}" + attrs + f" dilation {ints(dilation)}" +
             tail, [fam.array(x, dtype)],
             lambda t, s=s, kernel=kernel, stride=stride, pad=pad,
             dilation=dilation, ceil=ceil: MAX_POOL_FN[s](
                 t, kernel, stride=stride, padding=pad, dilation=dilation,
                 ceil_mode=ceil), EXACT)
    for include in [True, False]:
        fam.case("avg_pool",
                 "kiln.avg_pool {0}" + attrs + tail +
                 (" count_include_pad" if include else ""),
                 [fam.array(x, dtype)],
                 lambda t, s=s, kernel=kernel, stride=stride, pad=pad,
                 ceil=ceil, include=include: AVG_POOL_FN[s](
                     t, kernel, stride=stride, padding=pad, ceil_mode=ceil,
                     count_include_pad=include), ACCUMULATE)

# Asymmetric max-pool pads: torch's reference pads with -inf first.
fam.case("max_pool", "kiln.max_pool {0} kernel [3, 2] padding [1, 0, 0, 1]",
         [fam.array((1, 2, 6, 5), np.float32)],
         lambda t: F.max_pool2d(F.pad(t, [0, 1, 1, 0], value=-np.inf),
                                [3, 2]), EXACT, note="asymmetric pads")
# NaN propagates through max.
nan_input = fam.array((1, 1, 4, 4), np.float32)
nan_input[0, 0, 1, 2] = np.nan
fam.case("max_pool", "kiln.max_pool {0} kernel [2, 2]", [nan_input],
         lambda t: F.max_pool2d(t, 2), EXACT, note="NaN")


def body(op_text, in_types, out_types, index):
    """An op with several results as a "body" case whose result is the
    `index`-th (a reshape to its own shape names it)."""
    outs = ", ".join(out_types)
    t = out_types[index]
    return (f"  {{t}}_0:{len(out_types)} = {op_text} : "
            f"({', '.join(in_types)}) -> ({outs})\n"
            f"  {{r}} = kiln.reshape {{t}}_0#{index} "
            f"{ints(shape_of(t))} : ({t}) -> {t}")


def shape_of(type_text):
    dims = type_text[len("tensor<"):-1].split("x")[:-1]
    return [int(d) for d in dims] if dims else []


def bn_reference(training, weight, momentum, eps, index):
    def reference(x, mean, var, *affine):
        mean, var = mean.clone(), var.clone()
        w = affine[0] if weight else None
        b = affine[1] if weight else None
        y = F.batch_norm(x, mean, var, w, b, training=training,
                         momentum=momentum, eps=eps)
        return (y, mean, var)[index]
    return reference


for shape, training, weight in [((4, 3, 5), False, True),
                                ((4, 3, 5), True, True),
                                ((2, 3, 4, 4), True, False),
                                ((6, 2), True, True),
                                ((2, 3, 2, 2, 2), False, False)]:
    dtype = alternate()
    c = shape[1]
    inputs = [fam.array(shape, dtype), fam.array((c,), dtype),
              fam.positive((c,), dtype)]
    if weight:
        inputs += [fam.array((c,), dtype), fam.array((c,), dtype)]
    in_types = [mlir_type(x.shape, x.dtype) for x in inputs]
    stat = mlir_type((c,), dtype)
    out_types = [in_types[0], stat, stat]
    momentum, eps = 0.2, 1e-3
    op_text = ("kiln.batch_norm {0}, {1}, {2}" +
               (" weight {3} bias {4}" if weight else "") +
               (" training" if training else "") +
               f" {{{{eps = {eps} : f64, momentum = {momentum} : f64}}}}")
    for index in range(3 if training else 1):
        fam.case("batch_norm", body(op_text, in_types, out_types, index),
                 inputs, bn_reference(training, weight, momentum, eps, index),
                 NORM, syntax="body",
                 note=f"{'training' if training else 'inference'}, "
                      f"result {index}")


def ln_reference(axis, weight, bias, index):
    def reference(x, *affine):
        dims = list(range(axis % x.dim(), x.dim()))
        w = affine[0] if weight else None
        b = affine[-1] if bias else None
        y = F.layer_norm(x, x.shape[axis % x.dim():], w, b, eps=1e-5)
        mean = x.mean(dims, keepdim=True)
        inv = torch.rsqrt(x.var(dims, unbiased=False, keepdim=True) + 1e-5)
        return (y, mean, inv)[index]
    return reference


for shape, axis, weight, bias in [((2, 5), -1, True, True),
                                  ((2, 3, 4), 1, True, False),
                                  ((3, 4, 5), -2, False, True),
                                  ((2, 3), 0, False, False)]:
    dtype = alternate()
    inputs = [fam.array(shape, dtype)]
    normalized = shape[axis % len(shape):]
    if weight:
        inputs.append(fam.array(normalized, dtype))
    if bias:
        inputs.append(fam.array(normalized, dtype))
    operands = "{0}"
    if weight:
        operands += " weight {1}"
    if bias:
        operands += f" bias {{{len(inputs) - 1}}}"
    in_types = [mlir_type(x.shape, x.dtype) for x in inputs]
    stat_shape = list(shape[:axis % len(shape)]) + [1] * len(normalized)
    stat = mlir_type(stat_shape, dtype)
    out_types = [in_types[0], stat, stat]
    for index in range(3):
        fam.case("layer_norm",
                 body(f"kiln.layer_norm {operands} axis {axis}", in_types,
                      out_types, index),
                 inputs, ln_reference(axis, weight, bias, index), NORM,
                 syntax="body", note=f"result {index}")

for shape, groups, affine in [((2, 4, 3), 2, True), ((3, 6, 2, 2), 3, False),
                              ((2, 4, 5), 1, True), ((1, 4, 2, 2, 2), 4, True)]:
    dtype = alternate()
    c = shape[1]
    inputs = [fam.array(shape, dtype)]
    text = "kiln.group_norm {0}"
    if affine:
        inputs += [fam.array((c,), dtype), fam.array((c,), dtype)]
        text += " weight {1} bias {2}"
    fam.case("group_norm", text + f" groups {groups}", inputs,
             lambda x, *a, groups=groups: F.group_norm(
                 x, groups, *(a if a else (None, None))), NORM)

for shape, affine in [((2, 3, 5), True), ((1, 2, 3, 4), False)]:
    dtype = alternate()
    c = shape[1]
    inputs = [fam.array(shape, dtype)]
    text = "kiln.instance_norm {0}"
    if affine:
        inputs += [fam.array((c,), dtype), fam.array((c,), dtype)]
        text += " weight {1} bias {2}"
    fam.case("instance_norm", text + " {{eps = 1.0e-3 : f64}}", inputs,
             lambda x, *a: F.instance_norm(
                 x, weight=a[0] if a else None, bias=a[1] if a else None,
                 eps=1e-3), NORM)


# Dropout: kiln's generator is torch's CPU generator bit for bit, so the
# training mask is torch.rand's from the same seed.
def dropout_body(shape, dtype, p, training):
    t = mlir_type(shape, dtype)
    return (f"  {{t}}_0 = kiln.manual_seed 123\n"
            f"  {{r}}, {{t}}_1 = kiln.dropout {{0}}, {{t}}_0 p {p}"
            f"{' training' if training else ''} : {t}")


def dropout_reference(p, training):
    def reference(x):
        if not training:
            return x.clone()
        gen = torch.Generator().manual_seed(123)
        u = torch.rand(x.shape, generator=gen, dtype=x.dtype)
        return x * (u >= p).to(x.dtype) * (1.0 / (1.0 - p))
    return reference


for shape, p, training in [((4, 8), 0.5, True), ((3, 5, 2), 0.2, True),
                           ((4, 8), 0.5, False), ((2, 3), 0.0, True)]:
    dtype = alternate()
    fam.case("dropout", dropout_body(shape, dtype, p, training),
             [fam.array(shape, dtype)], dropout_reference(p, training),
             EXACT, syntax="body", note=f"p {p}, "
             f"{'training' if training else 'inference'}")


def np_pad(x, pads, mode, value):
    """The reference of kiln.pad: crop the negative pads, then np.pad."""
    rank = x.ndim
    slices = tuple(slice(max(-pads[i], 0), x.shape[i] - max(-pads[rank + i], 0))
                   for i in range(rank))
    x = x[slices]
    widths = [(max(pads[i], 0), max(pads[rank + i], 0)) for i in range(rank)]
    if mode == "constant":
        return np.pad(x, widths, mode="constant", constant_values=value)
    return np.pad(x, widths, mode="reflect" if mode == "reflect" else "edge")


for shape, dtype, pads, mode, value in [
        ((2, 3), np.float32, [1, 0, 2, 1], "constant", 0.0),
        ((2, 3, 4), np.float64, [0, 1, 2, 0, 0, 1], "constant", -1.5),
        ((3, 4), np.int64, [1, -1, 0, 2], "constant", 7),
        ((2, 5), np.float32, [1, 2, 1, 3], "reflect", 0.0),
        ((2, 3, 6), np.float64, [0, 0, 2, 0, 1, 3], "reflect", 0.0),
        ((4, 5), np.float32, [-1, 2, 1, -2], "reflect", 0.0),
        ((2, 3), np.float32, [2, 1, 3, 2], "edge", 0.0),
        ((3, 4), np.int32, [0, -1, 1, 2], "edge", 0.0),
        ((2, 4), np.float64, [0, -2, 0, -1], "constant", 0.0)]:
    text = f"kiln.pad {{0}} pads {ints(pads)}"
    if mode != "constant":
        text += f" mode <{mode}>"
    if value:
        text += f" value {float(value)}"
    fam.case("pad", text, [fam.array(shape, dtype)],
             lambda t, pads=pads, mode=mode, value=value: torch.from_numpy(
                 np_pad(t.numpy(), pads, mode, value)), EXACT,
             note=mode)

fam.run()
