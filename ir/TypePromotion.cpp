//===- TypePromotion.cpp - PyTorch's dtype promotion rules ----------------===//
//
/// Implements torch.promote_types and torch.result_type (the rules of
/// c10/core/ScalarType.h and ATen's TypeProperties.cpp) for the element types
/// Kiln supports.
//
//===----------------------------------------------------------------------===//

#include "ir/TypePromotion.h"

using namespace mlir;

namespace kiln {

DtypeCategory getCategory(Type elementType) {
  if (isa<FloatType>(elementType))
    return DtypeCategory::Float;
  if (elementType.isInteger(1))
    return DtypeCategory::Bool;
  return DtypeCategory::Integer;
}

/// torch.promote_types, generalized to the unsigned widths torch lacks:
/// bool is below every other type and float above every integer; two floats
/// or two integers of one signedness give the wider; a signed and an
/// unsigned integer give the signed one when it is wider, else the signed
/// integer of twice the unsigned width (uint8 with int8 is int16, as in
/// torch), capped at int64.
Type promoteTypes(Type lhs, Type rhs) {
  if (!lhs)
    return rhs;
  if (!rhs)
    return lhs;
  if (lhs == rhs || rhs.isInteger(1))
    return lhs;
  if (lhs.isInteger(1))
    return rhs;
  auto lhsFloat = dyn_cast<FloatType>(lhs), rhsFloat = dyn_cast<FloatType>(rhs);
  if (lhsFloat || rhsFloat) {
    if (lhsFloat && rhsFloat)
      return lhsFloat.getWidth() >= rhsFloat.getWidth() ? lhs : rhs;
    return lhsFloat ? lhs : rhs;
  }
  auto lhsInt = cast<IntegerType>(lhs), rhsInt = cast<IntegerType>(rhs);
  if (lhsInt.isUnsigned() == rhsInt.isUnsigned())
    return lhsInt.getWidth() >= rhsInt.getWidth() ? lhs : rhs;
  IntegerType signedInt = lhsInt.isUnsigned() ? rhsInt : lhsInt;
  IntegerType unsignedInt = lhsInt.isUnsigned() ? lhsInt : rhsInt;
  if (signedInt.getWidth() > unsignedInt.getWidth())
    return signedInt;
  return IntegerType::get(lhs.getContext(),
                          std::min(2 * unsignedInt.getWidth(), 64u));
}

Type resultType(ArrayRef<RankedTensorType> operands) {
  Type dimensioned, zeroDim;
  for (RankedTensorType type : operands) {
    Type &slot = type.getRank() == 0 ? zeroDim : dimensioned;
    slot = promoteTypes(slot, type.getElementType());
  }
  // ATen's combine_categories(dimensioned, zeroDim).
  if (!dimensioned)
    return zeroDim;
  if (!zeroDim || getCategory(dimensioned) == DtypeCategory::Float)
    return dimensioned;
  if (getCategory(dimensioned) == DtypeCategory::Bool ||
      getCategory(zeroDim) == DtypeCategory::Float)
    return promoteTypes(dimensioned, zeroDim);
  return dimensioned;
}

Type getDefaultFloatType(MLIRContext *context) {
  return Float32Type::get(context);
}

std::string getDtypeName(Type elementType) {
  if (elementType.isF32())
    return "float32";
  if (elementType.isF64())
    return "float64";
  if (elementType.isInteger(1))
    return "bool";
  if (auto integer = dyn_cast<IntegerType>(elementType))
    return (integer.isUnsigned() ? "uint" : "int") +
           std::to_string(integer.getWidth());
  std::string name;
  llvm::raw_string_ostream os(name);
  os << elementType;
  return name;
}

} // namespace kiln
