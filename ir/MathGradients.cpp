//===- MathGradients.cpp - VJPs of the math ops ---------------------------===//
//
/// The vector-Jacobian products of the differentiable math ops, each the
/// formula of PyTorch 1.13's tools/autograd/derivatives.yaml (and the
/// backward kernels it names: softplus_backward, gelu_backward,
/// elu_backward), with the conventions of ElementwiseGradients.cpp: only
/// float operands take a gradient, a binary op's gradient is formed at the
/// result's shape and dtype and summed back to its operand. The composite
/// activations differentiate through their decompositions; rounding,
/// predicates, logical and bitwise ops carry no gradient.
//
//===----------------------------------------------------------------------===//

#include "ir/GraphBuilder.h"
#include "ir/KilnOps.h"

#include <cmath>

using namespace mlir;

namespace kiln {
namespace {

Type getElementType(Value value) {
  return cast<RankedTensorType>(value.getType()).getElementType();
}

/// Emits the kiln ops of one VJP at the op's location (as the Emitter of
/// ElementwiseGradients.cpp: an argument list builds at most one new op, so
/// the backward graph has the same order with every compiler).
class Emitter {
public:
  Emitter(OpBuilder &builder, Operation *op)
      : builder(builder), loc(op->getLoc()) {}

  /// A 0-d constant with `like`'s element type.
  Value scalar(Value like, double value) {
    return createScalar(builder, loc, getElementType(like), value);
  }

  template <typename OpTy, typename... Args> Value create(Args... operands) {
    return builder.create<OpTy>(loc, operands...);
  }
  Value add(Value a, Value b) { return create<AddOp>(a, b); }
  Value sub(Value a, Value b) { return create<SubOp>(a, b); }
  Value mul(Value a, Value b) { return create<MulOp>(a, b); }
  Value div(Value a, Value b) { return create<DivOp>(a, b); }
  Value where(Value condition, Value a, Value b) {
    return create<WhereOp>(condition, a, b);
  }
  /// 1 - x * x and x * x + 1, the terms of the inverse functions' gradients
  /// (PyTorch computes x.pow(2) as x * x).
  Value oneMinusSquare(Value x) {
    Value square = mul(x, x);
    return sub(scalar(x, 1.0), square);
  }

  /// The gradient of `operand`: `compute()`, summed back to the operand's
  /// type; or null when the operand is not a float (nothing is emitted).
  template <typename Fn> Value gradFor(Value operand, Fn compute) {
    if (!isa<FloatType>(getElementType(operand)))
      return nullptr;
    return sumToOperandType(builder, loc, compute(), operand.getType());
  }

private:
  OpBuilder &builder;
  Location loc;
};

} // namespace

//===----------------------------------------------------------------------===//
// Trigonometric, hyperbolic and error functions
//===----------------------------------------------------------------------===//

SmallVector<Value> SinOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  return {e.gradFor(getInput(), [&] {
    return e.mul(grad, e.create<CosOp>(getInput()));
  })};
}

SmallVector<Value> CosOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  // grad * -sin(x).
  return {e.gradFor(getInput(), [&] {
    Value negSin = e.create<NegOp>(e.create<SinOp>(getInput()));
    return e.mul(grad, negSin);
  })};
}

SmallVector<Value> TanOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  // grad * (1 + result^2).
  return {e.gradFor(getInput(), [&] {
    Value y = getResult();
    Value square = e.mul(y, y);
    return e.mul(grad, e.add(e.scalar(y, 1.0), square));
  })};
}

SmallVector<Value> AsinOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  // grad * (-x * x + 1).rsqrt().
  return {e.gradFor(getInput(), [&] {
    Value root = e.create<RsqrtOp>(e.oneMinusSquare(getInput()));
    return e.mul(grad, root);
  })};
}

SmallVector<Value> AcosOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  // grad * -((-x * x + 1).rsqrt()).
  return {e.gradFor(getInput(), [&] {
    Value root = e.create<RsqrtOp>(e.oneMinusSquare(getInput()));
    return e.mul(grad, e.create<NegOp>(root));
  })};
}

SmallVector<Value> AtanOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  // grad / (x * x + 1).
  return {e.gradFor(getInput(), [&] {
    Value x = getInput();
    Value square = e.mul(x, x);
    return e.div(grad, e.add(square, e.scalar(x, 1.0)));
  })};
}

SmallVector<Value> SinhOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  return {e.gradFor(getInput(), [&] {
    return e.mul(grad, e.create<CoshOp>(getInput()));
  })};
}

SmallVector<Value> CoshOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  return {e.gradFor(getInput(), [&] {
    return e.mul(grad, e.create<SinhOp>(getInput()));
  })};
}

SmallVector<Value> AsinhOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  // grad * (x^2 + 1).rsqrt().
  return {e.gradFor(getInput(), [&] {
    Value x = getInput();
    Value square = e.mul(x, x);
    Value root = e.create<RsqrtOp>(e.add(square, e.scalar(x, 1.0)));
    return e.mul(grad, root);
  })};
}

SmallVector<Value> AcoshOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  // grad * (x^2 - 1).rsqrt().
  return {e.gradFor(getInput(), [&] {
    Value x = getInput();
    Value square = e.mul(x, x);
    Value root = e.create<RsqrtOp>(e.sub(square, e.scalar(x, 1.0)));
    return e.mul(grad, root);
  })};
}

SmallVector<Value> AtanhOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  // grad * 1 / (1 - x^2).
  return {e.gradFor(getInput(), [&] {
    Value x = getInput();
    Value inverse = e.div(e.scalar(x, 1.0), e.oneMinusSquare(x));
    return e.mul(grad, inverse);
  })};
}

SmallVector<Value> ErfOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  // 2 / sqrt(pi) * exp(-x^2) * grad.
  return {e.gradFor(getInput(), [&] {
    Value x = getInput();
    Value negSquare = e.create<NegOp>(e.mul(x, x));
    Value exp = e.create<ExpOp>(negSquare);
    Value density = e.mul(e.scalar(x, M_2_SQRTPI), exp);
    return e.mul(density, grad);
  })};
}

SmallVector<Value> ReciprocalOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  // -grad * (result * result).
  return {e.gradFor(getInput(), [&] {
    Value y = getResult();
    Value square = e.mul(y, y);
    return e.mul(e.create<NegOp>(grad), square);
  })};
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

SmallVector<Value> SoftplusOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  // softplus_backward: z = exp(x * beta);
  // x * beta > threshold ? grad : grad * z / (z + 1).
  return {e.gradFor(getInput(), [&] {
    Value x = getInput();
    Value scaled = e.mul(x, e.scalar(x, getBeta().convertToDouble()));
    Value z = e.create<ExpOp>(scaled);
    Value numerator = e.mul(grad, z);
    Value smooth = e.div(numerator, e.add(z, e.scalar(z, 1.0)));
    Value linear = e.create<GtOp>(
        scaled, e.scalar(x, getThreshold().convertToDouble()));
    return e.where(linear, grad, smooth);
  })};
}

SmallVector<Value> GeluOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  Value x = getInput();
  if (getApproximate() == "tanh")
    // gelu_backward with approximate = "tanh":
    //   inner = sqrt(2 / pi) * (x + 0.044715 x^3), t = tanh(inner),
    //   grad * (0.5 (1 + t) + 0.5 x (1 - t^2) sqrt(2 / pi) (1 + 3 * 0.044715 x^2)).
    return {e.gradFor(x, [&] {
      const double beta = M_SQRT2 * M_2_SQRTPI * 0.5, kappa = 0.044715;
      Value square = e.mul(x, x);
      Value cube = e.mul(square, x);
      Value cubeTerm = e.mul(e.scalar(x, kappa), cube);
      Value sum = e.add(x, cubeTerm);
      Value inner = e.mul(e.scalar(x, beta), sum);
      Value t = e.create<TanhOp>(inner);
      Value left = e.mul(e.scalar(x, 0.5), x);
      Value right = e.add(e.scalar(x, 1.0), t);
      Value leftDerivative = e.mul(e.scalar(x, 0.5), right);
      Value tanhDerivative = e.oneMinusSquare(t);
      Value squareTerm = e.mul(e.scalar(x, 3.0 * kappa), square);
      Value onePlus = e.add(e.scalar(x, 1.0), squareTerm);
      Value innerDerivative = e.mul(e.scalar(x, beta), onePlus);
      Value rightDerivative = e.mul(tanhDerivative, innerDerivative);
      Value derivative = e.add(leftDerivative, e.mul(left, rightDerivative));
      return e.mul(grad, derivative);
    })};
  // gelu_backward: grad * (cdf + x * pdf), cdf = 0.5 (1 + erf(x / sqrt(2))),
  // pdf = exp(-x^2 / 2) / sqrt(2 pi).
  return {e.gradFor(x, [&] {
    Value erf = e.create<ErfOp>(e.mul(x, e.scalar(x, M_SQRT1_2)));
    Value onePlusErf = e.add(e.scalar(x, 1.0), erf);
    Value cdf = e.mul(e.scalar(x, 0.5), onePlusErf);
    Value square = e.mul(x, x);
    Value exponent = e.mul(e.scalar(x, -0.5), square);
    Value exp = e.create<ExpOp>(exponent);
    Value pdf = e.mul(exp, e.scalar(x, M_2_SQRTPI * M_SQRT1_2 * 0.5));
    return e.mul(grad, e.add(cdf, e.mul(x, pdf)));
  })};
}

SmallVector<Value> EluOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  // elu_backward (is_result = false): x <= 0 ? grad * alpha * exp(x) : grad.
  return {e.gradFor(getInput(), [&] {
    Value x = getInput();
    Value scaled = e.mul(grad, e.scalar(x, getAlpha().convertToDouble()));
    Value negative = e.mul(scaled, e.create<ExpOp>(x));
    Value nonPositive = e.create<LeOp>(x, e.scalar(x, 0.0));
    return e.where(nonPositive, negative, grad);
  })};
}

//===----------------------------------------------------------------------===//
// Remainders: the dividend's gradient passes; the divisor's is -grad times
// the rounded quotient (truncated for fmod, floored for remainder).
//===----------------------------------------------------------------------===//

SmallVector<Value> FmodOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  Value self = getLhs(), other = getRhs();
  // fmod: -grad * self.div(other, rounding_mode="trunc").
  return {e.gradFor(self, [&] { return grad; }),
          e.gradFor(other, [&] {
            Value quotient = e.div(self, other);
            Value negative =
                e.create<LtOp>(quotient, e.scalar(quotient, 0.0));
            Value up = e.create<CeilOp>(quotient);
            Value truncated =
                e.where(negative, up, e.create<FloorOp>(quotient));
            return e.mul(e.create<NegOp>(grad), truncated);
          })};
}

SmallVector<Value> RemainderOp::buildVJP(OpBuilder &builder, Value grad) {
  Emitter e(builder, *this);
  Value self = getLhs(), other = getRhs();
  // remainder: -grad * self.div(other, rounding_mode="floor").
  return {e.gradFor(self, [&] { return grad; }),
          e.gradFor(other, [&] {
            Value floored = e.create<FloorOp>(e.div(self, other));
            return e.mul(e.create<NegOp>(grad), floored);
          })};
}

} // namespace kiln
