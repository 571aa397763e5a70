//===- KilnNNOps.td - Neural-network layers and activations -*- tablegen -*-===//
//
/// torch.nn.functional's linear, softmax and log_softmax. All three are
/// composites: `kiln-decompose` rewrites them into core ops.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_NN_OPS_TD
#define KILN_NN_OPS_TD

include "ir/KilnBase.td"

def Kiln_LinearOp : Kiln_InferredOp<"linear", [Kiln_Composite]> {
  let summary = "y = x W^T + b (torch.nn.functional.linear)";
  let description = [{
    `weight` is `[out_features, in_features]` as nn.Linear stores it, `input`
    is `[..., in_features]`, the optional `bias` is `[out_features]` (or
    broadcasts to it, as in torch.addmm).
    ```mlir
    %y = kiln.linear %x, %w, %b : (tensor<8x3xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<8x4xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input, Kiln_FloatTensor:$weight,
                       Optional<Kiln_FloatTensor>:$bias);
  let results = (outs Kiln_FloatTensor:$result);
  let assemblyFormat = "$input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)";
}

class Kiln_SoftmaxLikeOp<string mnemonic, string torchName>
    : Kiln_InferredOp<mnemonic, [Kiln_Composite]> {
  let summary = torchName # " along one dimension";
  let arguments = (ins Kiln_FloatTensor:$input, Kiln_IntAttr:$dim);
  let results = (outs Kiln_FloatTensor:$result);
  let assemblyFormat = "$input `dim` $dim attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      return ::kiln::inferAlongDim(loc, getOperationName(),
          adaptor.getInput().getType(), adaptor.getDim(), types);
    }
  }];
}

def Kiln_SoftmaxOp : Kiln_SoftmaxLikeOp<"softmax", "torch.softmax">;
def Kiln_LogSoftmaxOp : Kiln_SoftmaxLikeOp<"log_softmax", "torch.log_softmax">;

#endif // KILN_NN_OPS_TD
