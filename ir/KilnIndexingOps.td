//===- KilnIndexingOps.td - Indexing and data movement -----*- tablegen -*-===//
//
/// Gathers and scatters by index tensors (take, scatter, gather_nd,
/// scatter_nd), scans (cumsum), selection (topk), encodings (one_hot), masks
/// (trilu), repetition (tile, flip) and the composites resize and einsum. The
/// ops follow PyTorch where PyTorch has the op and ONNX where ONNX says more
/// (negative indices wrap around wherever ONNX allows them). Inference,
/// verifiers and folds are in IndexingOps.cpp, the VJPs in
/// IndexingGradients.cpp, the CPU lowering in LowerIndexingOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_INDEXING_OPS_TD
#define KILN_INDEXING_OPS_TD

include "ir/KilnBase.td"

/// How a scatter combines an update with the value already there: `none`
/// replaces it (torch.scatter), the others reduce into it as
/// torch.scatter_reduce with include_self=True and ONNX ScatterElements /
/// ScatterND's `reduction` do.
def Kiln_ScatterReduce : I32EnumAttr<"ScatterReduce",
    "how a scatter combines an update with the existing value", [
    I32EnumAttrCase<"none", 0>,
    I32EnumAttrCase<"add", 1>,
    I32EnumAttrCase<"mul", 2>,
    I32EnumAttrCase<"max", 3>,
    I32EnumAttrCase<"min", 4>
  ]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::kiln";
}

def Kiln_ScatterReduceAttr : EnumAttr<Kiln_Dialect, Kiln_ScatterReduce, "scatter_reduce"> {
  let assemblyFormat = "`<` $value `>`";
}

//===----------------------------------------------------------------------===//
// Gathers and scatters
//===----------------------------------------------------------------------===//

def Kiln_TakeOp : Kiln_InferredOp<"take", [Kiln_Differentiable]> {
  let summary = "Picks entries along an axis by an index tensor of any rank (numpy.take, ONNX Gather)";
  let description = [{
    The result is `input.shape[:axis] + indices.shape + input.shape[axis+1:]`:
    `result[i.., j.., k..] = input[i.., indices[j..], k..]`. Negative
    indices count from the end of the axis, as in ONNX Gather. With a 1-D
    `indices` it is `torch.index_select`; with a 0-d one it selects and drops
    the axis (`x[:, 2]`).
    ```mlir
    %y = kiln.take %x, %i axis 1 : (tensor<3x5xf32>, tensor<2x2xi64>) -> tensor<3x2x2xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, Kiln_IndexTensor:$indices,
                       DefaultValuedAttr<Kiln_IntAttr, "0">:$axis);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$input `,` $indices `axis` $axis attr-dict `:` functional-type(operands, results)";
}

def Kiln_ScatterOp : Kiln_InferredOp<"scatter", [Kiln_Differentiable]> {
  let summary = "Writes src into a copy of input along a dimension at index (torch.scatter, torch.scatter_reduce, ONNX ScatterElements)";
  let description = [{
    For every position `p` of `index`, the result at `p` with `p[dim]`
    replaced by `index[p]` receives `src[p]`: it is replaced (`none`) or
    combined with the value there by `add`, `mul`, `max` or `min`
    (torch.scatter_reduce with `include_self=True`). `index` has the input's
    rank, is no larger than `src` in any dimension and no larger than the
    input outside `dim`; negative indices count from the end as in ONNX.
    With `none`, when several positions write one element the last one in
    row-major order wins (PyTorch leaves it unspecified).
    ```mlir
    %y = kiln.scatter %x, %i, %s dim 0 reduce <add> : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x4xf32>) -> tensor<3x4xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, Kiln_IndexTensor:$index,
                       Kiln_Tensor:$src, Kiln_IntAttr:$dim,
                       DefaultValuedAttr<Kiln_ScatterReduceAttr,
                                         "::kiln::ScatterReduce::none">:$reduce);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$input `,` $index `,` $src `dim` $dim (`reduce` $reduce^)? attr-dict `:` functional-type(operands, results)";
}

def Kiln_GatherNdOp : Kiln_InferredOp<"gather_nd", [Kiln_Differentiable]> {
  let summary = "Gathers slices by index tuples (ONNX GatherND)";
  let description = [{
    The last dimension of `indices` (size `k`) holds coordinates into the
    input's dimensions `batch_dims .. batch_dims + k`; the first
    `batch_dims` dimensions of `indices` and input match and are walked
    together. The result is `indices.shape[:-1] + input.shape[batch_dims + k:]`.
    Negative coordinates count from the end.
    ```mlir
    %y = kiln.gather_nd %x, %i batch_dims 0 : (tensor<2x3x4xf32>, tensor<5x2xi64>) -> tensor<5x4xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, Kiln_IndexTensor:$indices,
                       DefaultValuedAttr<Kiln_IntAttr, "0">:$batch_dims);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$input `,` $indices `batch_dims` $batch_dims attr-dict `:` functional-type(operands, results)";
}

def Kiln_ScatterNdOp : Kiln_InferredOp<"scatter_nd", [Kiln_Differentiable]> {
  let summary = "Writes update slices into a copy of input at index tuples (ONNX ScatterND)";
  let description = [{
    `indices` is `[..., k]`: each tuple of its last dimension addresses a
    slice `input[i0, .., ik-1]` of shape `input.shape[k:]`, and `updates`
    is `indices.shape[:-1] + input.shape[k:]`. Updates replace (`none`) or
    reduce into the slice as in `kiln.scatter`; negative coordinates count
    from the end. With `none`, the last of repeated tuples wins.
    ```mlir
    %y = kiln.scatter_nd %x, %i, %u reduce <add> : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, Kiln_IndexTensor:$indices,
                       Kiln_Tensor:$updates,
                       DefaultValuedAttr<Kiln_ScatterReduceAttr,
                                         "::kiln::ScatterReduce::none">:$reduce);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$input `,` $indices `,` $updates (`reduce` $reduce^)? attr-dict `:` functional-type(operands, results)";
}

//===----------------------------------------------------------------------===//
// Scans, selection, encodings
//===----------------------------------------------------------------------===//

def Kiln_CumsumOp : Kiln_InferredOp<"cumsum", [Kiln_Differentiable]> {
  let summary = "Cumulative sum along a dimension (torch.cumsum, ONNX CumSum)";
  let description = [{
    `exclusive` leaves each element out of its own sum (the first one is 0)
    and `reverse` sums from the end, as ONNX CumSum's attributes. Bool and
    integer inputs accumulate in int64, as torch.cumsum does.
    ```mlir
    %y = kiln.cumsum %x dim 1 exclusive reverse : (tensor<2x3xf32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, Kiln_IntAttr:$dim,
                       UnitAttr:$exclusive, UnitAttr:$reverse);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$input `dim` $dim (`exclusive` $exclusive^)? (`reverse` $reverse^)? attr-dict `:` functional-type(operands, results)";
}

def Kiln_TopkOp : Kiln_InferredOp<"topk", [Kiln_Differentiable]> {
  let summary = "The k largest or smallest entries along a dimension and their indices (torch.topk, ONNX TopK)";
  let description = [{
    Results: the values (the input's dtype) and their int64 indices along
    `dim`, whose size becomes `k`. Entries come sorted, largest first
    (smallest first with `smallest`), and equal values in the order of their
    indices, as ONNX TopK specifies (`sorted = false` allows any order in
    PyTorch and ONNX; Kiln always sorts). NaNs are not ordered. Only the
    values carry a gradient.
    ```mlir
    %v, %i = kiln.topk %x k 2 dim -1 : (tensor<3x5xf32>) -> (tensor<3x2xf32>, tensor<3x2xi64>)
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, Kiln_IntAttr:$k,
                       DefaultValuedAttr<Kiln_IntAttr, "-1">:$dim,
                       UnitAttr:$smallest);
  let results = (outs Kiln_Tensor:$values, StaticShapeTensorOf<[I64]>:$indices);
  let assemblyFormat = "$input `k` $k `dim` $dim (`smallest` $smallest^)? attr-dict `:` functional-type(operands, results)";
}

def Kiln_OneHotOp : Kiln_InferredOp<"one_hot", [Kiln_NonDifferentiable]> {
  let summary = "One-hot encoding of integer indices (torch.nn.functional.one_hot, ONNX OneHot)";
  let description = [{
    Inserts a dimension of size `depth` at `axis` (-1: last). The entry at
    position `j` of that dimension is the "on" value where `index == j` and
    the "off" value elsewhere. Two forms:
    - torch's (no `values`): the result is int64 ones and zeros, and every
      index must lie in `[0, depth)`, as torch.nn.functional.one_hot
      requires; any other is a run-time error naming the index.
    - ONNX's (`values = [off, on]`, in that order): the result has their
      dtype, negative indices count from `depth`, and an index outside
      `[-depth, depth)` gives an all-off row, as ONNX's OneHot defines.
    ```mlir
    %y = kiln.one_hot %i depth 4 axis -1 : (tensor<3xi64>) -> tensor<3x4xi64>
    %z = kiln.one_hot %i, %v depth 4 axis 0 : (tensor<3xi64>, tensor<2xf32>) -> tensor<4x3xf32>
    ```
  }];
  let arguments = (ins Kiln_IndexTensor:$indices, Optional<Kiln_Tensor>:$values,
                       Kiln_IntAttr:$depth,
                       DefaultValuedAttr<Kiln_IntAttr, "-1">:$axis);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$indices (`,` $values^)? `depth` $depth `axis` $axis attr-dict `:` functional-type(operands, results)";
}

//===----------------------------------------------------------------------===//
// Masks and repetition
//===----------------------------------------------------------------------===//

def Kiln_TriluOp : Kiln_InferredOp<"trilu", [Kiln_Differentiable, Kiln_Pointwise]> {
  let summary = "Upper or lower triangle of the last two dimensions (torch.triu, torch.tril, ONNX Trilu)";
  let description = [{
    Keeps the elements with `col - row >= diagonal` (upper, the default:
    torch.triu) or `col - row <= diagonal` (`lower`: torch.tril) and zeroes
    the others, in every matrix of a batch.
    ```mlir
    %u = kiln.trilu %x diagonal 1 : (tensor<3x3xf32>) -> tensor<3x3xf32>
    %l = kiln.trilu %x lower diagonal -1 : (tensor<3x3xf32>) -> tensor<3x3xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, UnitAttr:$lower,
                       DefaultValuedAttr<Kiln_IntAttr, "0">:$diagonal);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$input (`lower` $lower^)? `diagonal` $diagonal attr-dict `:` functional-type(operands, results)";
}

def Kiln_TileOp : Kiln_InferredOp<"tile", [Kiln_Differentiable]> {
  let summary = "Repeats a tensor along each dimension (Tensor.repeat, ONNX Tile)";
  let description = [{
    `repeats` has at least the input's rank; extra leading entries add
    dimensions, as Tensor.repeat does. Result dimension `d` has
    `repeats[d] * size[d]` elements, the input written `repeats[d]` times.
    ```mlir
    %y = kiln.tile %x [2, 1, 3] : (tensor<2x3xf32>) -> tensor<2x2x9xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, DenseI64ArrayAttr:$repeats);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$input $repeats attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Kiln_FlipOp : Kiln_InferredOp<"flip", [Kiln_Differentiable]> {
  let summary = "Reverses the order of elements along dimensions (torch.flip)";
  let arguments = (ins Kiln_Tensor:$input, DenseI64ArrayAttr:$dims);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$input $dims attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Composites
//===----------------------------------------------------------------------===//

def Kiln_ResizeOp : Kiln_InferredOp<"resize", [Kiln_Composite]> {
  let summary = "Nearest or (multi)linear resampling (torch.nn.functional.interpolate, ONNX Resize)";
  let description = [{
    Resamples every dimension whose size or scale changes. The result shape
    is `sizes` when given, else `floor(size * scale)` per dimension;
    `scales` (one per dimension), when given, also sets the coordinate
    mapping as it does in PyTorch and ONNX, which otherwise use
    `output / input`.

    - `mode`: `nearest` or `linear` (bilinear, trilinear: linear in each
      resampled dimension).
    - `coordinate_transformation_mode`: how an output coordinate `x` maps to
      an input one, as ONNX Resize: `half_pixel` (`(x + 0.5) / scale - 0.5`,
      torch's `align_corners=False`), `pytorch_half_pixel` (the same, but 0
      for an output of size 1), `align_corners` (`x * (in - 1) / (in * scale - 1)`, which is
      `x * (in - 1) / (out - 1)` for `sizes` or a scale that gives a whole
      size, as torch's `align_corners=True`),
      `asymmetric` (`x / scale`, torch's `nearest`), `tf_half_pixel_for_nn`
      (`(x + 0.5) / scale`).
    - `nearest_mode`: how `nearest` rounds: `round_prefer_floor`,
      `round_prefer_ceil`, `floor`, `ceil`. torch's `nearest` is
      `asymmetric` with `floor`, its `nearest-exact` `half_pixel` with
      `round_prefer_ceil`.

    Coordinates outside the input clamp to its edge. Cubic resampling and
    `tf_crop_and_resize` are not supported. `kiln-decompose` rewrites it
    into `kiln.take` of the source indices along each resampled dimension
    (and, for `linear`, the weighted sum of the two neighbours).
    ```mlir
    %y = kiln.resize %x sizes [1, 1, 4, 6] {mode = "linear", coordinate_transformation_mode = "align_corners"} : (tensor<1x1x2x3xf32>) -> tensor<1x1x4x6xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input,
                       OptionalAttr<DenseI64ArrayAttr>:$sizes,
                       OptionalAttr<DenseF64ArrayAttr>:$scales,
                       DefaultValuedAttr<StrAttr, "\"nearest\"">:$mode,
                       DefaultValuedAttr<StrAttr, "\"half_pixel\"">:$coordinate_transformation_mode,
                       DefaultValuedAttr<StrAttr, "\"round_prefer_floor\"">:$nearest_mode);
  let results = (outs Kiln_FloatTensor:$result);
  let assemblyFormat = "$input (`sizes` $sizes^)? (`scales` $scales^)? attr-dict `:` functional-type(operands, results)";
}

def Kiln_EinsumOp : Kiln_InferredOp<"einsum", [Kiln_Composite]> {
  let summary = "Einstein summation (torch.einsum, ONNX Einsum)";
  let description = [{
    `equation` names each operand's dimensions with letters, as
    `"bij,bjk->bik"`; labels missing from the output are summed over.
    Without `->` the output is the labels that occur once, in alphabetical
    order. `...` stands for the same leading dimensions in every operand
    (they broadcast as a batch). A label repeated within one operand (a
    diagonal) is not supported. Operands share one dtype, which is not bool.
    `kiln-decompose` rewrites it into permutes, reshapes, sums and
    `kiln.matmul`s, one per operand after the first.
    ```mlir
    %y = kiln.einsum %a, %b "ij,jk->ik" : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
    ```
  }];
  let arguments = (ins Variadic<Kiln_Tensor>:$inputs, StrAttr:$equation);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$inputs $equation attr-dict `:` functional-type(operands, results)";
}

#endif // KILN_INDEXING_OPS_TD
