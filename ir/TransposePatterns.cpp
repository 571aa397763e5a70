//===- TransposePatterns.cpp - Canonicalization of kiln.transpose --------===//
//
/// Transposes that cancel are removed rather than computed. Besides
/// transpose(transpose(x)) (the folder), a transpose is moved to the inputs
/// of the op it transposes when there it meets other transposes and cancels
/// them: through a matrix product, (A B)^T = B^T A^T, and through an
/// element-wise op whose every operand is transposed the same way. Each
/// rewrite leaves fewer transposes than it found. The backward of `linear`
/// needs the first: the weight's gradient (x^T g)^T becomes g^T x.
//
//===----------------------------------------------------------------------===//

#include "ir/KilnOps.h"

#include "mlir/IR/PatternMatch.h"

using namespace mlir;

namespace kiln {
namespace {

/// Whether `op` transposes the last two dims of a tensor of rank >= 2.
bool swapsMatrixDims(TransposeOp op) {
  int64_t rank = op.getType().getRank();
  return rank >= 2 && op.getSwappedDims() == std::make_pair(rank - 2, rank - 1);
}

bool isMatrixTranspose(Value value) {
  auto transpose = value.getDefiningOp<TransposeOp>();
  return transpose && swapsMatrixDims(transpose);
}

/// transpose(matmul(a, b)) -> matmul(transpose(b), transpose(a)) over the
/// last two dims, when a transposed operand cancels. Batch dims broadcast
/// the same either way.
template <typename ProductOp>
struct TransposeProduct : OpRewritePattern<TransposeOp> {
  using OpRewritePattern<TransposeOp>::OpRewritePattern;
  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    auto product = op.getInput().template getDefiningOp<ProductOp>();
    if (!product || !product->hasOneUse() || !swapsMatrixDims(op))
      return failure();
    Value lhs = product.getLhs(), rhs = product.getRhs();
    auto rank = [](Value value) {
      return cast<RankedTensorType>(value.getType()).getRank();
    };
    if (rank(lhs) < 2 || rank(rhs) < 2 ||
        (!isMatrixTranspose(lhs) && !isMatrixTranspose(rhs)))
      return failure();
    Location loc = product.getLoc();
    auto transpose = [&](Value value) {
      return rewriter.create<TransposeOp>(loc, value, int64_t{-2}, int64_t{-1});
    };
    rewriter.replaceOpWithNewOp<ProductOp>(op, transpose(rhs), transpose(lhs));
    return success();
  }
};

/// transpose(f(transpose(x), transpose(y), s)) -> f(x, y, s) for an
/// element-wise f whose tensor operands are all transposed the same way and
/// have the result's shape (0-d operands broadcast either way).
struct TransposeElementwise : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    Operation *elementwise = op.getInput().getDefiningOp();
    if (!elementwise || !elementwise->hasOneUse() ||
        !isa<NegOp, AbsOp, ReluOp, ExpOp, LogOp, SqrtOp, RsqrtOp, SigmoidOp,
             TanhOp, ClampOp, CastOp, AddOp, SubOp, MulOp, DivOp, PowOp,
             MaximumOp, MinimumOp, EqOp, NeOp, LtOp, LeOp, GtOp, GeOp,
             WhereOp>(elementwise))
      return failure();
    ArrayRef<int64_t> shape =
        cast<RankedTensorType>(op.getInput().getType()).getShape();
    SmallVector<Value> operands;
    for (Value operand : elementwise->getOperands()) {
      auto type = cast<RankedTensorType>(operand.getType());
      auto transpose = operand.getDefiningOp<TransposeOp>();
      if (type.getRank() == 0)
        operands.push_back(operand);
      else if (transpose && type.getShape() == shape &&
               transpose.getSwappedDims() == op.getSwappedDims())
        operands.push_back(transpose.getInput());
      else
        return failure();
    }
    if (operands == SmallVector<Value>(elementwise->getOperands()))
      return failure();
    Operation *untransposed = rewriter.clone(*elementwise);
    untransposed->setOperands(operands);
    untransposed->getResult(0).setType(
        cast<RankedTensorType>(elementwise->getResult(0).getType())
            .clone(op.getType().getShape()));
    rewriter.replaceOp(op, untransposed->getResults());
    return success();
  }
};

} // namespace

void TransposeOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                              MLIRContext *context) {
  patterns.add<TransposeProduct<MatmulOp>, TransposeProduct<MmOp>,
               TransposeElementwise>(context);
}

} // namespace kiln
