//===- Pipeline.h - From a kiln model to loops for CUDA ---------*- C++ -*-===//

#ifndef KILN_CODEGEN_CUDA_PIPELINE_H
#define KILN_CODEGEN_CUDA_PIPELINE_H

#include "mlir/Pass/PassManager.h"

namespace kiln {

/// Adds every pass from a verified kiln model to the loops on buffers the
/// CUDA emitter translates (codegen/cuda/EmitCuda.h): the graph phases
/// (passes/Pipeline.h), the shared lowering to linalg, one kernel per fused
/// linalg op, bufferization with results as out-parameters, the device
/// arena and parallel loops.
void buildCudaPipeline(mlir::OpPassManager &pm);

/// Registers the pipeline as `kiln-cuda-pipeline` for kiln-opt.
void registerCudaPipeline();

} // namespace kiln

#endif // KILN_CODEGEN_CUDA_PIPELINE_H
