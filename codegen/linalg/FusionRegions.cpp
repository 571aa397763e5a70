//===- FusionRegions.cpp - What every target does with kiln.fusion --------===//

#include "codegen/linalg/FusionRegions.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;

namespace kiln {

/// The largest producer plus consumer body (in ops) into which a producer
/// with several users is copied.
static constexpr size_t kMaxDuplicatedBody = 16;

bool isLibraryCall(Operation *op) {
  auto generic = dyn_cast_or_null<linalg::GenericOp>(op);
  return generic && generic.getLibraryCallAttr();
}

LogicalResult fuseElementwise(FusionOp region) {
  MLIRContext *context = region.getContext();
  RewritePatternSet patterns(context);
  linalg::ControlFusionFn control = [](OpOperand *fused) {
    Operation *producer = fused->get().getDefiningOp();
    return producer && !isLibraryCall(producer) &&
           !isLibraryCall(fused->getOwner());
  };
  // A producer with several users is copied into each: allowed only while
  // both bodies are small, or copies of copies grow exponentially along a
  // DAG (an optimizer update reuses every intermediate).
  linalg::ControlFusionFn bounded = [control](OpOperand *fused) {
    if (!control(fused))
      return false;
    Operation *producer = fused->get().getDefiningOp();
    if (producer->hasOneUse())
      return true;
    auto bodySize = [](Operation *op) {
      auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
      return linalgOp ? linalgOp.getBlock()->getOperations().size()
                      : std::numeric_limits<size_t>::max() / 2;
    };
    return bodySize(producer) + bodySize(fused->getOwner()) <=
           kMaxDuplicatedBody;
  };
  linalg::populateElementwiseOpsFusionPatterns(patterns, bounded);
  // A keepdim reduction's expand_shape moves into the reduction, whose
  // result then tiles with its consumer's rows.
  linalg::populateFoldReshapeOpsByExpansionPatterns(patterns, control);
  // Library calls are no roots: the patterns' clean-ups (deduplicating the
  // operands of `dot(x, x)`) would change the kernel's calling convention.
  SmallVector<Operation *> ops;
  for (Operation &op : region.getBody().front())
    if (!isLibraryCall(&op))
      ops.push_back(&op);
  GreedyRewriteConfig config;
  config.strictMode = GreedyRewriteStrictness::ExistingAndNewOps;
  return applyOpPatternsAndFold(ops, std::move(patterns), config);
}

void dissolve(FusionOp region) {
  Block &body = region.getBody().front();
  Operation *yield = body.getTerminator();
  for (auto [result, yielded] :
       llvm::zip(region.getResults(), yield->getOperands()))
    result.replaceAllUsesWith(yielded);
  for (auto [argument, input] :
       llvm::zip(body.getArguments(), region.getInputs()))
    argument.replaceAllUsesWith(input);
  yield->erase();
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(body)))
    if (op.use_empty() && isPure(&op))
      op.erase();
  region->getBlock()->getOperations().splice(Block::iterator(region),
                                             body.getOperations());
  region.erase();
}

} // namespace kiln
