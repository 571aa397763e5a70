//===- FoldMatmulTransposes.cpp - Transposed operands as permuted reads ---===//
//
/// The `kiln-fold-matmul-transposes` pass. oneDNN reads operands through
/// arbitrary strides, so a transpose feeding a kernel matmul's lhs or rhs
/// need not copy:
/// the matmul reads the transpose's source through the permuted indexing
/// map instead, and kiln-call-kernels passes the kernel a `memref.transpose`
/// view of that buffer. `linear`'s `x @ W^T` and its backward's `g^T @ x`
/// read their transposed operands this way.
//
//===----------------------------------------------------------------------===//

#include "codegen/cpu/MatmulKernels.h"
#include "codegen/cpu/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;

namespace kiln {
#define GEN_PASS_DEF_KILNFOLDMATMULTRANSPOSES
#include "codegen/cpu/Passes.h.inc"
} // namespace kiln

namespace {

/// A transpose whose result dim `i` is its source's dim `permutation[i]`.
struct Transpose {
  Value source;
  SmallVector<int64_t> permutation;
};

/// `value` as a transpose: a `linalg.transpose`, or a generic that only
/// permutes (what generalizing the named op gives).
std::optional<Transpose> getTranspose(Value value) {
  if (auto transpose = value.getDefiningOp<linalg::TransposeOp>())
    return Transpose{transpose.getInput(),
                     llvm::to_vector(transpose.getPermutation())};
  auto generic = value.getDefiningOp<linalg::GenericOp>();
  if (!generic || generic.getLibraryCallAttr() ||
      generic.getNumDpsInputs() != 1 || generic.getNumDpsInits() != 1 ||
      generic.getNumReductionLoops() != 0)
    return std::nullopt;
  Block &body = generic.getRegion().front();
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  AffineMap input = generic.getIndexingMapsArray()[0];
  if (&body.front() != yield.getOperation() ||
      yield.getOperand(0) != body.getArgument(0) || !input.isPermutation() ||
      !generic.getIndexingMapsArray()[1].isIdentity())
    return std::nullopt;
  // Source dim j is read at loop (= result dim) input[j].
  SmallVector<int64_t> permutation(input.getNumResults());
  for (unsigned dim = 0; dim < input.getNumResults(); ++dim)
    permutation[input.getDimPosition(dim)] = dim;
  return Transpose{generic.getDpsInputs()[0], permutation};
}

struct FoldTransposedOperands : OpRewritePattern<linalg::GenericOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(linalg::GenericOp op,
                                PatternRewriter &rewriter) const override {
    if (!kiln::isMatmulKernel(op) || !op.hasPureTensorSemantics())
      return failure();
    SmallVector<AffineMap> maps = op.getIndexingMapsArray();
    SmallVector<std::pair<OpOperand *, Value>> sources;
    // lhs and rhs. oneDNN reads a transposed post-op operand only in its
    // reference kernel, so those stay copied.
    for (int64_t operand : {0, 1}) {
      OpOperand *input = op.getDpsInputOperand(operand);
      AffineMap &map = maps[input->getOperandNumber()];
      // A broadcasting read stays as the lowering made it: the kernels
      // expect its dims in loop order (see kiln-call-kernels).
      std::optional<Transpose> transpose = getTranspose(input->get());
      if (!map.isProjectedPermutation() || !transpose)
        continue;
      // The transpose's dim i, read at map result i, is the source's dim
      // permutation[i].
      SmallVector<AffineExpr> exprs(map.getNumResults());
      for (auto [dim, sourceDim] : llvm::enumerate(transpose->permutation))
        exprs[sourceDim] = map.getResult(dim);
      map = AffineMap::get(map.getNumDims(), 0, exprs, op.getContext());
      sources.emplace_back(input, transpose->source);
    }
    if (sources.empty())
      return failure();
    rewriter.modifyOpInPlace(op, [&] {
      for (auto [input, source] : sources)
        input->set(source);
      op.setIndexingMapsAttr(rewriter.getAffineMapArrayAttr(maps));
    });
    return success();
  }
};

struct FoldMatmulTransposesPass
    : kiln::impl::KilnFoldMatmulTransposesBase<FoldMatmulTransposesPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FoldTransposedOperands>(&getContext());
    if (failed(
            applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
