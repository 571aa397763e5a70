//===- TransposePatterns.cpp - Canonicalization of kiln.transpose ---------===//
//
/// Transposes that cancel are removed rather than computed. Besides
/// transpose(transpose(x)) (the folder), a transpose of a matrix product
/// moves to its operands when one of them is a transpose it cancels,
/// (A B)^T = B^T A^T, and transposes move from the operands of an
/// element-wise op to its result, where they meet the next transpose. No
/// rewrite leaves more transposes than it found. The backward of `linear`
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

/// f(transpose(x), transpose(y), s) -> transpose(f(x, y, s)) for an
/// element-wise f whose tensor operands all have the result's shape and are
/// transposed the same way by transposes nothing else reads (0-d operands
/// broadcast either way). The transposes move toward the users, one for
/// all operands, until they meet another and cancel, as in
/// transpose(relu(transpose(x)) + transpose(y)) -> relu(x) + y.
struct SinkTranspose : RewritePattern {
  SinkTranspose(StringRef rootName, MLIRContext *context)
      : RewritePattern(rootName, /*benefit=*/1, context) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
    TransposeOp transposed;
    SmallVector<Value> operands;
    for (Value operand : op->getOperands()) {
      if (cast<RankedTensorType>(operand.getType()).getRank() == 0) {
        operands.push_back(operand);
        continue;
      }
      auto transpose = operand.getDefiningOp<TransposeOp>();
      if (!transpose ||
          transpose.getType() !=
              resultType.clone(transpose.getType().getElementType()) ||
          !llvm::all_of(transpose->getUsers(),
                        [&](Operation *user) { return user == op; }) ||
          (transposed &&
           transposed.getSwappedDims() != transpose.getSwappedDims()))
        return failure();
      transposed = transpose;
      operands.push_back(transpose.getInput());
    }
    if (!transposed)
      return failure();
    Operation *untransposed = rewriter.clone(*op);
    untransposed->setOperands(operands);
    untransposed->getResult(0).setType(
        resultType.clone(transposed.getInput().getType().getShape()));
    rewriter.replaceOpWithNewOp<TransposeOp>(op, untransposed->getResult(0),
                                             transposed.getDim0(),
                                             transposed.getDim1());
    return success();
  }
};

template <typename... OpTs>
void addSinkTranspose(RewritePatternSet &patterns, MLIRContext *context) {
  (patterns.add<SinkTranspose>(OpTs::getOperationName(), context), ...);
}

} // namespace

void TransposeOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                              MLIRContext *context) {
  patterns.add<TransposeProduct<MatmulOp>, TransposeProduct<MmOp>>(context);
  addSinkTranspose<NegOp, AbsOp, ReluOp, ExpOp, LogOp, SqrtOp, RsqrtOp,
                   SigmoidOp, TanhOp, ClampOp, CastOp, AddOp, SubOp, MulOp,
                   DivOp, PowOp, MaximumOp, MinimumOp, EqOp, NeOp, LtOp, LeOp,
                   GtOp, GeOp, WhereOp>(patterns, context);
}

} // namespace kiln
