//===- KilnShapeOps.td - Reshaping, reordering and indexing -*- tablegen -*-===//
//
/// Ops that move elements without computing new ones: views and reshapes,
/// transposes, concatenation, slicing and gathers. Dimension attributes may be
/// negative and count from the end, as in PyTorch. Every shape op is
/// differentiable: its gradient moves the result's gradient back
/// (ShapeGradients.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_SHAPE_OPS_TD
#define KILN_SHAPE_OPS_TD

include "ir/KilnBase.td"

class Kiln_ShapeOp<string mnemonic, list<Trait> traits = []>
    : Kiln_InferredOp<mnemonic, traits # [Kiln_Differentiable]> {
  let results = (outs Kiln_Tensor:$result);
}

def Kiln_ReshapeOp : Kiln_ShapeOp<"reshape"> {
  let summary = "Gives a tensor a new shape (torch.reshape)";
  let description = [{
    One entry of `shape` may be -1 and is inferred from the element count.
    ```mlir
    %y = kiln.reshape %x [2, -1] : (tensor<6xf32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, DenseI64ArrayAttr:$shape);
  let assemblyFormat = "$input $shape attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Kiln_ViewOp : Kiln_ShapeOp<"view"> {
  let summary = "Tensor.view; in a value-semantic graph the same as reshape";
  let description = [{
    Canonicalization turns it into `kiln.reshape`.
  }];
  let arguments = (ins Kiln_Tensor:$input, DenseI64ArrayAttr:$shape);
  let assemblyFormat = "$input $shape attr-dict `:` functional-type(operands, results)";
  let hasCanonicalizer = 1;
}

def Kiln_FlattenOp : Kiln_ShapeOp<"flatten"> {
  let summary = "Merges dimensions start_dim..end_dim (torch.flatten)";
  let description = [{
    Canonicalization turns it into `kiln.reshape`.
    ```mlir
    %y = kiln.flatten %x start_dim 1 end_dim -1 : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, DefaultValuedAttr<Kiln_IntAttr, "0">:$start_dim,
                       DefaultValuedAttr<Kiln_IntAttr, "-1">:$end_dim);
  let assemblyFormat = "$input `start_dim` $start_dim `end_dim` $end_dim attr-dict `:` functional-type(operands, results)";
  let hasCanonicalizer = 1;
}

def Kiln_SqueezeOp : Kiln_ShapeOp<"squeeze"> {
  let summary = "Removes dimensions of size 1 (torch.squeeze)";
  let description = [{
    Without `dim`, every size-1 dimension goes; with it, each listed dimension
    goes if its size is 1 and stays otherwise, as in PyTorch.
  }];
  let arguments = (ins Kiln_Tensor:$input, OptionalAttr<DenseI64ArrayAttr>:$dim);
  let assemblyFormat = "$input (`dim` $dim^)? attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Kiln_UnsqueezeOp : Kiln_ShapeOp<"unsqueeze"> {
  let summary = "Inserts a dimension of size 1 (torch.unsqueeze)";
  let arguments = (ins Kiln_Tensor:$input, Kiln_IntAttr:$dim);
  let assemblyFormat = "$input `dim` $dim attr-dict `:` functional-type(operands, results)";
}

def Kiln_TransposeOp : Kiln_ShapeOp<"transpose"> {
  let summary = "Swaps two dimensions (torch.transpose, Tensor.t)";
  let arguments = (ins Kiln_Tensor:$input, Kiln_IntAttr:$dim0, Kiln_IntAttr:$dim1);
  let assemblyFormat = "$input $dim0 `,` $dim1 attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
  let hasCanonicalizer = 1;
  let extraClassDeclaration = [{
    /// The two dimensions it swaps, normalized and in increasing order.
    std::pair<int64_t, int64_t> getSwappedDims();
  }];
}

def Kiln_PermuteOp : Kiln_ShapeOp<"permute"> {
  let summary = "Reorders dimensions (torch.permute)";
  let description = [{
    Result dimension `i` is input dimension `dims[i]`.
  }];
  let arguments = (ins Kiln_Tensor:$input, DenseI64ArrayAttr:$dims);
  let assemblyFormat = "$input $dims attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Kiln_ExpandOp : Kiln_ShapeOp<"expand"> {
  let summary = "Broadcasts size-1 dimensions to a larger size (Tensor.expand)";
  let description = [{
    `sizes` may add leading dimensions; -1 keeps a dimension's size.
  }];
  let arguments = (ins Kiln_Tensor:$input, DenseI64ArrayAttr:$sizes);
  let assemblyFormat = "$input $sizes attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Kiln_CatOp : Kiln_ShapeOp<"cat"> {
  let summary = "Concatenates tensors along an existing dimension (torch.cat)";
  let description = [{
    Every other dimension matches; dtypes promote like a binary op.
  }];
  let arguments = (ins Variadic<Kiln_Tensor>:$inputs, Kiln_IntAttr:$dim);
  let assemblyFormat = "$inputs `dim` $dim attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Kiln_StackOp : Kiln_ShapeOp<"stack"> {
  let summary = "Stacks equal-shaped tensors along a new dimension (torch.stack)";
  let arguments = (ins Variadic<Kiln_Tensor>:$inputs, Kiln_IntAttr:$dim);
  let assemblyFormat = "$inputs `dim` $dim attr-dict `:` functional-type(operands, results)";
}

def Kiln_SliceOp : Kiln_ShapeOp<"slice"> {
  let summary = "Takes start:end:step along one dimension (x[..., start:end:step])";
  let description = [{
    Negative `start`/`end` count from the end and both clamp to the
    dimension, as Python slicing does; `step` is positive.
    ```mlir
    %y = kiln.slice %x dim 1 [0 : -1 : 2] : (tensor<3x8xf32>) -> tensor<3x4xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, Kiln_IntAttr:$dim, Kiln_IntAttr:$start,
                       Kiln_IntAttr:$end, DefaultValuedAttr<Kiln_IntAttr, "1">:$step);
  let assemblyFormat = "$input `dim` $dim ` ` `[` $start `:` $end `:` $step `]` attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Kiln_IndexSelectOp : Kiln_ShapeOp<"index_select"> {
  let summary = "Picks entries along a dimension by a 1-D index (torch.index_select)";
  let arguments = (ins Kiln_Tensor:$input, Kiln_IndexTensor:$index, Kiln_IntAttr:$dim);
  let assemblyFormat = "$input `,` $index `dim` $dim attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Kiln_GatherOp : Kiln_ShapeOp<"gather"> {
  let summary = "Gathers values along a dimension by an index tensor (torch.gather)";
  let description = [{
    `index` has the input's rank and is no larger in any other dimension;
    the result has `index`'s shape.
  }];
  let arguments = (ins Kiln_Tensor:$input, Kiln_LongTensor:$index, Kiln_IntAttr:$dim);
  let assemblyFormat = "$input `,` $index `dim` $dim attr-dict `:` functional-type(operands, results)";
}

#endif // KILN_SHAPE_OPS_TD
