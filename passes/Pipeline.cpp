//===- Pipeline.cpp - The target-neutral phases of Kiln -------------------===//
//
/// Each phase is one line with the reason it runs where it does. The phase
/// order is the contract between passes: each pass's description says what
/// it expects of the IR it is given.
//
//===----------------------------------------------------------------------===//

#include "passes/Pipeline.h"

#include "mlir/Transforms/Passes.h"

using namespace mlir;

namespace kiln {

void buildGraphPipeline(OpPassManager &pm) {
  // Composites (linear, softmax, losses) into the small core every later
  // pass and every target handles.
  pm.addPass(createKilnDecompose());
  // Seeded draws are known at compile time: constants, which fold below.
  pm.addPass(createKilnMaterializeRandom());
  // Folds and cancellations (transposes of products, constant arithmetic)
  // before fusion, so regions hold only work that remains.
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  // Long float sums in stages of at most 128 terms: PyTorch's cascade-sum
  // accuracy, which training through batch norm needs.
  pm.addNestedPass<func::FuncOp>(createKilnSplitReductions());
  // Kernel regions: the unit each target compiles into one kernel.
  pm.addNestedPass<func::FuncOp>(createKilnFuse());
}

void buildGradientPipeline(OpPassManager &pm, llvm::StringRef loss) {
  OpPassManager &func = pm.nest<func::FuncOp>();
  // Autodiff differentiates core ops only.
  func.addPass(createKilnDecompose());
  KilnAutodiffOptions options;
  options.loss = loss.str();
  func.addPass(createKilnAutodiff(options));
}

LogicalResult buildTrainStepPipeline(
    OpPassManager &pm, const std::optional<KilnAttachLossOptions> &loss,
    llvm::StringRef trainStepOptions,
    llvm::function_ref<LogicalResult(const llvm::Twine &)> errorHandler) {
  OpPassManager &func = pm.nest<func::FuncOp>();
  // The loss is a composite like any other, decomposed next.
  if (loss)
    func.addPass(createKilnAttachLoss(*loss));
  // The backward graph is built from core ops only.
  func.addPass(createKilnDecompose());
  // Gradients and the optimizer update, as graph ops in one function.
  std::unique_ptr<Pass> trainStep = createKilnTrainStep();
  if (failed(trainStep->initializeOptions(trainStepOptions, errorHandler)))
    return failure();
  func.addPass(std::move(trainStep));
  return success();
}

} // namespace kiln
