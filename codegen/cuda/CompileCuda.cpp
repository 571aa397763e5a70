//===- CompileCuda.cpp - A kiln model to a CudaProgram --------------------===//

#include "codegen/cuda/CompileCuda.h"
#include "codegen/cuda/EmitCuda.h"
#include "codegen/cuda/Pipeline.h"

#include "mlir/Pass/PassManager.h"

using namespace mlir;

namespace kiln::cuda {

llvm::Expected<CudaProgram> compileCudaProgram(ModuleOp module) {
  auto signature = getModelSignature(module);
  if (!signature)
    return signature.takeError();
  OwningOpRef<ModuleOp> lowered(cast<ModuleOp>(module->clone()));
  PassManager pm(module.getContext());
  buildCudaPipeline(pm);
  FailureOr<CudaProgram> program = failure();
  if (succeeded(pm.run(*lowered)))
    program = emitCudaProgram(*lowered, *signature);
  if (failed(program))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "compiling '" + signature->functionName +
                                       "' for CUDA failed");
  return std::move(*program);
}

} // namespace kiln::cuda
