//===- IndexingGradients.cpp - VJPs of the indexing ops -------------------===//
//
/// The vector-Jacobian products of KilnIndexingOps.td, as PyTorch 1.13's
/// derivatives.yaml defines them: a gather's gradient scatter-adds into
/// zeros (take, gather_nd), a scatter's gradient gathers back from the
/// written positions (scatter, scatter_nd, with scatter_reduce_backward's
/// formulas for mul, max and min), cumsum's is the cumsum the other way,
/// topk's scatters into zeros at the chosen indices, and trilu, tile and
/// flip move the gradient back as they moved the input.
//
//===----------------------------------------------------------------------===//

#include "ir/GraphBuilder.h"
#include "ir/KilnOps.h"

#include "llvm/ADT/STLFunctionalExtras.h"

using namespace mlir;

namespace kiln {

static RankedTensorType getTensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

static int64_t getNormalizedDim(int64_t dim, int64_t rank) {
  int64_t extent = std::max<int64_t>(rank, 1);
  return dim < 0 ? dim + extent : dim;
}

static bool isFloat(Value value) {
  return isa<FloatType>(getTensorType(value).getElementType());
}

/// `index` as int64 (kiln.gather takes int64 indices only).
static Value toLong(OpBuilder &builder, Location loc, Value index) {
  return createCast(builder, loc, index, builder.getIntegerType(64));
}

/// `value`'s leading part of shape `shape` (each dimension sliced from 0).
static Value cutTo(OpBuilder &builder, Location loc, Value value,
                   ArrayRef<int64_t> shape) {
  ArrayRef<int64_t> current = getTensorType(value).getShape();
  for (auto [d, size] : llvm::enumerate(shape))
    if (current[d] != size)
      value = builder.create<SliceOp>(loc, value, static_cast<int64_t>(d),
                                      int64_t{0}, size, int64_t{1});
  return value;
}

/// `value` padded with zeros at the end of each dimension to `shape`.
static Value padTo(OpBuilder &builder, Location loc, Value value,
                   ArrayRef<int64_t> shape) {
  for (auto [d, size] : llvm::enumerate(shape)) {
    RankedTensorType type = getTensorType(value);
    int64_t have = type.getDimSize(d);
    if (have == size)
      continue;
    SmallVector<int64_t> zerosShape(type.getShape());
    zerosShape[d] = size - have;
    Value zeros = builder.create<ZerosOp>(loc, type.clone(zerosShape));
    value = builder.create<CatOp>(loc, ValueRange{value, zeros},
                                  static_cast<int64_t>(d));
  }
  return value;
}

static Value floatOf(OpBuilder &builder, Location loc, Value value,
                     Type element) {
  return createCast(builder, loc, value, element);
}

/// The gradients of a scatter that reduces with `reduce`, given how to
/// scatter values into a tensor of the input's shape and how to gather
/// values at the written positions (scatter_reduce_backward in PyTorch
/// 1.13, include_self=True). `updates` is cut to the index's shape.
/// Returns {input gradient, updates gradient}.
static std::pair<Value, Value> buildScatterVJP(
    OpBuilder &builder, Location loc, ScatterReduce reduce, Value input,
    Value updates, Value result, Value grad,
    llvm::function_ref<Value(Value target, Value values, ScatterReduce)>
        scatter,
    llvm::function_ref<Value(Value from)> gather) {
  Type element = getTensorType(grad).getElementType();
  switch (reduce) {
  case ScatterReduce::none: {
    // self: grad.scatter(dim, index, 0); src: grad.gather(dim, index).
    Value zeros = builder.create<ZerosOp>(loc, getTensorType(updates));
    return {scatter(grad, zeros, ScatterReduce::none), gather(grad)};
  }
  case ScatterReduce::add:
    return {grad, gather(grad)};
  case ScatterReduce::max:
  case ScatterReduce::min: {
    // The gradient goes to every operand equal to the result, shared evenly
    // among them.
    Value selfIsResult =
        floatOf(builder, loc, builder.create<EqOp>(loc, input, result),
                element);
    Value srcIsResult = floatOf(
        builder, loc, builder.create<EqOp>(loc, updates, gather(result)),
        element);
    Value count = scatter(selfIsResult, srcIsResult, ScatterReduce::add);
    Value shared = builder.create<DivOp>(loc, grad, count);
    return {builder.create<MulOp>(loc, selfIsResult, shared),
            builder.create<MulOp>(loc, srcIsResult, gather(shared))};
  }
  case ScatterReduce::mul: {
    // d(product)/d(factor) is the product of the other factors: the product
    // divided by the factor, with zeros masked so that a single zero factor
    // still gets the product of the others.
    Value zero = createScalar(builder, loc, element, 0.0);
    Value one = createScalar(builder, loc, element, 1.0);
    Value selfZero = builder.create<EqOp>(loc, input, zero);
    Value maskedSelf = builder.create<WhereOp>(loc, selfZero, one, input);
    Value maskedSelfResult = scatter(maskedSelf, updates, ScatterReduce::mul);
    Value selfGrad = builder.create<DivOp>(
        loc, builder.create<MulOp>(loc, grad, maskedSelfResult), maskedSelf);

    Value srcZero = builder.create<EqOp>(loc, updates, zero);
    Value zerosPerTarget =
        scatter(builder.create<ZerosOp>(loc, getTensorType(input)),
                floatOf(builder, loc, srcZero, element), ScatterReduce::add);
    Value singleZero = builder.create<WhereOp>(
        loc, srcZero,
        builder.create<EqOp>(loc, gather(zerosPerTarget), one), srcZero);
    Value maskedSrc = builder.create<WhereOp>(loc, singleZero, one, updates);
    Value maskedSrcResult = scatter(input, maskedSrc, ScatterReduce::mul);
    Value viaMasked =
        gather(builder.create<MulOp>(loc, grad, maskedSrcResult));
    Value viaResult = builder.create<DivOp>(
        loc, gather(builder.create<MulOp>(loc, grad, result)),
        builder.create<WhereOp>(loc, srcZero, one, updates));
    return {selfGrad,
            builder.create<WhereOp>(loc, singleZero, viaMasked, viaResult)};
  }
  }
  llvm_unreachable("unknown scatter reduction");
}

// take: the gradient rows scatter-added into zeros along the axis (the
// index_select_backward of PyTorch, for any index rank).
SmallVector<Value> TakeOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  Location loc = getLoc();
  RankedTensorType inputType = getInput().getType();
  ArrayRef<int64_t> shape = inputType.getShape();
  int64_t rank = shape.size();
  int64_t axis = getNormalizedDim(getAxis(), rank);
  int64_t count = getTensorType(getIndices()).getNumElements();
  Value zeros = builder.create<ZerosOp>(loc, inputType);
  if (count == 0)
    return {zeros, nullptr};
  SmallVector<int64_t> gradShape(shape);
  gradShape[axis] = count;
  Value grad = createReshape(builder, loc, resultGrad, gradShape);
  SmallVector<int64_t> indexShape(rank, 1);
  indexShape[axis] = count;
  Value index = createReshape(builder, loc, getIndices(), indexShape);
  index = builder.create<ExpandOp>(loc, index, gradShape);
  return {builder.create<ScatterOp>(loc, zeros, index, grad, axis,
                                    ScatterReduce::add),
          nullptr};
}

SmallVector<Value> ScatterOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  Location loc = getLoc();
  int64_t dim = getNormalizedDim(getDim(), getType().getRank());
  ArrayRef<int64_t> indexShape = getIndex().getType().getShape();
  Value updates = cutTo(builder, loc, getSrc(), indexShape);
  Value index = getIndex(), longIndex = toLong(builder, loc, getIndex());
  auto [inputGrad, srcGrad] = buildScatterVJP(
      builder, loc, getReduce(), getInput(), updates, getResult(), resultGrad,
      [&](Value target, Value values, ScatterReduce reduce) -> Value {
        return builder.create<ScatterOp>(loc, target, index, values, dim,
                                         reduce);
      },
      [&](Value from) -> Value {
        return builder.create<GatherOp>(loc, from, longIndex, dim);
      });
  return {inputGrad, nullptr,
          padTo(builder, loc, srcGrad, getSrc().getType().getShape())};
}

// gather_nd: the gradient scatter-added into zeros at the same tuples. With
// batch dimensions each tuple is extended by its batch coordinates first,
// since scatter_nd has none.
SmallVector<Value> GatherNdOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  Location loc = getLoc();
  RankedTensorType inputType = getInput().getType();
  Value indices = toLong(builder, loc, getIndices());
  ArrayRef<int64_t> indexShape = getIndices().getType().getShape();
  int64_t batch = getBatchDims();
  if (batch > 0) {
    SmallVector<int64_t> coordShape(indexShape.drop_back());
    coordShape.push_back(1);
    SmallVector<Value> parts;
    for (int64_t d = 0; d < batch; ++d) {
      int64_t size = indexShape[d];
      Value positions = builder.create<ArangeOp>(
          loc, RankedTensorType::get({size}, builder.getIntegerType(64)),
          APFloat(0.0), APFloat(static_cast<double>(size)), APFloat(1.0));
      SmallVector<int64_t> placed(coordShape.size(), 1);
      placed[d] = size;
      positions = createReshape(builder, loc, positions, placed);
      parts.push_back(builder.create<ExpandOp>(loc, positions, coordShape));
    }
    parts.push_back(indices);
    indices =
        builder.create<CatOp>(loc, parts, static_cast<int64_t>(coordShape.size() - 1));
  }
  Value zeros = builder.create<ZerosOp>(loc, inputType);
  return {builder.create<ScatterNdOp>(loc, zeros, indices, resultGrad,
                                      ScatterReduce::add),
          nullptr};
}

SmallVector<Value> ScatterNdOp::buildVJP(OpBuilder &builder,
                                         Value resultGrad) {
  Location loc = getLoc();
  Value indices = getIndices();
  auto [inputGrad, updatesGrad] = buildScatterVJP(
      builder, loc, getReduce(), getInput(), getUpdates(), getResult(),
      resultGrad,
      [&](Value target, Value values, ScatterReduce reduce) -> Value {
        return builder.create<ScatterNdOp>(loc, target, indices, values,
                                           reduce);
      },
      [&](Value from) -> Value {
        return builder.create<GatherNdOp>(loc, from, indices, int64_t{0});
      });
  return {inputGrad, nullptr, updatesGrad};
}

// cumsum: self: cumsum_backward, the cumulative sum of the gradient in the
// other direction (exclusive stays exclusive).
SmallVector<Value> CumsumOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  if (!isFloat(getInput()))
    return {nullptr};
  return {builder.create<CumsumOp>(getLoc(), resultGrad, getDim(),
                                   getExclusive(), !getReverse())};
}

// topk: values: value_selecting_reduction_backward, the gradient written
// into zeros at the selected indices (which are distinct).
SmallVector<Value> TopkOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  Location loc = getLoc();
  RankedTensorType inputType = getInput().getType();
  int64_t dim = getNormalizedDim(getDim(), inputType.getRank());
  Value zeros = builder.create<ZerosOp>(loc, inputType);
  return {builder.create<ScatterOp>(loc, zeros, getIndices(), resultGrad, dim,
                                    ScatterReduce::none)};
}

// trilu: the same triangle of the gradient (tril_backward, triu_backward).
SmallVector<Value> TriluOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  return {builder.create<TriluOp>(getLoc(), resultGrad, getLower(),
                                  getDiagonal())};
}

// tile: repeat_backward, the gradient of each copy summed: the result's
// dimension d split into [repeats[d], size[d]] and the repeats summed.
SmallVector<Value> TileOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  Location loc = getLoc();
  ArrayRef<int64_t> shape = getInput().getType().getShape();
  ArrayRef<int64_t> repeats = getRepeats();
  size_t lead = repeats.size() - shape.size();
  SmallVector<int64_t> split(repeats.take_front(lead)), summed;
  for (int64_t d = 0; d < static_cast<int64_t>(lead); ++d)
    summed.push_back(d);
  for (auto [d, size] : llvm::enumerate(shape)) {
    summed.push_back(split.size());
    split.push_back(repeats[lead + d]);
    split.push_back(size);
  }
  Value grad = createReshape(builder, loc, resultGrad, split);
  grad = createSum(builder, loc, grad, summed, /*keepdim=*/false);
  return {createReshape(builder, loc, grad, shape)};
}

// flip: flip the gradient back.
SmallVector<Value> FlipOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  return {builder.create<FlipOp>(getLoc(), resultGrad, getDims())};
}

} // namespace kiln
