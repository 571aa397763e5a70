//===- Decompose.cpp - Rewrites composite ops into core ops ---------------===//
//
/// The `kiln-decompose` pass. Rewrites may emit other composites (cross
/// entropy emits log_softmax and nll_loss), so the patterns run to a fixed
/// point; any composite left after that is an error, never a silent pass.
//
//===----------------------------------------------------------------------===//

#include "passes/DecomposePatterns.h"
#include "passes/Passes.h"

#include "ir/KilnOps.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;

namespace kiln {
#define GEN_PASS_DEF_KILNDECOMPOSE
#include "passes/Passes.h.inc"
} // namespace kiln

namespace {
struct DecomposePass : kiln::impl::KilnDecomposeBase<DecomposePass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    kiln::populateDecomposeNNPatterns(patterns);
    kiln::populateDecomposeMathPatterns(patterns);
    kiln::populateDecomposeConvPatterns(patterns);
    kiln::populateDecomposeLossPatterns(patterns);
    kiln::populateDecomposeOptimizerPatterns(patterns);
    kiln::populateDecomposeIndexingPatterns(patterns);
    if (failed(
            applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();

    WalkResult remaining = getOperation()->walk([](Operation *op) {
      if (!op->hasTrait<kiln::OpTrait::Composite>())
        return WalkResult::advance();
      op->emitOpError("could not be decomposed into core ops");
      return WalkResult::interrupt();
    });
    if (remaining.wasInterrupted())
      signalPassFailure();
  }
};
} // namespace
