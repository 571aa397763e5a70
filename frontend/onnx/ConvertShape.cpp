//===- ConvertShape.cpp - ONNX ops that move or describe data -------------===//
//
/// Shapes, axes, starts and the like are static in Kiln, so the inputs that
/// carry them must be known at import (NodeContext::constantInts); the
/// PyTorch exporter's Shape -> Gather -> Concat chains fold to constants
/// before they reach these converters.
//
//===----------------------------------------------------------------------===//

#include "frontend/onnx/ConverterSupport.h"
#include "frontend/onnx/Converters.h"
#include "runtime/Tensor.h"

#include "llvm/Support/MathExtras.h"

#include <array>
#include <limits>
#include <numeric>

using namespace mlir;

namespace kiln::onnx_import {
namespace {

void convertReshape(NodeContext &context) {
  auto type = context.inputType(0);
  std::vector<int64_t> shape = context.opset() < 5
                                   ? context.attrInts("shape")
                                   : context.constantInts(1);
  bool allowZero = context.attrInt("allowzero", 0) != 0;
  int64_t known = 1, inferred = -1;
  for (auto [i, size] : llvm::enumerate(shape)) {
    if (size == 0 && !allowZero) {
      if (i >= static_cast<size_t>(type.getRank()))
        context.fail("shape entry 0 at " + llvm::Twine(i) +
                     " copies a dimension the input does not have");
      size = type.getDimSize(i);
    }
    if (size == -1) {
      if (inferred >= 0)
        context.fail("the shape has more than one -1");
      inferred = i;
      continue;
    }
    if (size < 0)
      context.fail("shape entry " + llvm::Twine(size) + " is negative");
    // A product that wraps could even equal the input's element count.
    if (llvm::MulOverflow(known, size, known))
      context.fail("shape " + formatShape(shape) +
                   " has more elements than int64 holds");
  }
  if (inferred >= 0) {
    if (known == 0 || type.getNumElements() % known != 0)
      context.fail("cannot reshape " + llvm::Twine(type.getNumElements()) +
                   " elements with a -1 entry");
    shape[inferred] = type.getNumElements() / known;
  }
  context.setOutput(0, reshape(context, context.input(0), shape));
}

void convertShape(NodeContext &context) {
  ArrayRef<int64_t> shape = context.inputType(0).getShape();
  int64_t rank = shape.size();
  // Opset 15's start and end slice the shape, clamped like Python slices.
  int64_t start = context.attrInt("start", 0);
  int64_t end = context.attrInt("end", rank);
  start = std::clamp<int64_t>(start < 0 ? start + rank : start, 0, rank);
  end = std::clamp<int64_t>(end < 0 ? end + rank : end, 0, rank);
  context.setOutput(0, int64Constant(context,
                                     shape.slice(start, std::max<int64_t>(
                                                            end - start, 0))));
}

void convertSize(NodeContext &context) {
  auto type = RankedTensorType::get({}, context.builder().getI64Type());
  context.setOutput(0, context.constant(DenseElementsAttr::get(
                           type, context.inputType(0).getNumElements())));
}

void convertFlatten(NodeContext &context) {
  auto type = context.inputType(0);
  int64_t rank = type.getRank();
  int64_t axis = context.attrInt("axis", 1);
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis > rank)
    context.fail("axis " + llvm::Twine(context.attrInt("axis", 1)) +
                 " is out of range for rank " + llvm::Twine(rank));
  ArrayRef<int64_t> shape = type.getShape();
  int64_t outer = std::accumulate(shape.begin(), shape.begin() + axis,
                                  int64_t(1), std::multiplies<int64_t>());
  int64_t inner = std::accumulate(shape.begin() + axis, shape.end(),
                                  int64_t(1), std::multiplies<int64_t>());
  context.setOutput(0, reshape(context, context.input(0), {outer, inner}));
}

void convertTranspose(NodeContext &context) {
  int64_t rank = context.inputType(0).getRank();
  std::vector<int64_t> defaultPerm(rank);
  for (int64_t i = 0; i < rank; ++i)
    defaultPerm[i] = rank - 1 - i;
  std::vector<int64_t> perm = context.attrInts("perm", defaultPerm);
  context.setOutput(0, context.op("kiln.permute", {context.input(0)},
                                  {{"dims", context.i64ArrayAttr(perm)}}));
}

void convertSqueeze(NodeContext &context) {
  auto type = context.inputType(0);
  int64_t rank = type.getRank();
  std::optional<std::vector<int64_t>> axes = getAxes(context, 13);
  std::vector<bool> drop(rank, false);
  for (int64_t dim = 0; dim < rank; ++dim)
    drop[dim] = !axes && type.getDimSize(dim) == 1;
  if (axes)
    for (int64_t axis : *axes) {
      int64_t dim = normalizeAxis(context, axis, rank);
      if (type.getDimSize(dim) != 1)
        context.fail("cannot squeeze dimension " + llvm::Twine(dim) +
                     " of size " + llvm::Twine(type.getDimSize(dim)));
      drop[dim] = true;
    }
  SmallVector<int64_t> shape;
  for (int64_t dim = 0; dim < rank; ++dim)
    if (!drop[dim])
      shape.push_back(type.getDimSize(dim));
  context.setOutput(0, reshape(context, context.input(0), shape));
}

void convertUnsqueeze(NodeContext &context) {
  auto type = context.inputType(0);
  std::optional<std::vector<int64_t>> axes = getAxes(context, 13);
  if (!axes)
    context.fail("axes are required");
  int64_t rank = type.getRank() + axes->size();
  std::vector<bool> inserted(rank, false);
  for (int64_t axis : *axes) {
    int64_t dim = normalizeAxis(context, axis, rank);
    if (inserted[dim])
      context.fail("axis " + llvm::Twine(axis) + " is repeated");
    inserted[dim] = true;
  }
  SmallVector<int64_t> shape;
  int64_t next = 0;
  for (int64_t dim = 0; dim < rank; ++dim)
    shape.push_back(inserted[dim] ? 1 : type.getDimSize(next++));
  context.setOutput(0, reshape(context, context.input(0), shape));
}

void convertConcat(NodeContext &context) {
  SmallVector<Value> inputs;
  for (size_t i = 0; i < context.numInputs(); ++i)
    if (context.hasInput(i))
      inputs.push_back(context.input(i));
  context.setOutput(0, context.op("kiln.cat", inputs,
                                  {{"dim", context.i64Attr(
                                               context.attrInt("axis"))}}));
}

/// Python's slice of one dimension of size `size`: the indices it keeps.
SmallVector<int64_t> getSliceIndices(int64_t start, int64_t end, int64_t step,
                                     int64_t size) {
  auto clampBound = [&](int64_t bound, int64_t low, int64_t high) {
    if (bound < 0)
      bound = bound <= std::numeric_limits<int64_t>::min() / 2 ? low - 1
                                                                : bound + size;
    return std::clamp(bound, low, high);
  };
  SmallVector<int64_t> indices;
  if (step > 0) {
    start = clampBound(start, 0, size);
    end = clampBound(end, 0, size);
    for (int64_t i = start; i < end; i += step)
      indices.push_back(i);
  } else {
    // Stepping down, -1 past the start is a valid end.
    start = clampBound(start, -1, size - 1);
    end = clampBound(end, -1, size - 1);
    for (int64_t i = start; i > end; i += step)
      indices.push_back(i);
  }
  return indices;
}

void convertSlice(NodeContext &context) {
  int64_t rank = context.inputType(0).getRank();
  std::vector<int64_t> starts, ends, axes, steps;
  if (context.opset() < 10) {
    starts = context.attrInts("starts");
    ends = context.attrInts("ends");
    axes = context.attrInts("axes", std::vector<int64_t>{});
  } else {
    starts = context.constantInts(1);
    ends = context.constantInts(2);
    if (context.hasInput(3))
      axes = context.constantInts(3);
    if (context.hasInput(4))
      steps = context.constantInts(4);
  }
  if (axes.empty())
    for (size_t i = 0; i < starts.size(); ++i)
      axes.push_back(i);
  if (steps.empty())
    steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size())
    context.fail("starts, ends, axes and steps differ in length");

  Value result = context.input(0);
  for (size_t i = 0; i < starts.size(); ++i) {
    int64_t dim = normalizeAxis(context, axes[i], rank);
    int64_t size = cast<RankedTensorType>(result.getType()).getDimSize(dim);
    if (steps[i] == 0)
      context.fail("a step is 0");
    if (steps[i] > 0) {
      // kiln.slice clamps like Python; ONNX's INT64_MAX ends stay in range.
      int64_t start = std::clamp<int64_t>(starts[i], -size - 1, size);
      int64_t end = std::clamp<int64_t>(ends[i], -size - 1, size);
      result = context.op("kiln.slice", {result},
                          {{"dim", context.i64Attr(dim)},
                           {"start", context.i64Attr(start)},
                           {"end", context.i64Attr(end)},
                           {"step", context.i64Attr(steps[i])}});
      continue;
    }
    // A negative step picks its indices explicitly.
    SmallVector<int64_t> indices =
        getSliceIndices(starts[i], ends[i], steps[i], size);
    result = context.op("kiln.index_select",
                        {result, int64Constant(context, indices)},
                        {{"dim", context.i64Attr(dim)}});
  }
  context.setOutput(0, result);
}

/// Expand broadcasts both ways: the result has the broadcast of the input's
/// shape and the given one (whose size NodeContext::op checks).
void convertExpand(NodeContext &context) {
  ArrayRef<int64_t> inputShape = context.inputType(0).getShape();
  std::vector<int64_t> given = context.constantInts(1);
  size_t rank = std::max(inputShape.size(), given.size());
  SmallVector<int64_t> shape(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t a = i + inputShape.size() >= rank
                    ? inputShape[i + inputShape.size() - rank]
                    : 1;
    int64_t b = i + given.size() >= rank ? given[i + given.size() - rank] : 1;
    if (a != b && a != 1 && b != 1)
      context.fail("cannot expand dimension of size " + llvm::Twine(a) +
                   " to " + llvm::Twine(b));
    shape[i] = a == 1 ? b : a;
  }
  context.setOutput(0, context.op("kiln.expand", {context.input(0)},
                                  {{"sizes", context.i64ArrayAttr(shape)}}));
}

/// Gather's indices may have any rank and count from the end when negative:
/// index_select over their flattened, wrapped values, reshaped.
void convertGather(NodeContext &context) {
  auto type = context.inputType(0);
  int64_t rank = type.getRank();
  int64_t axis = normalizeAxis(context, context.attrInt("axis", 0), rank);
  // The index arithmetic below builds integer attributes of their type.
  requireIntegers(context, 1, "indices");
  auto indicesType = context.inputType(1);
  int64_t size = type.getDimSize(axis);
  Value indices = reshape(context, context.input(1),
                          {indicesType.getNumElements()});
  if (DenseElementsAttr known = context.constantInput(1)) {
    SmallVector<int64_t> wrapped;
    for (const APInt &value : known.getValues<APInt>()) {
      int64_t index = value.getSExtValue();
      if (index < -size || index >= size)
        context.fail("index " + llvm::Twine(index) +
                     " is out of range for a dimension of size " +
                     llvm::Twine(size));
      wrapped.push_back(index < 0 ? index + size : index);
    }
    indices = int64Constant(context, wrapped);
  } else {
    Type element = indicesType.getElementType();
    auto scalarType = RankedTensorType::get({}, element);
    Value zero = context.constant(DenseElementsAttr::get(
        scalarType, IntegerAttr::get(element, 0)));
    Value dimSize = context.constant(DenseElementsAttr::get(
        scalarType, IntegerAttr::get(element, size)));
    Value negative = context.op("kiln.lt", {indices, zero});
    indices = context.op("kiln.where",
                         {negative,
                          context.op("kiln.add", {indices, dimSize}), indices});
  }
  Value picked = context.op("kiln.index_select", {context.input(0), indices},
                            {{"dim", context.i64Attr(axis)}});
  SmallVector<int64_t> shape(type.getShape().take_front(axis));
  llvm::append_range(shape, indicesType.getShape());
  llvm::append_range(shape, type.getShape().drop_front(axis + 1));
  context.setOutput(0, reshape(context, picked, shape));
}

/// GatherElements is torch.gather once negative indices are wrapped.
void convertGatherElements(NodeContext &context) {
  auto type = context.inputType(0);
  int64_t axis =
      normalizeAxis(context, context.attrInt("axis", 0), type.getRank());
  requireIntegers(context, 1, "indices");
  Value indices = context.input(1);
  auto indicesType = cast<RankedTensorType>(indices.getType());
  Type i64 = context.builder().getI64Type();
  if (indicesType.getElementType() != i64)
    indices = context.op("kiln.cast", indicesType.clone(i64), {indices});
  auto scalarType = RankedTensorType::get({}, i64);
  Value zero =
      context.constant(DenseElementsAttr::get(scalarType, int64_t(0)));
  Value dimSize = context.constant(
      DenseElementsAttr::get(scalarType, type.getDimSize(axis)));
  Value negative = context.op("kiln.lt", {indices, zero});
  indices = context.op("kiln.where",
                       {negative, context.op("kiln.add", {indices, dimSize}),
                        indices});
  context.setOutput(0, context.op("kiln.gather", {context.input(0), indices},
                                  {{"dim", context.i64Attr(axis)}}));
}

void convertSplit(NodeContext &context) {
  auto type = context.inputType(0);
  int64_t axis =
      normalizeAxis(context, context.attrInt("axis", 0), type.getRank());
  int64_t size = type.getDimSize(axis);
  std::vector<int64_t> sizes;
  if (context.opset() >= 13 && context.hasInput(1))
    sizes = context.constantInts(1);
  else if (context.opset() < 13 && context.hasAttr("split"))
    sizes = context.attrInts("split");
  if (sizes.empty()) {
    int64_t parts = context.numOutputs();
    if (parts == 0)
      context.fail("the node has no outputs");
    if (size % parts != 0)
      context.fail("dimension of size " + llvm::Twine(size) +
                   " does not split into " + llvm::Twine(parts) +
                   " equal parts");
    sizes.assign(parts, size / parts);
  }
  if (sizes.size() != context.numOutputs())
    context.fail("split has " + llvm::Twine(sizes.size()) + " sizes for " +
                 llvm::Twine(context.numOutputs()) + " outputs");
  int64_t start = 0;
  for (auto [i, length] : llvm::enumerate(sizes)) {
    context.setOutput(i, context.op("kiln.slice", {context.input(0)},
                                    {{"dim", context.i64Attr(axis)},
                                     {"start", context.i64Attr(start)},
                                     {"end", context.i64Attr(start + length)},
                                     {"step", context.i64Attr(1)}}));
    start += length;
  }
  if (start != size)
    context.fail("split sizes add up to " + llvm::Twine(start) +
                 ", not the dimension's " + llvm::Twine(size));
}

/// A rank-4 input's [N, C, H, W].
std::array<int64_t, 4> getNchw(NodeContext &context) {
  auto type = context.inputType(0);
  if (type.getRank() != 4)
    context.fail("the input must be 4-D [N, C, H, W]");
  return {type.getDimSize(0), type.getDimSize(1), type.getDimSize(2),
          type.getDimSize(3)};
}

/// DepthToSpace moves channel blocks into b x b spatial blocks; DCR and CRD
/// order the channels depth-first or column-first.
void convertDepthToSpace(NodeContext &context) {
  auto [n, c, h, w] = getNchw(context);
  // b comes from the model as it is: b*b, h*b and w*b must not wrap.
  int64_t b = context.attrInt("blocksize"), blockSize, height, width;
  if (b <= 0 || llvm::MulOverflow(b, b, blockSize) || c % blockSize != 0)
    context.fail("blocksize " + llvm::Twine(b) + " does not divide " +
                 llvm::Twine(c) + " channels into b*b blocks");
  if (llvm::MulOverflow(h, b, height) || llvm::MulOverflow(w, b, width))
    context.fail("blocksize " + llvm::Twine(b) + " makes the " +
                 llvm::Twine(h) + "x" + llvm::Twine(w) +
                 " image larger than int64 holds");
  bool crd = context.attrString("mode", "DCR") == "CRD";
  SmallVector<int64_t> split =
      crd ? SmallVector<int64_t>{n, c / blockSize, b, b, h, w}
          : SmallVector<int64_t>{n, b, b, c / blockSize, h, w};
  SmallVector<int64_t> permutation =
      crd ? SmallVector<int64_t>{0, 1, 4, 2, 5, 3}
          : SmallVector<int64_t>{0, 3, 4, 1, 5, 2};
  Value blocks = reshape(context, context.input(0), split);
  Value moved = context.op("kiln.permute", {blocks},
                           {{"dims", context.i64ArrayAttr(permutation)}});
  context.setOutput(0,
                    reshape(context, moved, {n, c / blockSize, height, width}));
}

void convertSpaceToDepth(NodeContext &context) {
  auto [n, c, h, w] = getNchw(context);
  int64_t b = context.attrInt("blocksize");
  if (b <= 0 || h % b != 0 || w % b != 0)
    context.fail("blocksize " + llvm::Twine(b) + " does not divide " +
                 llvm::Twine(h) + "x" + llvm::Twine(w));
  Value blocks =
      reshape(context, context.input(0), {n, c, h / b, b, w / b, b});
  Value moved = context.op("kiln.permute", {blocks},
                           {{"dims", context.i64ArrayAttr({0, 3, 5, 1, 2, 4})}});
  context.setOutput(0, reshape(context, moved, {n, c * b * b, h / b, w / b}));
}

/// Compress keeps the slices whose condition is true; the output's size
/// depends on the condition, which must be known at import.
void convertCompress(NodeContext &context) {
  requireIntegers(context, 1, "the condition");
  DenseElementsAttr condition =
      context.knownInput(1, ": the output's shape depends on it");
  Value input = context.input(0);
  auto type = context.inputType(0);
  int64_t axis = 0;
  if (context.hasAttr("axis"))
    axis = normalizeAxis(context, context.attrInt("axis"), type.getRank());
  else
    input = reshape(context, input, {type.getNumElements()});
  int64_t size = cast<RankedTensorType>(input.getType()).getDimSize(axis);
  SmallVector<int64_t> kept;
  int64_t index = 0;
  for (const APInt &value : condition.getValues<APInt>()) {
    if (index >= size)
      context.fail("the condition is longer than the dimension");
    if (!value.isZero())
      kept.push_back(index);
    ++index;
  }
  context.setOutput(0, context.op("kiln.index_select",
                                  {input, int64Constant(context, kept)},
                                  {{"dim", context.i64Attr(axis)}}));
}

} // namespace

void registerShapeConverters(ConverterRegistry &registry) {
  registry["Reshape"] = convertReshape;
  registry["Shape"] = convertShape;
  registry["Size"] = convertSize;
  registry["Flatten"] = convertFlatten;
  registry["Transpose"] = convertTranspose;
  registry["Squeeze"] = convertSqueeze;
  registry["Unsqueeze"] = convertUnsqueeze;
  registry["Concat"] = convertConcat;
  registry["Slice"] = convertSlice;
  registry["Expand"] = convertExpand;
  registry["Gather"] = convertGather;
  registry["GatherElements"] = convertGatherElements;
  registry["Split"] = convertSplit;
  registry["DepthToSpace"] = convertDepthToSpace;
  registry["Compress"] = convertCompress;
  registry["SpaceToDepth"] = convertSpaceToDepth;
}

} // namespace kiln::onnx_import
