//===- KilnReductionOps.td - Reductions over dimensions ----*- tablegen -*-===//
//
/// sum, mean, prod, max, min over a list of dimensions (all when omitted) and
/// argmax/argmin over one, each with PyTorch's keepdim. The VJPs of sum,
/// prod, max and min are in ReductionGradients.cpp; argmax/argmin carry no
/// gradient.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_REDUCTION_OPS_TD
#define KILN_REDUCTION_OPS_TD

include "ir/KilnBase.td"

/// `rule` names a kiln::ReductionRule: how the result dtype follows the input's.
class Kiln_ReductionOp<string mnemonic, string rule, string torchName,
                       list<Trait> traits = []>
    : Kiln_InferredOp<mnemonic, traits # [Kiln_Reducing]> {
  let summary = "Reduces over dimensions with " # torchName;
  let description = [{
    Reduces over the dimensions in `dim` (every dimension when omitted);
    `keepdim` keeps them with size 1.
    ```mlir
    %s = kiln.sum %x dim [1] keepdim : (tensor<2x3xf32>) -> tensor<2x1xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, OptionalAttr<DenseI64ArrayAttr>:$dim,
                       UnitAttr:$keepdim);
  let results = (outs Kiln_Tensor:$result);
  let assemblyFormat = "$input (`dim` $dim^)? (`keepdim` $keepdim^)? attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      return ::kiln::inferReduction(loc, getOperationName(),
          adaptor.getInput().getType(), adaptor.getDim(), adaptor.getKeepdim(),
          ::kiln::ReductionRule::}] # rule # [{, types);
    }
  }];
}

def Kiln_SumOp : Kiln_ReductionOp<"sum", "Accumulate", "torch.sum", [Kiln_Differentiable]> { let hasFolder = 1; }
def Kiln_ProdOp : Kiln_ReductionOp<"prod", "Accumulate", "torch.prod", [Kiln_Differentiable]> { let hasFolder = 1; }
def Kiln_MeanOp : Kiln_ReductionOp<"mean", "FloatOnly", "torch.mean", [Kiln_Composite]>;
def Kiln_MaxOp : Kiln_ReductionOp<"max", "Same", "torch.amax (the values of torch.max)", [Kiln_Differentiable]> { let hasFolder = 1; }
def Kiln_MinOp : Kiln_ReductionOp<"min", "Same", "torch.amin (the values of torch.min)", [Kiln_Differentiable]> { let hasFolder = 1; }

class Kiln_ArgReductionOp<string mnemonic, string torchName>
    : Kiln_InferredOp<mnemonic, [Kiln_Reducing, Kiln_NonDifferentiable]> {
  let summary = "Index of the " # torchName # " along a dimension (torch." # mnemonic # ")";
  let description = [{
    Without `dim` the input is flattened and the result is 0-d. Ties resolve
    to the first index. The result is `i64`.
  }];
  let arguments = (ins Kiln_Tensor:$input, OptionalAttr<Kiln_IntAttr>:$dim, UnitAttr:$keepdim);
  let results = (outs StaticShapeTensorOf<[I64]>:$result);
  let assemblyFormat = "$input (`dim` $dim^)? (`keepdim` $keepdim^)? attr-dict `:` functional-type(operands, results)";
}

def Kiln_ArgmaxOp : Kiln_ArgReductionOp<"argmax", "largest value">;
def Kiln_ArgminOp : Kiln_ArgReductionOp<"argmin", "smallest value">;

#endif // KILN_REDUCTION_OPS_TD
