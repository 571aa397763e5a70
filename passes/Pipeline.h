//===- Pipeline.h - The target-neutral phases of Kiln -----------*- C++ -*-===//
//
/// The phases every target runs, in order, built with the C++ pass API in
/// one place (Pipeline.cpp): the graph phases that turn a verified model into
/// kernel regions, and the graph transformations that turn a model into its
/// gradient or train-step function. A target's pipeline starts with the
/// graph phases and adds its lowering (codegen/cpu/Pipeline.h).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_PASSES_PIPELINE_H
#define KILN_PASSES_PIPELINE_H

#include "passes/Passes.h"

#include "mlir/Pass/PassManager.h"

#include <optional>

namespace kiln {

/// From a verified kiln model to core ops grouped into `kiln.fusion`
/// regions, the unit every target compiles.
void buildGraphPipeline(mlir::OpPassManager &pm);

/// Appends the gradients of the model's result `loss` to its results
/// (what gradcheck compares with central differences).
void buildGradientPipeline(mlir::OpPassManager &pm, llvm::StringRef loss);

/// Turns a model into its train step: `loss` attached unless the model
/// computes its own, then the gradients and the optimizer update.
/// `trainStepOptions` are kiln-train-step's in pass-option syntax
/// (`optimizer=sgd lr=0.1`); an invalid one fails through `errorHandler`.
mlir::LogicalResult buildTrainStepPipeline(
    mlir::OpPassManager &pm, const std::optional<KilnAttachLossOptions> &loss,
    llvm::StringRef trainStepOptions,
    llvm::function_ref<mlir::LogicalResult(const llvm::Twine &)> errorHandler);

} // namespace kiln

#endif // KILN_PASSES_PIPELINE_H
