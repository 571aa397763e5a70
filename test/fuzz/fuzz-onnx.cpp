//===- fuzz-onnx.cpp - libFuzzer target: the ONNX importer ----------------===//
//
/// `kiln run/train/import MODEL.onnx` import with importOnnxModel: protobuf
/// parsing (Debian's libonnx), the initializers (TensorProto.cpp), every
/// node converter and the dialect's verifiers on what they build. Any file
/// is a module or a kiln::RuntimeError naming the file (and node).
//
//===----------------------------------------------------------------------===//

#include "frontend/Support.h"
#include "frontend/onnx/OnnxImporter.h"
#include "runtime/Tensor.h"
#include "test/fuzz/FuzzSupport.h"

#include "mlir/IR/MLIRContext.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string &path = kiln::fuzz::writeScratch(data, size, ".onnx");
  std::shared_ptr<mlir::MLIRContext> context = kiln::createFrontendContext();
  try {
    kiln::ImportedOnnxModel model = kiln::importOnnxModel(*context, path);
  } catch (const kiln::RuntimeError &) {
  }
  return 0;
}
