//===- CompileCuda.h - A kiln model to a CudaProgram ------------*- C++ -*-===//

#ifndef KILN_CODEGEN_CUDA_COMPILECUDA_H
#define KILN_CODEGEN_CUDA_COMPILECUDA_H

#include "codegen/cuda/CudaProgram.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/Error.h"

namespace kiln::cuda {

/// Runs the CUDA pipeline on a copy of `module` (left unchanged) and emits
/// its model function's program. Diagnostics go to the context's handler;
/// the error says where compilation stopped.
llvm::Expected<CudaProgram> compileCudaProgram(mlir::ModuleOp module);

} // namespace kiln::cuda

#endif // KILN_CODEGEN_CUDA_COMPILECUDA_H
