//===- KilnLossOps.td - Loss functions ---------------------*- tablegen -*-===//
//
/// The losses of torch.nn.functional with their `reduction` (none, mean or
/// sum; mean by default). Every loss is a composite that `kiln-decompose`
/// rewrites into core ops.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_LOSS_OPS_TD
#define KILN_LOSS_OPS_TD

include "ir/KilnBase.td"

/// A loss between a prediction and a target of the same floating dtype.
/// `shapeRule` names a kiln::LossShape: whether the two broadcast or must match.
class Kiln_PointwiseLossOp<string mnemonic, string shapeRule, string torchName,
                           dag extraArgs = (ins)>
    : Kiln_InferredOp<mnemonic, [Kiln_Composite]> {
  let summary = torchName;
  let arguments = !con((ins Kiln_FloatTensor:$input, Kiln_FloatTensor:$target,
                            DefaultValuedAttr<Kiln_ReductionAttr,
                                              "::kiln::Reduction::mean">:$reduction),
                       extraArgs);
  let results = (outs Kiln_FloatTensor:$result);
  let assemblyFormat = "$input `,` $target (`reduction` $reduction^)? attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      return ::kiln::inferPointwiseLoss(loc, getOperationName(),
          adaptor.getInput().getType(), adaptor.getTarget().getType(),
          adaptor.getReduction(), ::kiln::LossShape::}] # shapeRule # [{, types);
    }
  }];
}

def Kiln_MseLossOp : Kiln_PointwiseLossOp<"mse_loss", "Broadcast",
    "Mean squared error (torch.nn.functional.mse_loss)">;
def Kiln_L1LossOp : Kiln_PointwiseLossOp<"l1_loss", "Broadcast",
    "Mean absolute error (torch.nn.functional.l1_loss)">;
def Kiln_SmoothL1LossOp : Kiln_PointwiseLossOp<"smooth_l1_loss", "Broadcast",
    "Huber-like loss, quadratic below beta (torch.nn.functional.smooth_l1_loss)",
    (ins DefaultValuedAttr<F64Attr, "1.0">:$beta)> {
  let hasVerifier = 1;
}
def Kiln_BinaryCrossEntropyOp : Kiln_PointwiseLossOp<"binary_cross_entropy", "Same",
    "Binary cross entropy of probabilities (torch.nn.functional.binary_cross_entropy)"> {
  let description = [{
    As in PyTorch, each log term is clamped at -100 so a probability of
    exactly 0 or 1 gives a finite loss.
  }];
}
def Kiln_BinaryCrossEntropyWithLogitsOp : Kiln_PointwiseLossOp<
    "binary_cross_entropy_with_logits", "Same",
    "Binary cross entropy of logits, computed stably "
    "(torch.nn.functional.binary_cross_entropy_with_logits)">;
def Kiln_KlDivOp : Kiln_PointwiseLossOp<"kl_div", "Broadcast",
    "Kullback-Leibler divergence of log-probabilities (torch.nn.functional.kl_div)",
    (ins UnitAttr:$log_target)> {
  let description = [{
    `input` holds log-probabilities; `target` holds probabilities, or
    log-probabilities when `log_target` is set.
  }];
}

/// A classification loss over class scores `[N, C, d1, ...]` (or `[C]`) and
/// integer class indices `[N, d1, ...]` (or `[]`).
class Kiln_ClassLossOp<string mnemonic, string torchName, dag extraArgs = (ins)>
    : Kiln_InferredOp<mnemonic, [Kiln_Composite]> {
  let summary = torchName;
  let description = [{
    Targets equal to `ignore_index` contribute nothing and are left out of the
    mean's count.
  }];
  let arguments = !con((ins Kiln_FloatTensor:$input, Kiln_LongTensor:$target,
                            DefaultValuedAttr<Kiln_ReductionAttr,
                                              "::kiln::Reduction::mean">:$reduction,
                            DefaultValuedAttr<Kiln_IntAttr, "-100">:$ignore_index),
                       extraArgs);
  let results = (outs Kiln_FloatTensor:$result);
  let assemblyFormat = "$input `,` $target (`reduction` $reduction^)? attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      return ::kiln::inferClassLoss(loc, getOperationName(),
          adaptor.getInput().getType(), adaptor.getTarget().getType(),
          adaptor.getReduction(), types);
    }
  }];
}

def Kiln_NllLossOp : Kiln_ClassLossOp<"nll_loss",
    "Negative log-likelihood of log-probabilities (torch.nn.functional.nll_loss)">;
def Kiln_CrossEntropyOp : Kiln_ClassLossOp<"cross_entropy",
    "Cross entropy of logits against class indices (torch.nn.functional.cross_entropy)",
    (ins DefaultValuedAttr<F64Attr, "0.0">:$label_smoothing)> {
  let hasVerifier = 1;
}

#endif // KILN_LOSS_OPS_TD
