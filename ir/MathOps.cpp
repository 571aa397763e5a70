//===- MathOps.cpp - Math functions and activations -----------------------===//
//
/// Inference for prelu (a slope broadcast to the input, not a symmetric
/// broadcast) and the attribute checks of gelu and celu; the other math ops
/// follow the unary and binary element-wise rules of ShapeInference. The
/// folds evaluate the integer and rounding ops and the logical ops over
/// small constants, as the shape computations exporters emit use them.
//
//===----------------------------------------------------------------------===//

#include "ir/ConstantFolding.h"
#include "ir/KilnOps.h"
#include "ir/TypePromotion.h"

using namespace mlir;

namespace kiln {

LogicalResult PreluOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input = getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  auto slope = getStaticTensor(loc, name, adaptor.getSlope().getType(), "slope");
  if (failed(input) || failed(slope))
    return failure();
  Type element = input->getElementType();
  if (getCategory(element) != DtypeCategory::Float)
    return reportOpError(loc, name,
                         "is only defined for float tensors (input " +
                             formatShape(input->getShape()) + " " +
                             getDtypeName(element) + ")");
  if (slope->getElementType() != element)
    return reportOpError(loc, name,
                         "slope must have the input's dtype " +
                             getDtypeName(element) + ", not " +
                             getDtypeName(slope->getElementType()));
  auto shape =
      broadcastShapes(loc, name, {input->getShape(), slope->getShape()});
  if (failed(shape))
    return failure();
  if (ArrayRef<int64_t>(*shape) != input->getShape())
    return reportOpError(loc, name,
                         "slope " + formatShape(slope->getShape()) +
                             " must broadcast to the input's shape " +
                             formatShape(input->getShape()) + ", not widen it");
  types.push_back(*input);
  return success();
}

LogicalResult GeluOp::verify() {
  if (getApproximate() != "none" && getApproximate() != "tanh")
    return emitOpError("approximate must be \"none\" or \"tanh\", not \"")
           << getApproximate() << "\"";
  return success();
}

LogicalResult CeluOp::verify() {
  if (getAlpha().isZero())
    return emitOpError("alpha must not be 0");
  return success();
}

//===----------------------------------------------------------------------===//
// Folds
//===----------------------------------------------------------------------===//

OpFoldResult FloorOp::fold(FoldAdaptor adaptor) {
  return foldUnary(
      adaptor.getInput(), getType(),
      [](const APFloat &a, const APFloat &) {
        APFloat r = a;
        r.roundToIntegral(APFloat::rmTowardNegative);
        return r;
      },
      [](const APInt &a, const APInt &, bool) { return a; });
}

OpFoldResult CeilOp::fold(FoldAdaptor adaptor) {
  return foldUnary(
      adaptor.getInput(), getType(),
      [](const APFloat &a, const APFloat &) {
        APFloat r = a;
        r.roundToIntegral(APFloat::rmTowardPositive);
        return r;
      },
      [](const APInt &a, const APInt &, bool) { return a; });
}

/// C's truncated remainder of integers, with the op's conventions: a
/// remainder by 0 is 0, and by -1 it is 0 (srem would overflow for the
/// minimum).
static APInt truncatedRemainder(const APInt &a, const APInt &b,
                                bool isUnsigned) {
  if (b.isZero() || (!isUnsigned && b.isAllOnes()))
    return APInt::getZero(a.getBitWidth());
  return isUnsigned ? a.urem(b) : a.srem(b);
}

static APFloat truncatedRemainder(const APFloat &a, const APFloat &b) {
  APFloat r = a;
  r.mod(b);
  return r;
}

OpFoldResult DivTruncOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](const APFloat &a, const APFloat &b) {
        APFloat q = a;
        q.divide(b, APFloat::rmNearestTiesToEven);
        q.roundToIntegral(APFloat::rmTowardZero);
        return q;
      },
      [](const APInt &a, const APInt &b, bool isUnsigned) {
        // By 0 gives 0; the minimum by -1 wraps to the minimum.
        if (b.isZero())
          return APInt::getZero(a.getBitWidth());
        if (isUnsigned)
          return a.udiv(b);
        return b.isAllOnes() ? -a : a.sdiv(b);
      });
}

OpFoldResult FmodOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](const APFloat &a, const APFloat &b) {
        return truncatedRemainder(a, b);
      },
      [](const APInt &a, const APInt &b, bool isUnsigned) {
        return truncatedRemainder(a, b, isUnsigned);
      });
}

/// Python's remainder takes the divisor's sign: the truncated one, moved by
/// the divisor when the signs differ (ATen's formula).
OpFoldResult RemainderOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](const APFloat &a, const APFloat &b) {
        APFloat r = truncatedRemainder(a, b);
        if (!r.isZero() && !r.isNaN() && r.isNegative() != b.isNegative())
          r.add(b, APFloat::rmNearestTiesToEven);
        return r;
      },
      [](const APInt &a, const APInt &b, bool isUnsigned) {
        APInt r = truncatedRemainder(a, b, isUnsigned);
        if (!isUnsigned && !r.isZero() && r.isNegative() != b.isNegative())
          r += b;
        return r;
      });
}

OpFoldResult LogicalNotOp::fold(FoldAdaptor adaptor) {
  Type boolType = IntegerType::get(getContext(), 1);
  return foldPredicate(
      adaptor.getInput(), adaptor.getInput(), getType(), boolType, nullptr,
      [](const APInt &a, const APInt &, bool) { return a.isZero(); });
}

/// Evaluates a logical op over constants, each operand read as bool.
static Attribute foldLogical(Operation *op, Attribute lhs, Attribute rhs,
                             function_ref<bool(bool, bool)> fn) {
  Type boolType = IntegerType::get(op->getContext(), 1);
  return foldPredicate(lhs, rhs, op->getResult(0).getType(), boolType, nullptr,
                       [&](const APInt &a, const APInt &b, bool) {
                         return fn(!a.isZero(), !b.isZero());
                       });
}

OpFoldResult LogicalAndOp::fold(FoldAdaptor adaptor) {
  return foldLogical(*this, adaptor.getLhs(), adaptor.getRhs(),
                     [](bool a, bool b) { return a && b; });
}
OpFoldResult LogicalOrOp::fold(FoldAdaptor adaptor) {
  return foldLogical(*this, adaptor.getLhs(), adaptor.getRhs(),
                     [](bool a, bool b) { return a || b; });
}
OpFoldResult LogicalXorOp::fold(FoldAdaptor adaptor) {
  return foldLogical(*this, adaptor.getLhs(), adaptor.getRhs(),
                     [](bool a, bool b) { return a != b; });
}

} // namespace kiln
