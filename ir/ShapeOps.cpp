//===- ShapeOps.cpp - Reshaping, reordering and indexing ------------------===//
//
/// Inference, folds and canonicalizations of the shape ops. Reshape-like ops
/// (view, flatten, squeeze, unsqueeze) canonicalize towards one
/// `kiln.reshape`, so later passes see a single op for "same elements, new
/// shape".
//
//===----------------------------------------------------------------------===//

#include "ir/ConstantFolding.h"
#include "ir/KilnOps.h"
#include "ir/TypePromotion.h"

#include "mlir/IR/PatternMatch.h"

using namespace mlir;

namespace kiln {

//===----------------------------------------------------------------------===//
// reshape, view, flatten, squeeze, unsqueeze
//===----------------------------------------------------------------------===//

/// torch.reshape's shape rule: at most one -1, filled from the element count.
static LogicalResult inferReshape(OptionalLoc loc, StringRef opName, Type input,
                                  ArrayRef<int64_t> requested,
                                  SmallVectorImpl<Type> &types) {
  auto tensor = getStaticTensor(loc, opName, input, "input");
  if (failed(tensor))
    return failure();
  SmallVector<int64_t> shape(requested);
  int64_t known = 1;
  std::optional<size_t> inferredDim;
  for (auto [dim, size] : llvm::enumerate(shape)) {
    if (size == -1 && !inferredDim) {
      inferredDim = dim;
      continue;
    }
    if (size < 0)
      return reportOpError(loc, opName,
                           "invalid shape " + formatShape(requested) +
                               ": only one -1 is allowed and sizes are not "
                               "negative");
    known *= size;
  }
  int64_t count = tensor->getNumElements();
  if (inferredDim) {
    if (known == 0 || count % known != 0)
      return reportOpError(loc, opName,
                           "shape " + formatShape(requested) +
                               " is invalid for input of shape " +
                               formatShape(tensor->getShape()) + " (" +
                               Twine(count) + " elements)");
    shape[*inferredDim] = count / known;
  } else if (known != count) {
    return reportOpError(loc, opName,
                         "shape " + formatShape(requested) +
                             " is invalid for input of shape " +
                             formatShape(tensor->getShape()) + " (" +
                             Twine(count) + " elements)");
  }
  types.push_back(tensor->clone(shape));
  return success();
}

LogicalResult ReshapeOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  return inferReshape(loc, getOperationName(), adaptor.getInput().getType(),
                      adaptor.getShape(), types);
}

LogicalResult ViewOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  return inferReshape(loc, getOperationName(), adaptor.getInput().getType(),
                      adaptor.getShape(), types);
}

LogicalResult FlattenOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto tensor =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(tensor))
    return failure();
  int64_t rank = tensor->getRank();
  auto start = normalizeDim(loc, name, adaptor.getStartDim(), rank);
  auto end = normalizeDim(loc, name, adaptor.getEndDim(), rank);
  if (failed(start) || failed(end))
    return failure();
  if (*start > *end)
    return reportOpError(loc, name,
                         "start_dim " + Twine(adaptor.getStartDim()) +
                             " comes after end_dim " +
                             Twine(adaptor.getEndDim()));
  // A 0-d tensor flattens to one element.
  if (rank == 0) {
    types.push_back(tensor->clone(ArrayRef<int64_t>{1}));
    return success();
  }
  ArrayRef<int64_t> shape = tensor->getShape();
  SmallVector<int64_t> result(shape.take_front(*start));
  int64_t merged = 1;
  for (int64_t size : shape.slice(*start, *end - *start + 1))
    merged *= size;
  result.push_back(merged);
  llvm::append_range(result, shape.drop_front(*end + 1));
  types.push_back(tensor->clone(result));
  return success();
}

LogicalResult SqueezeOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto tensor =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(tensor))
    return failure();
  ArrayRef<int64_t> shape = tensor->getShape();
  auto dims = getReducedDims(loc, name, adaptor.getDim(), shape.size());
  if (failed(dims))
    return failure();
  SmallVector<int64_t> result;
  for (auto [dim, size] : llvm::enumerate(shape))
    if (size != 1 || !llvm::is_contained(*dims, static_cast<int64_t>(dim)))
      result.push_back(size);
  types.push_back(tensor->clone(result));
  return success();
}

LogicalResult UnsqueezeOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto tensor =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(tensor))
    return failure();
  // The new dimension indexes the result, which has one more.
  auto dim = normalizeDim(loc, name, adaptor.getDim(), tensor->getRank() + 1);
  if (failed(dim))
    return failure();
  SmallVector<int64_t> shape(tensor->getShape());
  shape.insert(shape.begin() + *dim, 1);
  types.push_back(tensor->clone(shape));
  return success();
}

/// `value` when it already has the op's result type.
static OpFoldResult ifSameType(Value value, Type resultType) {
  return value.getType() == resultType ? value : nullptr;
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  if (auto dense = dyn_cast_or_null<DenseElementsAttr>(adaptor.getInput()))
    return dense.reshape(getType());
  return nullptr;
}

OpFoldResult SqueezeOp::fold(FoldAdaptor) {
  return ifSameType(getInput(), getType());
}

namespace {
/// Rewrites an op that only changes the shape into `kiln.reshape`, and a
/// reshape of such an op into one reshape of the original input.
template <typename OpT> struct ToReshape : OpRewritePattern<OpT> {
  using OpRewritePattern<OpT>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpT op,
                                PatternRewriter &rewriter) const override {
    Value input = op.getInput();
    if constexpr (std::is_same_v<OpT, ReshapeOp>) {
      Operation *producer = input.getDefiningOp();
      if (!isa_and_nonnull<ReshapeOp, ViewOp, FlattenOp, SqueezeOp,
                           UnsqueezeOp>(producer))
        return failure();
      input = producer->getOperand(0);
    }
    rewriter.replaceOpWithNewOp<ReshapeOp>(op, input, op.getType().getShape());
    return success();
  }
};
} // namespace

void ReshapeOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                            MLIRContext *context) {
  patterns.add<ToReshape<ReshapeOp>>(context);
}

void ViewOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                         MLIRContext *context) {
  patterns.add<ToReshape<ViewOp>>(context);
}

void FlattenOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                            MLIRContext *context) {
  patterns.add<ToReshape<FlattenOp>>(context);
}

//===----------------------------------------------------------------------===//
// transpose, permute, expand
//===----------------------------------------------------------------------===//

LogicalResult TransposeOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto tensor =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(tensor))
    return failure();
  auto dim0 = normalizeDim(loc, name, adaptor.getDim0(), tensor->getRank());
  auto dim1 = normalizeDim(loc, name, adaptor.getDim1(), tensor->getRank());
  if (failed(dim0) || failed(dim1))
    return failure();
  SmallVector<int64_t> shape(tensor->getShape());
  if (!shape.empty())
    std::swap(shape[*dim0], shape[*dim1]);
  types.push_back(tensor->clone(shape));
  return success();
}

std::pair<int64_t, int64_t> TransposeOp::getSwappedDims() {
  int64_t rank = std::max<int64_t>(getType().getRank(), 1);
  int64_t a = (getDim0() + rank) % rank, b = (getDim1() + rank) % rank;
  return {std::min(a, b), std::max(a, b)};
}

OpFoldResult TransposeOp::fold(FoldAdaptor) {
  auto [first, second] = getSwappedDims();
  ArrayRef<int64_t> shape = getType().getShape();
  // Swapping a dimension with itself, or two of size 1, moves no element.
  if (first == second || (shape[first] == 1 && shape[second] == 1))
    return getInput();
  // Swapping the same pair twice is the identity.
  if (auto inner = getInput().getDefiningOp<TransposeOp>())
    if (inner.getSwappedDims() == std::make_pair(first, second))
      return inner.getInput();
  return nullptr;
}

LogicalResult PermuteOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto tensor =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(tensor))
    return failure();
  ArrayRef<int64_t> dims = adaptor.getDims();
  int64_t rank = tensor->getRank();
  if (static_cast<int64_t>(dims.size()) != rank)
    return reportOpError(loc, name,
                         "dims " + formatShape(dims) + " must list all " +
                             Twine(rank) + " dimensions of the input " +
                             formatShape(tensor->getShape()));
  SmallVector<int64_t> shape, seen;
  for (int64_t dim : dims) {
    auto normalized = normalizeDim(loc, name, dim, rank);
    if (failed(normalized))
      return failure();
    if (llvm::is_contained(seen, *normalized))
      return reportOpError(loc, name,
                           "dims " + formatShape(dims) + " repeat dimension " +
                               Twine(dim));
    seen.push_back(*normalized);
    shape.push_back(tensor->getShape()[*normalized]);
  }
  types.push_back(tensor->clone(shape));
  return success();
}

/// The permutation with negative entries normalized.
static SmallVector<int64_t> getNormalizedPermutation(PermuteOp op) {
  int64_t rank = op.getType().getRank();
  return llvm::map_to_vector(op.getDims(),
                             [&](int64_t dim) { return (dim + rank) % rank; });
}

OpFoldResult PermuteOp::fold(FoldAdaptor adaptor) {
  SmallVector<int64_t> permutation = getNormalizedPermutation(*this);
  if (llvm::all_of(llvm::enumerate(permutation), [](auto entry) {
        return static_cast<int64_t>(entry.index()) == entry.value();
      }))
    return getInput();
  ArrayRef<int64_t> inputShape = getInput().getType().getShape();
  return foldDataMovement(
      adaptor.getInput(), getType(), [&](ArrayRef<int64_t> index) {
        SmallVector<int64_t> source(index.size());
        for (auto [resultDim, inputDim] : llvm::enumerate(permutation))
          source[inputDim] = index[resultDim];
        return getLinearIndex(source, inputShape);
      });
}

namespace {
/// permute(permute(x, inner), outer) -> permute(x, inner[outer[i]]).
struct ComposePermutes : OpRewritePattern<PermuteOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(PermuteOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getInput().getDefiningOp<PermuteOp>();
    if (!inner)
      return failure();
    SmallVector<int64_t> innerDims = getNormalizedPermutation(inner);
    SmallVector<int64_t> composed =
        llvm::map_to_vector(getNormalizedPermutation(op),
                            [&](int64_t dim) { return innerDims[dim]; });
    rewriter.replaceOpWithNewOp<PermuteOp>(op, inner.getInput(), composed);
    return success();
  }
};
} // namespace

void PermuteOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                            MLIRContext *context) {
  patterns.add<ComposePermutes>(context);
}

LogicalResult ExpandOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto tensor =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(tensor))
    return failure();
  ArrayRef<int64_t> input = tensor->getShape(), sizes = adaptor.getSizes();
  if (sizes.size() < input.size())
    return reportOpError(loc, name,
                         "sizes " + formatShape(sizes) +
                             " have fewer dimensions than the input " +
                             formatShape(input));
  size_t offset = sizes.size() - input.size();
  SmallVector<int64_t> shape;
  for (auto [dim, size] : llvm::enumerate(sizes)) {
    if (dim < offset) {
      if (size < 0)
        return reportOpError(loc, name,
                             "new leading dimension " + Twine(dim) +
                                 " needs a size, got " + Twine(size));
      shape.push_back(size);
      continue;
    }
    int64_t existing = input[dim - offset];
    if (size < -1)
      return reportOpError(loc, name,
                           "cannot expand " + formatShape(input) + " to " +
                               formatShape(sizes) + ": size " + Twine(size) +
                               " at dimension " + Twine(dim) +
                               " is negative (only -1 keeps a size)");
    if (size == -1 || size == existing) {
      shape.push_back(existing);
      continue;
    }
    if (existing != 1)
      return reportOpError(loc, name,
                           "cannot expand " + formatShape(input) + " to " +
                               formatShape(sizes) + ": size " +
                               Twine(existing) + " at dimension " + Twine(dim) +
                               " is not 1 and differs from " + Twine(size));
    shape.push_back(size);
  }
  types.push_back(tensor->clone(shape));
  return success();
}

OpFoldResult ExpandOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult same = ifSameType(getInput(), getType()))
    return same;
  ArrayRef<int64_t> inputShape = getInput().getType().getShape();
  size_t offset = getType().getRank() - inputShape.size();
  return foldDataMovement(
      adaptor.getInput(), getType(), [&](ArrayRef<int64_t> index) {
        SmallVector<int64_t> source(index.drop_front(offset));
        for (auto [i, size] : llvm::enumerate(inputShape))
          if (size == 1)
            source[i] = 0;
        return getLinearIndex(source, inputShape);
      });
}

//===----------------------------------------------------------------------===//
// cat, stack
//===----------------------------------------------------------------------===//

/// The static tensor types of a variadic operand list, which must be non-empty.
static FailureOr<SmallVector<RankedTensorType>>
getInputTensors(OptionalLoc loc, StringRef opName, ValueRange inputs) {
  if (inputs.empty())
    return reportOpError(loc, opName, "needs at least one input");
  SmallVector<RankedTensorType> tensors;
  for (Value input : inputs) {
    auto tensor = getStaticTensor(loc, opName, input.getType(), "input");
    if (failed(tensor))
      return failure();
    tensors.push_back(*tensor);
  }
  return tensors;
}

/// The dtype of joining `tensors`: their promotion.
static Type getJoinedElementType(ArrayRef<RankedTensorType> tensors) {
  Type element;
  for (RankedTensorType tensor : tensors)
    element = promoteTypes(element, tensor.getElementType());
  return element;
}

/// torch.cat skips 1-D empty inputs whatever the other inputs' rank, a
/// legacy rule kept for code that starts from torch.empty(0).
static bool isSkippedByCat(RankedTensorType tensor) {
  return tensor.getShape() == ArrayRef<int64_t>{0};
}

LogicalResult CatOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto tensors = getInputTensors(loc, name, adaptor.getInputs());
  if (failed(tensors))
    return failure();
  // The first input that is not skipped sets the shape the others match.
  const auto *reference = llvm::find_if_not(*tensors, isSkippedByCat);
  if (reference == tensors->end())
    reference = tensors->begin();
  size_t referenceIndex = reference - tensors->begin();
  ArrayRef<int64_t> expected = reference->getShape();
  if (expected.empty())
    return reportOpError(loc, name, "cannot concatenate 0-d tensors");
  auto dim = normalizeDim(loc, name, adaptor.getDim(), expected.size());
  if (failed(dim))
    return failure();
  SmallVector<int64_t> shape(expected);
  shape[*dim] = 0;
  for (auto [index, tensor] : llvm::enumerate(*tensors)) {
    ArrayRef<int64_t> other = tensor.getShape();
    if (index != referenceIndex && isSkippedByCat(tensor))
      continue;
    bool fits = other.size() == expected.size();
    for (size_t d = 0; fits && d < expected.size(); ++d)
      fits = static_cast<int64_t>(d) == *dim || other[d] == expected[d];
    if (!fits)
      return reportOpError(
          loc, name,
          "input " + Twine(index) + " of shape " + formatShape(other) +
              " does not match input " + Twine(referenceIndex) + " of shape " +
              formatShape(expected) + " outside dimension " + Twine(*dim));
    shape[*dim] += other[*dim];
  }
  types.push_back(RankedTensorType::get(shape, getJoinedElementType(*tensors)));
  return success();
}

OpFoldResult CatOp::fold(FoldAdaptor adaptor) {
  if (getInputs().size() == 1)
    return ifSameType(getInputs().front(), getType());
  // Constant inputs concatenate into one constant.
  SmallVector<Attribute> pieces;
  for (Attribute input : adaptor.getInputs()) {
    auto dense = dyn_cast_or_null<DenseElementsAttr>(input);
    if (!dense)
      return nullptr;
    pieces.append(dense.getValues<Attribute>().begin(),
                  dense.getValues<Attribute>().end());
  }
  int64_t rank = getType().getRank();
  int64_t dim = (getDim() + rank) % rank;
  SmallVector<int64_t> offsets, sizes;
  int64_t position = 0;
  for (Value input : getInputs()) {
    auto shape = cast<RankedTensorType>(input.getType()).getShape();
    offsets.push_back(position);
    sizes.push_back(shape[dim]);
    position += shape[dim];
  }
  // Each input's elements follow the previous input's in `pieces`.
  SmallVector<int64_t> starts;
  int64_t start = 0;
  for (Value input : getInputs()) {
    starts.push_back(start);
    start += cast<RankedTensorType>(input.getType()).getNumElements();
  }
  auto flat = DenseElementsAttr::get(
      RankedTensorType::get({static_cast<int64_t>(pieces.size())},
                            getType().getElementType()),
      pieces);
  ArrayRef<int64_t> resultShape = getType().getShape();
  return foldDataMovement(flat, getType(), [&](ArrayRef<int64_t> index) {
    size_t which = 0;
    while (which + 1 < offsets.size() && index[dim] >= offsets[which + 1])
      ++which;
    SmallVector<int64_t> source(index), shape(resultShape);
    source[dim] -= offsets[which];
    shape[dim] = sizes[which];
    return starts[which] + getLinearIndex(source, shape);
  });
}

LogicalResult StackOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto tensors = getInputTensors(loc, name, adaptor.getInputs());
  if (failed(tensors))
    return failure();
  ArrayRef<int64_t> first = tensors->front().getShape();
  for (auto [index, tensor] : llvm::enumerate(*tensors))
    if (tensor.getShape() != first)
      return reportOpError(loc, name,
                           "stacks tensors of equal shape, but input " +
                               Twine(index) + " is " +
                               formatShape(tensor.getShape()) +
                               " and input 0 is " + formatShape(first));
  auto dim = normalizeDim(loc, name, adaptor.getDim(), first.size() + 1);
  if (failed(dim))
    return failure();
  SmallVector<int64_t> shape(first);
  shape.insert(shape.begin() + *dim, tensors->size());
  types.push_back(RankedTensorType::get(shape, getJoinedElementType(*tensors)));
  return success();
}

//===----------------------------------------------------------------------===//
// slice, index_select, gather
//===----------------------------------------------------------------------===//

/// Python's slice clamping: negative bounds count from the end, and both
/// bounds clamp to [0, size].
static int64_t clampSliceBound(int64_t bound, int64_t size) {
  if (bound < 0)
    bound += size;
  return std::clamp<int64_t>(bound, 0, size);
}

LogicalResult SliceOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto tensor =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(tensor))
    return failure();
  if (tensor->getRank() == 0)
    return reportOpError(loc, name, "cannot slice a 0-d tensor");
  auto dim = normalizeDim(loc, name, adaptor.getDim(), tensor->getRank());
  if (failed(dim))
    return failure();
  int64_t step = adaptor.getStep();
  if (step <= 0)
    return reportOpError(loc, name,
                         "step must be positive, got " + Twine(step));
  SmallVector<int64_t> shape(tensor->getShape());
  int64_t start = clampSliceBound(adaptor.getStart(), shape[*dim]);
  int64_t end = clampSliceBound(adaptor.getEnd(), shape[*dim]);
  // Written so that no intermediate overflows, even for a step near 2^63.
  shape[*dim] = end > start ? 1 + (end - start - 1) / step : 0;
  types.push_back(tensor->clone(shape));
  return success();
}

OpFoldResult SliceOp::fold(FoldAdaptor adaptor) {
  if (getStep() == 1)
    if (OpFoldResult same = ifSameType(getInput(), getType()))
      return same;
  ArrayRef<int64_t> inputShape = getInput().getType().getShape();
  int64_t dim = getType().getRank() > 0
                    ? (getDim() + getType().getRank()) % getType().getRank()
                    : 0;
  int64_t start = clampSliceBound(getStart(), inputShape[dim]);
  int64_t step = getStep();
  return foldDataMovement(
      adaptor.getInput(), getType(), [&](ArrayRef<int64_t> index) {
        SmallVector<int64_t> source(index);
        source[dim] = start + index[dim] * step;
        return getLinearIndex(source, inputShape);
      });
}

OpFoldResult IndexSelectOp::fold(FoldAdaptor adaptor) {
  auto index = dyn_cast_or_null<DenseElementsAttr>(adaptor.getIndex());
  if (!index)
    return nullptr;
  SmallVector<int64_t> picks;
  for (const APInt &value : index.getValues<APInt>())
    picks.push_back(value.getSExtValue());
  ArrayRef<int64_t> inputShape = getInput().getType().getShape();
  int64_t rank = inputShape.size();
  int64_t dim = (getDim() + rank) % rank;
  return foldDataMovement(
      adaptor.getInput(), getType(), [&](ArrayRef<int64_t> resultIndex) {
        SmallVector<int64_t> source(resultIndex);
        source[dim] = picks[resultIndex[dim]];
        // Out-of-range picks make the fold give up (a negative index).
        if (source[dim] < 0 || source[dim] >= inputShape[dim])
          return int64_t(-1);
        return getLinearIndex(source, inputShape);
      });
}

LogicalResult IndexSelectOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                              Adaptor adaptor,
                                              SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto tensor =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  auto index =
      getStaticTensor(loc, name, adaptor.getIndex().getType(), "index");
  if (failed(tensor) || failed(index))
    return failure();
  if (index->getRank() > 1)
    return reportOpError(loc, name,
                         "index must be 0-D or 1-D, got " +
                             formatShape(index->getShape()));
  auto dim = normalizeDim(loc, name, adaptor.getDim(), tensor->getRank());
  if (failed(dim))
    return failure();
  SmallVector<int64_t> shape(tensor->getShape());
  if (!shape.empty())
    shape[*dim] = index->getNumElements();
  else if (index->getNumElements() != 1)
    return reportOpError(loc, name,
                         "index into a 0-d input must hold one value, got " +
                             formatShape(index->getShape()));
  types.push_back(tensor->clone(shape));
  return success();
}

LogicalResult GatherOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto tensor =
      getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  auto index =
      getStaticTensor(loc, name, adaptor.getIndex().getType(), "index");
  if (failed(tensor) || failed(index))
    return failure();
  ArrayRef<int64_t> input = tensor->getShape(), indices = index->getShape();
  auto dim = normalizeDim(loc, name, adaptor.getDim(), input.size());
  if (failed(dim))
    return failure();
  bool fits = input.size() == indices.size();
  for (size_t d = 0; fits && d < input.size(); ++d)
    fits = static_cast<int64_t>(d) == *dim || indices[d] <= input[d];
  if (!fits)
    return reportOpError(
        loc, name,
        "index of shape " + formatShape(indices) +
            " must have the rank of the input " + formatShape(input) +
            " and be no larger outside dimension " + Twine(*dim));
  types.push_back(tensor->clone(indices));
  return success();
}

} // namespace kiln
