//===- DecomposeConv.cpp - Normalizations and dropout ---------------------===//
//
/// batch_norm, layer_norm, group_norm, instance_norm and dropout in core
/// ops, so that their gradients come from the decomposition. Every norm
/// computes the mean, the centered input and its biased variance (mean of
/// squares of the centered values, as PyTorch's kernels do, rather than
/// E[x^2] - E[x]^2), then scales by rsqrt(var + eps).
//
//===----------------------------------------------------------------------===//

#include "passes/DecomposePatterns.h"
#include "ir/GraphBuilder.h"

using namespace mlir;

namespace kiln {
namespace {

ArrayRef<int64_t> shapeOf(Value value) {
  return cast<RankedTensorType>(value.getType()).getShape();
}

Type elementOf(Value value) {
  return cast<RankedTensorType>(value.getType()).getElementType();
}

/// The mean of `input` over `dims` (kept), the centered input and its
/// biased variance over the same dims (kept).
struct Moments {
  Value mean, centered, var;
};

Moments createMoments(OpBuilder &builder, Location loc, Value input,
                      ArrayRef<int64_t> dims) {
  Value mean = createMean(builder, loc, input, dims, /*keepdim=*/true);
  Value centered = builder.create<SubOp>(loc, input, mean);
  Value squares = builder.create<MulOp>(loc, centered, centered);
  Value var = createMean(builder, loc, squares, dims, /*keepdim=*/true);
  return {mean, centered, var};
}

Value createInvStd(OpBuilder &builder, Location loc, Value var, double eps) {
  return builder.create<RsqrtOp>(
      loc, builder.create<AddOp>(
               loc, var, createScalar(builder, loc, elementOf(var), eps)));
}

/// A [C] tensor as [1, C, 1, ...] of rank `rank`, to broadcast over
/// [N, C, ...].
Value perChannel(OpBuilder &builder, Location loc, Value value, int64_t rank) {
  SmallVector<int64_t> shape(rank, 1);
  shape[1] = shapeOf(value)[0];
  return createReshape(builder, loc, value, shape);
}

/// x * weight + bias, each optional, with `reshape` bringing them to a shape
/// that broadcasts against x.
Value createAffine(OpBuilder &builder, Location loc, Value x, Value weight,
                   Value bias, function_ref<Value(Value)> reshape) {
  if (weight)
    x = builder.create<MulOp>(loc, x, reshape(weight));
  if (bias)
    x = builder.create<AddOp>(loc, x, reshape(bias));
  return x;
}

SmallVector<int64_t> range(int64_t begin, int64_t end) {
  return llvm::to_vector(llvm::seq<int64_t>(begin, end));
}

struct DecomposeBatchNorm : OpRewritePattern<BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BatchNormOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = op.getInput();
    ArrayRef<int64_t> shape = shapeOf(x);
    int64_t rank = shape.size();
    Type element = elementOf(x);
    double eps = op.getEps().convertToDouble();
    auto channel = [&](Value v) { return perChannel(rewriter, loc, v, rank); };
    if (!op.getTraining()) {
      Value centered =
          rewriter.create<SubOp>(loc, x, channel(op.getRunningMean()));
      Value invStd =
          createInvStd(rewriter, loc, channel(op.getRunningVar()), eps);
      Value y = createAffine(rewriter, loc,
                             rewriter.create<MulOp>(loc, centered, invStd),
                             op.getWeight(), op.getBias(), channel);
      rewriter.replaceOp(op, {y, op.getRunningMean(), op.getRunningVar()});
      return success();
    }
    SmallVector<int64_t> dims = {0};
    dims.append(range(2, rank));
    Moments moments = createMoments(rewriter, loc, x, dims);
    Value invStd = createInvStd(rewriter, loc, moments.var, eps);
    Value y = createAffine(rewriter, loc,
                           rewriter.create<MulOp>(loc, moments.centered, invStd),
                           op.getWeight(), op.getBias(), channel);
    // Running statistics: (1 - momentum) * running + momentum * batch, the
    // batch variance unbiased.
    int64_t count = ShapedType::getNumElements(shape) / shape[1];
    double momentum = op.getMomentum().convertToDouble();
    auto update = [&](Value running, Value batch, double correction) {
      Value flat = createReshape(rewriter, loc, batch, {shape[1]});
      Value kept = rewriter.create<MulOp>(
          loc, running, createScalar(rewriter, loc, element, 1.0 - momentum));
      Value added = rewriter.create<MulOp>(
          loc, flat,
          createScalar(rewriter, loc, element, momentum * correction));
      return rewriter.create<AddOp>(loc, kept, added).getResult();
    };
    Value mean = update(op.getRunningMean(), moments.mean, 1.0);
    Value var = update(op.getRunningVar(), moments.var,
                       double(count) / double(count - 1));
    rewriter.replaceOp(op, {y, mean, var});
    return success();
  }
};

struct DecomposeLayerNorm : OpRewritePattern<LayerNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(LayerNormOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = op.getInput();
    int64_t rank = shapeOf(x).size();
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + rank : op.getAxis();
    Moments moments = createMoments(rewriter, loc, x, range(axis, rank));
    Value invStd =
        createInvStd(rewriter, loc, moments.var, op.getEps().convertToDouble());
    Value y = createAffine(rewriter, loc,
                           rewriter.create<MulOp>(loc, moments.centered, invStd),
                           op.getWeight(), op.getBias(),
                           [](Value v) { return v; });
    rewriter.replaceOp(op, {y, moments.mean, invStd});
    return success();
  }
};

/// Normalizes each of `groups` channel groups of each sample over its
/// channels and spatial dims, then applies the per-channel affine.
Value createGroupNorm(OpBuilder &builder, Location loc, Value x,
                      int64_t groups, Value weight, Value bias, double eps) {
  ArrayRef<int64_t> shape = shapeOf(x);
  int64_t rank = shape.size();
  int64_t perGroup = ShapedType::getNumElements(shape) / shape[0] / groups;
  Value grouped = createReshape(builder, loc, x, {shape[0], groups, perGroup});
  Moments moments = createMoments(builder, loc, grouped, {2});
  Value normalized = builder.create<MulOp>(
      loc, moments.centered, createInvStd(builder, loc, moments.var, eps));
  normalized = createReshape(builder, loc, normalized, shape);
  return createAffine(builder, loc, normalized, weight, bias, [&](Value v) {
    return perChannel(builder, loc, v, rank);
  });
}

struct DecomposeGroupNorm : OpRewritePattern<GroupNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(GroupNormOp op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, createGroupNorm(rewriter, op.getLoc(),
                                           op.getInput(), op.getNumGroups(),
                                           op.getWeight(), op.getBias(),
                                           op.getEps().convertToDouble()));
    return success();
  }
};

struct DecomposeInstanceNorm : OpRewritePattern<InstanceNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(InstanceNormOp op,
                                PatternRewriter &rewriter) const override {
    Value x = op.getInput();
    rewriter.replaceOp(op, createGroupNorm(rewriter, op.getLoc(), x,
                                           shapeOf(x)[1], op.getWeight(),
                                           op.getBias(),
                                           op.getEps().convertToDouble()));
    return success();
  }
};

/// dropout in training: x * (rand >= p) / (1 - p), the draw advancing the
/// generator; otherwise x, the generator untouched.
struct DecomposeDropout : OpRewritePattern<DropoutOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DropoutOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = op.getInput();
    double p = op.getP().convertToDouble();
    if (!op.getTraining() || p == 0.0) {
      rewriter.replaceOp(op, {x, op.getGenerator()});
      return success();
    }
    Type element = elementOf(x);
    auto draw = rewriter.create<RandOp>(loc, x.getType(),
                                        op.getGenerator().getType(),
                                        op.getGenerator());
    Value keep = rewriter.create<GeOp>(loc, draw.getResult(),
                                       createScalar(rewriter, loc, element, p));
    Value mask = createCast(rewriter, loc, keep, element);
    double scale = p < 1.0 ? 1.0 / (1.0 - p) : 0.0;
    Value y = rewriter.create<MulOp>(
        loc, rewriter.create<MulOp>(loc, x, mask),
        createScalar(rewriter, loc, element, scale));
    rewriter.replaceOp(op, {y, draw.getNext()});
    return success();
  }
};

} // namespace

void populateDecomposeConvPatterns(RewritePatternSet &patterns) {
  patterns.add<DecomposeBatchNorm, DecomposeLayerNorm, DecomposeGroupNorm,
               DecomposeInstanceNorm, DecomposeDropout>(patterns.getContext());
}

} // namespace kiln
