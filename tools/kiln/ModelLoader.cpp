//===- ModelLoader.cpp - Reading model files for the kiln tool ------------===//

#include "tools/kiln/ModelLoader.h"

#include "ir/KilnDialect.h"
#include "runtime/Tensor.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/SourceMgr.h"

namespace kiln {

std::unique_ptr<mlir::MLIRContext> createModelContext() {
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  registry.insert<KilnDialect>();
  auto context = std::make_unique<mlir::MLIRContext>(registry);
  context->loadDialect<KilnDialect>();
  return context;
}

mlir::OwningOpRef<mlir::ModuleOp> loadModel(const std::string &path,
                                            mlir::MLIRContext &context) {
  std::string message;
  auto file = mlir::openInputFile(path, &message);
  if (!file)
    throw RuntimeError("cannot read model '" + path + "': " + message);
  llvm::SourceMgr sources;
  sources.AddNewSourceBuffer(std::move(file), llvm::SMLoc());
  // Errors are printed with the file's line and column as they arise.
  mlir::SourceMgrDiagnosticHandler handler(sources, &context);
  auto module = mlir::parseSourceFile<mlir::ModuleOp>(sources, &context);
  if (!module)
    throw RuntimeError("model '" + path + "' is not a valid kiln model");
  return module;
}

} // namespace kiln
