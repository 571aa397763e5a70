//===- ScalarOps.h - arith and math ops as CUDA C expressions ---*- C++ -*-===//
//
/// The mechanical translation of the scalar ops the shared lowering
/// produces (codegen/linalg/ScalarSemantics.cpp, index arithmetic) into C
/// expressions with the semantics LLVM gives them on the CPU: integers wrap
/// (computed in unsigned types, where C's signed overflow is undefined),
/// float comparisons keep their ordered/unordered meaning, and the ops C
/// has no operator for call KilnDevice.cuh's helpers.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_CUDA_SCALAROPS_H
#define KILN_CODEGEN_CUDA_SCALAROPS_H

#include "mlir/IR/Operation.h"

#include <optional>
#include <string>

namespace kiln::cuda {

/// The C expression of `op`'s one result from its operands' expressions;
/// none when `op` is not a scalar op the emitter translates.
std::optional<std::string>
translateScalarOp(mlir::Operation *op, llvm::ArrayRef<std::string> operands);

} // namespace kiln::cuda

#endif // KILN_CODEGEN_CUDA_SCALAROPS_H
