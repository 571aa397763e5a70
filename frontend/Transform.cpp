//===- Transform.cpp - Running graph passes on a model --------------------===//

#include "frontend/Transform.h"

#include "frontend/Support.h"

using namespace mlir;

namespace kiln {

OwningOpRef<ModuleOp> transformModel(
    ModuleOp module,
    llvm::function_ref<LogicalResult(OpPassManager &, llvm::raw_ostream &)>
        buildPipeline,
    const std::string &what) {
  OwningOpRef<ModuleOp> result(cast<ModuleOp>(module->clone()));
  MLIRContext &context = *module.getContext();
  DiagnosticCapture capture(context);
  PassManager pm(&context);
  std::string buildErrors;
  llvm::raw_string_ostream errors(buildErrors);
  if (failed(buildPipeline(pm, errors)))
    throw RuntimeError(what + ": " + buildErrors);
  if (failed(pm.run(*result)))
    capture.fail(what + " failed:");
  return result;
}

} // namespace kiln
