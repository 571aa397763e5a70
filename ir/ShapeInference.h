//===- ShapeInference.h - Result types of kiln ops --------------*- C++ -*-===//
//
/// The shape and dtype rules that several op families share, written once:
/// broadcasting, dimension normalization, and the result-type rules of the
/// element-wise, reduction and loss op classes. Each reports a failure as a
/// diagnostic at the op's location that names the op and the shapes.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_IR_SHAPEINFERENCE_H
#define KILN_IR_SHAPEINFERENCE_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include <optional>

namespace kiln {

enum class Reduction : uint32_t;

using OptionalLoc = std::optional<mlir::Location>;

/// Formats a shape as PyTorch prints a size: [2, 3].
std::string formatShape(llvm::ArrayRef<int64_t> shape);

/// Formats a number for a message as C's %g does: 1.5, -1, 1e+20.
std::string formatNumber(double value);

/// Emits "'<opName>' op <message>" at `loc` (when there is one) and fails.
mlir::LogicalResult reportOpError(OptionalLoc loc, llvm::StringRef opName,
                                  const llvm::Twine &message);

/// Returns `type` as a statically shaped ranked tensor, or reports `role`
/// (e.g. "input") as not being one.
mlir::FailureOr<mlir::RankedTensorType> getStaticTensor(OptionalLoc loc,
                                                        llvm::StringRef opName,
                                                        mlir::Type type,
                                                        llvm::StringRef role);

/// Maps a PyTorch dimension index in [-rank, rank) to [0, rank). A 0-d
/// tensor accepts 0 and -1, as PyTorch does.
mlir::FailureOr<int64_t> normalizeDim(OptionalLoc loc, llvm::StringRef opName,
                                      int64_t dim, int64_t rank);

/// The NumPy broadcast of `shapes`, or an error naming both shapes that clash.
mlir::FailureOr<llvm::SmallVector<int64_t>>
broadcastShapes(OptionalLoc loc, llvm::StringRef opName,
                llvm::ArrayRef<llvm::ArrayRef<int64_t>> shapes);

/// How an element-wise unary op's dtype follows its input's.
enum class UnaryRule {
  Numeric, ///< same dtype; bool is rejected (torch.neg, torch.abs, relu)
  ToFloat, ///< floats keep their dtype, integers become float32 (torch.exp)
  FloatOnly, ///< float inputs only, same dtype (torch.nn.functional.elu)
  Same,      ///< any dtype, kept (torch.sign)
  Predicate, ///< any dtype, a bool result (torch.isnan, logical_not)
  Integral,  ///< integers and bool only, same dtype (torch.bitwise_not)
};

/// How an element-wise binary op's dtype follows its operands'.
enum class BinaryRule {
  Promote,        ///< torch.result_type of the operands
  Subtract,       ///< the same, but no operand may be bool (torch.sub)
  NumericResult,  ///< the same, but the result may not be bool (torch.pow)
  PromoteToFloat, ///< the same, but integers become float32 (true division)
  Compare,        ///< always bool
  Bitwise,        ///< torch.result_type, integers and bool only (bitwise_and)
  Shift,          ///< torch.result_type, integers only (bitwise_left_shift)
};

/// How a reduction's dtype follows its input's.
enum class ReductionRule {
  Accumulate, ///< bool and integers accumulate in int64 (torch.sum, prod)
  FloatOnly,  ///< floating-point inputs only (torch.mean)
  Same,       ///< the input's dtype (amax, amin, argmax, argmin); no
              ///< identity, so an empty reduced dim is an error
};

/// Whether a loss's input and target broadcast or must have one shape.
enum class LossShape { Broadcast, Same };

mlir::LogicalResult
inferUnaryElementwise(OptionalLoc loc, llvm::StringRef opName, mlir::Type input,
                      UnaryRule rule,
                      llvm::SmallVectorImpl<mlir::Type> &resultTypes);

mlir::LogicalResult
inferBinaryElementwise(OptionalLoc loc, llvm::StringRef opName, mlir::Type lhs,
                       mlir::Type rhs, BinaryRule rule,
                       llvm::SmallVectorImpl<mlir::Type> &resultTypes);

/// Normalizes a reduction's dimension list (every dimension when absent or
/// empty, as in PyTorch),
/// rejecting duplicates; the result is sorted.
mlir::FailureOr<llvm::SmallVector<int64_t>>
getReducedDims(OptionalLoc loc, llvm::StringRef opName,
               std::optional<llvm::ArrayRef<int64_t>> dims, int64_t rank);

mlir::LogicalResult
inferReduction(OptionalLoc loc, llvm::StringRef opName, mlir::Type input,
               std::optional<llvm::ArrayRef<int64_t>> dims, bool keepdim,
               ReductionRule rule,
               llvm::SmallVectorImpl<mlir::Type> &resultTypes);

/// Ops such as softmax that keep the input's type and take one dimension.
mlir::LogicalResult
inferAlongDim(OptionalLoc loc, llvm::StringRef opName, mlir::Type input,
              int64_t dim, llvm::SmallVectorImpl<mlir::Type> &resultTypes);

mlir::LogicalResult
inferPointwiseLoss(OptionalLoc loc, llvm::StringRef opName, mlir::Type input,
                   mlir::Type target, Reduction reduction, LossShape shapeRule,
                   llvm::SmallVectorImpl<mlir::Type> &resultTypes);

/// Class scores [N, C, d1, ...] or [C] against class indices [N, d1, ...] or
/// [].
mlir::LogicalResult
inferClassLoss(OptionalLoc loc, llvm::StringRef opName, mlir::Type input,
               mlir::Type target, Reduction reduction,
               llvm::SmallVectorImpl<mlir::Type> &resultTypes);

} // namespace kiln

#endif // KILN_IR_SHAPEINFERENCE_H
