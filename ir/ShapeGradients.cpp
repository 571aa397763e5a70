//===- ShapeGradients.cpp - VJPs of the shape ops -------------------------===//
//
/// The vector-Jacobian products of the ops that move elements: each moves the
/// result's gradient back to where the elements came from, as PyTorch 1.13's
/// derivatives.yaml does. Reshapes reshape back, transposes and permutes
/// undo themselves, expand sums back, cat and stack slice the gradient.
///
/// The dialect has no scatter op, so the gradients that scatter (slice,
/// index_select, gather) are built from existing ops: zeros concatenated
/// around the gradient, and one-hot comparisons multiplied and summed. They
/// cost more than a scatter would (see each op); a fused kernel can replace
/// the pattern later without changing the formulas.
//
//===----------------------------------------------------------------------===//

#include "ir/GraphBuilder.h"
#include "ir/KilnOps.h"

using namespace mlir;

namespace kiln {

static RankedTensorType getTensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

/// `dim` of an op that verified it against `rank`, in [0, rank).
static int64_t getNormalizedDim(Operation *op, int64_t dim, int64_t rank) {
  return *normalizeDim(std::nullopt, op->getName().getStringRef(), dim, rank);
}

/// Zeros shaped like `like` except for `size` elements along `dim`.
static Value createZerosAlong(OpBuilder &builder, Location loc, Value like,
                              int64_t dim, int64_t size) {
  RankedTensorType type = getTensorType(like);
  SmallVector<int64_t> shape(type.getShape());
  shape[dim] = size;
  return builder.create<ZerosOp>(loc, type.clone(shape));
}

/// `value` with `before` zeros ahead of it and `after` zeros behind it along
/// `dim` (`value` itself when both are 0).
static Value padWithZeros(OpBuilder &builder, Location loc, Value value,
                          int64_t dim, int64_t before, int64_t after) {
  SmallVector<Value> pieces;
  if (before > 0)
    pieces.push_back(createZerosAlong(builder, loc, value, dim, before));
  pieces.push_back(value);
  if (after > 0)
    pieces.push_back(createZerosAlong(builder, loc, value, dim, after));
  if (pieces.size() == 1)
    return value;
  return builder.create<CatOp>(loc, pieces, dim);
}

/// The gradient of a reshaping op: the result's gradient in the input's
/// shape (reshape, view, flatten, squeeze, unsqueeze: `grad.reshape_as(self)`).
static SmallVector<Value> reshapeBack(OpBuilder &builder, Operation *op,
                                      Value resultGrad) {
  return {createReshape(builder, op->getLoc(), resultGrad,
                        getTensorType(op->getOperand(0)).getShape())};
}

SmallVector<Value> ReshapeOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  return reshapeBack(builder, *this, resultGrad);
}
SmallVector<Value> ViewOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  return reshapeBack(builder, *this, resultGrad);
}
SmallVector<Value> FlattenOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  return reshapeBack(builder, *this, resultGrad);
}
SmallVector<Value> SqueezeOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  return reshapeBack(builder, *this, resultGrad);
}
SmallVector<Value> UnsqueezeOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  return reshapeBack(builder, *this, resultGrad);
}

// transpose: self: grad.transpose(dim0, dim1).
SmallVector<Value> TransposeOp::buildVJP(OpBuilder &builder,
                                         Value resultGrad) {
  return {builder.create<TransposeOp>(getLoc(), resultGrad, getDim0(),
                                      getDim1())};
}

// permute: self: permute_backwards(grad, dims), the inverse permutation.
SmallVector<Value> PermuteOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  int64_t rank = getType().getRank();
  SmallVector<int64_t> inverse(rank);
  for (auto [index, dim] : llvm::enumerate(getDims()))
    inverse[getNormalizedDim(*this, dim, rank)] = index;
  return {builder.create<PermuteOp>(getLoc(), resultGrad, inverse)};
}

// expand: self: at::sum_to(grad, self.sizes()).
SmallVector<Value> ExpandOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  return {sumToOperandType(builder, getLoc(), resultGrad,
                           getInput().getType())};
}

/// The gradient of one input of cat or stack: its part of the result's
/// gradient, cast back to its dtype (the join promoted it); null for an
/// integer or bool input, which takes no gradient.
static Value castToInput(OpBuilder &builder, Location loc, Value part,
                         Value input) {
  Type element = getTensorType(input).getElementType();
  if (!isa<FloatType>(element))
    return nullptr;
  return createCast(builder, loc, part, element);
}

// cat: tensors: cat_tensors_backward, each input's slice of the gradient.
SmallVector<Value> CatOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  Location loc = getLoc();
  int64_t rank = getType().getRank();
  int64_t dim = getNormalizedDim(*this, getDim(), rank);
  SmallVector<Value> grads;
  int64_t offset = 0;
  for (Value input : getInputs()) {
    RankedTensorType type = getTensorType(input);
    // An empty input, including the legacy 1-D empty tensor cat skips
    // whatever the rank, contributed nothing: its gradient is empty too.
    if (type.getNumElements() == 0) {
      grads.push_back(isa<FloatType>(type.getElementType())
                          ? builder.create<ZerosOp>(loc, type).getResult()
                          : Value());
      continue;
    }
    int64_t size = type.getDimSize(dim);
    Value part = builder.create<SliceOp>(loc, resultGrad, dim, offset,
                                         offset + size, int64_t{1});
    grads.push_back(castToInput(builder, loc, part, input));
    offset += size;
  }
  return grads;
}

// stack: tensors: stack_tensors_backward, each input's index of the gradient
// along the new dimension.
SmallVector<Value> StackOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  Location loc = getLoc();
  int64_t dim = getNormalizedDim(*this, getDim(), getType().getRank());
  SmallVector<Value> grads;
  for (auto [index, input] : llvm::enumerate(getInputs())) {
    int64_t position = index;
    Value part = builder.create<SliceOp>(loc, resultGrad, dim, position,
                                         position + 1, int64_t{1});
    part = createReshape(builder, loc, part, getTensorType(input).getShape());
    grads.push_back(castToInput(builder, loc, part, input));
  }
  return grads;
}

// slice: self: slice_backward(grad, sizes, dim, start, end, step), the
// gradient scattered into zeros of the input's shape.
//
// Without a scatter op: for step > 1, step - 1 zeros follow each gradient
// entry (unsqueeze, cat with zeros, reshape), which puts entry i at
// i * step; zeros before and after then place the whole at `start`. This
// materializes the input-sized gradient through two concatenations where a
// scatter would write it once.
SmallVector<Value> SliceOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  Location loc = getLoc();
  RankedTensorType inputType = getTensorType(getInput());
  int64_t dim = getNormalizedDim(*this, getDim(), inputType.getRank());
  int64_t size = inputType.getDimSize(dim);
  int64_t count = getType().getDimSize(dim);
  if (count == 0 || getType().getNumElements() == 0)
    return {builder.create<ZerosOp>(loc, inputType)};
  // The same clamping as the inference: Python's slice bounds.
  int64_t start = getStart() < 0 ? getStart() + size : getStart();
  start = std::clamp<int64_t>(start, 0, size);
  int64_t step = getStep();

  Value spread = resultGrad;
  int64_t span = count;
  // A single entry needs no interleaving (and step may then be huge).
  if (step > 1 && count > 1) {
    Value column = builder.create<UnsqueezeOp>(loc, resultGrad, dim + 1);
    Value interleaved =
        padWithZeros(builder, loc, column, dim + 1, 0, step - 1);
    SmallVector<int64_t> shape(getType().getShape());
    shape[dim] = count * step;
    spread = createReshape(builder, loc, interleaved, shape);
    // The zeros after the last entry may run past the input's end.
    span = std::min(count * step, size - start);
    if (span < count * step)
      spread = builder.create<SliceOp>(loc, spread, dim, int64_t{0}, span,
                                       int64_t{1});
  }
  return {padWithZeros(builder, loc, spread, dim, start,
                       size - start - span)};
}

/// A float one-hot encoding of `index` along a new dimension `axis`:
/// onehot[..., j, ...] = (index[...] == j) for j in [0, size), with j at
/// position `axis` of the result.
static Value createOneHot(OpBuilder &builder, Location loc, Value index,
                          int64_t axis, int64_t size, Type floatType) {
  RankedTensorType indexType = getTensorType(index);
  Value positions = builder.create<ArangeOp>(
      loc, RankedTensorType::get({size}, indexType.getElementType()),
      APFloat(0.0), APFloat(static_cast<double>(size)), APFloat(1.0));
  SmallVector<int64_t> positionsShape(indexType.getRank() + 1, 1);
  positionsShape[axis] = size;
  // One statement per op: the IR's order must not depend on the order a
  // compiler evaluates function arguments in.
  Value positionsAlongAxis =
      createReshape(builder, loc, positions, positionsShape);
  Value indexAlongAxis = builder.create<UnsqueezeOp>(loc, index, axis);
  Value matches =
      builder.create<EqOp>(loc, indexAlongAxis, positionsAlongAxis);
  return createCast(builder, loc, matches, floatType);
}

// index_select: self: index_select_backward(grad, sizes, dim, index), an
// index_add of the gradient into zeros.
//
// Without a scatter op: the gradient's `dim` moves last and multiplies the
// one-hot matrix [n, size] of the index, which adds each selected slice to
// its source row (repeated indices accumulate). That costs n * size
// multiply-adds per slice instead of n additions.
SmallVector<Value> IndexSelectOp::buildVJP(OpBuilder &builder,
                                           Value resultGrad) {
  Location loc = getLoc();
  RankedTensorType inputType = getTensorType(getInput());
  // A 0-d input's only element was selected.
  if (inputType.getRank() == 0)
    return {resultGrad, nullptr};
  int64_t dim = getNormalizedDim(*this, getDim(), inputType.getRank());
  int64_t last = inputType.getRank() - 1;
  int64_t count = getTensorType(getIndex()).getNumElements();
  Value index = createReshape(builder, loc, getIndex(), {count});
  Value oneHot =
      createOneHot(builder, loc, index, /*axis=*/1, inputType.getDimSize(dim),
                   inputType.getElementType());
  auto moveLast = [&](Value value) -> Value {
    if (dim == last)
      return value;
    return builder.create<TransposeOp>(loc, value, dim, last);
  };
  Value added = builder.create<MatmulOp>(loc, moveLast(resultGrad), oneHot);
  return {moveLast(added), nullptr};
}

// gather: self: gather_backward(grad, self, dim, index), a scatter_add of the
// gradient into zeros.
//
// Without a scatter op: a new axis after `dim` compares each index with
// every position along `dim` (one-hot), the gradient multiplies it and the
// sum over `dim` adds the entries that picked each position; zeros then pad
// the other dims where the index was smaller than the input. That costs
// size(dim) multiply-adds per gradient entry instead of one addition.
SmallVector<Value> GatherOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  Location loc = getLoc();
  RankedTensorType inputType = getTensorType(getInput());
  int64_t rank = inputType.getRank();
  if (rank == 0)
    return {resultGrad, nullptr};
  int64_t dim = getNormalizedDim(*this, getDim(), rank);
  int64_t size = inputType.getDimSize(dim);

  Value oneHot = createOneHot(builder, loc, getIndex(), dim + 1, size,
                              inputType.getElementType());
  Value spread = builder.create<MulOp>(
      loc, oneHot, builder.create<UnsqueezeOp>(loc, resultGrad, dim + 1));
  Value grad = createSum(builder, loc, spread, {dim}, /*keepdim=*/false);

  ArrayRef<int64_t> indexShape = getType().getShape();
  for (int64_t other = 0; other < rank; ++other)
    if (other != dim)
      grad = padWithZeros(builder, loc, grad, other, 0,
                          inputType.getDimSize(other) - indexShape[other]);
  return {grad, nullptr};
}

} // namespace kiln
