//===- SplitReductions.cpp - Float sums in blocks, as PyTorch sums --------===//
//
/// The `kiln-split-reductions` pass. A kernel sums a reduction in one running
/// accumulator, whose rounding error grows with the number of terms: 2^24
/// float32 ones sum to 2^24 exactly but random terms lose about
/// sqrt(n) ulp on average and up to n ulp. PyTorch sums float tensors in a
/// cascade (blocks of partial sums), whose error grows with log(n). A float
/// `kiln.sum` over more than kBlock elements is therefore rewritten into
/// stages that each add at most kBlock terms per result:
///
///   sum(x[16, 64, 16, 16], dims [0, 2, 3])
///     = sum(sum(x, dims [2, 3]) /*256 terms*/, dims [0]) /*16 terms*/
///
/// The reduced dims are taken in runs of adjacent dims, innermost first; a
/// run of more than kBlock elements is collapsed into one dim and split into
/// [n / b, b], b the largest divisor of n at most kBlock, and its inner part
/// is summed first. A run whose size has no such divisor of at least
/// kBlock / 4 is zero-padded to a multiple of kBlock first (adding +0.0 keeps
/// the sum, which starts from +0.0). The order of additions differs from the
/// single loop only in grouping, so results agree with it to rounding, and
/// NaN and infinities propagate the same way.
///
/// This matters beyond single sums: a network's batch norm statistics are
/// sums over N*H*W, and training amplifies their rounding where a ReLU input
/// lies near 0 (resnet18 on 32x32 images took the other side of such a
/// ReLU than PyTorch at its first step, see docs/training.md).
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "ir/GraphBuilder.h"
#include "ir/KilnOps.h"
#include "ir/ShapeInference.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using kiln::createReshape;
using kiln::createSum;
using kiln::createZeroPad;

namespace kiln {
#define GEN_PASS_DEF_KILNSPLITREDUCTIONS
#include "passes/Passes.h.inc"
} // namespace kiln

namespace {

/// The most terms one stage adds into one result. Small enough that a
/// stage's own error stays near a float32 ulp times sqrt(kBlock); large
/// enough that each stage is a kernel worth running.
constexpr int64_t kBlock = 128;

/// The largest divisor of `n` that is at most `limit`.
int64_t getLargestDivisor(int64_t n, int64_t limit) {
  for (int64_t d = std::min(n, limit); d > 1; --d)
    if (n % d == 0)
      return d;
  return 1;
}

/// Sums `run` dims [begin, end) of `value` away, in stages of at most kBlock
/// terms; the dims before `begin` and from `end` on keep their sizes.
Value sumRun(PatternRewriter &rewriter, Location loc, Value value,
             int64_t begin, int64_t end) {
  auto type = cast<RankedTensorType>(value.getType());
  ArrayRef<int64_t> shape = type.getShape();
  int64_t count = 1;
  for (int64_t dim = begin; dim < end; ++dim)
    count *= shape[dim];
  SmallVector<int64_t> outer(shape.begin(), shape.begin() + begin);
  SmallVector<int64_t> inner(shape.begin() + end, shape.end());
  auto withRun = [&](ArrayRef<int64_t> run) {
    SmallVector<int64_t> result(outer);
    result.append(run.begin(), run.end());
    result.append(inner.begin(), inner.end());
    return result;
  };
  if (count <= kBlock) {
    SmallVector<int64_t> dims;
    for (int64_t dim = begin; dim < end; ++dim)
      dims.push_back(dim);
    return createSum(rewriter, loc, value, dims, /*keepdim=*/false);
  }
  // One dim of `count` elements, padded with zeros when its size has no
  // divisor that makes a useful block.
  value = createReshape(rewriter, loc, value, withRun({count}));
  int64_t block = getLargestDivisor(count, kBlock);
  if (block < kBlock / 4) {
    int64_t padded = llvm::alignTo(count, kBlock);
    SmallVector<int64_t> pads(2 * (outer.size() + 1 + inner.size()), 0);
    pads[outer.size() + 1 + inner.size() + outer.size()] = padded - count;
    value = createZeroPad(rewriter, loc, value, pads);
    count = padded;
    block = kBlock;
  }
  value = createReshape(rewriter, loc, value, withRun({count / block, block}));
  int64_t blockDim = static_cast<int64_t>(outer.size()) + 1;
  Value partial = createSum(rewriter, loc, value, {blockDim},
                            /*keepdim=*/false);
  return sumRun(rewriter, loc, partial, begin, begin + 1);
}

struct SplitFloatSum : OpRewritePattern<kiln::SumOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(kiln::SumOp op,
                                PatternRewriter &rewriter) const override {
    auto type = cast<RankedTensorType>(op.getInput().getType());
    if (!isa<FloatType>(type.getElementType()) || type.getRank() == 0)
      return failure();
    FailureOr<SmallVector<int64_t>> dims = kiln::getReducedDims(
        std::nullopt, op->getName().getStringRef(), op.getDim(),
        type.getRank());
    if (failed(dims))
      return failure();
    int64_t count = 1;
    for (int64_t dim : *dims)
      count *= type.getDimSize(dim);
    if (count <= kBlock)
      return failure();

    // Runs of adjacent reduced dims, innermost first, so summing one away
    // leaves the dims of the runs before it where they are.
    SmallVector<int64_t> sorted(*dims);
    llvm::sort(sorted);
    Value value = op.getInput();
    for (size_t last = sorted.size(); last > 0;) {
      size_t first = last - 1;
      while (first > 0 && sorted[first - 1] + 1 == sorted[first])
        --first;
      value = sumRun(rewriter, op.getLoc(), value, sorted[first],
                     sorted[last - 1] + 1);
      last = first;
    }
    rewriter.replaceOp(op, createReshape(rewriter, op.getLoc(), value,
                                         op.getType().getShape()));
    return success();
  }
};

struct SplitReductionsPass
    : kiln::impl::KilnSplitReductionsBase<SplitReductionsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<SplitFloatSum>(&getContext());
    if (failed(applyPatternsAndFoldGreedily(getOperation(),
                                            std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
