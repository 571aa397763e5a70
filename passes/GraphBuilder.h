//===- GraphBuilder.h - Building kiln subgraphs in rewrites -----*- C++ -*-===//
//
/// Small builders that rewrites share when they emit kiln ops: scalar
/// constants and the common reductions.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_PASSES_GRAPHBUILDER_H
#define KILN_PASSES_GRAPHBUILDER_H

#include "ir/KilnOps.h"
#include "mlir/IR/Builders.h"

namespace kiln {

/// A 0-d constant of `elementType`. Type promotion lets a 0-d operand of the
/// same category combine with a tensor without changing its dtype.
mlir::Value createScalar(mlir::OpBuilder &builder, mlir::Location loc,
                         mlir::Type elementType, double value);

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

#endif // KILN_PASSES_GRAPHBUILDER_H
