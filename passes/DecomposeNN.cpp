//===- DecomposeNN.cpp - linear, softmax, log_softmax and mean ------------===//
//
/// softmax and log_softmax subtract the maximum along the dimension first, as
/// PyTorch's kernels do, so exp never overflows.
//
//===----------------------------------------------------------------------===//

#include "passes/DecomposePatterns.h"
#include "ir/GraphBuilder.h"

using namespace mlir;

namespace kiln {
namespace {

/// linear(x, W, b) = matmul(x, W^T) + b.
struct DecomposeLinear : OpRewritePattern<LinearOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(LinearOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value weightT = rewriter.create<TransposeOp>(loc, op.getWeight(), 0, 1);
    Value result = rewriter.create<MatmulOp>(loc, op.getInput(), weightT);
    if (Value bias = op.getBias())
      result = rewriter.create<AddOp>(loc, result, bias);
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// What both softmaxes start from: the logits shifted by their maximum along
/// `dim`, their exponentials, and the sum of those along `dim`.
struct ShiftedExponentials {
  Value shifted, exp, sum;
};

static ShiftedExponentials createShiftedExponentials(PatternRewriter &rewriter,
                                                     Location loc, Value input,
                                                     int64_t dim) {
  Value max = rewriter.create<MaxOp>(
      loc, input, rewriter.getDenseI64ArrayAttr({dim}), rewriter.getUnitAttr());
  Value shifted = rewriter.create<SubOp>(loc, input, max);
  Value exp = rewriter.create<ExpOp>(loc, shifted);
  Value sum = createSum(rewriter, loc, exp, {dim}, /*keepdim=*/true);
  return {shifted, exp, sum};
}

/// A softmax of no elements is its (empty) input: there is no maximum to
/// shift by, and PyTorch returns the empty tensor.
static bool replaceEmptySoftmax(Operation *op, PatternRewriter &rewriter) {
  auto type = cast<RankedTensorType>(op->getOperand(0).getType());
  if (type.getNumElements() != 0 || type != op->getResult(0).getType())
    return false;
  rewriter.replaceOp(op, op->getOperand(0));
  return true;
}

/// softmax(x) = exp(x - max) / sum(exp(x - max)).
struct DecomposeSoftmax : OpRewritePattern<SoftmaxOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(SoftmaxOp op,
                                PatternRewriter &rewriter) const override {
    if (replaceEmptySoftmax(op, rewriter))
      return success();
    ShiftedExponentials parts = createShiftedExponentials(
        rewriter, op.getLoc(), op.getInput(), op.getDim());
    rewriter.replaceOpWithNewOp<DivOp>(op, parts.exp, parts.sum);
    return success();
  }
};

/// log_softmax(x) = (x - max) - log(sum(exp(x - max))).
struct DecomposeLogSoftmax : OpRewritePattern<LogSoftmaxOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(LogSoftmaxOp op,
                                PatternRewriter &rewriter) const override {
    if (replaceEmptySoftmax(op, rewriter))
      return success();
    ShiftedExponentials parts = createShiftedExponentials(
        rewriter, op.getLoc(), op.getInput(), op.getDim());
    Value logSum = rewriter.create<LogOp>(op.getLoc(), parts.sum);
    rewriter.replaceOpWithNewOp<SubOp>(op, parts.shifted, logSum);
    return success();
  }
};

/// mean(x, dims) = sum(x, dims) / (number of elements summed).
struct DecomposeMean : OpRewritePattern<MeanOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(MeanOp op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, createMean(rewriter, op.getLoc(), op.getInput(),
                                      op.getDim(), op.getKeepdim()));
    return success();
  }
};

} // namespace

void populateDecomposeNNPatterns(RewritePatternSet &patterns) {
  patterns.add<DecomposeLinear, DecomposeSoftmax, DecomposeLogSoftmax,
               DecomposeMean>(patterns.getContext());
}

} // namespace kiln
