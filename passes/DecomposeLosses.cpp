//===- DecomposeLosses.cpp - The losses in core ops -----------------------===//
//
/// Each loss becomes its per-element formula followed by its reduction. The
/// formulas are PyTorch 1.13's (ATen's Loss.cpp and LossNLL.cpp), including
/// its numerical safeguards: binary cross entropy clamps each log at -100,
/// the logits form uses the max-shifted log-sum-exp, kl_div treats 0 log 0
/// as 0.
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

/// Replaces a loss op with `reduction` applied to its per-element losses.
template <typename OpT>
void replaceWithReducedLoss(OpT op, Value perElement,
                            PatternRewriter &rewriter) {
  rewriter.replaceOp(op, createLossReduction(rewriter, op.getLoc(), perElement,
                                             op.getReduction()));
}

/// (input - target)^2
struct DecomposeMseLoss : OpRewritePattern<MseLossOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(MseLossOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value diff = rewriter.create<SubOp>(loc, op.getInput(), op.getTarget());
    replaceWithReducedLoss(op, rewriter.create<MulOp>(loc, diff, diff),
                           rewriter);
    return success();
  }
};

/// |input - target|
struct DecomposeL1Loss : OpRewritePattern<L1LossOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(L1LossOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value diff = rewriter.create<SubOp>(loc, op.getInput(), op.getTarget());
    replaceWithReducedLoss(op, rewriter.create<AbsOp>(loc, diff), rewriter);
    return success();
  }
};

/// d = |input - target|; d < beta ? 0.5 d^2 / beta : d - 0.5 beta.
/// beta = 0 is the L1 loss, as in PyTorch.
struct DecomposeSmoothL1Loss : OpRewritePattern<SmoothL1LossOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(SmoothL1LossOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type element = getElementType(op.getInput());
    double beta = op.getBeta().convertToDouble();
    Value diff = rewriter.create<SubOp>(loc, op.getInput(), op.getTarget());
    Value absDiff = rewriter.create<AbsOp>(loc, diff);
    if (beta == 0) {
      replaceWithReducedLoss(op, absDiff, rewriter);
      return success();
    }
    Value betaValue = createScalar(rewriter, loc, element, beta);
    Value quadratic = rewriter.create<MulOp>(
        loc, rewriter.create<MulOp>(loc, absDiff, absDiff),
        createScalar(rewriter, loc, element, 0.5 / beta));
    Value linear = rewriter.create<SubOp>(
        loc, absDiff, createScalar(rewriter, loc, element, 0.5 * beta));
    Value isSmall = rewriter.create<LtOp>(loc, absDiff, betaValue);
    replaceWithReducedLoss(
        op, rewriter.create<WhereOp>(loc, isSmall, quadratic, linear),
        rewriter);
    return success();
  }
};

/// -(target * max(log p, -100) + (1 - target) * max(log(1 - p), -100))
struct DecomposeBinaryCrossEntropy : OpRewritePattern<BinaryCrossEntropyOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BinaryCrossEntropyOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type element = getElementType(op.getInput());
    auto clampedLog = [&](Value value) -> Value {
      return rewriter.create<ClampOp>(loc, rewriter.create<LogOp>(loc, value),
                                      rewriter.getF64FloatAttr(-100.0),
                                      /*max=*/nullptr);
    };
    Value one = createScalar(rewriter, loc, element, 1.0);
    Value target = op.getTarget();
    Value logP = clampedLog(op.getInput());
    Value logOneMinusP =
        clampedLog(rewriter.create<SubOp>(loc, one, op.getInput()));
    Value positive = rewriter.create<MulOp>(loc, target, logP);
    Value negative = rewriter.create<MulOp>(
        loc, rewriter.create<SubOp>(loc, one, target), logOneMinusP);
    Value loss = rewriter.create<NegOp>(
        loc, rewriter.create<AddOp>(loc, positive, negative));
    replaceWithReducedLoss(op, loss, rewriter);
    return success();
  }
};

/// m = max(-x, 0); (1 - target) * x + m + log(exp(-m) + exp(-x - m))
struct DecomposeBinaryCrossEntropyWithLogits
    : OpRewritePattern<BinaryCrossEntropyWithLogitsOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BinaryCrossEntropyWithLogitsOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type element = getElementType(op.getInput());
    Value x = op.getInput();
    Value negX = rewriter.create<NegOp>(loc, x);
    Value shift =
        rewriter.create<ClampOp>(loc, negX, rewriter.getF64FloatAttr(0.0),
                                 /*max=*/nullptr);
    Value expNegShift =
        rewriter.create<ExpOp>(loc, rewriter.create<NegOp>(loc, shift));
    Value expShiftedNegX =
        rewriter.create<ExpOp>(loc, rewriter.create<SubOp>(loc, negX, shift));
    Value logSumExp = rewriter.create<LogOp>(
        loc, rewriter.create<AddOp>(loc, expNegShift, expShiftedNegX));
    Value oneMinusTarget = rewriter.create<SubOp>(
        loc, createScalar(rewriter, loc, element, 1.0), op.getTarget());
    Value loss = rewriter.create<AddOp>(
        loc,
        rewriter.create<AddOp>(
            loc, rewriter.create<MulOp>(loc, oneMinusTarget, x), shift),
        logSumExp);
    replaceWithReducedLoss(op, loss, rewriter);
    return success();
  }
};

/// target * (log target - input), with 0 where target is 0 (xlogy); with
/// log_target: exp(target) * (target - input).
struct DecomposeKlDiv : OpRewritePattern<KlDivOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(KlDivOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type element = getElementType(op.getInput());
    Value target = op.getTarget();
    Value loss;
    // One statement per op: the IR's order must not depend on the order a
    // compiler evaluates function arguments in.
    if (op.getLogTarget()) {
      Value difference = rewriter.create<SubOp>(loc, target, op.getInput());
      Value expTarget = rewriter.create<ExpOp>(loc, target);
      loss = rewriter.create<MulOp>(loc, expTarget, difference);
    } else {
      Value zero = createScalar(rewriter, loc, element, 0.0);
      Value logTarget = rewriter.create<LogOp>(loc, target);
      Value targetLogTarget = rewriter.create<MulOp>(loc, target, logTarget);
      Value isZero = rewriter.create<EqOp>(loc, target, zero);
      Value xLogX =
          rewriter.create<WhereOp>(loc, isZero, zero, targetLogTarget);
      Value product = rewriter.create<MulOp>(loc, target, op.getInput());
      loss = rewriter.create<SubOp>(loc, xLogX, product);
    }
    replaceWithReducedLoss(op, loss, rewriter);
    return success();
  }
};

/// The class dimension of scores [N, C, d...] (1) or [C] (0).
int64_t getClassDim(Value input) {
  return cast<RankedTensorType>(input.getType()).getRank() > 1 ? 1 : 0;
}

/// Where a class loss's target is not ignore_index.
Value createKeptMask(PatternRewriter &rewriter, Location loc, Value target,
                     int64_t ignoreIndex) {
  Value ignored =
      createScalar(rewriter, loc, getElementType(target), ignoreIndex);
  return rewriter.create<NeOp>(loc, target, ignored);
}

/// Reduces masked per-sample losses: mean divides by the number of samples
/// kept, not by all of them (PyTorch's nll_loss without class weights).
Value createMaskedReduction(PatternRewriter &rewriter, Location loc,
                            Value perSample, Value kept, Reduction reduction) {
  if (reduction != Reduction::mean)
    return createLossReduction(rewriter, loc, perSample, reduction);
  Value total = createSum(rewriter, loc, perSample, {}, /*keepdim=*/false);
  Value count =
      createSum(rewriter, loc,
                rewriter.create<CastOp>(loc,
                                        cast<RankedTensorType>(kept.getType())
                                            .clone(getElementType(perSample)),
                                        kept),
                {}, /*keepdim=*/false);
  return rewriter.create<DivOp>(loc, total, count);
}

/// `loc` tagged with the class loss `lossOp` whose target it indexes by
/// (see DecomposeNllLoss), unless already tagged.
Location getClassTargetLoc(Location loc, StringRef lossOp) {
  if (auto fused = dyn_cast<FusedLoc>(loc))
    if (auto tag = dyn_cast_or_null<StringAttr>(fused.getMetadata()))
      if (tag.getValue().starts_with("kiln."))
        return loc;
  return FusedLoc::get(loc.getContext(), {loc},
                       StringAttr::get(loc.getContext(), lossOp));
}

/// -logp[target] for kept samples, 0 for ignored ones.
struct DecomposeNllLoss : OpRewritePattern<NllLossOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(NllLossOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value target = op.getTarget();
    Type element = getElementType(op.getInput());
    int64_t classDim = getClassDim(op.getInput());
    Value kept = createKeptMask(rewriter, loc, target, op.getIgnoreIndex());
    // Ignored targets may hold any value; gather from class 0 instead.
    Value safeTarget = rewriter.create<WhereOp>(
        loc, kept, target,
        createScalar(rewriter, loc, getElementType(target), 0));
    Value index = rewriter.create<UnsqueezeOp>(loc, safeTarget, classDim);
    // The gather's location names the loss for its run-time index check
    // (codegen/linalg/IndexChecks.h): a FusedLoc whose metadata is the loss
    // op's name, cross_entropy's when it decomposed into this nll_loss.
    Value picked =
        rewriter.create<GatherOp>(getClassTargetLoc(loc, "kiln.nll_loss"),
                                  op.getInput(), index, classDim);
    Value logProb = rewriter.create<SqueezeOp>(
        loc, picked, rewriter.getDenseI64ArrayAttr({classDim}));
    Value perSample = rewriter.create<WhereOp>(
        loc, kept, rewriter.create<NegOp>(loc, logProb),
        createScalar(rewriter, loc, element, 0.0));
    rewriter.replaceOp(op, createMaskedReduction(rewriter, loc, perSample, kept,
                                                 op.getReduction()));
    return success();
  }
};

/// nll_loss(log_softmax(x)); with label smoothing eps,
/// (1 - eps) * nll + eps / C * (-sum over classes of log_softmax(x)).
struct DecomposeCrossEntropy : OpRewritePattern<CrossEntropyOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(CrossEntropyOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = op.getInput();
    Type element = getElementType(input);
    int64_t classDim = getClassDim(input);
    Value logProbs = rewriter.create<LogSoftmaxOp>(loc, input, classDim);
    Value nll = rewriter.create<NllLossOp>(
        getClassTargetLoc(loc, "kiln.cross_entropy"), logProbs, op.getTarget(),
        op.getReductionAttr(), op.getIgnoreIndexAttr());
    double smoothing = op.getLabelSmoothing().convertToDouble();
    if (smoothing == 0) {
      rewriter.replaceOp(op, nll);
      return success();
    }
    int64_t numClasses =
        cast<RankedTensorType>(input.getType()).getDimSize(classDim);
    Value kept =
        createKeptMask(rewriter, loc, op.getTarget(), op.getIgnoreIndex());
    // One statement per op, as in DecomposeKlDiv.
    Value zero = createScalar(rewriter, loc, element, 0.0);
    Value classSum = createSum(rewriter, loc, logProbs, {classDim}, false);
    Value negated = rewriter.create<NegOp>(loc, classSum);
    Value smoothPerSample =
        rewriter.create<WhereOp>(loc, kept, negated, zero);
    Value smooth = createMaskedReduction(rewriter, loc, smoothPerSample, kept,
                                         op.getReduction());
    Value smoothWeight =
        createScalar(rewriter, loc, element, smoothing / numClasses);
    Value weightedSmooth = rewriter.create<MulOp>(loc, smooth, smoothWeight);
    Value nllWeight = createScalar(rewriter, loc, element, 1.0 - smoothing);
    Value weightedNll = rewriter.create<MulOp>(loc, nll, nllWeight);
    Value loss = rewriter.create<AddOp>(loc, weightedNll, weightedSmooth);
    rewriter.replaceOp(op, loss);
    return success();
  }
};

} // namespace

void populateDecomposeLossPatterns(RewritePatternSet &patterns) {
  patterns
      .add<DecomposeMseLoss, DecomposeL1Loss, DecomposeSmoothL1Loss,
           DecomposeBinaryCrossEntropy, DecomposeBinaryCrossEntropyWithLogits,
           DecomposeKlDiv, DecomposeNllLoss, DecomposeCrossEntropy>(
          patterns.getContext());
}

} // namespace kiln
