//===- IndexingOps.h - Rules the indexing composites share ------*- C++ -*-===//
//
/// What the inference of kiln.einsum and kiln.resize works out and their
/// decompositions (passes/DecomposeIndexing.cpp) reuse: the parsed einsum
/// equation, and the per-dimension plan and coordinate mapping of a resize.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_IR_INDEXINGOPS_H
#define KILN_IR_INDEXINGOPS_H

#include "ir/ShapeInference.h"

#include "llvm/ADT/DenseMap.h"

namespace kiln {

/// An einsum equation with its ellipses expanded: each operand's labels in
/// dimension order and the output's. Letters are their character code; the
/// dimensions an ellipsis stands for are labels 256 + i, right-aligned
/// across operands so that they broadcast.
struct EinsumSpec {
  llvm::SmallVector<llvm::SmallVector<int64_t>> inputs;
  llvm::SmallVector<int64_t> output;
  /// The size of each label (the broadcast size for ellipsis labels).
  llvm::DenseMap<int64_t, int64_t> sizes;
};

/// Parses and checks `equation` against the operands' shapes.
mlir::FailureOr<EinsumSpec>
parseEinsum(OptionalLoc loc, llvm::StringRef opName, llvm::StringRef equation,
            llvm::ArrayRef<llvm::ArrayRef<int64_t>> shapes);

/// One dimension of a resize: its sizes and the scale the coordinate
/// mapping divides by.
struct ResizeDim {
  int64_t in, out;
  double scale;
};

/// Checks a resize's attributes against the input's shape and gives each
/// dimension's plan.
mlir::FailureOr<llvm::SmallVector<ResizeDim>>
getResizeDims(OptionalLoc loc, llvm::StringRef opName,
              llvm::ArrayRef<int64_t> shape,
              std::optional<llvm::ArrayRef<int64_t>> sizes,
              std::optional<llvm::ArrayRef<double>> scales,
              llvm::StringRef mode, llvm::StringRef coordinateMode,
              llvm::StringRef nearestMode);

/// The input coordinate output coordinate `x` maps to (ONNX Resize's
/// coordinate_transformation_mode), before any clamping.
double getResizeSourceCoordinate(llvm::StringRef coordinateMode, int64_t x,
                                 const ResizeDim &dim);

/// The input index `nearest` reads for source coordinate `coordinate`,
/// rounded by `nearestMode` and clamped to the input.
int64_t getResizeNearestIndex(llvm::StringRef nearestMode, double coordinate,
                              int64_t size);

} // namespace kiln

#endif // KILN_IR_INDEXINGOPS_H
