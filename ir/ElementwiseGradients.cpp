//===- ElementwiseGradients.cpp - VJPs of the element-wise ops ------------===//
//
/// The vector-Jacobian products of the element-wise ops, each the formula of
/// PyTorch 1.13's tools/autograd/derivatives.yaml (and FunctionsManual.cpp),
/// including its conventions at kinks and ties. Only float operands take a
/// gradient; an integer or bool operand gets a null value. A binary op's
/// gradient is computed at the result's shape and dtype, then summed back to
/// the operand's shape and cast to its dtype (sumToOperandType), which is
/// what PyTorch's engine does with a broadcast or promoted input.
//
//===----------------------------------------------------------------------===//

#include "ir/GraphBuilder.h"
#include "ir/KilnOps.h"
#include "ir/TypePromotion.h"

using namespace mlir;

namespace kiln {
namespace {

Type getElementType(Value value) {
  return cast<RankedTensorType>(value.getType()).getElementType();
}

bool isFloat(Value value) { return isa<FloatType>(getElementType(value)); }

/// Emits the kiln ops of one VJP at the op's location, so the formulas below
/// read like derivatives.yaml. C++ leaves the order in which a call's
/// arguments are evaluated open, so an argument list builds at most one new
/// op and the backward graph comes out in the same order with every compiler.
class Emitter {
public:
  Emitter(OpBuilder &builder, Operation *op)
      : builder(builder), loc(op->getLoc()) {}

  /// A 0-d constant with `like`'s element type: it combines with `like`
  /// without changing its dtype.
  Value scalar(Value like, double value) {
    return createScalar(builder, loc, getElementType(like), value);
  }

  template <typename OpTy, typename... Args> Value create(Args... operands) {
    return builder.create<OpTy>(loc, operands...);
  }
  Value sub(Value a, Value b) { return create<SubOp>(a, b); }
  Value mul(Value a, Value b) { return create<MulOp>(a, b); }
  Value div(Value a, Value b) { return create<DivOp>(a, b); }
  Value where(Value condition, Value a, Value b) {
    return create<WhereOp>(condition, a, b);
  }
  /// `value` converted to `like`'s element type.
  Value castLike(Value value, Value like) {
    return createCast(builder, loc, value, getElementType(like));
  }

  /// The gradient of `operand`: `compute()`, formed at the result's shape and
  /// dtype, summed back to the operand's type; or null when the operand is
  /// not a float, in which case `compute` does not run and emits nothing.
  template <typename Fn> Value gradFor(Value operand, Fn compute) {
    if (!isFloat(operand))
      return nullptr;
    return sumToOperandType(builder, loc, compute(), operand.getType());
  }

private:
  OpBuilder &builder;
  Location loc;
};

/// torch.sgn of a real tensor, as PyTorch's sign kernel computes it:
/// (0 < x) - (x < 0), so sign(0) = 0 and sign(NaN) = 0.
Value sign(Emitter &e, Value x) {
  Value zero = e.scalar(x, 0.0);
  Value positive = e.castLike(e.create<LtOp>(zero, x), x);
  return e.sub(positive, e.castLike(e.create<LtOp>(x, zero), x));
}

} // namespace

//===----------------------------------------------------------------------===//
// Unary ops: the gradient has the input's type when the input is a float.
//===----------------------------------------------------------------------===//

SmallVector<Value> NegOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  return {e.gradFor(getInput(), [&] { return e.create<NegOp>(grad); })};
}

SmallVector<Value> AbsOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  return {
      e.gradFor(getInput(), [&] { return e.mul(grad, sign(e, getInput())); })};
}

SmallVector<Value> ReluOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  // threshold_backward(grad, result, 0): result <= 0 ? 0 : grad, so a NaN
  // result passes the gradient.
  return {e.gradFor(getInput(), [&] {
    Value zero = e.scalar(grad, 0.0);
    return e.where(e.create<LeOp>(getResult(), zero), zero, grad);
  })};
}

SmallVector<Value> ExpOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  return {e.gradFor(getInput(), [&] { return e.mul(grad, getResult()); })};
}

SmallVector<Value> LogOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  return {e.gradFor(getInput(), [&] { return e.div(grad, getInput()); })};
}

SmallVector<Value> SqrtOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  return {e.gradFor(getInput(), [&] {
    return e.div(grad, e.mul(e.scalar(grad, 2.0), getResult()));
  })};
}

SmallVector<Value> RsqrtOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  // -0.5 * grad * result.pow(3); PyTorch computes an integral power 3 as
  // y * y * y.
  return {e.gradFor(getInput(), [&] {
    Value y = getResult();
    Value cube = e.mul(e.mul(y, y), y);
    return e.mul(e.mul(e.scalar(grad, -0.5), grad), cube);
  })};
}

SmallVector<Value> SigmoidOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  // sigmoid_backward(grad, result): grad * (1 - y) * y.
  return {e.gradFor(getInput(), [&] {
    Value y = getResult();
    return e.mul(e.mul(grad, e.sub(e.scalar(y, 1.0), y)), y);
  })};
}

SmallVector<Value> TanhOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  // tanh_backward(grad, result): grad * (1 - y * y).
  return {e.gradFor(getInput(), [&] {
    Value y = getResult();
    Value square = e.mul(y, y);
    return e.mul(grad, e.sub(e.scalar(y, 1.0), square));
  })};
}

SmallVector<Value> ClampOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  // clamp_backward: the gradient passes where min <= x <= max (the bounds
  // themselves included), so it is zero everywhere when min > max.
  return {e.gradFor(getInput(), [&] {
    Value x = getInput();
    Value zero = e.scalar(grad, 0.0);
    Value result = grad;
    if (FloatAttr max = getMaxAttr())
      result = e.where(e.create<LeOp>(x, e.scalar(x, max.getValueAsDouble())),
                       result, zero);
    if (FloatAttr min = getMinAttr())
      result = e.where(e.create<GeOp>(x, e.scalar(x, min.getValueAsDouble())),
                       result, zero);
    return result;
  })};
}

/// _to_copy_backward: the gradient converted back to the input's dtype. Only
/// a float -> float cast carries a gradient. An integer or bool input takes
/// none (null). A cast to an integer or bool result needs no rule: its
/// result is not a float tensor, so autodiff never marks it active and never
/// asks for this VJP, and the float input upstream gets no gradient through
/// it, as in PyTorch where such a result does not require grad.
SmallVector<Value> CastOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  return {e.gradFor(getInput(), [&] { return grad; })};
}

//===----------------------------------------------------------------------===//
// Binary ops and where: each gradient is formed at the result's shape and
// summed back to its operand. The result of an op asked for its VJP is a
// float, so at least one operand is: values shared by both gradients (a
// zero, where's masks) are built once, up front, and always used.
//===----------------------------------------------------------------------===//

SmallVector<Value> AddOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  return {e.gradFor(getLhs(), [&] { return grad; }),
          e.gradFor(getRhs(), [&] { return grad; })};
}

SmallVector<Value> SubOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  return {e.gradFor(getLhs(), [&] { return grad; }),
          e.gradFor(getRhs(), [&] { return e.create<NegOp>(grad); })};
}

SmallVector<Value> MulOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  return {e.gradFor(getLhs(), [&] { return e.mul(grad, getRhs()); }),
          e.gradFor(getRhs(), [&] { return e.mul(grad, getLhs()); })};
}

SmallVector<Value> DivOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  Value self = getLhs(), other = getRhs();
  // div_tensor_self_backward: grad / other;
  // div_tensor_other_backward: -grad * ((self / other) / other).
  return {e.gradFor(self, [&] { return e.div(grad, other); }),
          e.gradFor(other, [&] {
            Value quotient = e.div(e.div(self, other), other);
            return e.mul(e.create<NegOp>(grad), quotient);
          })};
}

SmallVector<Value> PowOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  Value self = getLhs(), exponent = getRhs();
  Value zero = e.scalar(grad, 0.0);
  // pow_backward_self: where(exponent == 0, 0,
  //                          grad * exponent * self.pow(exponent - 1)).
  auto selfGrad = [&] {
    // PyTorch rejects `exponent - 1` for a bool exponent; the exponent as a
    // float gives the same (defined) gradient.
    Value base = exponent;
    if (getCategory(getElementType(exponent)) == DtypeCategory::Bool)
      base = e.castLike(exponent, grad);
    Value power = e.create<PowOp>(self, e.sub(base, e.scalar(base, 1.0)));
    Value isZero = e.create<EqOp>(exponent, e.scalar(exponent, 0.0));
    return e.where(isZero, zero, e.mul(grad, e.mul(exponent, power)));
  };
  // pow_backward_exponent: grad * where(self == 0 && exponent >= 0, 0,
  //                                     result * log(self)).
  // bool * bool is the logical and. As in PyTorch 1.13, log(self) keeps
  // self's dtype (float32 for an integer base) rather than the result's.
  auto exponentGrad = [&] {
    Value selfIsZero = e.create<EqOp>(self, e.scalar(self, 0.0));
    Value nonNegative = e.create<GeOp>(exponent, e.scalar(exponent, 0.0));
    Value logSelf = e.create<LogOp>(self);
    Value mask = e.mul(selfIsZero, nonNegative);
    Value derivative = e.where(mask, zero, e.mul(getResult(), logSelf));
    return e.mul(grad, derivative);
  };
  return {e.gradFor(self, selfGrad), e.gradFor(exponent, exponentGrad)};
}

namespace {
/// maximum and minimum: where(self == other, grad / 2, grad), then zero for
/// the operand that lost: self where `SelfLoses`, other where `OtherLoses`.
template <typename SelfLoses, typename OtherLoses>
SmallVector<Value> extremumVJP(Operation *op, OpBuilder &builder, Value grad) {
  Emitter e(builder, op);
  Value self = op->getOperand(0), other = op->getOperand(1);
  Value zero = e.scalar(grad, 0.0);
  Value tie = e.create<EqOp>(self, other);
  Value shared = e.where(tie, e.div(grad, e.scalar(grad, 2.0)), grad);
  return {e.gradFor(self,
                    [&] {
                      return e.where(e.create<SelfLoses>(self, other), zero,
                                     shared);
                    }),
          e.gradFor(other, [&] {
            return e.where(e.create<OtherLoses>(self, other), zero, shared);
          })};
}
} // namespace

SmallVector<Value> MaximumOp::buildVJP(OpBuilder &builder, Value grad) {
  return extremumVJP<LtOp, GtOp>(*this, builder, grad);
}

SmallVector<Value> MinimumOp::buildVJP(OpBuilder &builder, Value grad) {
  return extremumVJP<GtOp, LtOp>(*this, builder, grad);
}

SmallVector<Value> WhereOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  Value zero = e.scalar(grad, 0.0);
  // The condition is an index-like operand: no gradient.
  return {
      nullptr,
      e.gradFor(getLhs(), [&] { return e.where(getCondition(), grad, zero); }),
      e.gradFor(getRhs(), [&] { return e.where(getCondition(), zero, grad); })};
}

} // namespace kiln
