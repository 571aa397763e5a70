//===- LowerShapeOps.cpp - Shape ops to tensor and linalg -----------------===//
//
/// Reshape-like ops become `tensor.reshape` (Kiln tensors are contiguous);
/// transpose/permute `linalg.transpose`; expand a broadcasting copy; cat and
/// stack `tensor.insert_slice`s into an empty tensor; slice
/// `tensor.extract_slice`; index_select and gather a `linalg.generic` that
/// reads the input at the coordinates the index tensor gives.
//
//===----------------------------------------------------------------------===//

#include "codegen/linalg/IndexChecks.h"
#include "codegen/linalg/LoweringUtils.h"

#include "ir/KilnOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;

namespace kiln {
namespace {

RankedTensorType getConvertedType(const TypeConverter *converter, Value value) {
  return cast<RankedTensorType>(converter->convertType(value.getType()));
}

template <typename OpT> struct LowerToReshape : OpConversionPattern<OpT> {
  using OpConversionPattern<OpT>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op,
                       createReshape(rewriter, op.getLoc(), adaptor.getInput(),
                                     getConvertedType(this->getTypeConverter(),
                                                      op.getResult())));
    return success();
  }
};

/// The permutation a transpose or permute applies, normalized.
SmallVector<int64_t> getPermutation(Operation *op) {
  auto type = cast<RankedTensorType>(op->getOperand(0).getType());
  int64_t rank = type.getRank();
  auto normalize = [&](int64_t dim) { return rank ? (dim + rank) % rank : 0; };
  if (auto permute = dyn_cast<PermuteOp>(op))
    return llvm::map_to_vector(permute.getDims(), normalize);
  auto transpose = cast<TransposeOp>(op);
  SmallVector<int64_t> permutation =
      llvm::to_vector(llvm::seq<int64_t>(0, rank));
  if (rank > 0)
    std::swap(permutation[normalize(transpose.getDim0())],
              permutation[normalize(transpose.getDim1())]);
  return permutation;
}

template <typename OpT> struct LowerPermutation : OpConversionPattern<OpT> {
  using OpConversionPattern<OpT>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type =
        getConvertedType(this->getTypeConverter(), op.getResult());
    Value init = rewriter.create<tensor::EmptyOp>(op.getLoc(), type.getShape(),
                                                  type.getElementType());
    auto transpose = rewriter.create<linalg::TransposeOp>(
        op.getLoc(), adaptor.getInput(), init, getPermutation(op));
    rewriter.replaceOp(op, transpose.getResult());
    return success();
  }
};

struct LowerExpand : OpConversionPattern<ExpandOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ExpandOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, createElementwise(
                rewriter, op.getLoc(),
                getConvertedType(getTypeConverter(), op.getResult()),
                adaptor.getInput(), [](OpBuilder &, Location, ValueRange args) {
                  return args[0];
                }));
    return success();
  }
};

/// Converts `input` (of kiln dtype `from`) to the dtype of `to`, if needed.
Value convertTensor(OpBuilder &b, Location loc, Value input, Type from,
                    Type to) {
  if (from == to)
    return input;
  auto type = cast<RankedTensorType>(input.getType());
  return createElementwise(b, loc, type.clone(getSignlessType(to)), input,
                           [&](OpBuilder &nb, Location nl, ValueRange args) {
                             return convertScalar(nb, nl, args[0], from, to);
                           });
}

/// Writes `pieces` one after another along `dim` of a new tensor of `type`.
/// Each piece is reshaped to `pieceShape(i)` first when given.
Value concatenate(OpBuilder &b, Location loc, RankedTensorType type,
                  ArrayRef<Value> pieces, int64_t dim) {
  Value result =
      b.create<tensor::EmptyOp>(loc, type.getShape(), type.getElementType());
  int64_t offset = 0;
  for (Value piece : pieces) {
    ArrayRef<int64_t> shape =
        cast<RankedTensorType>(piece.getType()).getShape();
    SmallVector<int64_t> offsets(shape.size(), 0), strides(shape.size(), 1);
    offsets[dim] = offset;
    result = b.create<tensor::InsertSliceOp>(
        loc, piece, result, getAsIndexOpFoldResult(b.getContext(), offsets),
        getAsIndexOpFoldResult(b.getContext(), shape),
        getAsIndexOpFoldResult(b.getContext(), strides));
    offset += shape[dim];
  }
  return result;
}

/// cat and stack: each input converted to the result's dtype and written
/// after the previous ones along `dim`. Stack first gives each input a size-1
/// `dim`; cat skips torch.cat's legacy 1-D empty inputs, whose rank differs.
template <typename OpT> struct LowerJoin : OpConversionPattern<OpT> {
  using OpConversionPattern<OpT>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    constexpr bool isStack = std::is_same_v<OpT, StackOp>;
    RankedTensorType type =
        getConvertedType(this->getTypeConverter(), op.getResult());
    Type element = op.getType().getElementType();
    int64_t rank = type.getRank();
    int64_t dim = (op.getDim() + rank) % rank;
    SmallVector<int64_t> stackedShape(type.getShape());
    stackedShape[dim] = 1;
    SmallVector<Value> pieces;
    for (auto [original, converted] :
         llvm::zip_equal(op.getInputs(), adaptor.getInputs())) {
      auto originalType = cast<RankedTensorType>(original.getType());
      if (!isStack && originalType.getRank() != rank)
        continue;
      Value piece = convertTensor(rewriter, op.getLoc(), converted,
                                  originalType.getElementType(), element);
      if (isStack)
        piece = createReshape(
            rewriter, op.getLoc(), piece,
            RankedTensorType::get(stackedShape, type.getElementType()));
      pieces.push_back(piece);
    }
    rewriter.replaceOp(op,
                       concatenate(rewriter, op.getLoc(), type, pieces, dim));
    return success();
  }
};

struct LowerSlice : OpConversionPattern<SliceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(SliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type =
        getConvertedType(getTypeConverter(), op.getResult());
    ArrayRef<int64_t> input = op.getInput().getType().getShape();
    int64_t rank = input.size();
    int64_t dim = (op.getDim() + rank) % rank;
    // The same clamping the verifier applied to compute the result size.
    int64_t start = op.getStart();
    if (start < 0)
      start += input[dim];
    start = std::clamp<int64_t>(start, 0, input[dim]);
    SmallVector<int64_t> offsets(rank, 0), strides(rank, 1);
    offsets[dim] = type.getDimSize(dim) ? start : 0;
    strides[dim] = op.getStep();
    MLIRContext *context = rewriter.getContext();
    rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
        op, type, adaptor.getInput(), getAsIndexOpFoldResult(context, offsets),
        getAsIndexOpFoldResult(context, type.getShape()),
        getAsIndexOpFoldResult(context, strides));
    return success();
  }
};

/// index_select and gather: the result element at `position` is the input
/// element at `position` with dimension `dim` replaced by an index read from
/// the index tensor (at `position[dim]` for index_select, at `position` for
/// gather), wrapped once when negative.
template <typename OpT> struct LowerIndexed : OpConversionPattern<OpT> {
  using OpConversionPattern<OpT>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type =
        getConvertedType(this->getTypeConverter(), op.getResult());
    int64_t rank = type.getRank();
    int64_t dim = rank ? (op.getDim() + rank) % rank : 0;
    Value input = adaptor.getInput(), index = adaptor.getIndex();
    int64_t indexRank = cast<RankedTensorType>(index.getType()).getRank();
    int64_t inputSize =
        rank ? cast<RankedTensorType>(input.getType()).getDimSize(dim) : 1;
    Value init = rewriter.create<tensor::EmptyOp>(loc, type.getShape(),
                                                  type.getElementType());
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    auto generic = rewriter.create<linalg::GenericOp>(
        loc, TypeRange{type}, ValueRange{}, ValueRange{init},
        ArrayRef<AffineMap>{rewriter.getMultiDimIdentityMap(rank)}, iterators,
        [&](OpBuilder &b, Location nested, ValueRange) {
          SmallVector<Value> position;
          for (int64_t d = 0; d < rank; ++d)
            position.push_back(b.create<linalg::IndexOp>(nested, d));
          SmallVector<Value> indexPosition;
          if (std::is_same_v<OpT, GatherOp>)
            indexPosition = position;
          else if (indexRank == 1)
            // A 0-d input takes a one-element index: its element 0.
            indexPosition.push_back(
                rank ? position[dim]
                     : b.create<arith::ConstantIndexOp>(nested, 0));
          Value selected =
              b.create<tensor::ExtractOp>(nested, index, indexPosition);
          SmallVector<Value> inputPosition = position;
          // A negative index counts from the end, as in ONNX Gather and
          // GatherElements (PyTorch rejects it); one out of range is a
          // run-time error (IndexChecks.h).
          if (rank > 0)
            inputPosition[dim] =
                createCheckedIndex(b, nested, op, selected, dim, inputSize);
          b.create<linalg::YieldOp>(
              nested, b.create<tensor::ExtractOp>(nested, input, inputPosition)
                          .getResult());
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

} // namespace

void populateLowerShapePatterns(KilnTypeConverter &converter,
                                RewritePatternSet &patterns) {
  patterns.add<LowerToReshape<ReshapeOp>, LowerToReshape<ViewOp>,
               LowerToReshape<FlattenOp>, LowerToReshape<SqueezeOp>,
               LowerToReshape<UnsqueezeOp>, LowerPermutation<TransposeOp>,
               LowerPermutation<PermuteOp>, LowerExpand, LowerJoin<CatOp>,
               LowerJoin<StackOp>, LowerSlice, LowerIndexed<IndexSelectOp>,
               LowerIndexed<GatherOp>>(converter, patterns.getContext());
}

} // namespace kiln
