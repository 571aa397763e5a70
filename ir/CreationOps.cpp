//===- CreationOps.cpp - Constants and random tensors ---------------------===//

#include "ir/KilnOps.h"
#include "ir/TypePromotion.h"

#include <cmath>

using namespace mlir;

namespace kiln {

/// A splat of `value` in `type`'s element type.
static DenseElementsAttr getSplat(Type type, double value) {
  auto shaped = cast<ShapedType>(type);
  Type element = shaped.getElementType();
  if (auto floatType = dyn_cast<FloatType>(element))
    return DenseElementsAttr::get(shaped, FloatAttr::get(floatType, value));
  return DenseElementsAttr::get(
      shaped, IntegerAttr::get(element, static_cast<int64_t>(value)));
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }
OpFoldResult ZerosOp::fold(FoldAdaptor) { return getSplat(getType(), 0.0); }
OpFoldResult OnesOp::fold(FoldAdaptor) { return getSplat(getType(), 1.0); }

OpFoldResult FullOp::fold(FoldAdaptor) {
  return getSplat(getType(), getValue().convertToDouble());
}

LogicalResult FullOp::verify() {
  double value = getValue().convertToDouble();
  Type element = getType().getElementType();
  if (getCategory(element) == DtypeCategory::Float)
    return success();
  if (value != std::trunc(value))
    return emitOpError("value ")
           << formatNumber(value) << " is not integral, but the "
           << getDtypeName(element) << " result is";
  // The integer's range; 64-bit bounds are the largest doubles inside it.
  auto integer = cast<IntegerType>(element);
  unsigned width = integer.getWidth();
  double lowest = 0, highest = 1;
  if (width == 64)
    lowest = integer.isUnsigned() ? 0 : -0x1p63,
    highest = integer.isUnsigned() ? 0x1p64 - 2048 : 0x1p63 - 1024;
  else if (width > 1)
    lowest = integer.isUnsigned() ? 0 : -std::ldexp(1.0, width - 1),
    highest = integer.isUnsigned() ? std::ldexp(1.0, width) - 1
                                   : std::ldexp(1.0, width - 1) - 1;
  if (value < lowest || value > highest)
    return emitOpError("value ") << formatNumber(value) << " does not fit in "
                                 << getDtypeName(element);
  return success();
}

LogicalResult ArangeOp::verify() {
  double start = getStart().convertToDouble();
  double end = getEnd().convertToDouble();
  double step = getStep().convertToDouble();
  if (getType().getElementType().isInteger(1))
    return emitOpError("cannot produce a bool tensor, as torch.arange cannot");
  if (!std::isfinite(start) || !std::isfinite(end) || !std::isfinite(step))
    return emitOpError("start, end and step must be finite");
  if (step == 0)
    return emitOpError("step must be non-zero");
  if ((end - start) * step < 0)
    return emitOpError("step ")
           << formatNumber(step) << " cannot go from " << formatNumber(start)
           << " to " << formatNumber(end);
  double exactLength = std::ceil((end - start) / step);
  // Beyond 2^53 elements the length is not even representable exactly.
  if (exactLength > 0x1p53)
    return emitOpError("from ")
           << formatNumber(start) << " to " << formatNumber(end) << " by "
           << formatNumber(step) << " has too many elements";
  auto length = static_cast<int64_t>(exactLength);
  if (getType().getShape() != ArrayRef<int64_t>{length})
    return emitOpError("from ")
           << formatNumber(start) << " to " << formatNumber(end) << " by "
           << formatNumber(step) << " has " << length
           << " elements, so the result must be " << formatShape({length})
           << ", got " << formatShape(getType().getShape());
  return success();
}

} // namespace kiln
