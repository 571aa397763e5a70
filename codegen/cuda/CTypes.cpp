//===- CTypes.cpp - MLIR scalar types and constants as CUDA C -------------===//

#include "codegen/cuda/CTypes.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/StringExtras.h"

#include <cstdint>
#include <cstdio>

using namespace mlir;

namespace kiln::cuda {

unsigned getBitWidth(Type type) {
  return type.isIndex() ? 64 : type.getIntOrFloatBitWidth();
}

std::optional<std::string> getCType(Type type) {
  if (type.isF32())
    return "float";
  if (type.isF64())
    return "double";
  if (type.isIndex())
    return "i64";
  if (auto integer = dyn_cast<IntegerType>(type)) {
    switch (integer.getWidth()) {
    case 1:
      return "bool";
    case 8:
    case 16:
    case 32:
    case 64:
      return "i" + std::to_string(integer.getWidth());
    }
  }
  return std::nullopt;
}

std::string getUnsignedCType(Type type) {
  unsigned width = getBitWidth(type);
  return width == 1 ? "u32" : "u" + std::to_string(width);
}

std::string formatConstant(TypedAttr value) {
  Type type = value.getType();
  if (auto flt = dyn_cast<FloatAttr>(value)) {
    const APFloat &number = flt.getValue();
    bool isF32 = type.isF32();
    APInt bits = number.bitcastToAPInt();
    if (!number.isFinite())
      return (isF32 ? "kiln_f32_from_bits(0x" : "kiln_f64_from_bits(0x") +
             llvm::utohexstr(bits.getZExtValue(), /*LowerCase=*/true) +
             (isF32 ? "u)" : "ull)");
    // Hexadecimal: exact, whatever the value.
    char text[64];
    double asDouble = isF32 ? number.convertToFloat() : number.convertToDouble();
    std::snprintf(text, sizeof text, "%a%s", asDouble, isF32 ? "f" : "");
    return text;
  }
  auto integer = cast<IntegerAttr>(value);
  if (type.isInteger(1))
    return integer.getValue().isZero() ? "false" : "true";
  int64_t number = integer.getValue().getSExtValue();
  // Indices are i64 arithmetic already; a literal too large for an int is
  // a long long by C's rules.
  if (type.isIndex() && number != INT64_MIN)
    return std::to_string(number);
  std::string cType = *getCType(type);
  // The most negative i64 has no literal: its magnitude overflows.
  if (number == INT64_MIN)
    return "((i64)(-9223372036854775807LL - 1))";
  return "((" + cType + ")" + std::to_string(number) + "LL)";
}

} // namespace kiln::cuda
