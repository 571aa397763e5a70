//===- Pipeline.cpp - From a kiln model to the LLVM dialect ---------------===//
//
/// The CPU pipeline in phase order: graph passes on the kiln dialect, the
/// lowering to linalg on tensors, bufferization with results turned into
/// out-parameters (the caller owns every output buffer), loops, and the
/// LLVM dialect.
//
//===----------------------------------------------------------------------===//

#include "codegen/cpu/Pipeline.h"

#include "codegen/cpu/Passes.h"
#include "passes/Passes.h"

#include "mlir/InitAllPasses.h"
#include "mlir/Pass/PassRegistry.h"

using namespace mlir;

namespace kiln {

/// The pipeline in mlir-opt syntax, nested under the module, one phase per
/// line.
static constexpr llvm::StringLiteral kPipeline =
    // Graph: composites to core ops, seeded draws to constants, long float
    // sums in stages (PyTorch's accuracy), kernels.
    "kiln-decompose,kiln-materialize-random,canonicalize,cse,"
    "func.func(kiln-split-reductions),func.func(kiln-fuse),"
    // Kiln to linalg on tensors; one fused, tiled loop nest per region.
    "kiln-lower-to-linalg,kiln-fusion-kernels,canonicalize,cse,"
    // Kernel matmuls absorb their element-wise epilogues and read transposed
    // operands in place.
    "kiln-fold-matmul-epilogues,kiln-fold-matmul-transposes,"
    // Buffers: the caller allocates inputs and outputs.
    "one-shot-bufferize{bufferize-function-boundaries "
    "function-boundary-type-conversion=identity-layout-map},"
    "buffer-results-to-out-params,"
    // Ops marked with a library_call become calls into runtime kernels.
    "kiln-call-kernels,"
    "func.func(convert-linalg-to-loops),"
    // Intermediates into one static arena per function, by liveness.
    "kiln-plan-memory,buffer-deallocation-pipeline,"
    // Parallel tiles run on the async runtime's thread pool; each tile is
    // large, so one iteration is one task.
    "scf-forall-to-parallel,"
    "async-parallel-for{async-dispatch=false min-task-size=1},"
    "async-to-async-runtime,async-runtime-ref-counting,"
    "async-runtime-ref-counting-opt,"
    // C interfaces for the model's functions only: the libm declarations
    // added below have none.
    "func.func(llvm-request-c-wrappers),"
    // Loops and scalars to LLVM; float32 transcendental functions become
    // polynomials LLVM vectorizes.
    "kiln-approximate-math,"
    "convert-async-to-llvm,"
    "convert-scf-to-cf,expand-strided-metadata,lower-affine,"
    "convert-math-to-funcs{convert-ctlz=false},convert-math-to-llvm,"
    "convert-math-to-libm,convert-vector-to-llvm,finalize-memref-to-llvm,"
    "convert-func-to-llvm,convert-arith-to-llvm,convert-cf-to-llvm,"
    "reconcile-unrealized-casts";

LogicalResult buildCpuPipeline(OpPassManager &pm) {
  // The textual pipeline names passes through the global registry.
  static const bool passesRegistered = [] {
    registerAllPasses();
    registerKilnPasses();
    registerKilnCpuPasses();
    return true;
  }();
  (void)passesRegistered;
  return parsePassPipeline(kPipeline, pm);
}

void registerCpuPipeline() {
  PassPipelineRegistration<>(
      "kiln-cpu-pipeline",
      "Compiles a kiln model to LLVM-dialect code for the CPU",
      [](OpPassManager &pm) {
        if (failed(buildCpuPipeline(pm)))
          llvm::report_fatal_error("kiln-cpu-pipeline does not parse");
      });
}

} // namespace kiln
