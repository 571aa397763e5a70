//===- Pipeline.cpp - From a kiln model to the LLVM dialect ---------------===//
//
/// The CPU pipeline in phase order: the target-neutral graph phases
/// (passes/Pipeline.h), the lowering to linalg on tensors, bufferization
/// with results turned into out-parameters (the caller owns every output
/// buffer), loops, and the LLVM dialect. Each step says why it runs there.
//
//===----------------------------------------------------------------------===//

#include "codegen/cpu/Pipeline.h"

#include "codegen/cpu/Passes.h"
#include "codegen/linalg/Passes.h"
#include "codegen/memory/Bufferization.h"
#include "passes/Pipeline.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Async/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/OneShotAnalysis.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/LLVMIR/Transforms/RequestCWrappers.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

namespace kiln {

void buildCpuPipeline(OpPassManager &pm) {
  buildGraphPipeline(pm);

  // Kiln to linalg on tensors (shared by every target); the contractions
  // oneDNN computes become library calls before anything fuses around them;
  // one fused, tiled loop nest per region.
  pm.addPass(createKilnLowerToLinalg());
  pm.addPass(createKilnSelectCpuKernels());
  pm.addPass(createKilnFusionKernels());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  // Kernel matmuls absorb their element-wise epilogues and read transposed
  // operands in place; both rewrite tensors, so they run before buffers.
  pm.addPass(createKilnFoldMatmulEpilogues());
  pm.addPass(createKilnFoldMatmulTransposes());

  // Buffers: the caller allocates inputs and outputs, so function
  // boundaries take plain (identity-layout) memrefs and results become
  // out-parameters.
  bufferization::OneShotBufferizationOptions bufferization =
      getModelBufferization();
  pm.addPass(bufferization::createOneShotBufferizePass(bufferization));
  pm.addPass(bufferization::createBufferResultsToOutParamsPass());
  // Ops marked with a library_call become calls into runtime kernels, on
  // the buffers they read and write.
  pm.addPass(createKilnCallKernels());
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  // Intermediates into one static arena per function, by liveness; the
  // deallocation pipeline frees only what remains on the heap.
  pm.addPass(createKilnPlanMemory());
  bufferization::buildBufferDeallocationPipeline(
      pm, bufferization::BufferDeallocationPipelineOptions());

  // Parallel tiles run on the async runtime's thread pool; each tile is
  // large, so one iteration is one task.
  pm.addPass(createForallToParallelLoopPass());
  pm.addPass(createAsyncParallelForPass(/*asyncDispatch=*/false,
                                        /*numWorkerThreads=*/8,
                                        /*minTaskSize=*/1));
  pm.addPass(createAsyncToAsyncRuntimePass());
  pm.addPass(createAsyncRuntimeRefCountingPass());
  pm.addPass(createAsyncRuntimeRefCountingOptPass());
  // C interfaces for the model's functions only: the libm declarations
  // added below have none.
  pm.addNestedPass<func::FuncOp>(LLVM::createRequestCWrappersPass());

  // Float32 transcendental functions become polynomials LLVM vectorizes.
  pm.addPass(createKilnApproximateMath());
  // Loops and scalars to LLVM.
  pm.addPass(createConvertAsyncToLLVMPass());
  pm.addPass(createConvertSCFToCFPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  ConvertMathToFuncsOptions mathToFuncs;
  mathToFuncs.convertCtlz = false;
  pm.addPass(createConvertMathToFuncs(mathToFuncs));
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createConvertVectorToLLVMPass());
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
}

void registerCpuPipeline() {
  PassPipelineRegistration<>(
      "kiln-cpu-pipeline",
      "Compiles a kiln model to LLVM-dialect code for the CPU",
      buildCpuPipeline);
}

} // namespace kiln
