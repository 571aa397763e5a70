//===- ConstantFolding.cpp - Folding element-wise ops over constants ------===//

#include "ir/ConstantFolding.h"
#include "ir/TypePromotion.h"

#include "mlir/IR/BuiltinTypes.h"

#include <cmath>

using namespace mlir;

namespace kiln {

bool isSplatOf(Attribute attr, double value) {
  auto dense = dyn_cast_or_null<DenseElementsAttr>(attr);
  if (!dense || !dense.isSplat())
    return false;
  Type element = dense.getElementType();
  if (isa<FloatType>(element))
    return dense.getSplatValue<APFloat>().convertToDouble() == value;
  APInt splat = dense.getSplatValue<APInt>();
  return element.isUnsignedInteger() || element.isInteger(1)
             ? static_cast<double>(splat.getZExtValue()) == value
             : static_cast<double>(splat.getSExtValue()) == value;
}

/// Whether `attr` is a splat zero; for floats, one of the given sign.
static bool isSignedZero(Attribute attr, bool negative) {
  auto dense = dyn_cast_or_null<DenseElementsAttr>(attr);
  if (!dense || !dense.isSplat())
    return false;
  if (isa<FloatType>(dense.getElementType())) {
    APFloat splat = dense.getSplatValue<APFloat>();
    return splat.isZero() && splat.isNegative() == negative;
  }
  return dense.getSplatValue<APInt>().isZero();
}

bool isAdditiveIdentity(Attribute attr) {
  return isSignedZero(attr, /*negative=*/true);
}

bool isSubtractiveIdentity(Attribute attr) {
  return isSignedZero(attr, /*negative=*/false);
}

/// `attr` as a dense constant of dtype `element`, converted as kiln.cast
/// converts (the operands of a binary op compute in its promoted dtype);
/// null when it is not a dense constant or does not convert exactly.
static DenseElementsAttr convertOperand(Attribute attr, Type element) {
  auto dense = dyn_cast_or_null<DenseElementsAttr>(attr);
  if (!dense || dense.getElementType() == element)
    return dense;
  return dyn_cast_or_null<DenseElementsAttr>(
      foldCast(dense, dense.getType().clone(element)));
}

/// The constant `attr` in `resultType`'s dtype, if the result is small
/// enough to fold.
static DenseElementsAttr getFoldableOperand(Attribute attr,
                                            RankedTensorType resultType) {
  if (resultType.getNumElements() > kMaxFoldedElements ||
      getCategory(resultType.getElementType()) == DtypeCategory::Bool)
    return nullptr;
  return convertOperand(attr, resultType.getElementType());
}

/// For each element of `resultShape`, the linear index of the element of
/// `operandShape` that broadcasting maps to it.
static SmallVector<int64_t> getBroadcastSources(ArrayRef<int64_t> operandShape,
                                                ArrayRef<int64_t> resultShape) {
  int64_t count = ShapedType::getNumElements(resultShape);
  SmallVector<int64_t> sources(count);
  size_t offset = resultShape.size() - operandShape.size();
  for (int64_t linear = 0; linear < count; ++linear) {
    int64_t remaining = linear, source = 0, stride = 1;
    for (int64_t dim = resultShape.size() - 1; dim >= 0; --dim) {
      int64_t index = remaining % resultShape[dim];
      remaining /= resultShape[dim];
      if (dim < static_cast<int64_t>(offset))
        continue;
      int64_t size = operandShape[dim - offset];
      source += (size == 1 ? 0 : index) * stride;
      stride *= size;
    }
    sources[linear] = source;
  }
  return sources;
}

/// Applies `fn` to each pair of broadcast elements of `lhs` and `rhs`
/// (read as ValueT) and builds the `resultType` constant of its results.
template <typename ValueT, typename ResultT, typename Fn>
static Attribute evaluate(DenseElementsAttr lhs, DenseElementsAttr rhs,
                          RankedTensorType resultType, Fn fn) {
  auto lhsValues = llvm::to_vector(lhs.getValues<ValueT>());
  auto rhsValues = llvm::to_vector(rhs.getValues<ValueT>());
  auto lhsSources =
      getBroadcastSources(lhs.getType().getShape(), resultType.getShape());
  auto rhsSources =
      getBroadcastSources(rhs.getType().getShape(), resultType.getShape());
  SmallVector<ResultT> results;
  results.reserve(resultType.getNumElements());
  for (auto [l, r] : llvm::zip_equal(lhsSources, rhsSources))
    results.push_back(fn(lhsValues[l], rhsValues[r]));
  return DenseElementsAttr::get(resultType, ArrayRef<ResultT>(results));
}

Attribute foldBinary(Attribute lhs, Attribute rhs, Type resultType,
                     FloatFn floatFn, IntFn intFn) {
  auto type = dyn_cast<RankedTensorType>(resultType);
  if (!type)
    return nullptr;
  DenseElementsAttr lhsDense = getFoldableOperand(lhs, type);
  DenseElementsAttr rhsDense = getFoldableOperand(rhs, type);
  if (!lhsDense || !rhsDense)
    return nullptr;
  Type element = type.getElementType();
  if (isa<FloatType>(element))
    return evaluate<APFloat, APFloat>(lhsDense, rhsDense, type, floatFn);
  if (!intFn)
    return nullptr;
  bool isUnsigned = element.isUnsignedInteger();
  return evaluate<APInt, APInt>(
      lhsDense, rhsDense, type,
      [&](const APInt &a, const APInt &b) { return intFn(a, b, isUnsigned); });
}

Attribute foldUnary(Attribute input, Type resultType, FloatFn floatFn,
                    IntFn intFn) {
  // A unary op is a binary op that ignores its second operand.
  auto floatUnary = [&](const APFloat &a, const APFloat &) {
    return floatFn(a, a);
  };
  auto intUnary = [&](const APInt &a, const APInt &, bool isUnsigned) {
    return intFn(a, a, isUnsigned);
  };
  return foldBinary(input, input, resultType, floatUnary,
                    intFn ? IntFn(intUnary) : IntFn());
}

Attribute foldPredicate(Attribute lhs, Attribute rhs, Type resultType,
                        Type computeElement, FloatPredicate floatFn,
                        IntPredicate intFn) {
  auto type = dyn_cast<RankedTensorType>(resultType);
  if (!type || type.getNumElements() > kMaxFoldedElements)
    return nullptr;
  DenseElementsAttr lhsDense = convertOperand(lhs, computeElement);
  DenseElementsAttr rhsDense = convertOperand(rhs, computeElement);
  if (!lhsDense || !rhsDense)
    return nullptr;
  if (isa<FloatType>(computeElement))
    return evaluate<APFloat, bool>(lhsDense, rhsDense, type, floatFn);
  // bool computes as the unsigned 1-bit integers false = 0 < true = 1.
  bool isUnsigned =
      computeElement.isUnsignedInteger() || computeElement.isInteger(1);
  return evaluate<APInt, bool>(
      lhsDense, rhsDense, type,
      [&](const APInt &a, const APInt &b) { return intFn(a, b, isUnsigned); });
}

Attribute foldSelect(Attribute condition, Attribute lhs, Attribute rhs,
                     Type resultType) {
  auto type = dyn_cast<RankedTensorType>(resultType);
  auto conditionDense = dyn_cast_or_null<DenseElementsAttr>(condition);
  if (!type || !conditionDense || type.getNumElements() > kMaxFoldedElements)
    return nullptr;
  DenseElementsAttr lhsDense = convertOperand(lhs, type.getElementType());
  DenseElementsAttr rhsDense = convertOperand(rhs, type.getElementType());
  if (!lhsDense || !rhsDense)
    return nullptr;
  auto conditions = llvm::to_vector(conditionDense.getValues<bool>());
  auto lhsValues = llvm::to_vector(lhsDense.getValues<Attribute>());
  auto rhsValues = llvm::to_vector(rhsDense.getValues<Attribute>());
  ArrayRef<int64_t> shape = type.getShape();
  auto conditionSources =
      getBroadcastSources(conditionDense.getType().getShape(), shape);
  auto lhsSources = getBroadcastSources(lhsDense.getType().getShape(), shape);
  auto rhsSources = getBroadcastSources(rhsDense.getType().getShape(), shape);
  SmallVector<Attribute> results;
  for (int64_t n = 0; n < type.getNumElements(); ++n)
    results.push_back(conditions[conditionSources[n]]
                          ? lhsValues[lhsSources[n]]
                          : rhsValues[rhsSources[n]]);
  return DenseElementsAttr::get(type, results);
}

int64_t getLinearIndex(ArrayRef<int64_t> index, ArrayRef<int64_t> shape) {
  int64_t linear = 0;
  for (auto [i, size] : llvm::zip_equal(index, shape))
    linear = linear * size + i;
  return linear;
}

Attribute foldDataMovement(Attribute input, Type resultType,
                           function_ref<int64_t(ArrayRef<int64_t>)> sourceOf) {
  auto dense = dyn_cast_or_null<DenseElementsAttr>(input);
  auto type = dyn_cast<RankedTensorType>(resultType);
  if (!dense || !type || type.getNumElements() > kMaxFoldedElements)
    return nullptr;
  // Attribute values keep every element type (i1 and unsigned included).
  auto values = llvm::to_vector(dense.getValues<Attribute>());
  ArrayRef<int64_t> shape = type.getShape();
  SmallVector<int64_t> index(shape.size(), 0);
  SmallVector<Attribute> results;
  results.reserve(type.getNumElements());
  for (int64_t n = 0; n < type.getNumElements(); ++n) {
    int64_t source = sourceOf(index);
    if (source < 0 || source >= static_cast<int64_t>(values.size()))
      return nullptr;
    results.push_back(values[source]);
    // Advance the multi-index in row-major order.
    for (int64_t dim = shape.size() - 1; dim >= 0; --dim) {
      if (++index[dim] < shape[dim])
        break;
      index[dim] = 0;
    }
  }
  return DenseElementsAttr::get(type, results);
}

Attribute foldCast(Attribute input, Type resultType) {
  auto dense = dyn_cast_or_null<DenseElementsAttr>(input);
  auto type = dyn_cast<RankedTensorType>(resultType);
  if (!dense || !type || type.getNumElements() > kMaxFoldedElements)
    return nullptr;
  Type from = dense.getElementType(), to = type.getElementType();
  SmallVector<Attribute> results;
  for (Attribute element : dense.getValues<Attribute>()) {
    // Through double, which holds every value shape computations use.
    double value;
    if (auto floatAttr = dyn_cast<FloatAttr>(element))
      value = floatAttr.getValueAsDouble();
    else if (from.isUnsignedInteger() || from.isInteger(1))
      value = static_cast<double>(
          cast<IntegerAttr>(element).getValue().getZExtValue());
    else
      value = static_cast<double>(
          cast<IntegerAttr>(element).getValue().getSExtValue());
    if (auto floatType = dyn_cast<FloatType>(to)) {
      results.push_back(FloatAttr::get(floatType, value));
    } else if (to.isInteger(1)) {
      results.push_back(IntegerAttr::get(to, APInt(1, value != 0)));
    } else {
      if (std::isnan(value) || std::abs(value) > 9.0e15)
        return nullptr;
      auto intType = cast<IntegerType>(to);
      APInt bits(64, static_cast<uint64_t>(static_cast<int64_t>(value)),
                 /*isSigned=*/true);
      results.push_back(
          IntegerAttr::get(to, bits.sextOrTrunc(intType.getWidth())));
    }
  }
  return DenseElementsAttr::get(type, results);
}

} // namespace kiln
