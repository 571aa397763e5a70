//===- Autodiff.cpp - Appends a model's gradients to its results ----------===//
//
/// The `kiln-autodiff` pass: the loss and parameters are found through the
/// model format's names, the backward graph comes from buildGradients, and
/// each gradient becomes a result named `<param>.grad`, so the transformed
/// function is still a model that `kiln run` and the JIT accept.
//
//===----------------------------------------------------------------------===//

#include "passes/Gradients.h"
#include "passes/Passes.h"

#include "ir/ModelFormat.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

using namespace mlir;

namespace kiln {
#define GEN_PASS_DEF_KILNAUTODIFF
#include "passes/Passes.h.inc"
} // namespace kiln

namespace {

struct AutodiffPass : kiln::impl::KilnAutodiffBase<AutodiffPass> {
  using KilnAutodiffBase::KilnAutodiffBase;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    FailureOr<unsigned> lossIndex =
        kiln::findLossResult(func, loss, "differentiate");
    FailureOr<SmallVector<unsigned>> params = findParams(func);
    if (failed(lossIndex) || failed(params))
      return signalPassFailure();

    auto returnOp = cast<func::ReturnOp>(func.getBody().front().getTerminator());
    SmallVector<Value> wrt;
    for (unsigned index : *params)
      wrt.push_back(func.getArgument(index));
    FailureOr<SmallVector<Value>> grads =
        kiln::buildGradients(func, returnOp.getOperand(*lossIndex), wrt);
    if (failed(grads))
      return signalPassFailure();

    Builder builder(func.getContext());
    for (auto [index, grad] : llvm::zip(*params, *grads)) {
      std::string name =
          (kiln::getArgumentName(func, index, kiln::kParamAttr) + ".grad").str();
      unsigned resultIndex = func.getNumResults();
      func.insertResult(resultIndex, grad.getType(),
                        builder.getDictionaryAttr(builder.getNamedAttr(
                            kiln::kOutputAttr, builder.getStringAttr(name))));
      returnOp.getOperandsMutable().append(grad);
    }
  }

  /// The float parameters named by `wrt`, or all of them.
  FailureOr<SmallVector<unsigned>> findParams(func::FuncOp func) {
    if (wrt.empty())
      return kiln::getFloatParams(func);
    SmallVector<unsigned> params;
    for (const std::string &name : wrt) {
      std::optional<unsigned> index =
          kiln::findArgument(func, kiln::kParamAttr, name);
      if (!index)
        return func.emitOpError("has no parameter named '")
               << name << "' (kiln.param) to differentiate";
      if (!kiln::isFloatParam(func, *index))
        return func.emitOpError("cannot differentiate with respect to '")
               << name << "': its type " << func.getArgument(*index).getType()
               << " is not a float tensor";
      params.push_back(*index);
    }
    return params;
  }
};

} // namespace
