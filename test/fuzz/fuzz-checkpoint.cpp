//===- fuzz-checkpoint.cpp - libFuzzer target: checkpoint resume ----------===//
//
/// `kiln train --resume CKPT` restores a checkpoint with loadCheckpoint
/// (frontend/Trainer.cpp): readSafetensors, then the epoch count and every
/// parameter and optimizer state tensor checked against the train step's
/// signature before the trainer takes them. The trainer (checkpoint-model.mlir
/// under Adam) is compiled once; every input is then loaded into it, so a
/// tensor that passed the checks is also copied into the compiled step's
/// resident state. Any file resumes or is a kiln::RuntimeError.
//
//===----------------------------------------------------------------------===//

#include "frontend/Model.h"
#include "frontend/Support.h"
#include "frontend/Trainer.h"
#include "runtime/Tensor.h"
#include "test/fuzz/FuzzSupport.h"

#include "mlir/IR/MLIRContext.h"

#include <memory>

namespace {
kiln::Trainer &getTrainer() {
  static std::shared_ptr<mlir::MLIRContext> context =
      kiln::createFrontendContext();
  static mlir::OwningOpRef<mlir::ModuleOp> module =
      kiln::parseModel(KILN_FUZZ_CHECKPOINT_MODEL, *context);
  static kiln::Trainer trainer(*module, context, std::nullopt,
                               kiln::OptimizerSpec{"adam", {}});
  return trainer;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  getTrainer();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string &path =
      kiln::fuzz::writeScratch(data, size, ".safetensors");
  try {
    volatile int64_t epochs = kiln::loadCheckpoint(path, getTrainer());
    (void)epochs;
  } catch (const kiln::RuntimeError &) {
  }
  return 0;
}
