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

/// Position in the chain bool < uint8 < int32 < int64 < float32 < float64.
/// For these six dtypes torch.promote_types is the later of the two in the
/// chain; the table only needs more (e.g. uint8 with int8 -> int16) for
/// dtypes Kiln does not have.
static int getPromotionRank(Type type) {
  if (type.isF64())
    return 5;
  if (type.isF32())
    return 4;
  if (type.isInteger(64))
    return 3;
  if (type.isInteger(32))
    return 2;
  if (type.isInteger(8))
    return 1;
  return 0;
}

Type promoteTypes(Type lhs, Type rhs) {
  if (!lhs)
    return rhs;
  if (!rhs)
    return lhs;
  return getPromotionRank(lhs) >= getPromotionRank(rhs) ? lhs : rhs;
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
  if (elementType.isUnsignedInteger(8))
    return "uint8";
  if (elementType.isInteger(32))
    return "int32";
  if (elementType.isInteger(64))
    return "int64";
  std::string name;
  llvm::raw_string_ostream os(name);
  os << elementType;
  return name;
}

} // namespace kiln
