//===- AttachLoss.cpp - Adds a loss to a model ----------------------------===//
//
/// The `kiln-attach-loss` pass: `kiln train --loss KIND:OUTPUT,TARGET` as a
/// graph transformation, so the loss is differentiated and compiled with the
/// rest of the model.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "ir/KilnOps.h"
#include "ir/ModelFormat.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringSwitch.h"

using namespace mlir;

namespace kiln {
#define GEN_PASS_DEF_KILNATTACHLOSS
#include "passes/Passes.h.inc"
} // namespace kiln

namespace {

/// How a loss kind is built and what its target is.
struct LossKind {
  /// Builds the loss op with PyTorch's defaults (mean reduction), whose
  /// result is a 0-d tensor of the prediction's element type.
  Operation *(*build)(OpBuilder &, Location, Value input, Value target);
  /// Class-index targets (cross_entropy, nll) rather than values like the
  /// prediction.
  bool classTargets;
};

/// The result type is given rather than inferred: inference during building
/// cannot report a bad target, the verifier run afterwards can.
template <typename LossOp>
Operation *buildLoss(OpBuilder &builder, Location loc, Value input,
                     Value target) {
  auto resultType = RankedTensorType::get(
      {}, cast<RankedTensorType>(input.getType()).getElementType());
  return builder.create<LossOp>(loc, TypeRange{resultType},
                                ValueRange{input, target});
}

std::optional<LossKind> getLossKind(StringRef kind) {
  using namespace kiln;
  return llvm::StringSwitch<std::optional<LossKind>>(kind)
      .Case("mse", LossKind{buildLoss<MseLossOp>, false})
      .Case("l1", LossKind{buildLoss<L1LossOp>, false})
      .Case("smooth_l1", LossKind{buildLoss<SmoothL1LossOp>, false})
      .Case("bce", LossKind{buildLoss<BinaryCrossEntropyOp>, false})
      .Case("bce_with_logits",
            LossKind{buildLoss<BinaryCrossEntropyWithLogitsOp>, false})
      .Case("cross_entropy", LossKind{buildLoss<CrossEntropyOp>, true})
      .Case("nll", LossKind{buildLoss<NllLossOp>, true})
      .Default(std::nullopt);
}

/// The target type a new input gets: the prediction's type, or int64 class
/// indices of its shape without the class dimension (dim 1, or dim 0 of an
/// unbatched [C] prediction).
RankedTensorType getTargetType(RankedTensorType prediction,
                               bool classTargets) {
  if (!classTargets)
    return prediction;
  SmallVector<int64_t> shape(prediction.getShape());
  shape.erase(shape.begin() + (prediction.getRank() == 1 ? 0 : 1));
  return RankedTensorType::get(
      shape, IntegerType::get(prediction.getContext(), 64));
}

struct AttachLossPass : kiln::impl::KilnAttachLossBase<AttachLossPass> {
  using KilnAttachLossBase::KilnAttachLossBase;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    std::optional<LossKind> lossKind = getLossKind(kind);
    if (!lossKind) {
      func.emitOpError("unknown loss kind '")
          << kind
          << "' (expected mse, l1, smooth_l1, bce, bce_with_logits, "
             "cross_entropy or nll)";
      return signalPassFailure();
    }
    if (kiln::findOutput(func, "loss")) {
      func.emitOpError("already has an output named 'loss'; a model that "
                       "computes its own loss needs no loss to be attached");
      return signalPassFailure();
    }
    std::optional<unsigned> outputIndex = kiln::findOutput(func, output);
    if (!outputIndex) {
      func.emitOpError("has no output named '")
          << output << "' to compute the loss of (outputs: "
          << describeOutputs(func) << ")";
      return signalPassFailure();
    }

    auto returnOp =
        cast<func::ReturnOp>(func.getBody().front().getTerminator());
    Value prediction = returnOp.getOperand(*outputIndex);
    auto predictionType = dyn_cast<RankedTensorType>(prediction.getType());
    if (lossKind->classTargets && predictionType.getRank() == 0) {
      func.emitOpError("output '") << output << "' of type " << predictionType
                                   << " has no class dimension for " << kind;
      return signalPassFailure();
    }
    Value target = findOrAddTarget(
        func, getTargetType(predictionType, lossKind->classTargets));

    OpBuilder builder(returnOp);
    Operation *lossOp =
        lossKind->build(builder, returnOp.getLoc(), prediction, target);
    // A target input of the wrong type or shape is reported by the loss op.
    if (failed(verify(lossOp)))
      return signalPassFailure();
    Value loss = lossOp->getResult(0);
    func.insertResult(func.getNumResults(), loss.getType(),
                      builder.getDictionaryAttr(builder.getNamedAttr(
                          kiln::kOutputAttr, builder.getStringAttr("loss"))));
    returnOp.getOperandsMutable().append(loss);
  }

  /// The input named `target`, or a new input of `type` with that name.
  Value findOrAddTarget(func::FuncOp func, RankedTensorType type) {
    if (std::optional<unsigned> index =
            kiln::findArgument(func, kiln::kInputAttr, target))
      return func.getArgument(*index);
    Builder builder(func.getContext());
    unsigned index = func.getNumArguments();
    func.insertArgument(index, type,
                        builder.getDictionaryAttr(builder.getNamedAttr(
                            kiln::kInputAttr, builder.getStringAttr(target))),
                        func.getLoc());
    return func.getArgument(index);
  }

  static std::string describeOutputs(func::FuncOp func) {
    std::string names;
    for (unsigned i = 0; i < func.getNumResults(); ++i)
      if (auto name = func.getResultAttrOfType<StringAttr>(i, kiln::kOutputAttr))
        names += (names.empty() ? "" : ", ") + name.str();
    return names.empty() ? "none" : names;
  }
};

} // namespace
