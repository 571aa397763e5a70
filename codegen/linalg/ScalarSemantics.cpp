//===- ScalarSemantics.cpp - What each pointwise op computes --------------===//
//
/// The scalar meaning of every pointwise kiln op, defined once. Values are
/// signless; `type` is the kiln element type an op computes in, whose
/// signedness picks the integer op. Float ops use `math` where it has the
/// function. Two functions are written out rather than left to `math`: the
/// pipeline lowers math.expm1 and math.log1p as exp(x) - 1 and log(1 + x),
/// which lose every digit near 0, so elu and softplus use Kahan's
/// exact-cancellation forms of them instead, and gelu takes erf and tanh
/// correctly rounded (Scalar::precise). Integer ops follow PyTorch: bool
/// addition is `or` (True + True is True), integer remainders guard the
/// divisor (by 0: NumPy's 0; INT_MIN % -1 would trap), and shifts by the
/// width or more shift every bit out.
//
//===----------------------------------------------------------------------===//

#include "codegen/linalg/ScalarSemantics.h"

#include "codegen/linalg/LoweringUtils.h"

#include "ir/KilnOps.h"
#include "ir/TypePromotion.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

#include <cmath>

using namespace mlir;

namespace kiln {
namespace {

/// Scalar arithmetic in one kiln dtype, so the formulas below read as
/// formulas. `type` is the kiln element type; values are signless.
class Scalar {
public:
  Scalar(OpBuilder &b, Location loc, Type type) : b(b), loc(loc), type(type) {}

  Value c(double value) { return createScalarConstant(b, loc, type, value); }
  Value add(Value x, Value y) { return b.create<arith::AddFOp>(loc, x, y); }
  Value sub(Value x, Value y) { return b.create<arith::SubFOp>(loc, x, y); }
  Value mul(Value x, Value y) { return b.create<arith::MulFOp>(loc, x, y); }
  Value div(Value x, Value y) { return b.create<arith::DivFOp>(loc, x, y); }
  Value cmp(arith::CmpFPredicate predicate, Value x, Value y) {
    return b.create<arith::CmpFOp>(loc, predicate, x, y);
  }
  Value select(Value condition, Value x, Value y) {
    return b.create<arith::SelectOp>(loc, condition, x, y);
  }
  template <typename OpT> Value apply(Value x) {
    return b.create<OpT>(loc, x);
  }
  /// `OpT` correctly rounded: a float32 argument goes through float64, which
  /// kiln-approximate-math leaves to libm. gelu needs it where 1 + erf(x)
  /// and 1 + tanh(x) cancel: the float32 polynomials' few-ulp error would
  /// become a large relative error there, where PyTorch's (SLEEF's) is 1 ulp.
  template <typename OpT> Value precise(Value x) {
    if (!type.isF32())
      return apply<OpT>(x);
    Value wide = b.create<arith::ExtFOp>(loc, b.getF64Type(), x);
    Value result = b.create<OpT>(loc, wide);
    return b.create<arith::TruncFOp>(loc, b.getF32Type(), result);
  }

  /// exp(x) - 1 without cancellation (Kahan): with u = exp(x),
  /// (u - 1) * x / log(u) is exact to a few ulp even where u rounds to near
  /// 1, because (u - 1) / log(u) varies slowly in u.
  Value expm1(Value x) {
    Value u = apply<math::ExpOp>(x);
    Value um1 = sub(u, c(1.0));
    Value ratio = div(mul(um1, x), apply<math::LogOp>(u));
    Value result = select(cmp(arith::CmpFPredicate::OEQ, u, c(INFINITY)), u,
                          ratio);
    result = select(cmp(arith::CmpFPredicate::OEQ, um1, c(-1.0)), c(-1.0),
                    result);
    return select(cmp(arith::CmpFPredicate::OEQ, u, c(1.0)), x, result);
  }

  /// log(1 + x) without cancellation (Kahan): with u = 1 + x,
  /// log(u) * x / (u - 1).
  Value log1p(Value x) {
    Value u = add(c(1.0), x);
    Value ratio = div(mul(apply<math::LogOp>(u), x), sub(u, c(1.0)));
    Value result = select(cmp(arith::CmpFPredicate::OEQ, u, c(INFINITY)), u,
                          ratio);
    return select(cmp(arith::CmpFPredicate::OEQ, u, c(1.0)), x, result);
  }

private:
  OpBuilder &b;
  Location loc;
  Type type;
};

/// The scalar computation of unary op `op` on a float `x` of kiln dtype
/// `type`.
Value emitFloatUnary(Operation *op, OpBuilder &b, Location loc, Type type,
                     Value x) {
  Scalar s(b, loc, type);
  if (isa<NegOp>(op))
    return b.create<arith::NegFOp>(loc, x);
  if (isa<AbsOp>(op))
    return b.create<math::AbsFOp>(loc, x);
  // torch.relu is clamp_min(x, 0), std::max(x, 0): 0 only below 0, so
  // NaN and -0.0 pass as they are (maximumf would turn -0.0 into +0.0).
  if (isa<ReluOp>(op)) {
    Value zero = createScalarConstant(b, loc, type, 0.0);
    Value negative =
        b.create<arith::CmpFOp>(loc, arith::CmpFPredicate::OLT, x, zero);
    return b.create<arith::SelectOp>(loc, negative, zero, x);
  }
  if (isa<ExpOp>(op))
    return b.create<math::ExpOp>(loc, x);
  if (isa<LogOp>(op))
    return b.create<math::LogOp>(loc, x);
  if (isa<SqrtOp>(op))
    return b.create<math::SqrtOp>(loc, x);
  if (isa<RsqrtOp>(op))
    return b.create<math::RsqrtOp>(loc, x);
  if (isa<TanhOp>(op))
    return b.create<math::TanhOp>(loc, x);
  if (isa<SigmoidOp>(op)) {
    Value one = createScalarConstant(b, loc, type, 1.0);
    Value expNeg =
        b.create<math::ExpOp>(loc, b.create<arith::NegFOp>(loc, x));
    return b.create<arith::DivFOp>(loc, one,
                                   b.create<arith::AddFOp>(loc, one, expNeg));
  }
  if (isa<SinOp>(op))
    return s.apply<math::SinOp>(x);
  if (isa<CosOp>(op))
    return s.apply<math::CosOp>(x);
  if (isa<TanOp>(op))
    return s.apply<math::TanOp>(x);
  if (isa<AsinOp>(op))
    return s.apply<math::AsinOp>(x);
  if (isa<AcosOp>(op))
    return s.apply<math::AcosOp>(x);
  if (isa<AtanOp>(op))
    return s.apply<math::AtanOp>(x);
  if (isa<SinhOp>(op))
    return s.apply<math::SinhOp>(x);
  if (isa<CoshOp>(op))
    return s.apply<math::CoshOp>(x);
  if (isa<AsinhOp>(op))
    return s.apply<math::AsinhOp>(x);
  if (isa<AcoshOp>(op))
    return s.apply<math::AcoshOp>(x);
  if (isa<AtanhOp>(op))
    return s.apply<math::AtanhOp>(x);
  if (isa<ErfOp>(op))
    return s.apply<math::ErfOp>(x);
  if (isa<ReciprocalOp>(op))
    return s.div(s.c(1.0), x);
  if (isa<FloorOp>(op))
    return s.apply<math::FloorOp>(x);
  if (isa<CeilOp>(op))
    return s.apply<math::CeilOp>(x);
  if (isa<RoundOp>(op))
    return s.apply<math::RoundEvenOp>(x);
  if (isa<SignOp>(op)) {
    // (0 < x) - (x < 0): 0 for zeros and NaN.
    Value zero = s.c(0.0);
    Value negative = s.select(s.cmp(arith::CmpFPredicate::OLT, x, zero),
                              s.c(-1.0), zero);
    return s.select(s.cmp(arith::CmpFPredicate::OGT, x, zero), s.c(1.0),
                    negative);
  }
  if (auto softplus = dyn_cast<SoftplusOp>(op)) {
    // x * beta > threshold ? x : log1p(exp(x * beta)) / beta.
    Value scaled = s.mul(x, s.c(softplus.getBeta().convertToDouble()));
    Value smooth = s.div(s.log1p(s.apply<math::ExpOp>(scaled)),
                         s.c(softplus.getBeta().convertToDouble()));
    Value linear = s.cmp(arith::CmpFPredicate::OGT, scaled,
                         s.c(softplus.getThreshold().convertToDouble()));
    return s.select(linear, x, smooth);
  }
  if (auto gelu = dyn_cast<GeluOp>(op)) {
    if (gelu.getApproximate() == "tanh") {
      // 0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3))).
      Value cube = s.mul(s.mul(x, x), x);
      Value inner = s.mul(s.c(M_SQRT2 * M_2_SQRTPI * 0.5),
                          s.add(x, s.mul(s.c(0.044715), cube)));
      Value half = s.mul(s.c(0.5), x);
      return s.mul(half, s.add(s.c(1.0), s.precise<math::TanhOp>(inner)));
    }
    // x * 0.5 * (1 + erf(x / sqrt(2))).
    Value erf = s.precise<math::ErfOp>(s.mul(x, s.c(M_SQRT1_2)));
    return s.mul(s.mul(x, s.c(0.5)), s.add(s.c(1.0), erf));
  }
  if (auto elu = dyn_cast<EluOp>(op)) {
    // x > 0 ? x : alpha * expm1(x); NaN takes the second branch and stays
    // NaN.
    Value negative = s.mul(s.expm1(x), s.c(elu.getAlpha().convertToDouble()));
    return s.select(s.cmp(arith::CmpFPredicate::OGT, x, s.c(0.0)), x,
                    negative);
  }
  if (isa<IsnanOp>(op))
    return s.cmp(arith::CmpFPredicate::UNO, x, x);
  if (auto isinf = dyn_cast<IsinfOp>(op)) {
    Value result = b.create<arith::ConstantOp>(loc, b.getBoolAttr(false));
    if (isinf.getDetectPositive())
      result = b.create<arith::OrIOp>(
          loc, result, s.cmp(arith::CmpFPredicate::OEQ, x, s.c(INFINITY)));
    if (isinf.getDetectNegative())
      result = b.create<arith::OrIOp>(
          loc, result, s.cmp(arith::CmpFPredicate::OEQ, x, s.c(-INFINITY)));
    return result;
  }
  llvm_unreachable("not a unary float op");
}

/// The scalar computation of unary op `op` on an integer or bool `x` of kiln
/// dtype `type` (the rounding ops are the identity there, logical_not reads
/// a bool).
Value emitIntegerUnary(Operation *op, OpBuilder &b, Location loc, Type type,
                       Value x) {
  if (isa<LogicalNotOp>(op))
    return b.create<arith::XOrIOp>(
        loc, x, b.create<arith::ConstantOp>(loc, b.getBoolAttr(true)));
  if (isa<FloorOp, CeilOp, RoundOp>(op))
    return x;
  if (isa<IsnanOp, IsinfOp>(op))
    return b.create<arith::ConstantOp>(loc, b.getBoolAttr(false));
  Value zero = createScalarConstant(b, loc, type, 0.0);
  if (isa<NegOp>(op))
    return b.create<arith::SubIOp>(loc, zero, x);
  if (isa<AbsOp>(op))
    return isZeroExtended(type) ? x : b.create<math::AbsIOp>(loc, x);
  if (isa<ReluOp>(op))
    return isZeroExtended(type) ? x : b.create<arith::MaxSIOp>(loc, x, zero);
  if (isa<SignOp>(op)) {
    if (isZeroExtended(type)) // bool and uint8: x != 0.
      return convertScalar(b, loc, convertScalar(b, loc, x, type,
                                                 b.getI1Type()),
                           b.getI1Type(), type);
    Value one = createScalarConstant(b, loc, type, 1.0);
    Value minusOne = b.create<arith::SubIOp>(loc, zero, one);
    Value negative = b.create<arith::SelectOp>(
        loc, b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::slt, x, zero),
        minusOne, zero);
    return b.create<arith::SelectOp>(
        loc, b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::sgt, x, zero),
        one, negative);
  }
  if (isa<BitwiseNotOp>(op)) {
    unsigned width = type.getIntOrFloatBitWidth();
    Value ones = b.create<arith::ConstantOp>(
        loc, b.getIntegerAttr(x.getType(), APInt::getAllOnes(width)));
    return b.create<arith::XOrIOp>(loc, x, ones);
  }
  llvm_unreachable("not a unary integer op");
}

/// fmod and remainder of two scalars of the kiln dtype `type`.
Value emitRemainder(bool floored, OpBuilder &b, Location loc, Type type,
                    Value x, Value y) {
  Value r, negativeDivisor, negativeRemainder, nonZero;
  if (isa<FloatType>(type)) {
    Scalar s(b, loc, type);
    r = b.create<arith::RemFOp>(loc, x, y); // C's fmod
    if (!floored)
      return r;
    Value zero = s.c(0.0);
    negativeDivisor = s.cmp(arith::CmpFPredicate::OLT, y, zero);
    negativeRemainder = s.cmp(arith::CmpFPredicate::OLT, r, zero);
    nonZero = s.cmp(arith::CmpFPredicate::ONE, r, zero);
  } else {
    Value zero = createScalarConstant(b, loc, type, 0.0);
    Value one = createScalarConstant(b, loc, type, 1.0);
    auto cmp = [&](arith::CmpIPredicate predicate, Value a, Value c) {
      return b.create<arith::CmpIOp>(loc, predicate, a, c);
    };
    if (isZeroExtended(type)) {
      // uint8: no signs to fix; a divisor of 0 becomes 1 (remainder 0).
      Value safe =
          b.create<arith::SelectOp>(loc, cmp(arith::CmpIPredicate::eq, y, zero),
                                    one, y);
      return b.create<arith::RemUIOp>(loc, x, safe);
    }
    // A divisor of 0 or -1 becomes 1: the remainder is 0 either way, and
    // neither divides by zero nor overflows INT_MIN / -1.
    Value minusOne = b.create<arith::SubIOp>(loc, zero, one);
    Value unsafe = b.create<arith::OrIOp>(
        loc, cmp(arith::CmpIPredicate::eq, y, zero),
        cmp(arith::CmpIPredicate::eq, y, minusOne));
    Value safe = b.create<arith::SelectOp>(loc, unsafe, one, y);
    r = b.create<arith::RemSIOp>(loc, x, safe);
    if (!floored)
      return r;
    negativeDivisor = cmp(arith::CmpIPredicate::slt, y, zero);
    negativeRemainder = cmp(arith::CmpIPredicate::slt, r, zero);
    nonZero = cmp(arith::CmpIPredicate::ne, r, zero);
  }
  // Python's %: a non-zero remainder whose sign differs from the divisor's
  // moves by one divisor.
  Value signsDiffer =
      b.create<arith::XOrIOp>(loc, negativeDivisor, negativeRemainder);
  Value adjust = b.create<arith::AndIOp>(loc, nonZero, signsDiffer);
  Value moved = isa<FloatType>(type)
                    ? b.create<arith::AddFOp>(loc, r, y).getResult()
                    : b.create<arith::AddIOp>(loc, r, y);
  return b.create<arith::SelectOp>(loc, adjust, moved, r);
}

/// The quotient truncated toward zero; an integer divisor of 0 gives 0 and
/// min / -1 wraps, where the hardware division would trap.
Value emitTruncatedDivision(OpBuilder &b, Location loc, Type type, Value x,
                            Value y) {
  if (isa<FloatType>(type))
    return b.create<math::TruncOp>(loc, b.create<arith::DivFOp>(loc, x, y));
  Value zero = createScalarConstant(b, loc, type, 0.0);
  Value one = createScalarConstant(b, loc, type, 1.0);
  Value byZero = b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq, y, zero);
  if (isZeroExtended(type)) {
    Value safe = b.create<arith::SelectOp>(loc, byZero, one, y);
    return b.create<arith::SelectOp>(loc, byZero, zero,
                                     b.create<arith::DivUIOp>(loc, x, safe));
  }
  // x / -1 is -x, which wraps for the minimum as negation does.
  Value minusOne = createScalarConstant(b, loc, type, -1.0);
  Value byMinusOne =
      b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq, y, minusOne);
  Value safe = b.create<arith::SelectOp>(
      loc, b.create<arith::OrIOp>(loc, byZero, byMinusOne), one, y);
  Value quotient = b.create<arith::DivSIOp>(loc, x, safe);
  Value negated = b.create<arith::SubIOp>(loc, zero, x);
  return b.create<arith::SelectOp>(
      loc, byZero, zero,
      b.create<arith::SelectOp>(loc, byMinusOne, negated, quotient));
}

/// The shifts: an amount outside [0, width) shifts every bit out (for a
/// signed right shift, all but the sign).
Value emitShift(bool left, OpBuilder &b, Location loc, Type type, Value x,
                Value amount) {
  unsigned width = type.getIntOrFloatBitWidth();
  Value widthValue = createScalarConstant(b, loc, type, width);
  Value outOfRange = b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::uge,
                                             amount, widthValue);
  Value zero = createScalarConstant(b, loc, type, 0.0);
  if (left)
    return b.create<arith::SelectOp>(
        loc, outOfRange, zero, b.create<arith::ShLIOp>(loc, x, amount));
  if (isZeroExtended(type))
    return b.create<arith::SelectOp>(
        loc, outOfRange, zero, b.create<arith::ShRUIOp>(loc, x, amount));
  Value last = createScalarConstant(b, loc, type, width - 1);
  Value clamped = b.create<arith::SelectOp>(loc, outOfRange, last, amount);
  return b.create<arith::ShRSIOp>(loc, x, clamped);
}

/// The scalar computation of binary op `op` on `x` and `y`, both converted
/// to the kiln dtype `type` (bool for the logical ops).
Value emitBinary(Operation *op, OpBuilder &b, Location loc, Type type, Value x,
                 Value y) {
  if (isa<LogicalAndOp, BitwiseAndOp>(op))
    return b.create<arith::AndIOp>(loc, x, y);
  if (isa<LogicalOrOp, BitwiseOrOp>(op))
    return b.create<arith::OrIOp>(loc, x, y);
  if (isa<LogicalXorOp, BitwiseXorOp>(op))
    return b.create<arith::XOrIOp>(loc, x, y);
  if (isa<BitwiseLeftShiftOp>(op))
    return emitShift(/*left=*/true, b, loc, type, x, y);
  if (isa<BitwiseRightShiftOp>(op))
    return emitShift(/*left=*/false, b, loc, type, x, y);
  if (isa<DivTruncOp>(op))
    return emitTruncatedDivision(b, loc, type, x, y);
  if (isa<FmodOp>(op))
    return emitRemainder(/*floored=*/false, b, loc, type, x, y);
  if (isa<RemainderOp>(op))
    return emitRemainder(/*floored=*/true, b, loc, type, x, y);
  if (isa<FloatType>(type)) {
    if (isa<AddOp>(op))
      return b.create<arith::AddFOp>(loc, x, y);
    if (isa<SubOp>(op))
      return b.create<arith::SubFOp>(loc, x, y);
    if (isa<MulOp>(op))
      return b.create<arith::MulFOp>(loc, x, y);
    if (isa<DivOp>(op))
      return b.create<arith::DivFOp>(loc, x, y);
    if (isa<PowOp>(op))
      return b.create<math::PowFOp>(loc, x, y);
    if (isa<MaximumOp>(op))
      return b.create<arith::MaximumFOp>(loc, x, y);
    if (isa<MinimumOp>(op))
      return b.create<arith::MinimumFOp>(loc, x, y);
    llvm_unreachable("not a binary arithmetic op");
  }
  bool isBool = type.isInteger(1), isUnsigned = isZeroExtended(type);
  if (isa<AddOp>(op))
    return isBool ? b.create<arith::OrIOp>(loc, x, y).getResult()
                  : b.create<arith::AddIOp>(loc, x, y);
  if (isa<SubOp>(op))
    return b.create<arith::SubIOp>(loc, x, y);
  if (isa<MulOp>(op))
    return isBool ? b.create<arith::AndIOp>(loc, x, y).getResult()
                  : b.create<arith::MulIOp>(loc, x, y);
  if (isa<PowOp>(op))
    return b.create<math::IPowIOp>(loc, x, y);
  if (isa<MaximumOp>(op))
    return isUnsigned ? b.create<arith::MaxUIOp>(loc, x, y).getResult()
                      : b.create<arith::MaxSIOp>(loc, x, y);
  if (isa<MinimumOp>(op))
    return isUnsigned ? b.create<arith::MinUIOp>(loc, x, y).getResult()
                      : b.create<arith::MinSIOp>(loc, x, y);
  llvm_unreachable("not a binary arithmetic op on integers");
}

/// The comparison `op` of two scalars of the kiln dtype `type`.
Value emitCompare(Operation *op, OpBuilder &b, Location loc, Type type, Value x,
                  Value y) {
  if (isa<FloatType>(type)) {
    // Ordered predicates, except ne: NaN != anything is true, as in C.
    arith::CmpFPredicate predicate = isa<EqOp>(op)   ? arith::CmpFPredicate::OEQ
                                     : isa<NeOp>(op) ? arith::CmpFPredicate::UNE
                                     : isa<LtOp>(op) ? arith::CmpFPredicate::OLT
                                     : isa<LeOp>(op) ? arith::CmpFPredicate::OLE
                                     : isa<GtOp>(op)
                                         ? arith::CmpFPredicate::OGT
                                         : arith::CmpFPredicate::OGE;
    return b.create<arith::CmpFOp>(loc, predicate, x, y);
  }
  bool isUnsigned = isZeroExtended(type);
  arith::CmpIPredicate predicate =
      isa<EqOp>(op)   ? arith::CmpIPredicate::eq
      : isa<NeOp>(op) ? arith::CmpIPredicate::ne
      : isa<LtOp>(op)
          ? (isUnsigned ? arith::CmpIPredicate::ult : arith::CmpIPredicate::slt)
      : isa<LeOp>(op)
          ? (isUnsigned ? arith::CmpIPredicate::ule : arith::CmpIPredicate::sle)
      : isa<GtOp>(op)
          ? (isUnsigned ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt)
          : (isUnsigned ? arith::CmpIPredicate::uge
                        : arith::CmpIPredicate::sge);
  return b.create<arith::CmpIOp>(loc, predicate, x, y);
}

Type getElementType(Value value) {
  return cast<RankedTensorType>(value.getType()).getElementType();
}

} // namespace

bool hasScalarSemantics(Operation *op) {
  return isa<
      // Element-wise arithmetic (KilnElementwiseOps.td).
      NegOp, AbsOp, ReluOp, ExpOp, LogOp, SqrtOp, RsqrtOp, SigmoidOp, TanhOp,
      AddOp, SubOp, MulOp, DivOp, PowOp, MaximumOp, MinimumOp, EqOp, NeOp,
      LtOp, LeOp, GtOp, GeOp,
      // Math functions, activations, predicates and bitwise ops
      // (KilnMathOps.td).
      SinOp, CosOp, TanOp, AsinOp, AcosOp, AtanOp, SinhOp, CoshOp, AsinhOp,
      AcoshOp, AtanhOp, ErfOp, ReciprocalOp, FloorOp, CeilOp, RoundOp, SignOp,
      SoftplusOp, GeluOp, EluOp, IsnanOp, IsinfOp, LogicalNotOp, BitwiseNotOp,
      LogicalAndOp, LogicalOrOp, LogicalXorOp, BitwiseAndOp, BitwiseOrOp,
      BitwiseXorOp, BitwiseLeftShiftOp, BitwiseRightShiftOp, DivTruncOp,
      FmodOp, RemainderOp>(op);
}

Type getScalarComputeType(Operation *op) {
  // Comparisons compute in their operands' promoted dtype.
  if (isa<EqOp, NeOp, LtOp, LeOp, GtOp, GeOp>(op))
    return resultType({cast<RankedTensorType>(op->getOperand(0).getType()),
                       cast<RankedTensorType>(op->getOperand(1).getType())});
  // The predicates read their input as it is.
  if (isa<IsnanOp, IsinfOp>(op))
    return getElementType(op->getOperand(0));
  // The rest compute in their result dtype: true division's float32 for
  // integers, each operand's truth for the logical ops.
  return getElementType(op->getResult(0));
}

Value emitScalar(OpBuilder &builder, Location loc, Operation *op,
                 Type computeType, ValueRange operands) {
  if (operands.size() == 1)
    return isa<FloatType>(computeType)
               ? emitFloatUnary(op, builder, loc, computeType, operands[0])
               : emitIntegerUnary(op, builder, loc, computeType, operands[0]);
  if (isa<EqOp, NeOp, LtOp, LeOp, GtOp, GeOp>(op))
    return emitCompare(op, builder, loc, computeType, operands[0],
                       operands[1]);
  return emitBinary(op, builder, loc, computeType, operands[0], operands[1]);
}

} // namespace kiln
