//===- Pipeline.cpp - From a kiln model to loops for CUDA -----------------===//
//
/// The CUDA pipeline in phase order, as the CPU's (codegen/cpu/Pipeline.cpp)
/// up to bufferization; then the device arena and one parallel loop nest
/// per kernel, which EmitCuda translates into CUDA C. Each step says why it
/// runs there.
//
//===----------------------------------------------------------------------===//

#include "codegen/cuda/Pipeline.h"

#include "codegen/cuda/Passes.h"
#include "codegen/linalg/Passes.h"
#include "codegen/memory/Bufferization.h"
#include "passes/Pipeline.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/OneShotAnalysis.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

namespace kiln {

/// Copies become linalg.copy, so that they run as kernels like every other
/// loop nest (a memref.copy would be a host-side library call).
static LogicalResult createLinalgCopy(OpBuilder &builder, Location loc,
                                      Value from, Value to) {
  builder.create<linalg::CopyOp>(loc, from, to);
  return success();
}

void buildCudaPipeline(OpPassManager &pm) {
  buildGraphPipeline(pm);

  // Kiln to linalg on tensors (shared by every target); element-wise
  // chains fuse inside each region, and each op left is one kernel.
  pm.addPass(createKilnLowerToLinalg());
  pm.addPass(createKilnCudaFuseRegions());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());

  // Buffers, as on the CPU: identity layouts at the function boundary and
  // results as out-parameters the executable binds to device buffers.
  bufferization::OneShotBufferizationOptions bufferization =
      getModelBufferization();
  bufferization.memCpyFn = createLinalgCopy;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferization));
  bufferization::BufferResultsToOutParamsOpts outParams;
  outParams.memCpyFn = createLinalgCopy;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  // Temporaries of a loop on tensors (inverse, cumsum) are allocated once,
  // before it, so that the arena holds them too; then every intermediate
  // goes into the one device arena, by liveness.
  pm.addNestedPass<func::FuncOp>(bufferization::createBufferLoopHoistingPass());
  pm.addPass(createKilnCudaPlanMemory());

  // One thread per output element: parallel loops outermost, each
  // reduction a serial loop inside, summed in a fixed order.
  pm.addNestedPass<func::FuncOp>(createKilnCudaParallelLoopsFirst());
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToParallelLoopsPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void registerCudaPipeline() {
  PassPipelineRegistration<>(
      "kiln-cuda-pipeline",
      "Compiles a kiln model to the parallel loops the CUDA emitter translates",
      buildCudaPipeline);
}

} // namespace kiln
