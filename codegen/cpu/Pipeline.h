//===- Pipeline.h - From a kiln model to the LLVM dialect -------*- C++ -*-===//

#ifndef KILN_CODEGEN_CPU_PIPELINE_H
#define KILN_CODEGEN_CPU_PIPELINE_H

#include "mlir/Pass/PassManager.h"

namespace kiln {

/// Adds every pass from a verified kiln model to LLVM-dialect code whose
/// functions take their results as out-parameters and expose C interfaces:
/// the graph phases (passes/Pipeline.h), then the CPU's lowering.
void buildCpuPipeline(mlir::OpPassManager &pm);

/// Registers the pipeline as `kiln-cpu-pipeline` for kiln-opt.
void registerCpuPipeline();

} // namespace kiln

#endif // KILN_CODEGEN_CPU_PIPELINE_H
