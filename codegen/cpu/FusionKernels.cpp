//===- FusionKernels.cpp - One kernel per fusion region -------------------===//
//
/// The `kiln-fusion-kernels` pass (see Passes.td). Element-wise fusion and
/// tile-and-fuse are upstream transformations; this pass decides where they
/// apply (within a region, never across one) and how large a tile is.
//
//===----------------------------------------------------------------------===//

#include "codegen/cpu/Passes.h"

#include "ir/KilnOps.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/TilingInterface.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/SetVector.h"

using namespace mlir;

namespace kiln {
#define GEN_PASS_DEF_KILNFUSIONKERNELS
#include "codegen/cpu/Passes.h.inc"
} // namespace kiln

namespace {

/// The largest producer plus consumer body (in ops) into which a producer
/// with several users is copied.
constexpr size_t kMaxDuplicatedBody = 16;

/// How often one producer may be recomputed inside one tile loop (once per
/// slice that reads it) before later readers use its materialized value.
constexpr unsigned kMaxFusionsPerProducer = 2;

/// A linalg op the runtime's library computes (a matrix product).
bool isLibraryCall(Operation *op) {
  auto generic = dyn_cast_or_null<linalg::GenericOp>(op);
  return generic && generic.getLibraryCallAttr();
}

/// An op that reads a library call's result: its epilogue.
bool readsLibraryCall(Operation *op) {
  return llvm::any_of(op->getOperands(), [](Value operand) {
    return isLibraryCall(operand.getDefiningOp());
  });
}

/// Fuses element-wise producers into their consumers inside `region`, and
/// folds reshapes into the linalg ops next to them.
LogicalResult fuseElementwise(kiln::FusionOp region) {
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

/// Tile sizes for `op` (zero: not tiled): the outermost parallel loop of
/// more than one iteration gets tiles of about `tileElements` iterations of
/// the whole nest. None when the nest is small, dynamic, or fits one tile.
std::optional<SmallVector<OpFoldResult>>
chooseTileSizes(linalg::LinalgOp op, int64_t tileElements,
                int64_t parallelElements) {
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  if (llvm::any_of(ranges, ShapedType::isDynamic))
    return std::nullopt;
  int64_t iterations = 1;
  for (int64_t range : ranges)
    iterations *= range;
  if (iterations < parallelElements)
    return std::nullopt;
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  size_t loop = 0;
  while (loop < ranges.size() &&
         !(linalg::isParallelIterator(iterators[loop]) && ranges[loop] > 1))
    ++loop;
  if (loop == ranges.size())
    return std::nullopt;
  int64_t perIndex = iterations / ranges[loop];
  int64_t tile = std::max<int64_t>(1, tileElements / perIndex);
  if (tile >= ranges[loop])
    return std::nullopt;
  Builder builder(op.getContext());
  SmallVector<OpFoldResult> sizes(ranges.size(), builder.getIndexAttr(0));
  sizes[loop] = builder.getIndexAttr(tile);
  return sizes;
}

/// Tiles every op `region` yields into an scf.forall and computes its
/// producers from the region per tile.
LogicalResult tileRoots(kiln::FusionOp region, int64_t tileElements,
                        int64_t parallelElements) {
  Block &body = region.getBody().front();
  llvm::SetVector<Operation *> roots;
  for (Value yielded : body.getTerminator()->getOperands())
    if (Operation *producer = yielded.getDefiningOp())
      if (isa<linalg::LinalgOp>(producer) && !isLibraryCall(producer) &&
          !readsLibraryCall(producer))
        roots.insert(producer);

  IRRewriter rewriter(region.getContext());
  for (Operation *root : llvm::reverse(roots)) {
    auto sizes = chooseTileSizes(cast<linalg::LinalgOp>(root), tileElements,
                                 parallelElements);
    if (!sizes)
      continue;
    scf::SCFTilingOptions tiling;
    tiling.setTileSizes(*sizes).setLoopType(
        scf::SCFTilingOptions::LoopType::ForallOp);
    scf::SCFTileAndFuseOptions options;
    options.setTilingOptions(tiling);
    // Another root is materialized by its own loop; library calls read
    // memory.
    DenseMap<Operation *, unsigned> fusions;
    options.setFusionControlFn(
        [&](tensor::ExtractSliceOp, OpResult producer, bool) {
          Operation *op = producer.getOwner();
          bool fuse = !roots.contains(op) && !isLibraryCall(op) &&
                      ++fusions[op] <= kMaxFusionsPerProducer;
          return std::make_tuple(fuse, false);
        });
    rewriter.setInsertionPoint(root);
    FailureOr<scf::SCFTileAndFuseResult> tiled =
        scf::tileConsumerAndFuseProducersUsingSCF(
            rewriter, cast<TilingInterface>(root), options);
    if (failed(tiled))
      return root->emitOpError("could not be tiled for threads");
    for (OpResult result : root->getResults())
      if (Value replacement = tiled->replacements.lookup(result))
        rewriter.replaceAllUsesWith(result, replacement);
  }
  return success();
}

/// Replaces `region` by its ops, and drops the ops tiling left unused.
void dissolve(kiln::FusionOp region) {
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

struct FusionKernelsPass
    : kiln::impl::KilnFusionKernelsBase<FusionKernelsPass> {
  using KilnFusionKernelsBase::KilnFusionKernelsBase;

  void runOnOperation() override {
    SmallVector<kiln::FusionOp> regions;
    getOperation().walk([&](kiln::FusionOp region) {
      regions.push_back(region);
    });
    for (kiln::FusionOp region : regions) {
      if (failed(fuseElementwise(region)) ||
          failed(tileRoots(region, tileElements, parallelElements)))
        return signalPassFailure();
      dissolve(region);
    }
  }
};

} // namespace
