//===- Passes.td - CUDA code generation passes -------------*- tablegen -*-===//

#ifndef KILN_CODEGEN_CUDA_PASSES_TD
#define KILN_CODEGEN_CUDA_PASSES_TD

include "mlir/Pass/PassBase.td"

def KilnCudaFuseRegions : Pass<"kiln-cuda-fuse-regions", "::mlir::ModuleOp"> {
  let summary = "Fuses each kiln.fusion region's element-wise ops, then dissolves it";
  let description = [{
    Runs on linalg on tensors, after `kiln-lower-to-linalg`. Inside each
    `kiln.fusion` region, element-wise producers fuse into their consumers
    (reductions included), as on the CPU; then the region is dissolved.
    Each linalg op left becomes one CUDA kernel after bufferization.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

def KilnCudaParallelLoopsFirst
    : Pass<"kiln-cuda-parallel-loops-first", "::mlir::func::FuncOp"> {
  let summary = "Orders each linalg.generic's loops: parallel loops, then reductions";
  let description = [{
    Permutes the iteration space of every `linalg.generic` so that its
    parallel loops come first, in their order, and its reduction loops
    last. The loop lowering then gives one `scf.parallel` over the output
    elements with the reduction as a serial `scf.for` inside: one CUDA
    thread per output element, summing in a fixed order, so a run repeats
    bit for bit and no float atomics are needed.
  }];
}

def KilnCudaPlanMemory : Pass<"kiln-cuda-plan-memory", "::mlir::ModuleOp"> {
  let summary = "Places a function's intermediate buffers in one device arena";
  let description = [{
    Runs on buffers, after results became out-parameters. Materializes the
    shared arena planner's plan (codegen/memory/MemoryPlan.h): the function
    gets a trailing `memref<N x i8>` argument marked `kiln_cuda.arena`, the
    device arena the executable allocates once, and each planned allocation
    becomes a `memref.view` of it at its offset. The function gets the
    plan's `kiln.memory_plan` numbers. An allocation the planner leaves on
    the heap (dynamic, inside a loop, escaping) is an error: device code
    allocates nothing.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
}

#endif // KILN_CODEGEN_CUDA_PASSES_TD
