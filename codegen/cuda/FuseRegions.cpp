//===- FuseRegions.cpp - Each fused linalg op one CUDA kernel -------------===//
//
/// The `kiln-cuda-fuse-regions` pass (see Passes.td): the shared region
/// steps (codegen/linalg/FusionRegions.h) without the CPU's tiling. A
/// region's ops that do not fuse element-wise (a softmax's max and sum
/// beside its normalization) stay separate kernels, one after the other.
//
//===----------------------------------------------------------------------===//

#include "codegen/cuda/Passes.h"
#include "codegen/linalg/FusionRegions.h"

using namespace mlir;

namespace kiln {
#define GEN_PASS_DEF_KILNCUDAFUSEREGIONS
#include "codegen/cuda/Passes.h.inc"
} // namespace kiln

namespace {

struct FuseRegionsPass
    : kiln::impl::KilnCudaFuseRegionsBase<FuseRegionsPass> {
  void runOnOperation() override {
    SmallVector<kiln::FusionOp> regions;
    getOperation().walk(
        [&](kiln::FusionOp region) { regions.push_back(region); });
    for (kiln::FusionOp region : regions) {
      if (failed(kiln::fuseElementwise(region)))
        return signalPassFailure();
      kiln::dissolve(region);
    }
  }
};

} // namespace
