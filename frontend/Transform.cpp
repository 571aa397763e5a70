//===- Transform.cpp - Running graph passes on a model --------------------===//

#include "frontend/Transform.h"

#include "frontend/Support.h"
#include "passes/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"

using namespace mlir;

namespace kiln {

OwningOpRef<ModuleOp> transformModel(ModuleOp module,
                                     const std::string &pipeline,
                                     const std::string &what) {
  // The textual pipeline names passes through the global registry.
  static const bool passesRegistered = [] {
    registerKilnPasses();
    return true;
  }();
  (void)passesRegistered;

  OwningOpRef<ModuleOp> result(cast<ModuleOp>(module->clone()));
  MLIRContext &context = *module.getContext();
  DiagnosticCapture capture(context);
  PassManager pm(&context);
  std::string parseErrors;
  llvm::raw_string_ostream errors(parseErrors);
  if (failed(parsePassPipeline(pipeline, pm, errors)))
    throw RuntimeError(what + ": invalid pass pipeline '" + pipeline +
                       "': " + parseErrors);
  if (failed(pm.run(*result)))
    capture.fail(what + " failed:");
  return result;
}

} // namespace kiln
