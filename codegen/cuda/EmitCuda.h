//===- EmitCuda.h - Lowered IR to a CUDA program ----------------*- C++ -*-===//
//
/// The CUDA C emitter: translates a model function that the CUDA pipeline
/// lowered to loops on buffers (buildCudaPipeline) into a CudaProgram.
/// Each top-level `scf.parallel` becomes one kernel whose threads stride
/// over its flattened iteration space; each run of other top-level ops
/// (a scalar computation, a loop with no parallel dimension) becomes a
/// kernel of one thread. Constants, views and the arena's offsets stay on
/// the host side: a kernel's arguments are the buffers it reads and
/// writes, each bound to a model argument, result, arena offset or
/// constant.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_CUDA_EMITCUDA_H
#define KILN_CODEGEN_CUDA_EMITCUDA_H

#include "codegen/cuda/CudaProgram.h"

#include "mlir/IR/BuiltinOps.h"

namespace kiln::cuda {

/// The program of `module`'s model function, whose signature before
/// lowering was `signature`; reports what it cannot translate as errors on
/// the ops and fails.
mlir::FailureOr<CudaProgram> emitCudaProgram(mlir::ModuleOp module,
                                             const ModelSignature &signature);

} // namespace kiln::cuda

#endif // KILN_CODEGEN_CUDA_EMITCUDA_H
