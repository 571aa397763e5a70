//===- fuzz-model.cpp - libFuzzer target: the kiln model reader -----------===//
//
/// Every `kiln` command reads a kiln model (.mlir) with parseModel, which
/// parses it and runs the verifier: the dialect's ops' type inference and
/// verifiers and the model format's attribute checks
/// (ir/ModelFormat.cpp). Any text is a module or a kiln::RuntimeError
/// carrying the diagnostics.
//
//===----------------------------------------------------------------------===//

#include "frontend/Model.h"
#include "frontend/Support.h"
#include "runtime/Tensor.h"
#include "test/fuzz/FuzzSupport.h"

#include "mlir/IR/MLIRContext.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string &path = kiln::fuzz::writeScratch(data, size, ".mlir");
  // A fresh context per input: types and attributes a context interns live
  // as long as it does, which over a long run would grow without bound.
  std::shared_ptr<mlir::MLIRContext> context = kiln::createFrontendContext();
  try {
    mlir::OwningOpRef<mlir::ModuleOp> module = kiln::parseModel(path, *context);
  } catch (const kiln::RuntimeError &) {
  }
  return 0;
}
