//===- IndexingOps.cpp - Gathers, scatters, scans and their kin -----------===//
//
/// Result-type inference (and with it verification) and folds of the ops in
/// KilnIndexingOps.td, and the einsum and resize rules their decompositions
/// share (IndexingOps.h). Every error names the op and the shapes involved.
//
//===----------------------------------------------------------------------===//

#include "ir/IndexingOps.h"
#include "ir/KilnOps.h"
#include "ir/TypePromotion.h"

#include "llvm/ADT/StringExtras.h"

#include <cmath>

using namespace mlir;

namespace kiln {

//===----------------------------------------------------------------------===//
// take, scatter, gather_nd, scatter_nd
//===----------------------------------------------------------------------===//

LogicalResult TakeOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  auto indices =
      getStaticTensor(loc, name, adaptor.getIndices().getType(), "indices");
  if (failed(input) || failed(indices))
    return failure();
  if (input->getRank() == 0)
    return reportOpError(loc, name, "cannot take along an axis of a 0-d input");
  auto axis = normalizeDim(loc, name, adaptor.getAxis(), input->getRank());
  if (failed(axis))
    return failure();
  ArrayRef<int64_t> shape = input->getShape();
  if (shape[*axis] == 0 && indices->getNumElements() > 0)
    return reportOpError(loc, name,
                         "cannot take indices " +
                             formatShape(indices->getShape()) +
                             " from the empty axis " + Twine(*axis) +
                             " of the input " + formatShape(shape));
  SmallVector<int64_t> result(shape.take_front(*axis));
  llvm::append_range(result, indices->getShape());
  llvm::append_range(result, shape.drop_front(*axis + 1));
  types.push_back(input->clone(result));
  return success();
}

/// Reductions other than `none` compute on the values; bool has no add or
/// multiply in PyTorch's scatter_reduce.
static LogicalResult checkScatterDtype(OptionalLoc loc, StringRef name,
                                       RankedTensorType input,
                                       RankedTensorType updates,
                                       StringRef updatesRole,
                                       ScatterReduce reduce) {
  if (updates.getElementType() != input.getElementType())
    return reportOpError(loc, name,
                         updatesRole + " dtype " +
                             getDtypeName(updates.getElementType()) +
                             " differs from the input's " +
                             getDtypeName(input.getElementType()));
  if (reduce != ScatterReduce::none && input.getElementType().isInteger(1))
    return reportOpError(loc, name,
                         "reduce " + stringifyScatterReduce(reduce) +
                             " is not defined for bool tensors");
  return success();
}

LogicalResult ScatterOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  auto index =
      getStaticTensor(loc, name, adaptor.getIndex().getType(), "index");
  auto src = getStaticTensor(loc, name, adaptor.getSrc().getType(), "src");
  if (failed(input) || failed(index) || failed(src))
    return failure();
  ArrayRef<int64_t> self = input->getShape(), idx = index->getShape(),
                    from = src->getShape();
  auto dim = normalizeDim(loc, name, adaptor.getDim(), self.size());
  if (failed(dim))
    return failure();
  if (idx.size() != self.size() || from.size() != self.size())
    return reportOpError(loc, name,
                         "index " + formatShape(idx) + " and src " +
                             formatShape(from) +
                             " must have the rank of the input " +
                             formatShape(self));
  for (size_t d = 0; d < self.size(); ++d)
    if (idx[d] > from[d] ||
        (static_cast<int64_t>(d) != *dim && idx[d] > self[d]))
      return reportOpError(
          loc, name,
          "index of shape " + formatShape(idx) +
              " must be no larger than src " + formatShape(from) +
              " in any dimension and than the input " + formatShape(self) +
              " outside dimension " + Twine(*dim));
  if (!self.empty() && self[*dim] == 0 && index->getNumElements() > 0)
    return reportOpError(loc, name,
                         "cannot scatter into the empty dimension " +
                             Twine(*dim) + " of the input " +
                             formatShape(self));
  if (failed(checkScatterDtype(loc, name, *input, *src, "src",
                               adaptor.getReduce())))
    return failure();
  types.push_back(*input);
  return success();
}

LogicalResult GatherNdOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  auto indices =
      getStaticTensor(loc, name, adaptor.getIndices().getType(), "indices");
  if (failed(input) || failed(indices))
    return failure();
  ArrayRef<int64_t> data = input->getShape(), idx = indices->getShape();
  int64_t rank = data.size(), indexRank = idx.size();
  int64_t batch = adaptor.getBatchDims();
  if (indexRank == 0)
    return reportOpError(loc, name, "indices must have at least 1 dimension");
  if (batch < 0 || batch >= std::min(rank, indexRank))
    return reportOpError(loc, name,
                         "batch_dims " + Twine(batch) +
                             " must be in [0, min(rank of input " +
                             formatShape(data) + ", rank of indices " +
                             formatShape(idx) + "))");
  int64_t k = idx.back();
  if (k < 1 || k > rank - batch)
    return reportOpError(loc, name,
                         "the last dimension of indices " + formatShape(idx) +
                             " must be in [1, " + Twine(rank - batch) +
                             "] to index the input " + formatShape(data) +
                             " after " + Twine(batch) + " batch dimensions");
  if (idx.take_front(batch) != data.take_front(batch))
    return reportOpError(loc, name,
                         "the " + Twine(batch) +
                             " batch dimensions of indices " +
                             formatShape(idx) + " and the input " +
                             formatShape(data) + " differ");
  for (int64_t d = batch; d < batch + k; ++d)
    if (data[d] == 0 && indices->getNumElements() > 0)
      return reportOpError(loc, name,
                           "cannot index the empty dimension " + Twine(d) +
                               " of the input " + formatShape(data));
  SmallVector<int64_t> shape(idx.drop_back());
  llvm::append_range(shape, data.drop_front(batch + k));
  types.push_back(input->clone(shape));
  return success();
}

LogicalResult ScatterNdOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  auto indices =
      getStaticTensor(loc, name, adaptor.getIndices().getType(), "indices");
  auto updates =
      getStaticTensor(loc, name, adaptor.getUpdates().getType(), "updates");
  if (failed(input) || failed(indices) || failed(updates))
    return failure();
  ArrayRef<int64_t> data = input->getShape(), idx = indices->getShape();
  int64_t rank = data.size();
  if (idx.empty())
    return reportOpError(loc, name, "indices must have at least 1 dimension");
  int64_t k = idx.back();
  if (k < 1 || k > rank)
    return reportOpError(loc, name,
                         "the last dimension of indices " + formatShape(idx) +
                             " must be in [1, " + Twine(rank) +
                             "] to index the input " + formatShape(data));
  SmallVector<int64_t> expected(idx.drop_back());
  llvm::append_range(expected, data.drop_front(k));
  if (updates->getShape() != ArrayRef<int64_t>(expected))
    return reportOpError(loc, name,
                         "updates of shape " +
                             formatShape(updates->getShape()) +
                             " must be indices.shape[:-1] + input.shape[" +
                             Twine(k) + ":] = " + formatShape(expected) +
                             " for indices " + formatShape(idx) +
                             " and the input " + formatShape(data));
  for (int64_t d = 0; d < k; ++d)
    if (data[d] == 0 && indices->getNumElements() > 0)
      return reportOpError(loc, name,
                           "cannot index the empty dimension " + Twine(d) +
                               " of the input " + formatShape(data));
  if (failed(checkScatterDtype(loc, name, *input, *updates, "updates",
                               adaptor.getReduce())))
    return failure();
  types.push_back(*input);
  return success();
}

//===----------------------------------------------------------------------===//
// cumsum, topk, one_hot
//===----------------------------------------------------------------------===//

LogicalResult CumsumOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(input))
    return failure();
  if (failed(normalizeDim(loc, name, adaptor.getDim(), input->getRank())))
    return failure();
  // torch.cumsum accumulates bool and integers in int64.
  Type element = input->getElementType();
  if (!isa<FloatType>(element))
    element = IntegerType::get(element.getContext(), 64);
  types.push_back(input->clone(element));
  return success();
}

LogicalResult TopkOp::inferReturnTypes(MLIRContext *context, OptionalLoc loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(input))
    return failure();
  if (input->getRank() == 0)
    return reportOpError(loc, name, "input must have at least 1 dimension");
  if (input->getElementType().isInteger(1))
    return reportOpError(loc, name, "bool tensors have no order to select by");
  auto dim = normalizeDim(loc, name, adaptor.getDim(), input->getRank());
  if (failed(dim))
    return failure();
  SmallVector<int64_t> shape(input->getShape());
  int64_t k = adaptor.getK();
  if (k < 0 || k > shape[*dim])
    return reportOpError(loc, name,
                         "k " + Twine(k) + " is out of range for dimension " +
                             Twine(*dim) + " of the input " +
                             formatShape(shape) + " (expected [0, " +
                             Twine(shape[*dim]) + "])");
  shape[*dim] = k;
  types.push_back(input->clone(shape));
  types.push_back(RankedTensorType::get(shape, IntegerType::get(context, 64)));
  return success();
}

LogicalResult OneHotOp::inferReturnTypes(MLIRContext *context, OptionalLoc loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto indices =
      getStaticTensor(loc, name, adaptor.getIndices().getType(), "indices");
  if (failed(indices))
    return failure();
  Type element = IntegerType::get(context, 64);
  if (Value values = adaptor.getValues()) {
    auto tensor = getStaticTensor(loc, name, values.getType(), "values");
    if (failed(tensor))
      return failure();
    if (tensor->getShape() != ArrayRef<int64_t>{2})
      return reportOpError(loc, name,
                           "values must be [off, on], a tensor of shape [2], "
                           "got " +
                               formatShape(tensor->getShape()));
    element = tensor->getElementType();
  }
  int64_t depth = adaptor.getDepth();
  if (depth < 1)
    return reportOpError(loc, name,
                         "depth must be positive, got " + Twine(depth));
  auto axis = normalizeDim(loc, name, adaptor.getAxis(), indices->getRank() + 1);
  if (failed(axis))
    return failure();
  SmallVector<int64_t> shape(indices->getShape());
  shape.insert(shape.begin() + *axis, depth);
  types.push_back(RankedTensorType::get(shape, element));
  return success();
}

//===----------------------------------------------------------------------===//
// trilu, tile, flip
//===----------------------------------------------------------------------===//

LogicalResult TriluOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(input))
    return failure();
  if (input->getRank() < 2)
    return reportOpError(loc, name,
                         "input must have at least 2 dimensions, got " +
                             formatShape(input->getShape()));
  types.push_back(*input);
  return success();
}

LogicalResult TileOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(input))
    return failure();
  ArrayRef<int64_t> shape = input->getShape(), repeats = adaptor.getRepeats();
  if (repeats.size() < shape.size())
    return reportOpError(loc, name,
                         "repeats " + formatShape(repeats) +
                             " must have at least one entry per dimension of "
                             "the input " +
                             formatShape(shape));
  size_t offset = repeats.size() - shape.size();
  SmallVector<int64_t> result;
  for (auto [d, repeat] : llvm::enumerate(repeats)) {
    if (repeat < 0)
      return reportOpError(loc, name,
                           "repeats " + formatShape(repeats) +
                               " must not be negative");
    result.push_back(d < offset ? repeat : repeat * shape[d - offset]);
  }
  types.push_back(input->clone(result));
  return success();
}

OpFoldResult TileOp::fold(FoldAdaptor) {
  return getInput().getType() == getType() ? getInput() : nullptr;
}

LogicalResult FlipOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(input))
    return failure();
  SmallVector<int64_t> seen;
  for (int64_t dim : adaptor.getDims()) {
    auto normalized = normalizeDim(loc, name, dim, input->getRank());
    if (failed(normalized))
      return failure();
    if (llvm::is_contained(seen, *normalized))
      return reportOpError(loc, name,
                           "dims " + formatShape(adaptor.getDims()) +
                               " repeat dimension " + Twine(dim));
    seen.push_back(*normalized);
  }
  types.push_back(*input);
  return success();
}

OpFoldResult FlipOp::fold(FoldAdaptor) {
  // Reversing dimensions of at most one element moves nothing.
  ArrayRef<int64_t> shape = getType().getShape();
  int64_t rank = shape.size();
  for (int64_t dim : getDims())
    if (rank > 0 && shape[(dim + rank) % rank] > 1)
      return nullptr;
  return getInput();
}

//===----------------------------------------------------------------------===//
// resize
//===----------------------------------------------------------------------===//

static constexpr StringLiteral kCoordinateModes[] = {
    "half_pixel", "pytorch_half_pixel", "align_corners", "asymmetric",
    "tf_half_pixel_for_nn"};
static constexpr StringLiteral kNearestModes[] = {
    "round_prefer_floor", "round_prefer_ceil", "floor", "ceil"};

static std::string listModes(ArrayRef<StringLiteral> modes) {
  std::string text;
  for (StringLiteral mode : modes)
    text += (text.empty() ? "" : ", ") + mode.str();
  return text;
}

FailureOr<SmallVector<ResizeDim>>
getResizeDims(OptionalLoc loc, StringRef name, ArrayRef<int64_t> shape,
              std::optional<ArrayRef<int64_t>> sizes,
              std::optional<ArrayRef<double>> scales, StringRef mode,
              StringRef coordinateMode, StringRef nearestMode) {
  if (mode != "nearest" && mode != "linear")
    return reportOpError(loc, name,
                         "mode '" + mode +
                             "' is not supported (expected nearest or linear)");
  if (!llvm::is_contained(kCoordinateModes, coordinateMode))
    return reportOpError(loc, name,
                         "coordinate_transformation_mode '" + coordinateMode +
                             "' is not supported (expected one of " +
                             listModes(kCoordinateModes) + ")");
  if (!llvm::is_contained(kNearestModes, nearestMode))
    return reportOpError(loc, name,
                         "nearest_mode '" + nearestMode +
                             "' is not supported (expected one of " +
                             listModes(kNearestModes) + ")");
  if (shape.empty())
    return reportOpError(loc, name, "cannot resize a 0-d input");
  if (!sizes && !scales)
    return reportOpError(loc, name, "needs sizes or scales");
  if (sizes && sizes->size() != shape.size())
    return reportOpError(loc, name,
                         "sizes " + formatShape(*sizes) +
                             " must have one entry per dimension of the "
                             "input " +
                             formatShape(shape));
  if (scales && scales->size() != shape.size())
    return reportOpError(loc, name,
                         "scales must have one entry per dimension of the "
                         "input " +
                             formatShape(shape) + ", got " +
                             Twine(scales->size()));
  SmallVector<ResizeDim> dims;
  for (auto [d, in] : llvm::enumerate(shape)) {
    ResizeDim dim{in, in, 1.0};
    if (scales) {
      dim.scale = (*scales)[d];
      if (!(dim.scale > 0))
        return reportOpError(loc, name,
                             "scale " + formatNumber(dim.scale) +
                                 " of dimension " + Twine(d) +
                                 " must be positive");
      // ONNX computes the size in float32 (numpy on float32 scales), where
      // 10 * 0.7f rounds to 7; in float64 it would floor to 6.
      float size = static_cast<float>(in) * static_cast<float>(dim.scale);
      if (!(size < 0x1p40f))
        return reportOpError(loc, name,
                             "scale " + formatNumber(dim.scale) +
                                 " of dimension " + Twine(d) +
                                 " gives a size too large to hold");
      dim.out = static_cast<int64_t>(std::floor(size));
    }
    if (sizes) {
      dim.out = (*sizes)[d];
      if (dim.out < 0)
        return reportOpError(loc, name,
                             "sizes " + formatShape(*sizes) +
                                 " must not be negative");
      if (!scales)
        dim.scale = in ? static_cast<double>(dim.out) / in : 1.0;
    }
    if (in == 0 && dim.out > 0)
      return reportOpError(loc, name,
                           "cannot resize the empty dimension " + Twine(d) +
                               " of the input " + formatShape(shape) +
                               " to " + Twine(dim.out));
    dims.push_back(dim);
  }
  return dims;
}

double getResizeSourceCoordinate(StringRef coordinateMode, int64_t x,
                                 const ResizeDim &dim) {
  double position = static_cast<double>(x);
  // ONNX divides by the unrounded output length `in * scale - 1`, which is
  // `out - 1` unless scales that do not divide evenly were given.
  if (coordinateMode == "align_corners") {
    double length = dim.in * dim.scale - 1.0;
    return length > 0 ? position * (dim.in - 1) / length : 0.0;
  }
  if (coordinateMode == "asymmetric")
    return position / dim.scale;
  if (coordinateMode == "tf_half_pixel_for_nn")
    return (position + 0.5) / dim.scale;
  if (coordinateMode == "pytorch_half_pixel" && dim.out <= 1)
    return 0.0;
  return (position + 0.5) / dim.scale - 0.5;
}

int64_t getResizeNearestIndex(StringRef nearestMode, double coordinate,
                              int64_t size) {
  double rounded;
  if (nearestMode == "floor")
    rounded = std::floor(coordinate);
  else if (nearestMode == "ceil")
    rounded = std::ceil(coordinate);
  else if (nearestMode == "round_prefer_ceil")
    rounded = std::floor(coordinate + 0.5);
  else
    rounded = std::ceil(coordinate - 0.5);
  // Clamped before the conversion, which a huge coordinate would overflow.
  return static_cast<int64_t>(
      std::clamp(rounded, 0.0, static_cast<double>(size - 1)));
}

LogicalResult ResizeOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(input))
    return failure();
  auto dims = getResizeDims(loc, name, input->getShape(), adaptor.getSizes(),
                            adaptor.getScales(), adaptor.getMode(),
                            adaptor.getCoordinateTransformationMode(),
                            adaptor.getNearestMode());
  if (failed(dims))
    return failure();
  types.push_back(input->clone(llvm::map_to_vector(
      *dims, [](const ResizeDim &dim) { return dim.out; })));
  return success();
}

//===----------------------------------------------------------------------===//
// einsum
//===----------------------------------------------------------------------===//

static std::string describeLabel(int64_t label) {
  if (label < 256)
    return "'" + std::string(1, static_cast<char>(label)) + "'";
  return "'...'";
}

/// Splits one term ("ij", "...ij") into letters around an optional ellipsis;
/// `ellipsisAt` is the number of letters before it, or -1.
static LogicalResult parseTerm(OptionalLoc loc, StringRef name,
                               StringRef equation, StringRef term,
                               SmallVectorImpl<int64_t> &letters,
                               int64_t &ellipsisAt) {
  ellipsisAt = -1;
  for (size_t i = 0; i < term.size();) {
    if (term.substr(i).starts_with("...")) {
      if (ellipsisAt >= 0)
        return reportOpError(loc, name,
                             "equation '" + equation + "' has two ellipses in '" +
                                 term + "'");
      ellipsisAt = letters.size();
      i += 3;
      continue;
    }
    char c = term[i++];
    if (!llvm::isAlpha(c))
      return reportOpError(loc, name,
                           "equation '" + equation + "' has the character '" +
                               Twine(c) + "', expected letters, '...', ',' "
                                          "and '->'");
    if (llvm::is_contained(letters, c))
      return reportOpError(loc, name,
                           "label '" + Twine(c) + "' repeats in '" + term +
                               "' of equation '" + equation +
                               "': diagonals are not supported");
    letters.push_back(c);
  }
  return success();
}

FailureOr<EinsumSpec> parseEinsum(OptionalLoc loc, StringRef name,
                                  StringRef equation,
                                  ArrayRef<ArrayRef<int64_t>> shapes) {
  std::string compact;
  for (char c : equation)
    if (c != ' ')
      compact += c;
  StringRef text = compact;
  auto [lhs, rhs] = text.split("->");
  bool explicitOutput = text.contains("->");
  SmallVector<StringRef> terms;
  lhs.split(terms, ',');
  if (terms.size() != shapes.size())
    return reportOpError(loc, name,
                         "equation '" + equation + "' has " +
                             Twine(terms.size()) + " operands but the op has " +
                             Twine(shapes.size()));

  // Letters and ellipsis positions of each operand, then the ellipsis rank.
  SmallVector<SmallVector<int64_t>> letters(terms.size());
  SmallVector<int64_t> ellipsisAt(terms.size());
  int64_t ellipsisRank = 0;
  for (auto [i, term] : llvm::enumerate(terms)) {
    if (failed(parseTerm(loc, name, equation, term, letters[i], ellipsisAt[i])))
      return failure();
    int64_t rank = shapes[i].size(), count = letters[i].size();
    if (ellipsisAt[i] < 0 ? rank != count : rank < count)
      return reportOpError(loc, name,
                           "operand " + Twine(i) + " of shape " +
                               formatShape(shapes[i]) + " does not match '" +
                               term + "' of equation '" + equation + "'");
    if (ellipsisAt[i] >= 0)
      ellipsisRank = std::max(ellipsisRank, rank - count);
  }

  EinsumSpec spec;
  llvm::DenseMap<int64_t, int64_t> owner; // label -> operand that sized it
  for (auto [i, term] : llvm::enumerate(terms)) {
    SmallVector<int64_t> labels;
    int64_t own = shapes[i].size() - letters[i].size();
    for (auto [j, letter] : llvm::enumerate(letters[i])) {
      if (static_cast<int64_t>(j) == ellipsisAt[i])
        for (int64_t e = 0; e < own; ++e)
          labels.push_back(256 + ellipsisRank - own + e);
      labels.push_back(letter);
    }
    if (ellipsisAt[i] == static_cast<int64_t>(letters[i].size()))
      for (int64_t e = 0; e < own; ++e)
        labels.push_back(256 + ellipsisRank - own + e);
    for (auto [d, label] : llvm::enumerate(labels)) {
      int64_t size = shapes[i][d];
      auto [it, inserted] = spec.sizes.try_emplace(label, size);
      if (inserted) {
        owner[label] = i;
        continue;
      }
      if (it->second == size)
        continue;
      // Ellipsis dimensions broadcast; letters must agree.
      if (label >= 256 && (size == 1 || it->second == 1)) {
        it->second = std::max(it->second, size);
        continue;
      }
      return reportOpError(loc, name,
                           "label " + describeLabel(label) + " of equation '" +
                               equation + "' has size " + Twine(it->second) +
                               " in operand " + Twine(owner[label]) + " " +
                               formatShape(shapes[owner[label]]) +
                               " but size " + Twine(size) + " in operand " +
                               Twine(i) + " " + formatShape(shapes[i]));
    }
    spec.inputs.push_back(labels);
  }

  if (explicitOutput) {
    SmallVector<int64_t> outLetters;
    int64_t outEllipsis;
    if (failed(parseTerm(loc, name, equation, rhs, outLetters, outEllipsis)))
      return failure();
    for (auto [j, letter] : llvm::enumerate(outLetters)) {
      if (static_cast<int64_t>(j) == outEllipsis)
        for (int64_t e = 0; e < ellipsisRank; ++e)
          spec.output.push_back(256 + e);
      if (!spec.sizes.count(letter))
        return reportOpError(loc, name,
                             "output label '" + Twine(char(letter)) +
                                 "' of equation '" + equation +
                                 "' is not in any operand");
      spec.output.push_back(letter);
    }
    if (outEllipsis == static_cast<int64_t>(outLetters.size()))
      for (int64_t e = 0; e < ellipsisRank; ++e)
        spec.output.push_back(256 + e);
  } else {
    for (int64_t e = 0; e < ellipsisRank; ++e)
      spec.output.push_back(256 + e);
    llvm::DenseMap<int64_t, int> counts;
    for (const auto &labels : spec.inputs)
      for (int64_t label : labels)
        ++counts[label];
    SmallVector<int64_t> once;
    for (auto [label, count] : counts)
      if (label < 256 && count == 1)
        once.push_back(label);
    llvm::sort(once);
    llvm::append_range(spec.output, once);
  }
  return spec;
}

LogicalResult EinsumOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  if (adaptor.getInputs().empty())
    return reportOpError(loc, name, "needs at least one operand");
  SmallVector<RankedTensorType> tensors;
  for (Value input : adaptor.getInputs()) {
    auto tensor = getStaticTensor(loc, name, input.getType(), "operand");
    if (failed(tensor))
      return failure();
    tensors.push_back(*tensor);
  }
  Type element = tensors.front().getElementType();
  for (auto [i, tensor] : llvm::enumerate(tensors))
    if (tensor.getElementType() != element)
      return reportOpError(loc, name,
                           "operands must have one dtype, but operand " +
                               Twine(i) + " is " +
                               getDtypeName(tensor.getElementType()) +
                               " and operand 0 " + getDtypeName(element));
  if (element.isInteger(1))
    return reportOpError(loc, name, "operands must not be bool");
  SmallVector<ArrayRef<int64_t>> shapes = llvm::map_to_vector(
      tensors, [](RankedTensorType t) { return t.getShape(); });
  auto spec = parseEinsum(loc, name, adaptor.getEquation(), shapes);
  if (failed(spec))
    return failure();
  types.push_back(RankedTensorType::get(
      llvm::map_to_vector(spec->output,
                          [&](int64_t label) { return spec->sizes[label]; }),
      element));
  return success();
}

} // namespace kiln
