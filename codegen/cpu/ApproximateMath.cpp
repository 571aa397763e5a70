//===- ApproximateMath.cpp - Vectorizable transcendental functions --------===//
//
/// The `kiln-approximate-math` pass (see Passes.td). Upstream exposes the
/// rewrites as patterns only.
//
//===----------------------------------------------------------------------===//

#include "codegen/cpu/Passes.h"

#include "mlir/Dialect/Math/Transforms/Approximation.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;

namespace kiln {
#define GEN_PASS_DEF_KILNAPPROXIMATEMATH
#include "codegen/cpu/Passes.h.inc"
} // namespace kiln

namespace {

struct ApproximateMathPass
    : kiln::impl::KilnApproximateMathBase<ApproximateMathPass> {
  void runOnOperation() override {
    // The logarithms stay libm calls: their approximations return
    // log(FLT_MIN) at zero where PyTorch's clamped losses need -inf.
    SmallVector<Operation *> approximated;
    getOperation().walk([&](Operation *op) {
      if (isa<math::ExpOp, math::TanhOp, math::ErfOp>(op))
        approximated.push_back(op);
    });
    RewritePatternSet patterns(&getContext());
    populateMathPolynomialApproximationPatterns(patterns);
    GreedyRewriteConfig config;
    config.strictMode = GreedyRewriteStrictness::ExistingOps;
    if (failed(applyOpPatternsAndFold(approximated, std::move(patterns),
                                      config)))
      signalPassFailure();
  }
};

} // namespace
