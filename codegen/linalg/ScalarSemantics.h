//===- ScalarSemantics.h - What each pointwise op computes ------*- C++ -*-===//
//
/// The one definition of each pointwise kiln op's scalar meaning (the
/// element-wise arithmetic, comparisons, math functions, activations,
/// predicates, logical and bitwise ops): the dtype it computes in and the
/// `arith`/`math` ops that compute one result element from its operands'
/// elements. Every lowering of a pointwise op reads it: the `linalg.generic`
/// bodies of kiln-lower-to-linalg, and through them each target's code for
/// fused regions. Adding a pointwise op means adding it here.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_LINALG_SCALARSEMANTICS_H
#define KILN_CODEGEN_LINALG_SCALARSEMANTICS_H

#include "mlir/IR/Builders.h"

namespace kiln {

/// Whether `op` is a pointwise op this table defines.
bool hasScalarSemantics(mlir::Operation *op);

/// The kiln element type `op` computes in: its result's, except the
/// comparisons (their operands' promoted dtype) and isnan/isinf (their
/// input's). Operands are converted to it with PyTorch's casts first.
mlir::Type getScalarComputeType(mlir::Operation *op);

/// One result element of `op` from `operands`, one signless element per
/// operand already converted to `computeType`.
mlir::Value emitScalar(mlir::OpBuilder &builder, mlir::Location loc,
                       mlir::Operation *op, mlir::Type computeType,
                       mlir::ValueRange operands);

} // namespace kiln

#endif // KILN_CODEGEN_LINALG_SCALARSEMANTICS_H
