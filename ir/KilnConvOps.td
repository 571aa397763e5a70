//===- KilnConvOps.td - Convolution, pooling, norms, dropout, pad -*- tablegen -*-===//
//
/// torch.nn.functional's convolutions (conv1d/2d/3d and their transposes),
/// max and average pooling, the normalizations, dropout and pad. Spatial
/// ops take an input [N, C, d1, ...] with 1 to 3 spatial dims. Padding is
/// given as ONNX gives it, every begin then every end (`[b1, b2, e1, e2]`
/// for 2-D), so asymmetric pads need no extra op; `stride`, `dilation` and
/// `padding` default to 1, 1 and 0 in every spatial dim. The C++ is in
/// ConvOps.cpp (inference), ConvGradients.cpp (VJPs), the lowering in
/// codegen/cpu/LowerConvOps.cpp and the decompositions in
/// passes/DecomposeConv.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CONV_OPS_TD
#define KILN_CONV_OPS_TD

include "ir/KilnBase.td"

def Kiln_ConvOp : Kiln_InferredOp<"conv", [Kiln_Differentiable]> {
  let summary = "N-d convolution (torch.nn.functional.conv1d/conv2d/conv3d)";
  let description = [{
    `input` is `[N, C_in, d1, ...]` (1 to 3 spatial dims), `weight` is
    `[C_out, C_in / groups, k1, ...]` and the optional `bias` `[C_out]`.
    `padding` lists the begin pads of every spatial dim, then the end pads
    (ONNX's `pads`); a list of one pad per dim pads both sides equally, as
    PyTorch does. Output size per dim:
    `(d + begin + end - dilation * (k - 1) - 1) / stride + 1`, rounded down.
    float32 runs as oneDNN's convolution.
    ```mlir
    %y = kiln.conv %x, %w, %b stride [2, 2] padding [1, 1, 1, 1] : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input, Kiln_FloatTensor:$weight,
                       Optional<Kiln_FloatTensor>:$bias,
                       OptionalAttr<DenseI64ArrayAttr>:$stride,
                       OptionalAttr<DenseI64ArrayAttr>:$padding,
                       OptionalAttr<DenseI64ArrayAttr>:$dilation,
                       DefaultValuedAttr<Kiln_IntAttr, "1">:$groups);
  let results = (outs Kiln_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? (`stride` $stride^)? (`padding` $padding^)?
    (`dilation` $dilation^)? (`groups` $groups^)? attr-dict `:` functional-type(operands, results)
  }];
}

def Kiln_ConvTransposeOp : Kiln_InferredOp<"conv_transpose", [Kiln_Differentiable]> {
  let summary = "N-d transposed convolution (torch.nn.functional.conv_transpose1d/2d/3d)";
  let description = [{
    The adjoint of `kiln.conv`: `input` is `[N, C_in, d1, ...]`, `weight`
    `[C_in, C_out / groups, k1, ...]` and the optional `bias` `[C_out]`.
    `padding` (begins then ends, or one per dim) crops the full output;
    `output_padding` (one per dim, each smaller than the stride or the
    dilation) adds to its end. Output size per dim:
    `(d - 1) * stride - begin - end + dilation * (k - 1) + output_padding + 1`.
    ```mlir
    %y = kiln.conv_transpose %x, %w stride [2] : (tensor<1x4x5xf32>, tensor<4x2x3xf32>) -> tensor<1x2x11xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input, Kiln_FloatTensor:$weight,
                       Optional<Kiln_FloatTensor>:$bias,
                       OptionalAttr<DenseI64ArrayAttr>:$stride,
                       OptionalAttr<DenseI64ArrayAttr>:$padding,
                       OptionalAttr<DenseI64ArrayAttr>:$output_padding,
                       OptionalAttr<DenseI64ArrayAttr>:$dilation,
                       DefaultValuedAttr<Kiln_IntAttr, "1">:$groups);
  let results = (outs Kiln_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? (`stride` $stride^)? (`padding` $padding^)?
    (`output_padding` $output_padding^)? (`dilation` $dilation^)? (`groups` $groups^)?
    attr-dict `:` functional-type(operands, results)
  }];
}

/// The attributes every pooling op takes: the window, its stride (the window
/// when omitted, as in PyTorch), pads (begins then ends, or one per dim) and
/// ceil_mode, which rounds the output size up while the last window still
/// starts inside the input or its begin pad.
class Kiln_PoolOp<string mnemonic, list<Trait> traits = []>
    : Kiln_InferredOp<mnemonic, traits> {
  let results = (outs Kiln_FloatTensor:$result);
}

def Kiln_MaxPoolOp : Kiln_PoolOp<"max_pool", [Kiln_Differentiable]> {
  let summary = "N-d max pooling (torch.nn.functional.max_pool1d/2d/3d)";
  let description = [{
    Pads count as -inf. The gradient goes to the first maximum of each window
    (in row-major window order), as in PyTorch.
    ```mlir
    %y = kiln.max_pool %x kernel [2, 2] : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input, DenseI64ArrayAttr:$kernel,
                       OptionalAttr<DenseI64ArrayAttr>:$stride,
                       OptionalAttr<DenseI64ArrayAttr>:$padding,
                       OptionalAttr<DenseI64ArrayAttr>:$dilation,
                       UnitAttr:$ceil_mode);
  let assemblyFormat = [{
    $input `kernel` $kernel (`stride` $stride^)? (`padding` $padding^)?
    (`dilation` $dilation^)? (`ceil_mode` $ceil_mode^)? attr-dict `:` functional-type(operands, results)
  }];
}

def Kiln_MaxPoolBackwardOp : Kiln_PoolOp<"max_pool_backward", [Kiln_NonDifferentiable]> {
  let summary = "The gradient of kiln.max_pool with respect to its input";
  let description = [{
    Adds each element of `grad` (the max pool's result gradient) to the
    input position of its window's first maximum; the result has `input`'s
    type. The VJP of `kiln.max_pool` emits it; it has no gradient itself.
  }];
  let arguments = (ins Kiln_FloatTensor:$grad, Kiln_FloatTensor:$input,
                       DenseI64ArrayAttr:$kernel,
                       OptionalAttr<DenseI64ArrayAttr>:$stride,
                       OptionalAttr<DenseI64ArrayAttr>:$padding,
                       OptionalAttr<DenseI64ArrayAttr>:$dilation,
                       UnitAttr:$ceil_mode);
  let assemblyFormat = [{
    $grad `,` $input `kernel` $kernel (`stride` $stride^)? (`padding` $padding^)?
    (`dilation` $dilation^)? (`ceil_mode` $ceil_mode^)? attr-dict `:` functional-type(operands, results)
  }];
}

def Kiln_AvgPoolOp : Kiln_PoolOp<"avg_pool", [Kiln_Differentiable]> {
  let summary = "N-d average pooling (torch.nn.functional.avg_pool1d/2d/3d)";
  let description = [{
    With `count_include_pad` the divisor counts the pads a window covers
    (PyTorch's default; not past the end pad in ceil_mode), without it only
    the input elements (ONNX's default).
    ```mlir
    %y = kiln.avg_pool %x kernel [3] stride [2] padding [1] count_include_pad : (tensor<1x2x9xf32>) -> tensor<1x2x5xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input, DenseI64ArrayAttr:$kernel,
                       OptionalAttr<DenseI64ArrayAttr>:$stride,
                       OptionalAttr<DenseI64ArrayAttr>:$padding,
                       UnitAttr:$ceil_mode, UnitAttr:$count_include_pad);
  let assemblyFormat = [{
    $input `kernel` $kernel (`stride` $stride^)? (`padding` $padding^)?
    (`ceil_mode` $ceil_mode^)? (`count_include_pad` $count_include_pad^)? attr-dict `:` functional-type(operands, results)
  }];
}

//===----------------------------------------------------------------------===//
// Normalizations: composites, so their gradients come from the decomposition.
//===----------------------------------------------------------------------===//

def Kiln_BatchNormOp : Kiln_InferredOp<"batch_norm", [Kiln_Composite, AttrSizedOperandSegments]> {
  let summary = "Batch normalization (torch.nn.functional.batch_norm)";
  let description = [{
    `input` is `[N, C, ...]`; `running_mean`, `running_var` and the optional
    `weight` and `bias` are `[C]`. Without `training` the input is
    normalized with the running statistics and they are returned unchanged.
    With `training` it is normalized with the batch's mean and biased
    variance over every dim but C, and the running statistics are returned
    updated as PyTorch updates them:
    `(1 - momentum) * running + momentum * batch`, with the unbiased
    variance.
    ```mlir
    %y, %m, %v = kiln.batch_norm %x, %mean, %var weight %w bias %b training : (tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>)
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input, Kiln_FloatTensor:$running_mean,
                       Kiln_FloatTensor:$running_var,
                       Optional<Kiln_FloatTensor>:$weight,
                       Optional<Kiln_FloatTensor>:$bias,
                       DefaultValuedAttr<F64Attr, "1e-5">:$eps,
                       DefaultValuedAttr<F64Attr, "0.1">:$momentum,
                       UnitAttr:$training);
  let results = (outs Kiln_FloatTensor:$result, Kiln_FloatTensor:$mean_out,
                      Kiln_FloatTensor:$var_out);
  let assemblyFormat = [{
    $input `,` $running_mean `,` $running_var (`weight` $weight^)? (`bias` $bias^)?
    (`training` $training^)? attr-dict `:` functional-type(operands, results)
  }];
}

def Kiln_LayerNormOp : Kiln_InferredOp<"layer_norm", [Kiln_Composite, AttrSizedOperandSegments]> {
  let summary = "Layer normalization over the dims from `axis` on (torch.nn.functional.layer_norm, ONNX LayerNormalization)";
  let description = [{
    Normalizes over dims `axis` to the last (PyTorch's `normalized_shape` is
    the input's shape from `axis` on) with the biased variance. The optional
    `weight` and `bias` have that trailing shape. The second and third
    results are the mean and `1 / sqrt(var + eps)`, with the normalized dims
    kept as size 1 (ONNX's Mean and InvStdDev).
    ```mlir
    %y, %m, %r = kiln.layer_norm %x weight %w axis -1 : (tensor<2x5xf32>, tensor<5xf32>) -> (tensor<2x5xf32>, tensor<2x1xf32>, tensor<2x1xf32>)
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input, Optional<Kiln_FloatTensor>:$weight,
                       Optional<Kiln_FloatTensor>:$bias,
                       DefaultValuedAttr<Kiln_IntAttr, "-1">:$axis,
                       DefaultValuedAttr<F64Attr, "1e-5">:$eps);
  let results = (outs Kiln_FloatTensor:$result, Kiln_FloatTensor:$mean,
                      Kiln_FloatTensor:$inv_std_dev);
  let assemblyFormat = [{
    $input (`weight` $weight^)? (`bias` $bias^)? `axis` $axis attr-dict `:` functional-type(operands, results)
  }];
}

def Kiln_GroupNormOp : Kiln_InferredOp<"group_norm", [Kiln_Composite, AttrSizedOperandSegments]> {
  let summary = "Group normalization (torch.nn.functional.group_norm)";
  let description = [{
    `input` is `[N, C, ...]`; the channels split into `num_groups` groups,
    each normalized over its channels and the spatial dims with the biased
    variance, then scaled and shifted per channel by the optional `[C]`
    `weight` and `bias`. Instance normalization is `num_groups = C`
    (`kiln.instance_norm`).
    ```mlir
    %y = kiln.group_norm %x groups 2 : (tensor<2x4x3xf32>) -> tensor<2x4x3xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input, Optional<Kiln_FloatTensor>:$weight,
                       Optional<Kiln_FloatTensor>:$bias, Kiln_IntAttr:$num_groups,
                       DefaultValuedAttr<F64Attr, "1e-5">:$eps);
  let results = (outs Kiln_FloatTensor:$result);
  let assemblyFormat = [{
    $input (`weight` $weight^)? (`bias` $bias^)? `groups` $num_groups attr-dict `:` functional-type(operands, results)
  }];
}

def Kiln_InstanceNormOp : Kiln_InferredOp<"instance_norm", [Kiln_Composite, AttrSizedOperandSegments]> {
  let summary = "Instance normalization (torch.nn.functional.instance_norm with the input's statistics)";
  let description = [{
    Each (sample, channel) of `input` `[N, C, ...]` is normalized over its
    spatial dims with the biased variance, then scaled and shifted per
    channel by the optional `[C]` `weight` and `bias`.
  }];
  let arguments = (ins Kiln_FloatTensor:$input, Optional<Kiln_FloatTensor>:$weight,
                       Optional<Kiln_FloatTensor>:$bias,
                       DefaultValuedAttr<F64Attr, "1e-5">:$eps);
  let results = (outs Kiln_FloatTensor:$result);
  let assemblyFormat = [{
    $input (`weight` $weight^)? (`bias` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
}

//===----------------------------------------------------------------------===//
// Dropout and pad
//===----------------------------------------------------------------------===//

def Kiln_DropoutOp : Kiln_Op<"dropout", [Pure, Kiln_Composite, AllTypesMatch<["input", "result"]>]> {
  let summary = "Dropout (torch.nn.functional.dropout)";
  let description = [{
    Without `training`, the identity. With it, each element is kept with
    probability `1 - p` and scaled by `1 / (1 - p)`, the others zeroed; the
    mask is drawn as `kiln.rand` from `generator` (an element is kept when
    its draw is at least `p`), whose advanced state is the second result, so
    `kiln-materialize-random` fixes the mask of a seeded model.
    ```mlir
    %y, %g1 = kiln.dropout %x, %g p 0.5 training : tensor<4x8xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input, Kiln_GeneratorType:$generator,
                       F64Attr:$p, UnitAttr:$training);
  let results = (outs Kiln_FloatTensor:$result, Kiln_GeneratorType:$next);
  let assemblyFormat = "$input `,` $generator `p` $p (`training` $training^)? attr-dict `:` type($result)";
  let hasVerifier = 1;
  let builders = [
    OpBuilder<(ins "::mlir::Value":$input, "::mlir::Value":$generator,
                   "double":$p, "bool":$training), [{
      build($_builder, $_state, input.getType(), generator.getType(), input,
            generator, $_builder.getF64FloatAttr(p),
            training ? $_builder.getUnitAttr() : nullptr);
    }]>
  ];
}

def Kiln_PadMode : I32EnumAttr<"PadMode", "how kiln.pad fills its border", [
    I32EnumAttrCase<"constant", 0>,
    I32EnumAttrCase<"reflect", 1>,
    I32EnumAttrCase<"edge", 2>
  ]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::kiln";
}

def Kiln_PadModeAttr : EnumAttr<Kiln_Dialect, Kiln_PadMode, "pad_mode"> {
  let assemblyFormat = "`<` $value `>`";
}

def Kiln_PadOp : Kiln_InferredOp<"pad", [Kiln_Differentiable]> {
  let summary = "Pads or crops every dimension (torch.nn.functional.pad, ONNX Pad)";
  let description = [{
    `pads` lists the begin pad of every dim, then the end pad (ONNX's
    order; PyTorch lists the last dim first). A negative pad crops. Modes:
    `constant` fills with `value`, `reflect` mirrors without repeating the
    edge (each pad smaller than the dim), `edge` repeats the edge
    (PyTorch's `replicate`).
    ```mlir
    %y = kiln.pad %x pads [0, 1, 0, 2] mode <reflect> : (tensor<2x3xf32>) -> tensor<2x6xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, DenseI64ArrayAttr:$pads,
                       DefaultValuedAttr<Kiln_PadModeAttr, "::kiln::PadMode::constant">:$mode,
                       DefaultValuedAttr<F64Attr, "0.0">:$value);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$input `pads` $pads (`mode` $mode^)? (`value` $value^)? attr-dict `:` functional-type(operands, results)";
}

#endif // KILN_CONV_OPS_TD
