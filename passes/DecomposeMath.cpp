//===- DecomposeMath.cpp - The composite activations ----------------------===//
//
/// Activations that are compositions of core ops, each rewritten in the
/// order PyTorch's kernel computes it where that order decides the rounding
/// (hardswish, softsign); their gradients come from the decomposition, and
/// agree with PyTorch's backward kernels away from the kinks.
//
//===----------------------------------------------------------------------===//

#include "passes/DecomposePatterns.h"
#include "ir/GraphBuilder.h"

using namespace mlir;

namespace kiln {
namespace {

Type getElementType(Value value) {
  return cast<RankedTensorType>(value.getType()).getElementType();
}

/// A 0-d constant with `like`'s element type.
Value scalar(PatternRewriter &rewriter, Location loc, Value like,
             double value) {
  return createScalar(rewriter, loc, getElementType(like), value);
}

/// where(x > 0, x, negative): the shape of leaky_relu, prelu and celu.
Value positivePart(PatternRewriter &rewriter, Location loc, Value x,
                   Value negative) {
  Value zero = scalar(rewriter, loc, x, 0.0);
  Value positive = rewriter.create<GtOp>(loc, x, zero);
  return rewriter.create<WhereOp>(loc, positive, x, negative);
}

/// selu(x) = gamma * elu(x, alpha).
struct DecomposeSelu : OpRewritePattern<SeluOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(SeluOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value elu =
        rewriter.create<EluOp>(loc, op.getInput(), op.getAlphaAttr());
    Value gamma = scalar(rewriter, loc, elu, op.getGamma().convertToDouble());
    rewriter.replaceOpWithNewOp<MulOp>(op, elu, gamma);
    return success();
  }
};

/// celu(x) = where(x > 0, x, elu(x * (1 / alpha), alpha)): elu's negative
/// branch is alpha * expm1(x / alpha), multiplied by the reciprocal as
/// PyTorch does.
struct DecomposeCelu : OpRewritePattern<CeluOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(CeluOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = op.getInput();
    double alpha = op.getAlpha().convertToDouble();
    Value inverse = scalar(rewriter, loc, x, 1.0 / alpha);
    Value scaled = rewriter.create<MulOp>(loc, x, inverse);
    Value elu = rewriter.create<EluOp>(loc, scaled, op.getAlphaAttr());
    rewriter.replaceOp(op, positivePart(rewriter, loc, x, elu));
    return success();
  }
};

/// leaky_relu(x) = where(x > 0, x, x * negative_slope).
struct DecomposeLeakyRelu : OpRewritePattern<LeakyReluOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(LeakyReluOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = op.getInput();
    Value slope =
        scalar(rewriter, loc, x, op.getNegativeSlope().convertToDouble());
    Value negative = rewriter.create<MulOp>(loc, x, slope);
    rewriter.replaceOp(op, positivePart(rewriter, loc, x, negative));
    return success();
  }
};

/// prelu(x, slope) = where(x > 0, x, x * slope).
struct DecomposePrelu : OpRewritePattern<PreluOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(PreluOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = op.getInput();
    Value negative = rewriter.create<MulOp>(loc, x, op.getSlope());
    rewriter.replaceOp(op, positivePart(rewriter, loc, x, negative));
    return success();
  }
};

/// hardsigmoid(x) = clamp(x * alpha + beta, 0, 1).
struct DecomposeHardsigmoid : OpRewritePattern<HardsigmoidOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(HardsigmoidOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = op.getInput();
    Value alpha = scalar(rewriter, loc, x, op.getAlpha().convertToDouble());
    Value scaled = rewriter.create<MulOp>(loc, x, alpha);
    Value beta = scalar(rewriter, loc, x, op.getBeta().convertToDouble());
    Value shifted = rewriter.create<AddOp>(loc, scaled, beta);
    rewriter.replaceOpWithNewOp<ClampOp>(op, shifted,
                                         rewriter.getF64FloatAttr(0.0),
                                         rewriter.getF64FloatAttr(1.0));
    return success();
  }
};

/// hardswish(x) = x * clamp(x + 3, 0, 6) / 6, PyTorch's order.
struct DecomposeHardswish : OpRewritePattern<HardswishOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(HardswishOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = op.getInput();
    Value three = scalar(rewriter, loc, x, 3.0);
    Value shifted = rewriter.create<AddOp>(loc, x, three);
    Value clamped = rewriter.create<ClampOp>(loc, shifted,
                                             rewriter.getF64FloatAttr(0.0),
                                             rewriter.getF64FloatAttr(6.0));
    Value product = rewriter.create<MulOp>(loc, x, clamped);
    Value six = scalar(rewriter, loc, x, 6.0);
    rewriter.replaceOpWithNewOp<DivOp>(op, product, six);
    return success();
  }
};

/// softsign(x) = x / (|x| + 1), PyTorch's order; integers divide in float32.
struct DecomposeSoftsign : OpRewritePattern<SoftsignOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(SoftsignOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = op.getInput();
    // abs rejects bool: a bool is its own absolute value.
    Value magnitude = x;
    if (!getElementType(x).isInteger(1))
      magnitude = rewriter.create<AbsOp>(loc, x);
    Value one = scalar(rewriter, loc, magnitude, 1.0);
    Value denominator = rewriter.create<AddOp>(loc, magnitude, one);
    rewriter.replaceOpWithNewOp<DivOp>(op, x, denominator);
    return success();
  }
};

/// thresholded_relu(x) = where(x <= alpha, 0, x): PyTorch's threshold, so NaN
/// stays NaN.
struct DecomposeThresholdedRelu : OpRewritePattern<ThresholdedReluOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ThresholdedReluOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = op.getInput();
    Value alpha = scalar(rewriter, loc, x, op.getAlpha().convertToDouble());
    Value atMost = rewriter.create<LeOp>(loc, x, alpha);
    Value zero = scalar(rewriter, loc, x, 0.0);
    rewriter.replaceOpWithNewOp<WhereOp>(op, atMost, zero, x);
    return success();
  }
};

/// shrink(x) = where(x < -lambd, x + bias, where(x > lambd, x - bias, 0)),
/// so NaN becomes 0 as in ONNX's formula and PyTorch's softshrink.
struct DecomposeShrink : OpRewritePattern<ShrinkOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ShrinkOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = op.getInput();
    double lambd = op.getLambd().convertToDouble();
    Value bias = scalar(rewriter, loc, x, op.getBias().convertToDouble());
    Value upper = scalar(rewriter, loc, x, lambd);
    Value above = rewriter.create<GtOp>(loc, x, upper);
    Value lowered = rewriter.create<SubOp>(loc, x, bias);
    Value zero = scalar(rewriter, loc, x, 0.0);
    Value inner = rewriter.create<WhereOp>(loc, above, lowered, zero);
    Value lower = scalar(rewriter, loc, x, -lambd);
    Value below = rewriter.create<LtOp>(loc, x, lower);
    Value raised = rewriter.create<AddOp>(loc, x, bias);
    rewriter.replaceOpWithNewOp<WhereOp>(op, below, raised, inner);
    return success();
  }
};

} // namespace

void populateDecomposeMathPatterns(RewritePatternSet &patterns) {
  patterns.add<DecomposeSelu, DecomposeCelu, DecomposeLeakyRelu,
               DecomposePrelu, DecomposeHardsigmoid, DecomposeHardswish,
               DecomposeSoftsign, DecomposeThresholdedRelu, DecomposeShrink>(
      patterns.getContext());
}

} // namespace kiln
