//===- LowerIndexingOps.cpp - Indexing ops to linalg and scf --------------===//
//
/// Gathers (take, gather_nd) and one_hot are `linalg.generic`s over the
/// result that read their sources with `tensor.extract` at computed
/// coordinates; scatters (scatter, scatter_nd) are `scf.for` nests over the
/// updates that `tensor.insert` into a copy of the input, in row-major order
/// (so with repeated indices the last write wins). cumsum is an `scf.for`
/// along its dimension carrying the running sum of one slice. topk ranks
/// every element of a row against the others (a reduction generic), then
/// picks the entries of rank < k (a second one): O(n^2) per row, no sort.
/// trilu, tile and flip are generics with affine maps. Negative indices wrap
/// around once, as ONNX defines them; every index read from data is checked
/// at run time (IndexChecks.h). one_hot reads no memory at its indices:
/// torch's form checks them all the same, as torch's one_hot raises; ONNX's
/// form gives an all-off row for an index out of range.
//
//===----------------------------------------------------------------------===//

#include "codegen/linalg/IndexChecks.h"
#include "codegen/linalg/LoweringUtils.h"

#include "ir/KilnOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;

namespace kiln {
namespace {

RankedTensorType getConvertedType(const TypeConverter *converter, Value value) {
  return cast<RankedTensorType>(converter->convertType(value.getType()));
}

int64_t normalize(int64_t dim, int64_t rank) {
  int64_t extent = std::max<int64_t>(rank, 1);
  return dim < 0 ? dim + extent : dim;
}

/// The element of the index tensor `indices` at `position` as an index
/// into dimension `dim` (of size `size`) of what `op` indexes, wrapped once
/// into [0, size) when negative and checked at run time (IndexChecks.h).
Value readIndex(OpBuilder &b, Location loc, Operation *op, Value indices,
                ValueRange position, int64_t dim, int64_t size) {
  Value raw = b.create<tensor::ExtractOp>(loc, indices, position);
  return createCheckedIndex(b, loc, op, raw, dim, size);
}

SmallVector<Value> getIndices(OpBuilder &b, Location loc, int64_t rank) {
  SmallVector<Value> position;
  for (int64_t d = 0; d < rank; ++d)
    position.push_back(b.create<linalg::IndexOp>(loc, d));
  return position;
}

/// A generic over `type` whose body computes each element from its
/// position.
Value createIndexedGeneric(
    OpBuilder &builder, Location loc, RankedTensorType type,
    function_ref<Value(OpBuilder &, Location, ArrayRef<Value>)> body) {
  int64_t rank = type.getRank();
  Value init = builder.create<tensor::EmptyOp>(loc, type.getShape(),
                                               type.getElementType());
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto generic = builder.create<linalg::GenericOp>(
      loc, TypeRange{type}, ValueRange{}, ValueRange{init},
      ArrayRef<AffineMap>{builder.getMultiDimIdentityMap(rank)}, iterators,
      [&](OpBuilder &b, Location nested, ValueRange) {
        SmallVector<Value> position = getIndices(b, nested, rank);
        b.create<linalg::YieldOp>(nested, body(b, nested, position));
      });
  return generic.getResult(0);
}

struct LowerTake : OpConversionPattern<TakeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(TakeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = getConvertedType(getTypeConverter(), op.getResult());
    ArrayRef<int64_t> inputShape = op.getInput().getType().getShape();
    int64_t axis = normalize(op.getAxis(), inputShape.size());
    int64_t indexRank = op.getIndices().getType().getRank();
    Value input = adaptor.getInput(), indices = adaptor.getIndices();
    rewriter.replaceOp(
        op, createIndexedGeneric(
                rewriter, op.getLoc(), type,
                [&](OpBuilder &b, Location loc, ArrayRef<Value> position) {
                  Value index = readIndex(b, loc, op, indices,
                                          position.slice(axis, indexRank), axis,
                                          inputShape[axis]);
                  SmallVector<Value> at(position.take_front(axis));
                  at.push_back(index);
                  llvm::append_range(at, position.drop_front(axis + indexRank));
                  return b.create<tensor::ExtractOp>(loc, input, at);
                }));
    return success();
  }
};

struct LowerGatherNd : OpConversionPattern<GatherNdOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GatherNdOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = getConvertedType(getTypeConverter(), op.getResult());
    ArrayRef<int64_t> inputShape = op.getInput().getType().getShape();
    ArrayRef<int64_t> indexShape = op.getIndices().getType().getShape();
    int64_t batch = op.getBatchDims(), k = indexShape.back();
    int64_t tuples = indexShape.size() - 1;
    Value input = adaptor.getInput(), indices = adaptor.getIndices();
    rewriter.replaceOp(
        op, createIndexedGeneric(
                rewriter, op.getLoc(), type,
                [&](OpBuilder &b, Location loc, ArrayRef<Value> position) {
                  SmallVector<Value> at(position.take_front(batch));
                  SmallVector<Value> tuple(position.take_front(tuples));
                  tuple.push_back(nullptr);
                  for (int64_t j = 0; j < k; ++j) {
                    tuple.back() = b.create<arith::ConstantIndexOp>(loc, j);
                    at.push_back(readIndex(b, loc, op, indices, tuple,
                                           batch + j, inputShape[batch + j]));
                  }
                  llvm::append_range(at, position.drop_front(tuples));
                  return b.create<tensor::ExtractOp>(loc, input, at);
                }));
    return success();
  }
};

/// `old` combined with `update` by a scatter's reduction (kiln dtype
/// `type`).
Value combineScatter(OpBuilder &b, Location loc, ScatterReduce reduce,
                     Type type, Value old, Value update) {
  bool isFloat = isa<FloatType>(type), isUnsigned = isZeroExtended(type);
  switch (reduce) {
  case ScatterReduce::none:
    return update;
  case ScatterReduce::add:
    return isFloat ? b.create<arith::AddFOp>(loc, old, update).getResult()
                   : b.create<arith::AddIOp>(loc, old, update);
  case ScatterReduce::mul:
    return isFloat ? b.create<arith::MulFOp>(loc, old, update).getResult()
                   : b.create<arith::MulIOp>(loc, old, update);
  case ScatterReduce::max:
    return isFloat      ? b.create<arith::MaximumFOp>(loc, old, update).getResult()
           : isUnsigned ? b.create<arith::MaxUIOp>(loc, old, update).getResult()
                        : b.create<arith::MaxSIOp>(loc, old, update);
  case ScatterReduce::min:
    return isFloat      ? b.create<arith::MinimumFOp>(loc, old, update).getResult()
           : isUnsigned ? b.create<arith::MinUIOp>(loc, old, update).getResult()
                        : b.create<arith::MinSIOp>(loc, old, update);
  }
  llvm_unreachable("unknown scatter reduction");
}

/// An scf.for nest over `shape` carrying a copy of `target`; `position`
/// gives, for the loop indices, where in the target the update read at the
/// same indices from `updates` goes.
Value createScatterLoops(
    OpBuilder &builder, Location loc, Value target, Value updates,
    ArrayRef<int64_t> shape, ScatterReduce reduce, Type kilnType,
    function_ref<SmallVector<Value>(OpBuilder &, Location, ValueRange)>
        position) {
  SmallVector<Value> lbs, ubs, steps;
  for (int64_t size : shape) {
    lbs.push_back(builder.create<arith::ConstantIndexOp>(loc, 0));
    ubs.push_back(builder.create<arith::ConstantIndexOp>(loc, size));
    steps.push_back(builder.create<arith::ConstantIndexOp>(loc, 1));
  }
  // The loops write into a copy: one-shot bufferization would otherwise
  // update the input's buffer in place, which may be a function argument
  // (a parameter) that the caller still reads.
  auto targetType = cast<RankedTensorType>(target.getType());
  Value copy = builder
                   .create<linalg::CopyOp>(
                       loc, target,
                       builder.create<tensor::EmptyOp>(
                           loc, targetType.getShape(),
                           targetType.getElementType()).getResult())
                   .getResult(0);
  scf::LoopNest nest = scf::buildLoopNest(
      builder, loc, lbs, ubs, steps, ValueRange{copy},
      [&](OpBuilder &b, Location nested, ValueRange ivs,
          ValueRange args) -> scf::ValueVector {
        SmallVector<Value> at = position(b, nested, ivs);
        Value update = b.create<tensor::ExtractOp>(nested, updates, ivs);
        if (reduce != ScatterReduce::none) {
          Value old = b.create<tensor::ExtractOp>(nested, args[0], at);
          update = combineScatter(b, nested, reduce, kilnType, old, update);
        }
        return {b.create<tensor::InsertOp>(nested, update, args[0], at)};
      });
  return nest.results.front();
}

struct LowerScatter : OpConversionPattern<ScatterOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ScatterOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ArrayRef<int64_t> inputShape = op.getInput().getType().getShape();
    ArrayRef<int64_t> indexShape = op.getIndex().getType().getShape();
    int64_t dim = normalize(op.getDim(), inputShape.size());
    Value index = adaptor.getIndex();
    // The updates read at the index's positions: src cut to its shape.
    Value src = adaptor.getSrc();
    if (op.getSrc().getType().getShape() != indexShape) {
      MLIRContext *context = rewriter.getContext();
      SmallVector<int64_t> zeros(indexShape.size(), 0), ones(indexShape.size(), 1);
      src = rewriter.create<tensor::ExtractSliceOp>(
          op.getLoc(), src, getAsIndexOpFoldResult(context, zeros),
          getAsIndexOpFoldResult(context, indexShape),
          getAsIndexOpFoldResult(context, ones));
    }
    Value result = createScatterLoops(
        rewriter, op.getLoc(), adaptor.getInput(), src, indexShape,
        op.getReduce(), op.getType().getElementType(),
        [&](OpBuilder &b, Location loc, ValueRange ivs) {
          SmallVector<Value> at(ivs);
          if (!at.empty())
            at[dim] = readIndex(b, loc, op, index, ivs, dim, inputShape[dim]);
          return at;
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct LowerScatterNd : OpConversionPattern<ScatterNdOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ScatterNdOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ArrayRef<int64_t> inputShape = op.getInput().getType().getShape();
    ArrayRef<int64_t> indexShape = op.getIndices().getType().getShape();
    int64_t k = indexShape.back(), tuples = indexShape.size() - 1;
    Value indices = adaptor.getIndices();
    Value result = createScatterLoops(
        rewriter, op.getLoc(), adaptor.getInput(), adaptor.getUpdates(),
        op.getUpdates().getType().getShape(), op.getReduce(),
        op.getType().getElementType(),
        [&](OpBuilder &b, Location loc, ValueRange ivs) {
          SmallVector<Value> tuple(ivs.take_front(tuples)), at;
          tuple.push_back(nullptr);
          for (int64_t j = 0; j < k; ++j) {
            tuple.back() = b.create<arith::ConstantIndexOp>(loc, j);
            at.push_back(
                readIndex(b, loc, op, indices, tuple, j, inputShape[j]));
          }
          llvm::append_range(at, ivs.drop_front(tuples));
          return at;
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

Value convertElements(OpBuilder &b, Location loc, Value input, Type from,
                      Type to) {
  if (from == to)
    return input;
  auto type = cast<RankedTensorType>(input.getType());
  return createElementwise(b, loc, type.clone(getSignlessType(to)), input,
                           [&](OpBuilder &nb, Location nl, ValueRange args) {
                             return convertScalar(nb, nl, args[0], from, to);
                           });
}

struct LowerCumsum : OpConversionPattern<CumsumOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(CumsumOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = getConvertedType(getTypeConverter(), op.getResult());
    Type element = op.getType().getElementType();
    Value input =
        convertElements(rewriter, loc, adaptor.getInput(),
                        op.getInput().getType().getElementType(), element);
    Value zero = createScalarConstant(rewriter, loc, element, 0);
    int64_t rank = type.getRank();
    bool exclusive = op.getExclusive(), reverse = op.getReverse();
    // PyTorch's CPU cumsum accumulates float32 in double (its acc_type), so
    // a long scan rounds once per element, not once per running addition.
    Type accumulator = element.isF32() ? rewriter.getF64Type() : element;
    if (rank == 0) {
      rewriter.replaceOp(op, exclusive
                                 ? createFilledTensor(rewriter, loc, type, zero)
                                 : input);
      return success();
    }
    int64_t dim = normalize(op.getDim(), rank);
    int64_t size = type.getDimSize(dim);
    SmallVector<int64_t> sliceShape(type.getShape());
    sliceShape[dim] = 1;
    auto sliceType = RankedTensorType::get(sliceShape, type.getElementType());
    MLIRContext *context = rewriter.getContext();
    SmallVector<OpFoldResult> sizes = getAsIndexOpFoldResult(context, sliceShape);
    SmallVector<OpFoldResult> strides =
        getAsIndexOpFoldResult(context, SmallVector<int64_t>(rank, 1));
    bool isFloat = isa<FloatType>(element);

    Value result = rewriter.create<tensor::EmptyOp>(loc, type.getShape(),
                                                    type.getElementType());
    auto runningType = sliceType.clone(getSignlessType(accumulator));
    Value sum = createFilledTensor(
        rewriter, loc, runningType,
        createScalarConstant(rewriter, loc, accumulator, 0));
    auto loop = rewriter.create<scf::ForOp>(
        loc, rewriter.create<arith::ConstantIndexOp>(loc, 0),
        rewriter.create<arith::ConstantIndexOp>(loc, size),
        rewriter.create<arith::ConstantIndexOp>(loc, 1),
        ValueRange{result, sum},
        [&](OpBuilder &b, Location nested, Value iv, ValueRange args) {
          Value at = iv;
          if (reverse)
            at = b.create<arith::SubIOp>(
                nested, b.create<arith::ConstantIndexOp>(nested, size - 1), iv);
          SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0));
          offsets[dim] = at;
          Value slice = b.create<tensor::ExtractSliceOp>(
              nested, sliceType, input, offsets, sizes, strides);
          Value out = args[0], running = args[1];
          auto rounded = [&](Value value) {
            return convertElements(b, nested, value, accumulator, element);
          };
          if (exclusive)
            out = b.create<tensor::InsertSliceOp>(nested, rounded(running), out,
                                                  offsets, sizes, strides);
          // The running sum accumulates in place.
          SmallVector<utils::IteratorType> iterators(
              rank, utils::IteratorType::parallel);
          AffineMap identity = b.getMultiDimIdentityMap(rank);
          running =
              b.create<linalg::GenericOp>(
                   nested, TypeRange{runningType}, ValueRange{slice},
                   ValueRange{running}, ArrayRef<AffineMap>{identity, identity},
                   iterators,
                   [&](OpBuilder &g, Location gl, ValueRange values) {
                     Value term =
                         convertScalar(g, gl, values[0], element, accumulator);
                     Value added =
                         isFloat ? g.create<arith::AddFOp>(gl, values[1], term)
                                       .getResult()
                                 : g.create<arith::AddIOp>(gl, values[1], term);
                     g.create<linalg::YieldOp>(gl, added);
                   })
                  .getResult(0);
          if (!exclusive)
            out = b.create<tensor::InsertSliceOp>(nested, rounded(running), out,
                                                  offsets, sizes, strides);
          b.create<scf::YieldOp>(nested, ValueRange{out, running});
        });
    rewriter.replaceOp(op, loop.getResult(0));
    return success();
  }
};

/// Whether `a` comes before `b` in topk's order (`largest`: descending).
/// As in PyTorch, NaN is larger than every number: first when `largest`,
/// last otherwise.
Value isBefore(OpBuilder &b, Location loc, Type type, bool largest, Value a,
               Value bValue) {
  if (isa<FloatType>(type)) {
    Value ordered = b.create<arith::CmpFOp>(
        loc, largest ? arith::CmpFPredicate::OGT : arith::CmpFPredicate::OLT,
        a, bValue);
    Value aIsNan = b.create<arith::CmpFOp>(loc, arith::CmpFPredicate::UNO, a, a);
    Value bIsNan =
        b.create<arith::CmpFOp>(loc, arith::CmpFPredicate::UNO, bValue, bValue);
    Value nanFirst = largest
                         ? b.create<arith::CmpIOp>(
                               loc, arith::CmpIPredicate::ugt, aIsNan, bIsNan)
                         : b.create<arith::CmpIOp>(
                               loc, arith::CmpIPredicate::ult, aIsNan, bIsNan);
    return b.create<arith::OrIOp>(loc, ordered, nanFirst);
  }
  bool isUnsigned = isZeroExtended(type);
  arith::CmpIPredicate predicate =
      largest ? (isUnsigned ? arith::CmpIPredicate::ugt
                            : arith::CmpIPredicate::sgt)
              : (isUnsigned ? arith::CmpIPredicate::ult
                            : arith::CmpIPredicate::slt);
  return b.create<arith::CmpIOp>(loc, predicate, a, bValue);
}

/// Whether `a` and `b` tie in topk's order: equal, or both NaN.
Value isEqual(OpBuilder &b, Location loc, Type type, Value a, Value bValue) {
  if (isa<FloatType>(type))
    return b.create<arith::OrIOp>(
        loc, b.create<arith::CmpFOp>(loc, arith::CmpFPredicate::OEQ, a, bValue),
        b.create<arith::AndIOp>(
            loc, b.create<arith::CmpFOp>(loc, arith::CmpFPredicate::UNO, a, a),
            b.create<arith::CmpFOp>(loc, arith::CmpFPredicate::UNO, bValue,
                                    bValue)));
  return b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq, a, bValue);
}

struct LowerTopk : OpConversionPattern<TopkOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(TopkOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    RankedTensorType inputType = op.getInput().getType();
    Type element = inputType.getElementType();
    ArrayRef<int64_t> shape = inputType.getShape();
    int64_t rank = shape.size();
    int64_t dim = normalize(op.getDim(), rank);
    bool largest = !op.getSmallest();
    Value input = adaptor.getInput();
    Type i64 = rewriter.getI64Type();

    // Maps over rank + 1 loops: the element's own position (loops 0..rank),
    // the same with loop `rank` along `dim`, and the position without it.
    SmallVector<AffineExpr> own, along;
    for (int64_t d = 0; d < rank; ++d) {
      own.push_back(getAffineDimExpr(d, context));
      along.push_back(getAffineDimExpr(d == dim ? rank : d, context));
    }
    AffineMap ownMap = AffineMap::get(rank + 1, 0, own, context);
    AffineMap alongMap = AffineMap::get(rank + 1, 0, along, context);
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    iterators.push_back(utils::IteratorType::reduction);
    Value zero64 = rewriter.create<arith::ConstantOp>(
        loc, rewriter.getI64IntegerAttr(0));

    // rank[p] = how many elements of p's row come before it.
    auto rankType = RankedTensorType::get(shape, i64);
    Value ranks =
        rewriter
            .create<linalg::GenericOp>(
                loc, TypeRange{rankType}, ValueRange{input, input},
                ValueRange{createFilledTensor(rewriter, loc, rankType, zero64)},
                ArrayRef<AffineMap>{ownMap, alongMap, ownMap}, iterators,
                [&](OpBuilder &b, Location nested, ValueRange args) {
                  Value self = args[0], other = args[1];
                  Value i = b.create<linalg::IndexOp>(nested, dim);
                  Value m = b.create<linalg::IndexOp>(nested, rank);
                  Value tie = b.create<arith::AndIOp>(
                      nested, isEqual(b, nested, element, other, self),
                      b.create<arith::CmpIOp>(
                          nested, arith::CmpIPredicate::ult, m, i));
                  Value before = b.create<arith::OrIOp>(
                      nested, isBefore(b, nested, element, largest, other, self),
                      tie);
                  Value count = b.create<arith::AddIOp>(
                      nested, args[2],
                      b.create<arith::ExtUIOp>(nested, i64, before));
                  b.create<linalg::YieldOp>(nested, count);
                })
            .getResult(0);

    // result[.., j, ..] = the element of rank j: loop `rank` runs over the
    // row, loop `dim` over the k results.
    RankedTensorType valuesType =
        getConvertedType(getTypeConverter(), op.getValues());
    auto indicesType = cast<RankedTensorType>(op.getIndices().getType());
    Value zero = createScalarConstant(rewriter, loc, element, 0);
    auto picked = rewriter.create<linalg::GenericOp>(
        loc, TypeRange{valuesType, indicesType}, ValueRange{input, ranks},
        ValueRange{createFilledTensor(rewriter, loc, valuesType, zero),
                   createFilledTensor(rewriter, loc, indicesType, zero64)},
        ArrayRef<AffineMap>{alongMap, alongMap, ownMap, ownMap}, iterators,
        [&](OpBuilder &b, Location nested, ValueRange args) {
          Value j = b.create<arith::IndexCastOp>(
              nested, i64, b.create<linalg::IndexOp>(nested, dim));
          Value i = b.create<arith::IndexCastOp>(
              nested, i64, b.create<linalg::IndexOp>(nested, rank));
          Value hit = b.create<arith::CmpIOp>(nested, arith::CmpIPredicate::eq,
                                              args[1], j);
          b.create<linalg::YieldOp>(
              nested,
              ValueRange{
                  b.create<arith::SelectOp>(nested, hit, args[0], args[2]),
                  b.create<arith::SelectOp>(nested, hit, i, args[3])});
        });
    rewriter.replaceOp(op, picked.getResults());
    return success();
  }
};

struct LowerOneHot : OpConversionPattern<OneHotOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OneHotOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    RankedTensorType type = getConvertedType(getTypeConverter(), op.getResult());
    int64_t rank = type.getRank();
    int64_t axis = normalize(op.getAxis(), rank);
    int64_t depth = op.getDepth();
    Type i64 = rewriter.getI64Type();
    Value on, off;
    // ONNX's form wraps and tolerates out-of-range indices; torch's checks
    // them (the op's definition).
    bool onnxForm = static_cast<bool>(adaptor.getValues());
    if (Value values = adaptor.getValues()) {
      off = rewriter.create<tensor::ExtractOp>(
          loc, values, ValueRange{rewriter.create<arith::ConstantIndexOp>(loc, 0)});
      on = rewriter.create<tensor::ExtractOp>(
          loc, values, ValueRange{rewriter.create<arith::ConstantIndexOp>(loc, 1)});
    } else {
      off = rewriter.create<arith::ConstantOp>(loc, rewriter.getI64IntegerAttr(0));
      on = rewriter.create<arith::ConstantOp>(loc, rewriter.getI64IntegerAttr(1));
    }
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d < rank; ++d)
      if (d != axis)
        exprs.push_back(getAffineDimExpr(d, context));
    AffineMap indexMap = AffineMap::get(rank, 0, exprs, context);
    Value init = rewriter.create<tensor::EmptyOp>(loc, type.getShape(),
                                                  type.getElementType());
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    auto generic = rewriter.create<linalg::GenericOp>(
        loc, TypeRange{type}, ValueRange{adaptor.getIndices()},
        ValueRange{init},
        ArrayRef<AffineMap>{indexMap, rewriter.getMultiDimIdentityMap(rank)},
        iterators, [&](OpBuilder &b, Location nested, ValueRange args) {
          Value index = args[0];
          Value wrapped;
          if (!onnxForm) {
            wrapped = b.create<arith::IndexCastOp>(
                nested, i64,
                createCheckedIndex(b, nested, op, index, axis, depth));
          } else {
            if (index.getType() != i64)
              index = b.create<arith::ExtSIOp>(nested, i64, index);
            Value zero =
                b.create<arith::ConstantOp>(nested, b.getI64IntegerAttr(0));
            wrapped = b.create<arith::SelectOp>(
                nested,
                b.create<arith::CmpIOp>(nested, arith::CmpIPredicate::slt,
                                        index, zero),
                b.create<arith::AddIOp>(
                    nested, index,
                    b.create<arith::ConstantOp>(nested,
                                                b.getI64IntegerAttr(depth))),
                index);
          }
          Value j = b.create<arith::IndexCastOp>(
              nested, i64, b.create<linalg::IndexOp>(nested, axis));
          Value hit = b.create<arith::CmpIOp>(nested, arith::CmpIPredicate::eq,
                                              wrapped, j);
          b.create<linalg::YieldOp>(
              nested, b.create<arith::SelectOp>(nested, hit, on, off).getResult());
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

struct LowerTrilu : OpConversionPattern<TriluOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(TriluOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = getConvertedType(getTypeConverter(), op.getResult());
    int64_t rank = type.getRank();
    Type element = op.getType().getElementType();
    bool lower = op.getLower();
    int64_t diagonal = op.getDiagonal();
    rewriter.replaceOp(
        op, createElementwise(
                rewriter, op.getLoc(), type, adaptor.getInput(),
                [&](OpBuilder &b, Location loc, ValueRange args) {
                  Type i64 = b.getI64Type();
                  Value row = b.create<arith::IndexCastOp>(
                      loc, i64, b.create<linalg::IndexOp>(loc, rank - 2));
                  Value col = b.create<arith::IndexCastOp>(
                      loc, i64, b.create<linalg::IndexOp>(loc, rank - 1));
                  Value offset = b.create<arith::SubIOp>(loc, col, row);
                  Value k = b.create<arith::ConstantOp>(
                      loc, b.getI64IntegerAttr(diagonal));
                  Value keep = b.create<arith::CmpIOp>(
                      loc,
                      lower ? arith::CmpIPredicate::sle
                            : arith::CmpIPredicate::sge,
                      offset, k);
                  Value zero = createScalarConstant(b, loc, element, 0);
                  return b.create<arith::SelectOp>(loc, keep, args[0], zero)
                      .getResult();
                }));
    return success();
  }
};

struct LowerTile : OpConversionPattern<TileOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(TileOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    RankedTensorType type = getConvertedType(getTypeConverter(), op.getResult());
    ArrayRef<int64_t> shape = op.getInput().getType().getShape();
    ArrayRef<int64_t> repeats = op.getRepeats();
    size_t lead = repeats.size() - shape.size();
    // The copies as [lead repeats.., r0, s0, r1, s1, ..], read from the input
    // at (s0, s1, ..), then merged pairwise.
    SmallVector<int64_t> split(repeats.take_front(lead));
    SmallVector<AffineExpr> exprs;
    for (auto [d, size] : llvm::enumerate(shape)) {
      split.push_back(repeats[lead + d]);
      exprs.push_back(getAffineDimExpr(split.size(), context));
      split.push_back(size);
    }
    auto splitType = RankedTensorType::get(split, type.getElementType());
    Value init = rewriter.create<tensor::EmptyOp>(loc, split,
                                                  type.getElementType());
    SmallVector<utils::IteratorType> iterators(split.size(),
                                               utils::IteratorType::parallel);
    auto generic = rewriter.create<linalg::GenericOp>(
        loc, TypeRange{splitType}, ValueRange{adaptor.getInput()},
        ValueRange{init},
        ArrayRef<AffineMap>{AffineMap::get(split.size(), 0, exprs, context),
                            rewriter.getMultiDimIdentityMap(split.size())},
        iterators, [&](OpBuilder &b, Location nested, ValueRange args) {
          b.create<linalg::YieldOp>(nested, args[0]);
        });
    rewriter.replaceOp(op,
                       createReshape(rewriter, loc, generic.getResult(0), type));
    return success();
  }
};

struct LowerFlip : OpConversionPattern<FlipOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(FlipOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    RankedTensorType type = getConvertedType(getTypeConverter(), op.getResult());
    ArrayRef<int64_t> shape = type.getShape();
    int64_t rank = shape.size();
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d < rank; ++d)
      exprs.push_back(getAffineDimExpr(d, context));
    for (int64_t dim : op.getDims()) {
      int64_t d = normalize(dim, rank);
      // Dimensions of at most one element stay as they are.
      if (rank > 0 && shape[d] > 1)
        exprs[d] = getAffineConstantExpr(shape[d] - 1, context) -
                   getAffineDimExpr(d, context);
    }
    Value init = rewriter.create<tensor::EmptyOp>(loc, shape,
                                                  type.getElementType());
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    auto generic = rewriter.create<linalg::GenericOp>(
        loc, TypeRange{type}, ValueRange{adaptor.getInput()}, ValueRange{init},
        ArrayRef<AffineMap>{AffineMap::get(rank, 0, exprs, context),
                            rewriter.getMultiDimIdentityMap(rank)},
        iterators, [&](OpBuilder &b, Location nested, ValueRange args) {
          b.create<linalg::YieldOp>(nested, args[0]);
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

} // namespace

void populateLowerIndexingPatterns(KilnTypeConverter &converter,
                                   RewritePatternSet &patterns) {
  patterns.add<LowerTake, LowerGatherNd, LowerScatter, LowerScatterNd,
               LowerCumsum, LowerTopk, LowerOneHot, LowerTrilu, LowerTile,
               LowerFlip>(converter, patterns.getContext());
}

} // namespace kiln
