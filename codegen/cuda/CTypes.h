//===- CTypes.h - MLIR scalar types and constants as CUDA C -----*- C++ -*-===//
//
/// The names KilnDevice.cuh gives scalar types, and constants spelled so
/// that the C compiler reads back exactly the bits MLIR holds.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_CUDA_CTYPES_H
#define KILN_CODEGEN_CUDA_CTYPES_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Types.h"

#include <optional>
#include <string>

namespace kiln::cuda {

/// The C type of an element or scalar value: float, double, bool, i8..i64
/// (`index` is i64); none for a type the emitter does not support.
std::optional<std::string> getCType(mlir::Type type);

/// The unsigned C type of an integer's bits: u8..u64 (i1 and index: u32
/// and u64).
std::string getUnsignedCType(mlir::Type type);

/// The bit width of an integer or float type, `index` counting 64.
unsigned getBitWidth(mlir::Type type);

/// A scalar constant of type `type` as a C expression.
std::string formatConstant(mlir::TypedAttr value);

} // namespace kiln::cuda

#endif // KILN_CODEGEN_CUDA_CTYPES_H
