//===- ShapeInference.cpp - Result types of kiln ops ----------------------===//
//
/// Shared shape and dtype rules; see ShapeInference.h.
//
//===----------------------------------------------------------------------===//

#include "ir/ShapeInference.h"
#include "ir/KilnDialect.h"
#include "ir/TypePromotion.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"
#include <cstdio>

using namespace mlir;

namespace kiln {

std::string formatShape(ArrayRef<int64_t> shape) {
  std::string text = "[";
  llvm::raw_string_ostream os(text);
  llvm::interleaveComma(shape, os);
  os << "]";
  return text;
}

std::string formatNumber(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%g", value);
  return text;
}

LogicalResult reportOpError(OptionalLoc loc, StringRef opName,
                            const Twine &message) {
  return emitOptionalError(loc, "'", opName, "' op ", message.str());
}

/// Whether the byte size of `tensor`, a static shape, fits in int64.
static bool hasInt64ByteSize(RankedTensorType tensor) {
  Type element = tensor.getElementType();
  int64_t bytes =
      element.isIntOrFloat() ? (element.getIntOrFloatBitWidth() + 7) / 8 : 1;
  for (int64_t size : tensor.getShape())
    if (llvm::MulOverflow(bytes, size, bytes))
      return false;
  return true;
}

FailureOr<RankedTensorType> getStaticTensor(OptionalLoc loc, StringRef opName,
                                            Type type, StringRef role) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor || !tensor.hasStaticShape())
    return reportOpError(loc, opName,
                         role + " must be a statically shaped tensor");
  // MLIR's types take any sizes, but every size computation downstream
  // (element counts, the memory plan's byte offsets) is in int64.
  if (!hasInt64ByteSize(tensor))
    return reportOpError(loc, opName,
                         role + " of shape " + formatShape(tensor.getShape()) +
                             " has more bytes than int64 holds");
  return tensor;
}

FailureOr<int64_t> normalizeDim(OptionalLoc loc, StringRef opName, int64_t dim,
                                int64_t rank) {
  int64_t extent = std::max<int64_t>(rank, 1);
  if (dim < -extent || dim >= extent)
    return reportOpError(
        loc, opName,
        "dimension " + Twine(dim) + " is out of range for rank " + Twine(rank) +
            " (expected [" + Twine(-extent) + ", " + Twine(extent - 1) + "])");
  return dim < 0 ? dim + extent : dim;
}

FailureOr<SmallVector<int64_t>>
broadcastShapes(OptionalLoc loc, StringRef opName,
                ArrayRef<ArrayRef<int64_t>> shapes) {
  size_t rank = 0;
  for (ArrayRef<int64_t> shape : shapes)
    rank = std::max(rank, shape.size());
  SmallVector<int64_t> result(rank, 1);
  // Which operand set each result dimension, to name it in an error.
  SmallVector<size_t> source(rank, 0);
  for (auto [index, shape] : llvm::enumerate(shapes)) {
    size_t offset = rank - shape.size();
    for (auto [i, size] : llvm::enumerate(shape)) {
      int64_t &target = result[offset + i];
      if (size == target || size == 1)
        continue;
      if (target != 1)
        return reportOpError(
            loc, opName,
            "shapes " + formatShape(shapes[source[offset + i]]) + " and " +
                formatShape(shape) + " are not broadcastable: size " +
                Twine(target) + " vs " + Twine(size) + " at dimension " +
                Twine(offset + i) + " of the broadcast result");
      target = size;
      source[offset + i] = index;
    }
  }
  return result;
}

LogicalResult inferUnaryElementwise(OptionalLoc loc, StringRef opName,
                                    Type input, UnaryRule rule,
                                    SmallVectorImpl<Type> &resultTypes) {
  auto tensor = getStaticTensor(loc, opName, input, "input");
  if (failed(tensor))
    return failure();
  Type element = tensor->getElementType();
  switch (rule) {
  case UnaryRule::Numeric:
    if (getCategory(element) == DtypeCategory::Bool)
      return reportOpError(loc, opName,
                           "is not defined for bool tensors (input " +
                               formatShape(tensor->getShape()) + " bool)");
    break;
  case UnaryRule::ToFloat:
    if (getCategory(element) != DtypeCategory::Float)
      element = getDefaultFloatType(input.getContext());
    break;
  case UnaryRule::FloatOnly:
    if (getCategory(element) != DtypeCategory::Float)
      return reportOpError(loc, opName,
                           "is only defined for float tensors (input " +
                               formatShape(tensor->getShape()) + " " +
                               getDtypeName(element) + ")");
    break;
  case UnaryRule::Same:
    break;
  case UnaryRule::Predicate:
    element = IntegerType::get(input.getContext(), 1);
    break;
  case UnaryRule::Integral:
    if (getCategory(element) == DtypeCategory::Float)
      return reportOpError(loc, opName,
                           "is only defined for integer and bool tensors "
                           "(input " +
                               formatShape(tensor->getShape()) + " " +
                               getDtypeName(element) + ")");
    break;
  }
  resultTypes.push_back(tensor->clone(element));
  return success();
}

LogicalResult inferBinaryElementwise(OptionalLoc loc, StringRef opName,
                                     Type lhs, Type rhs, BinaryRule rule,
                                     SmallVectorImpl<Type> &resultTypes) {
  auto lhsTensor = getStaticTensor(loc, opName, lhs, "lhs");
  auto rhsTensor = getStaticTensor(loc, opName, rhs, "rhs");
  if (failed(lhsTensor) || failed(rhsTensor))
    return failure();
  auto shape = broadcastShapes(loc, opName,
                               {lhsTensor->getShape(), rhsTensor->getShape()});
  if (failed(shape))
    return failure();
  Type element = resultType({*lhsTensor, *rhsTensor});
  auto isBool = [](RankedTensorType tensor) {
    return getCategory(tensor.getElementType()) == DtypeCategory::Bool;
  };
  switch (rule) {
  case BinaryRule::Promote:
    break;
  case BinaryRule::Subtract:
    if (isBool(*lhsTensor) || isBool(*rhsTensor))
      return reportOpError(loc, opName,
                           "does not subtract bool tensors (" +
                               getDtypeName(lhsTensor->getElementType()) +
                               " and " +
                               getDtypeName(rhsTensor->getElementType()) +
                               "); use logical ops instead");
    break;
  case BinaryRule::NumericResult:
    if (getCategory(element) == DtypeCategory::Bool)
      return reportOpError(loc, opName, "is not defined for bool results");
    break;
  case BinaryRule::PromoteToFloat:
    if (getCategory(element) != DtypeCategory::Float)
      element = getDefaultFloatType(lhs.getContext());
    break;
  case BinaryRule::Compare:
    element = IntegerType::get(lhs.getContext(), 1);
    break;
  case BinaryRule::Bitwise:
  case BinaryRule::Shift: {
    DtypeCategory category = getCategory(element);
    if (category == DtypeCategory::Float ||
        (rule == BinaryRule::Shift && category == DtypeCategory::Bool))
      return reportOpError(
          loc, opName,
          Twine("is only defined for integer") +
              (rule == BinaryRule::Bitwise ? " and bool" : "") +
              " tensors (" + getDtypeName(lhsTensor->getElementType()) +
              " and " + getDtypeName(rhsTensor->getElementType()) + ")");
    break;
  }
  }
  resultTypes.push_back(RankedTensorType::get(*shape, element));
  return success();
}

FailureOr<SmallVector<int64_t>>
getReducedDims(OptionalLoc loc, StringRef opName,
               std::optional<ArrayRef<int64_t>> dims, int64_t rank) {
  SmallVector<int64_t> reduced;
  // PyTorch reads an empty dim list like an absent one: every dimension.
  if (!dims || dims->empty()) {
    reduced = llvm::to_vector(llvm::seq<int64_t>(0, rank));
    return reduced;
  }
  for (int64_t dim : *dims) {
    auto normalized = normalizeDim(loc, opName, dim, rank);
    if (failed(normalized))
      return failure();
    if (llvm::is_contained(reduced, *normalized))
      return reportOpError(loc, opName,
                           "dimension " + Twine(dim) +
                               " appears more than once in dims " +
                               formatShape(*dims));
    reduced.push_back(*normalized);
  }
  llvm::sort(reduced);
  return reduced;
}

LogicalResult inferReduction(OptionalLoc loc, StringRef opName, Type input,
                             std::optional<ArrayRef<int64_t>> dims,
                             bool keepdim, ReductionRule rule,
                             SmallVectorImpl<Type> &resultTypes) {
  auto tensor = getStaticTensor(loc, opName, input, "input");
  if (failed(tensor))
    return failure();
  auto reduced = getReducedDims(loc, opName, dims, tensor->getRank());
  if (failed(reduced))
    return failure();

  Type element = tensor->getElementType();
  DtypeCategory category = getCategory(element);
  if (rule == ReductionRule::Accumulate && category != DtypeCategory::Float)
    element = IntegerType::get(input.getContext(), 64);
  if (rule == ReductionRule::FloatOnly && category != DtypeCategory::Float)
    return reportOpError(loc, opName,
                         "needs a floating-point input, got " +
                             getDtypeName(element) + " " +
                             formatShape(tensor->getShape()));

  // max and min of nothing have no value: PyTorch raises, so does the op.
  if (rule == ReductionRule::Same)
    for (int64_t dim : *reduced)
      if (tensor->getRank() > 0 && tensor->getDimSize(dim) == 0)
        return reportOpError(loc, opName,
                             "reduces dimension " + std::to_string(dim) +
                                 " of size 0 of " +
                                 formatShape(tensor->getShape()) +
                                 ": there is no maximum or minimum of no "
                                 "elements");

  SmallVector<int64_t> shape;
  for (auto [dim, size] : llvm::enumerate(tensor->getShape())) {
    if (!llvm::is_contained(*reduced, static_cast<int64_t>(dim)))
      shape.push_back(size);
    else if (keepdim)
      shape.push_back(1);
  }
  resultTypes.push_back(RankedTensorType::get(shape, element));
  return success();
}

LogicalResult inferAlongDim(OptionalLoc loc, StringRef opName, Type input,
                            int64_t dim, SmallVectorImpl<Type> &resultTypes) {
  auto tensor = getStaticTensor(loc, opName, input, "input");
  if (failed(tensor) ||
      failed(normalizeDim(loc, opName, dim, tensor->getRank())))
    return failure();
  resultTypes.push_back(*tensor);
  return success();
}

/// The type of a loss: the per-element type, or a 0-d tensor when reduced.
static Type getLossType(RankedTensorType perElement, Reduction reduction) {
  if (reduction == Reduction::none)
    return perElement;
  return RankedTensorType::get({}, perElement.getElementType());
}

LogicalResult inferPointwiseLoss(OptionalLoc loc, StringRef opName, Type input,
                                 Type target, Reduction reduction,
                                 LossShape shapeRule,
                                 SmallVectorImpl<Type> &resultTypes) {
  auto inputTensor = getStaticTensor(loc, opName, input, "input");
  auto targetTensor = getStaticTensor(loc, opName, target, "target");
  if (failed(inputTensor) || failed(targetTensor))
    return failure();
  ArrayRef<int64_t> inputShape = inputTensor->getShape();
  ArrayRef<int64_t> targetShape = targetTensor->getShape();
  if (inputTensor->getElementType() != targetTensor->getElementType())
    return reportOpError(loc, opName,
                         "input and target dtypes differ: " +
                             getDtypeName(inputTensor->getElementType()) +
                             " vs " +
                             getDtypeName(targetTensor->getElementType()));
  if (shapeRule == LossShape::Same && inputShape != targetShape)
    return reportOpError(loc, opName,
                         "target shape " + formatShape(targetShape) +
                             " must equal input shape " +
                             formatShape(inputShape));
  auto shape = broadcastShapes(loc, opName, {inputShape, targetShape});
  if (failed(shape))
    return failure();
  resultTypes.push_back(getLossType(
      RankedTensorType::get(*shape, inputTensor->getElementType()), reduction));
  return success();
}

LogicalResult inferClassLoss(OptionalLoc loc, StringRef opName, Type input,
                             Type target, Reduction reduction,
                             SmallVectorImpl<Type> &resultTypes) {
  auto inputTensor = getStaticTensor(loc, opName, input, "input");
  auto targetTensor = getStaticTensor(loc, opName, target, "target");
  if (failed(inputTensor) || failed(targetTensor))
    return failure();
  ArrayRef<int64_t> inputShape = inputTensor->getShape();
  ArrayRef<int64_t> targetShape = targetTensor->getShape();
  // Scores [C] go with a 0-d target; [N, C, d...] with [N, d...].
  SmallVector<int64_t> expected;
  if (inputShape.empty())
    return reportOpError(loc, opName,
                         "input must have a class dimension, got shape []");
  if (inputShape.size() > 1) {
    expected.push_back(inputShape[0]);
    llvm::append_range(expected, inputShape.drop_front(2));
  }
  if (targetShape != ArrayRef<int64_t>(expected))
    return reportOpError(loc, opName,
                         "target shape " + formatShape(targetShape) +
                             " does not fit input shape " +
                             formatShape(inputShape) + " (expected " +
                             formatShape(expected) + ")");
  resultTypes.push_back(getLossType(
      RankedTensorType::get(targetShape, inputTensor->getElementType()),
      reduction));
  return success();
}

} // namespace kiln
