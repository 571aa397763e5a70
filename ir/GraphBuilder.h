//===- GraphBuilder.h - Building kiln subgraphs in rewrites -----*- C++ -*-===//
//
/// Small builders that rewrites and vector-Jacobian products share when they
/// emit kiln ops: scalar constants, casts, the common reductions, and the
/// reduction of a broadcast gradient back to its operand.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_IR_GRAPHBUILDER_H
#define KILN_IR_GRAPHBUILDER_H

#include "ir/KilnOps.h"
#include "mlir/IR/Builders.h"

namespace kiln {

/// A 0-d constant of `elementType`. Type promotion lets a 0-d operand of the
/// same category combine with a tensor without changing its dtype.
mlir::Value createScalar(mlir::OpBuilder &builder, mlir::Location loc,
                         mlir::Type elementType, double value);

/// `input` converted to `elementType` with kiln.cast, or `input` itself when
/// it already has that element type.
mlir::Value createCast(mlir::OpBuilder &builder, mlir::Location loc,
                       mlir::Value input, mlir::Type elementType);

/// `input` reshaped to `shape` with kiln.reshape, or `input` itself when it
/// already has that shape.
mlir::Value createReshape(mlir::OpBuilder &builder, mlir::Location loc,
                          mlir::Value input, llvm::ArrayRef<int64_t> shape);

/// `value` padded with zeros by kiln.pad's `pads` (every dim's begin pad,
/// then every dim's end pad).
mlir::Value createZeroPad(mlir::OpBuilder &builder, mlir::Location loc,
                          mlir::Value value, llvm::ArrayRef<int64_t> pads);

/// The gradient of an operand that was broadcast and promoted into a result
/// whose gradient is `grad`: `grad` summed over the dims the broadcast added
/// or expanded from 1, reshaped to `operandType`'s shape and cast to its
/// element type (torch's sum_to followed by the dtype conversion).
mlir::Value sumToOperandType(mlir::OpBuilder &builder, mlir::Location loc,
                             mlir::Value grad, mlir::Type operandType);

/// kiln.sum over `dims` (every dimension when empty).
mlir::Value createSum(mlir::OpBuilder &builder, mlir::Location loc,
                      mlir::Value input, llvm::ArrayRef<int64_t> dims,
                      bool keepdim);

/// kiln.sum over `dims` divided by the number of elements summed.
mlir::Value createMean(mlir::OpBuilder &builder, mlir::Location loc,
                       mlir::Value input,
                       std::optional<llvm::ArrayRef<int64_t>> dims,
                       bool keepdim);

/// Applies a loss reduction to per-element losses.
mlir::Value createLossReduction(mlir::OpBuilder &builder, mlir::Location loc,
                                mlir::Value perElement, Reduction reduction);

} // namespace kiln

#endif // KILN_IR_GRAPHBUILDER_H
