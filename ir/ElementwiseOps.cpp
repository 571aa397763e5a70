//===- ElementwiseOps.cpp - Element-wise ops ------------------------------===//
//
/// Inference for the element-wise ops that do not follow a shared rule, and
/// the folds: identities (x + 0, x * 1, ...), involutions (neg of neg) and
/// evaluation over small constants (arithmetic, comparisons, where), which
/// is how the ONNX importer computes the shapes an exporter derives.
//
//===----------------------------------------------------------------------===//

#include "ir/ConstantFolding.h"
#include "ir/KilnOps.h"
#include "ir/TypePromotion.h"

using namespace mlir;

namespace kiln {

//===----------------------------------------------------------------------===//
// Inference
//===----------------------------------------------------------------------===//

LogicalResult ClampOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  std::optional<APFloat> min = adaptor.getMin(), max = adaptor.getMax();
  if (!min && !max)
    return reportOpError(loc, name, "needs at least one of min and max");
  if (failed(inferUnaryElementwise(loc, name, adaptor.getInput().getType(),
                                   UnaryRule::Numeric, types)))
    return failure();
  Type element = cast<RankedTensorType>(types.back()).getElementType();
  for (std::optional<APFloat> bound : {min, max})
    if (bound && getCategory(element) != DtypeCategory::Float &&
        !bound->isInteger())
      return reportOpError(loc, name,
                           "bound " + formatNumber(bound->convertToDouble()) +
                               " of an " + getDtypeName(element) +
                               " tensor must be integral");
  return success();
}

LogicalResult WhereOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto condition =
      getStaticTensor(loc, name, adaptor.getCondition().getType(), "condition");
  auto lhs = getStaticTensor(loc, name, adaptor.getLhs().getType(), "lhs");
  auto rhs = getStaticTensor(loc, name, adaptor.getRhs().getType(), "rhs");
  if (failed(condition) || failed(lhs) || failed(rhs))
    return failure();
  auto shape = broadcastShapes(
      loc, name, {condition->getShape(), lhs->getShape(), rhs->getShape()});
  if (failed(shape))
    return failure();
  types.push_back(RankedTensorType::get(*shape, resultType({*lhs, *rhs})));
  return success();
}

LogicalResult CastOp::verify() {
  if (getInput().getType().getShape() != getType().getShape())
    return emitOpError("changes the shape from ")
           << formatShape(getInput().getType().getShape()) << " to "
           << formatShape(getType().getShape())
           << "; a cast only converts dtypes";
  return success();
}

//===----------------------------------------------------------------------===//
// Folds
//===----------------------------------------------------------------------===//

/// `value` when it can stand for the op's result: same type, no broadcast.
static OpFoldResult ifSameType(Value value, Type resultType) {
  return value.getType() == resultType ? value : nullptr;
}

static APInt selectExtreme(const APInt &a, const APInt &b, bool isUnsigned,
                           bool wantMax) {
  bool aLess = isUnsigned ? a.ult(b) : a.slt(b);
  return aLess == wantMax ? b : a;
}

OpFoldResult AbsOp::fold(FoldAdaptor adaptor) {
  return foldUnary(
      adaptor.getInput(), getType(),
      [](const APFloat &a, const APFloat &) { return abs(a); },
      [](const APInt &a, const APInt &, bool isUnsigned) {
        return isUnsigned ? a : a.abs();
      });
}

OpFoldResult CastOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult same = ifSameType(getInput(), getType()))
    return same;
  return foldCast(adaptor.getInput(), getType());
}

OpFoldResult NegOp::fold(FoldAdaptor adaptor) {
  if (auto inner = getInput().getDefiningOp<NegOp>())
    return inner.getInput();
  return foldUnary(
      adaptor.getInput(), getType(),
      [](const APFloat &a, const APFloat &) { return -a; },
      [](const APInt &a, const APInt &, bool) { return -a; });
}

OpFoldResult ReluOp::fold(FoldAdaptor) {
  // relu is idempotent.
  if (getInput().getDefiningOp<ReluOp>())
    return getInput();
  return nullptr;
}

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  if (isAdditiveIdentity(adaptor.getRhs()))
    if (OpFoldResult lhs = ifSameType(getLhs(), getType()))
      return lhs;
  return foldBinary(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](const APFloat &a, const APFloat &b) { return a + b; },
      [](const APInt &a, const APInt &b, bool) { return a + b; });
}

OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  if (isSubtractiveIdentity(adaptor.getRhs()))
    if (OpFoldResult lhs = ifSameType(getLhs(), getType()))
      return lhs;
  return foldBinary(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](const APFloat &a, const APFloat &b) { return a - b; },
      [](const APInt &a, const APInt &b, bool) { return a - b; });
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  if (isSplatOf(adaptor.getRhs(), 1))
    if (OpFoldResult lhs = ifSameType(getLhs(), getType()))
      return lhs;
  return foldBinary(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](const APFloat &a, const APFloat &b) { return a * b; },
      [](const APInt &a, const APInt &b, bool) { return a * b; });
}

OpFoldResult DivOp::fold(FoldAdaptor adaptor) {
  if (isSplatOf(adaptor.getRhs(), 1))
    if (OpFoldResult lhs = ifSameType(getLhs(), getType()))
      return lhs;
  // Only float operands reach here with the result's dtype: integer division
  // produces float32, so foldBinary declines it.
  return foldBinary(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](const APFloat &a, const APFloat &b) { return a / b; }, nullptr);
}

OpFoldResult PowOp::fold(FoldAdaptor adaptor) {
  if (isSplatOf(adaptor.getRhs(), 1))
    return ifSameType(getLhs(), getType());
  return nullptr;
}

OpFoldResult MaximumOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return ifSameType(getLhs(), getType());
  return foldBinary(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](const APFloat &a, const APFloat &b) { return llvm::maximum(a, b); },
      [](const APInt &a, const APInt &b, bool isUnsigned) {
        return selectExtreme(a, b, isUnsigned, /*wantMax=*/true);
      });
}

OpFoldResult MinimumOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return ifSameType(getLhs(), getType());
  return foldBinary(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](const APFloat &a, const APFloat &b) { return llvm::minimum(a, b); },
      [](const APInt &a, const APInt &b, bool isUnsigned) {
        return selectExtreme(a, b, isUnsigned, /*wantMax=*/false);
      });
}

OpFoldResult WhereOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    if (OpFoldResult same = ifSameType(getLhs(), getType()))
      return same;
  // A constant condition picks one side outright.
  if (isSplatOf(adaptor.getCondition(), 1))
    if (OpFoldResult lhs = ifSameType(getLhs(), getType()))
      return lhs;
  if (isSplatOf(adaptor.getCondition(), 0))
    if (OpFoldResult rhs = ifSameType(getRhs(), getType()))
      return rhs;
  return foldSelect(adaptor.getCondition(), adaptor.getLhs(), adaptor.getRhs(),
                    getType());
}

//===----------------------------------------------------------------------===//
// Comparison folds
//===----------------------------------------------------------------------===//

/// Evaluates a comparison over constants in the operands' promoted dtype,
/// as the op computes: true where the ordering of lhs to rhs is one that
/// `accepts` (NaN is unordered, which only `ne` accepts).
static Attribute
foldComparison(Operation *op, Attribute lhs, Attribute rhs,
               function_ref<bool(APFloat::cmpResult)> accepts) {
  Type compute =
      resultType({cast<RankedTensorType>(op->getOperand(0).getType()),
                  cast<RankedTensorType>(op->getOperand(1).getType())});
  return foldPredicate(
      lhs, rhs, op->getResult(0).getType(), compute,
      [&](const APFloat &a, const APFloat &b) { return accepts(a.compare(b)); },
      [&](const APInt &a, const APInt &b, bool isUnsigned) {
        bool less = isUnsigned ? a.ult(b) : a.slt(b);
        return accepts(a == b ? APFloat::cmpEqual
                       : less ? APFloat::cmpLessThan
                              : APFloat::cmpGreaterThan);
      });
}

OpFoldResult EqOp::fold(FoldAdaptor adaptor) {
  return foldComparison(
      *this, adaptor.getLhs(), adaptor.getRhs(),
      [](APFloat::cmpResult r) { return r == APFloat::cmpEqual; });
}
OpFoldResult NeOp::fold(FoldAdaptor adaptor) {
  return foldComparison(
      *this, adaptor.getLhs(), adaptor.getRhs(),
      [](APFloat::cmpResult r) { return r != APFloat::cmpEqual; });
}
OpFoldResult LtOp::fold(FoldAdaptor adaptor) {
  return foldComparison(
      *this, adaptor.getLhs(), adaptor.getRhs(),
      [](APFloat::cmpResult r) { return r == APFloat::cmpLessThan; });
}
OpFoldResult LeOp::fold(FoldAdaptor adaptor) {
  return foldComparison(
      *this, adaptor.getLhs(), adaptor.getRhs(), [](APFloat::cmpResult r) {
        return r == APFloat::cmpLessThan || r == APFloat::cmpEqual;
      });
}
OpFoldResult GtOp::fold(FoldAdaptor adaptor) {
  return foldComparison(
      *this, adaptor.getLhs(), adaptor.getRhs(),
      [](APFloat::cmpResult r) { return r == APFloat::cmpGreaterThan; });
}
OpFoldResult GeOp::fold(FoldAdaptor adaptor) {
  return foldComparison(
      *this, adaptor.getLhs(), adaptor.getRhs(), [](APFloat::cmpResult r) {
        return r == APFloat::cmpGreaterThan || r == APFloat::cmpEqual;
      });
}

} // namespace kiln
