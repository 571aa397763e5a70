//===- KilnLinalgOps.td - Matrix products and linear algebra -*- tablegen -*-===//
//
/// torch.matmul with every case of its rank rules, mm, dot, and the dense
/// linear algebra of seed 002 (inverse, det). Their VJPs are in
/// LinalgGradients.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_LINALG_OPS_TD
#define KILN_LINALG_OPS_TD

include "ir/KilnBase.td"

def Kiln_NumericTensor : StaticShapeTensorOf<[F32, F64, I64, I32, I16, I8, UI64, UI32, UI16, UI8]>;

class Kiln_ProductOp<string mnemonic>
    : Kiln_InferredOp<mnemonic, [Kiln_Contraction, Kiln_Differentiable]> {
  let arguments = (ins Kiln_NumericTensor:$lhs, Kiln_NumericTensor:$rhs);
  let results = (outs Kiln_NumericTensor:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
}

def Kiln_MatmulOp : Kiln_ProductOp<"matmul"> {
  let summary = "Matrix product with torch.matmul's rank rules";
  let description = [{
    1-D·1-D is a dot product (0-d result); 2-D·1-D and 1-D·2-D are
    matrix-vector products where the 1-D operand gains and then loses a
    dimension; otherwise the last two dimensions multiply and the leading
    (batch) dimensions broadcast. Both operands have the same dtype.
    ```mlir
    %y = kiln.matmul %a, %b : (tensor<5x3x4xf32>, tensor<4x5xf32>) -> tensor<5x3x5xf32>
    ```
  }];
}

def Kiln_MmOp : Kiln_ProductOp<"mm"> {
  let summary = "Product of two matrices (torch.mm)";
  let description = [{
    ```mlir
    %y = kiln.mm %a, %b : (tensor<1x5xf32>, tensor<5x1xf32>) -> tensor<1x1xf32>
    ```
  }];
}

def Kiln_DotOp : Kiln_ProductOp<"dot"> {
  let summary = "Inner product of two vectors (torch.dot)";
}

class Kiln_SquareMatrixOp<string mnemonic, string torchName>
    : Kiln_InferredOp<mnemonic, [Kiln_Differentiable]> {
  let summary = torchName # " of a square matrix or a batch of them";
  let arguments = (ins Kiln_FloatTensor:$input);
  let results = (outs Kiln_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def Kiln_InverseOp : Kiln_SquareMatrixOp<"inverse", "torch.inverse">;
def Kiln_DetOp : Kiln_SquareMatrixOp<"det", "torch.det">;

#endif // KILN_LINALG_OPS_TD
