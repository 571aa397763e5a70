//===- DecomposeOptimizers.cpp - The optimizer updates in core ops --------===//
//
/// Each update becomes the element-wise ops of torch.optim's
/// `_single_tensor_*` function (PyTorch 1.13), in the same order, so every
/// intermediate rounds as torch's does. Two conventions make that hold:
/// a Python float that meets a tensor is rounded to the tensor's dtype (a
/// 0-d constant of that dtype), and torch's scalar arithmetic on the step
/// (bias corrections, Adagrad's decayed learning rate) happens in float64,
/// as Python does it, before that rounding.
//
//===----------------------------------------------------------------------===//

#include "ir/GraphBuilder.h"
#include "passes/DecomposePatterns.h"

using namespace mlir;

namespace kiln {
namespace {

/// torch's Tensor methods with scalar arguments, on tensors of one dtype.
class UpdateBuilder {
public:
  UpdateBuilder(PatternRewriter &rewriter, Location loc, Value param)
      : rewriter(rewriter), loc(loc),
        element(cast<RankedTensorType>(param.getType()).getElementType()) {}

  /// A Python float as the tensors' dtype.
  Value scalar(double value) {
    return createScalar(rewriter, loc, element, value);
  }

  /// A Python float for arithmetic on the step, in float64.
  Value f64(double value) {
    return createScalar(rewriter, loc, rewriter.getF64Type(), value);
  }

  /// A float64 scalar computed from the step, rounded to the tensors' dtype.
  Value round(Value f64Scalar) {
    return createCast(rewriter, loc, f64Scalar, element);
  }

  template <typename OpT> Value create(Value lhs, Value rhs) {
    return rewriter.create<OpT>(loc, lhs, rhs);
  }

  /// tensor.mul(s)
  Value mul(Value tensor, double s) { return create<MulOp>(tensor, scalar(s)); }

  /// self.add(other, alpha=alpha): self + alpha * other.
  Value add(Value self, Value other, double alpha = 1.0) {
    if (alpha != 1.0)
      other = create<MulOp>(scalar(alpha), other);
    return create<AddOp>(self, other);
  }

  /// self.addcmul(t1, t2, value=value): self + (value * t1) * t2.
  Value addcmul(Value self, Value t1, Value t2, double value) {
    if (value != 1.0)
      t1 = create<MulOp>(scalar(value), t1);
    return create<AddOp>(self, create<MulOp>(t1, t2));
  }

  /// self.addcdiv(t1, t2, value=value): self + (value * t1) / t2, with
  /// `value` a 0-d tensor of the dtype, or null for 1.
  Value addcdiv(Value self, Value t1, Value t2, Value value) {
    if (value)
      t1 = create<MulOp>(value, t1);
    return create<AddOp>(self, create<DivOp>(t1, t2));
  }

  Value sqrt(Value tensor) { return rewriter.create<SqrtOp>(loc, tensor); }

  /// The gradient the update uses: negated under `maximize`, then with
  /// `weight_decay * param` added when the decay is not zero.
  Value gradient(Value grad, Value param, bool maximize, double weightDecay) {
    if (maximize)
      grad = rewriter.create<NegOp>(loc, grad);
    if (weightDecay != 0)
      grad = add(grad, param, weightDecay);
    return grad;
  }

private:
  PatternRewriter &rewriter;
  Location loc;
  Type element;
};

double toDouble(const APFloat &value) { return value.convertToDouble(); }

struct DecomposeSgdUpdate : OpRewritePattern<SgdUpdateOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(SgdUpdateOp op,
                                PatternRewriter &rewriter) const override {
    UpdateBuilder b(rewriter, op.getLoc(), op.getParam());
    double momentum = toDouble(op.getMomentum());
    Value param = op.getParam();
    Value grad = b.gradient(op.getGrad(), param, op.getMaximize(),
                            toDouble(op.getWeightDecay()));
    SmallVector<Value> results;
    if (momentum != 0) {
      // torch clones the gradient into the buffer on the first step.
      Value decayed = b.add(b.mul(op.getMomentumBuffer(), momentum), grad,
                            1 - toDouble(op.getDampening()));
      Value first = b.create<EqOp>(op.getStep(), b.f64(1));
      Value buffer =
          rewriter.create<WhereOp>(op.getLoc(), first, grad, decayed);
      grad = op.getNesterov() ? b.add(grad, buffer, momentum) : buffer;
      results.push_back(buffer);
    }
    results.insert(results.begin(), b.add(param, grad, -toDouble(op.getLr())));
    rewriter.replaceOp(op, results);
    return success();
  }
};

/// Adam and AdamW; AdamW decays the param itself instead of the gradient.
template <typename OpT, bool decoupledDecay>
struct DecomposeAdamLikeUpdate : OpRewritePattern<OpT> {
  using OpRewritePattern<OpT>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpT op,
                                PatternRewriter &rewriter) const override {
    UpdateBuilder b(rewriter, op.getLoc(), op.getParam());
    double lr = toDouble(op.getLr());
    double beta1 = toDouble(op.getBeta1()), beta2 = toDouble(op.getBeta2());
    double weightDecay = toDouble(op.getWeightDecay());
    Value param = op.getParam();
    Value grad = b.gradient(op.getGrad(), param, op.getMaximize(),
                            decoupledDecay ? 0.0 : weightDecay);
    if (decoupledDecay && 1 - lr * weightDecay != 1)
      param = b.mul(param, 1 - lr * weightDecay);

    Value expAvg = b.add(b.mul(op.getExpAvg(), beta1), grad, 1 - beta1);
    Value expAvgSq =
        b.addcmul(b.mul(op.getExpAvgSq(), beta2), grad, grad, 1 - beta2);

    // Python floats: 1 - beta ** step, lr / bias_correction1, math.sqrt.
    Value step = op.getStep();
    Value correction1 =
        b.create<SubOp>(b.f64(1), b.create<PowOp>(b.f64(beta1), step));
    Value correction2 =
        b.create<SubOp>(b.f64(1), b.create<PowOp>(b.f64(beta2), step));
    Value negStepSize = rewriter.create<NegOp>(
        op.getLoc(), b.create<DivOp>(b.f64(lr), correction1));
    Value correction2Sqrt = b.round(b.sqrt(correction2));

    SmallVector<Value> results = {expAvg, expAvgSq};
    Value secondMoment = expAvgSq;
    if (op.getAmsgrad()) {
      secondMoment = b.create<MaximumOp>(op.getMaxExpAvgSq(), expAvgSq);
      results.push_back(secondMoment);
    }
    Value denom =
        b.create<AddOp>(b.create<DivOp>(b.sqrt(secondMoment), correction2Sqrt),
                        b.scalar(toDouble(op.getEps())));
    results.insert(results.begin(),
                   b.addcdiv(param, expAvg, denom, b.round(negStepSize)));
    rewriter.replaceOp(op, results);
    return success();
  }
};

struct DecomposeRmspropUpdate : OpRewritePattern<RmspropUpdateOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(RmspropUpdateOp op,
                                PatternRewriter &rewriter) const override {
    UpdateBuilder b(rewriter, op.getLoc(), op.getParam());
    double alpha = toDouble(op.getAlpha());
    double lr = toDouble(op.getLr());
    double momentum = toDouble(op.getMomentum());
    Value param = op.getParam();
    Value grad = b.gradient(op.getGrad(), param, op.getMaximize(),
                            toDouble(op.getWeightDecay()));

    Value squareAvg =
        b.addcmul(b.mul(op.getSquareAvg(), alpha), grad, grad, 1 - alpha);
    SmallVector<Value> results = {squareAvg};
    Value variance = squareAvg;
    if (op.getCentered()) {
      Value gradAvg = b.add(b.mul(op.getGradAvg(), alpha), grad, 1 - alpha);
      variance = b.addcmul(squareAvg, gradAvg, gradAvg, -1);
      results.push_back(gradAvg);
    }
    Value avg =
        b.create<AddOp>(b.sqrt(variance), b.scalar(toDouble(op.getEps())));

    if (momentum > 0) {
      Value buffer = b.addcdiv(b.mul(op.getMomentumBuffer(), momentum), grad,
                               avg, /*value=*/nullptr);
      param = b.add(param, buffer, -lr);
      results.push_back(buffer);
    } else {
      param = b.addcdiv(param, grad, avg, b.scalar(-lr));
    }
    results.insert(results.begin(), param);
    rewriter.replaceOp(op, results);
    return success();
  }
};

struct DecomposeAdagradUpdate : OpRewritePattern<AdagradUpdateOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(AdagradUpdateOp op,
                                PatternRewriter &rewriter) const override {
    UpdateBuilder b(rewriter, op.getLoc(), op.getParam());
    double lr = toDouble(op.getLr());
    double lrDecay = toDouble(op.getLrDecay());
    Value param = op.getParam();
    Value grad = b.gradient(op.getGrad(), param, op.getMaximize(),
                            toDouble(op.getWeightDecay()));

    // clr = lr / (1 + (step - 1) * lr_decay) in Python floats; without decay
    // it is exactly lr.
    Value negClr = b.scalar(-lr);
    if (lrDecay != 0) {
      Value decay = b.create<MulOp>(b.create<SubOp>(op.getStep(), b.f64(1)),
                                    b.f64(lrDecay));
      Value clr = b.create<DivOp>(b.f64(lr), b.create<AddOp>(b.f64(1), decay));
      negClr = b.round(rewriter.create<NegOp>(op.getLoc(), clr));
    }
    Value sum = b.addcmul(op.getSum(), grad, grad, 1);
    Value denom = b.create<AddOp>(b.sqrt(sum), b.scalar(toDouble(op.getEps())));
    rewriter.replaceOp(op, {b.addcdiv(param, grad, denom, negClr), sum});
    return success();
  }
};

struct DecomposeAdadeltaUpdate : OpRewritePattern<AdadeltaUpdateOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(AdadeltaUpdateOp op,
                                PatternRewriter &rewriter) const override {
    UpdateBuilder b(rewriter, op.getLoc(), op.getParam());
    double rho = toDouble(op.getRho());
    Value eps = b.scalar(toDouble(op.getEps()));
    Value param = op.getParam();
    Value grad = b.gradient(op.getGrad(), param, op.getMaximize(),
                            toDouble(op.getWeightDecay()));

    Value squareAvg =
        b.addcmul(b.mul(op.getSquareAvg(), rho), grad, grad, 1 - rho);
    Value rms = b.sqrt(b.create<AddOp>(squareAvg, eps));
    Value delta = b.create<MulOp>(
        b.create<DivOp>(b.sqrt(b.create<AddOp>(op.getAccDelta(), eps)), rms),
        grad);
    Value accDelta =
        b.addcmul(b.mul(op.getAccDelta(), rho), delta, delta, 1 - rho);
    rewriter.replaceOp(
        op, {b.add(param, delta, -toDouble(op.getLr())), squareAvg, accDelta});
    return success();
  }
};

} // namespace

void populateDecomposeOptimizerPatterns(RewritePatternSet &patterns) {
  patterns
      .add<DecomposeSgdUpdate, DecomposeAdamLikeUpdate<AdamUpdateOp, false>,
           DecomposeAdamLikeUpdate<AdamWUpdateOp, true>, DecomposeRmspropUpdate,
           DecomposeAdagradUpdate, DecomposeAdadeltaUpdate>(
          patterns.getContext());
}

} // namespace kiln
