//===- KilnCreationOps.td - Constants and random tensors ---*- tablegen -*-===//
//
/// Ops that create tensors from attributes: dense constants, the zeros/ones/
/// full family, arange, and the seeded random ops of torch.rand/torch.randn.
/// None depends on a tensor operand, so none carries a gradient
/// (Kiln_NonDifferentiable).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CREATION_OPS_TD
#define KILN_CREATION_OPS_TD

include "ir/KilnBase.td"

def Kiln_ConstantOp : Kiln_Op<"constant",
    [ConstantLike, Pure, Kiln_NonDifferentiable,
     AllTypesMatch<["value", "result"]>]> {
  let summary = "A dense constant tensor (torch.tensor)";
  let description = [{
    ```mlir
    %t = kiln.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "attr-dict $value";
  let hasFolder = 1;
}

class Kiln_FilledOp<string mnemonic, string torchName>
    : Kiln_Op<mnemonic, [ConstantLike, Pure, Kiln_NonDifferentiable]> {
  let summary = "A tensor with every element set to one value (" # torchName # ")";
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
  let hasFolder = 1;
}

def Kiln_ZerosOp : Kiln_FilledOp<"zeros", "torch.zeros">;
def Kiln_OnesOp : Kiln_FilledOp<"ones", "torch.ones">;

def Kiln_FullOp : Kiln_FilledOp<"full", "torch.full"> {
  let description = [{
    `value` must be representable in the element type: integral for integer
    tensors, 0 or 1 for `i1`, within 0..255 for `ui8`.
    ```mlir
    %t = kiln.full 2.5 : tensor<2x3xf32>
    ```
  }];
  let arguments = (ins F64Attr:$value);
  let assemblyFormat = "$value attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Kiln_ArangeOp : Kiln_Op<"arange", [Pure, Kiln_NonDifferentiable]> {
  let summary = "Values from start to end (exclusive) by step (torch.arange)";
  let description = [{
    The result is one-dimensional with `ceil((end - start) / step)` elements,
    the length torch.arange gives.
    ```mlir
    %r = kiln.arange 0.0 to 5.0 step 1.0 : tensor<5xi64>
    ```
  }];
  let arguments = (ins F64Attr:$start, F64Attr:$end, F64Attr:$step);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$start `to` $end `step` $step attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Kiln_ManualSeedOp : Kiln_Op<"manual_seed", [Pure, Kiln_NonDifferentiable]> {
  let summary = "A random generator in the state torch.manual_seed leaves it";
  let description = [{
    ```mlir
    %g0 = kiln.manual_seed 7
    %x, %g1 = kiln.randn %g0 : tensor<1x5xf32>
    ```
  }];
  let arguments = (ins Kiln_IntAttr:$seed);
  let results = (outs Kiln_GeneratorType:$generator);
  let assemblyFormat = "$seed attr-dict";
}

class Kiln_RandomOp<string mnemonic, string distribution>
    : Kiln_Op<mnemonic, [Pure, Kiln_NonDifferentiable]> {
  let summary = "Draws a tensor from " # distribution # " (torch." # mnemonic # ")";
  let description = [{
    Consumes the generator state and returns the advanced one, so draws happen
    in data-flow order, like consecutive calls on one `torch.Generator`.
  }];
  let arguments = (ins Kiln_GeneratorType:$generator);
  let results = (outs Kiln_FloatTensor:$result, Kiln_GeneratorType:$next);
  let assemblyFormat = "$generator attr-dict `:` type($result)";
}

def Kiln_RandOp : Kiln_RandomOp<"rand", "U[0, 1)">;
def Kiln_RandnOp : Kiln_RandomOp<"randn", "N(0, 1)">;

#endif // KILN_CREATION_OPS_TD
