//===- FusionKernels.cpp - One kernel per fusion region -------------------===//
//
/// The `kiln-fusion-kernels` pass (see Passes.td). Element-wise fusion and
/// tile-and-fuse are upstream transformations; this pass decides where they
/// apply (within a region, never across one) and how large a tile is.
//
//===----------------------------------------------------------------------===//

#include "codegen/cpu/Passes.h"
#include "codegen/linalg/FusionRegions.h"

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

using kiln::isLibraryCall;

/// How often one producer may be recomputed inside one tile loop (once per
/// slice that reads it) before later readers use its materialized value.
constexpr unsigned kMaxFusionsPerProducer = 2;

/// An op that reads a library call's result: its epilogue.
bool readsLibraryCall(Operation *op) {
  return llvm::any_of(op->getOperands(), [](Value operand) {
    return isLibraryCall(operand.getDefiningOp());
  });
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

struct FusionKernelsPass
    : kiln::impl::KilnFusionKernelsBase<FusionKernelsPass> {
  using KilnFusionKernelsBase::KilnFusionKernelsBase;

  void runOnOperation() override {
    SmallVector<kiln::FusionOp> regions;
    getOperation().walk([&](kiln::FusionOp region) {
      regions.push_back(region);
    });
    for (kiln::FusionOp region : regions) {
      if (failed(kiln::fuseElementwise(region)) ||
          failed(tileRoots(region, tileElements, parallelElements)))
        return signalPassFailure();
      kiln::dissolve(region);
    }
  }
};

} // namespace
