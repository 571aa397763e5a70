//===- LowerConvOps.cpp - Convolution, pooling and pad --------------------===//
//
/// conv becomes a `linalg.generic` contraction over a padded input (a
/// `tensor.pad` with zeros), its loops the batch, the output channel, the
/// output positions, then the input channel of the group and the kernel
/// taps; the input is read at `(o / (O/G)) * (C/G) + c` and
/// `p * stride + k * dilation`. The generic says it is a convolution, with
/// its strides, dilations and groups (Contractions.h), so that a target can
/// run it as a library kernel (kiln-select-cpu-kernels: oneDNN). A bias is a
/// separate broadcast add.
///
/// conv_transpose is a conv: the input spread out by the stride into zeros
/// (`tensor.insert_slice` with strides), padded by the dilated kernel's
/// extent less the padding (cropped where that is negative), with the
/// weight flipped and its channel roles exchanged within each group.
///
/// max_pool and avg_pool are window reductions over a padded input (-inf or
/// zeros), with a kernel-shaped `tensor.empty` operand giving the window
/// loops their bounds, as upstream's pooling ops do; avg_pool then divides
/// by each window's divisor, a constant. max_pool_backward scans each window
/// for its first maximum in `scf.for` loops and adds the gradient there.
/// pad reads each result element from its source element (`tensor.extract`
/// at a reflected or clamped index) or the fill value.
//
//===----------------------------------------------------------------------===//

#include "codegen/linalg/Contractions.h"
#include "codegen/linalg/LoweringUtils.h"

#include "ir/ConvOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <limits>

using namespace mlir;

namespace kiln {
namespace {

RankedTensorType getTensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

/// `input` padded by `low`/`high` (one per dim, non-negative) with `fill`.
Value createPad(OpBuilder &builder, Location loc, Value input,
                ArrayRef<int64_t> low, ArrayRef<int64_t> high, Value fill) {
  if (llvm::all_of(low, [](int64_t p) { return p == 0; }) &&
      llvm::all_of(high, [](int64_t p) { return p == 0; }))
    return input;
  RankedTensorType type = getTensorType(input);
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < type.getRank(); ++i)
    shape.push_back(type.getDimSize(i) + low[i] + high[i]);
  MLIRContext *context = builder.getContext();
  return builder.create<tensor::PadOp>(
      loc, RankedTensorType::get(shape, type.getElementType()), input,
      getAsIndexOpFoldResult(context, low),
      getAsIndexOpFoldResult(context, high), fill);
}

/// Spatial pads as full-rank lists (none on N and C).
SmallVector<int64_t> fullRank(ArrayRef<int64_t> spatial) {
  SmallVector<int64_t> pads = {0, 0};
  pads.append(spatial.begin(), spatial.end());
  return pads;
}

/// The convolution of an already padded `input` [N, C, d...] with `weight`
/// [O, C/G, k...] into `resultType`, as described in the file comment.
Value createConvContraction(OpBuilder &builder, Location loc, Value input,
                            Value weight, RankedTensorType resultType,
                            ArrayRef<int64_t> stride,
                            ArrayRef<int64_t> dilation, int64_t groups) {
  MLIRContext *context = builder.getContext();
  ArrayRef<int64_t> w = getTensorType(weight).getShape();
  size_t spatial = w.size() - 2;
  int64_t outPerGroup = w[0] / groups, inPerGroup = w[1];
  // Loops: n, o, p_1..p_S, c, k_1..k_S.
  unsigned numLoops = 3 + 2 * spatial;
  auto dim = [&](unsigned i) { return getAffineDimExpr(i, context); };
  unsigned c = 2 + spatial;
  SmallVector<AffineExpr> inputExprs = {
      dim(0), dim(1).floorDiv(outPerGroup) * inPerGroup + dim(c)};
  SmallVector<AffineExpr> weightExprs = {dim(1), dim(c)};
  SmallVector<AffineExpr> outputExprs = {dim(0), dim(1)};
  for (size_t i = 0; i < spatial; ++i) {
    inputExprs.push_back(dim(2 + i) * stride[i] + dim(c + 1 + i) * dilation[i]);
    weightExprs.push_back(dim(c + 1 + i));
    outputExprs.push_back(dim(2 + i));
  }
  SmallVector<AffineMap> maps = {
      AffineMap::get(numLoops, 0, inputExprs, context),
      AffineMap::get(numLoops, 0, weightExprs, context),
      AffineMap::get(numLoops, 0, outputExprs, context)};
  SmallVector<utils::IteratorType> iterators(numLoops,
                                             utils::IteratorType::reduction);
  for (unsigned i = 0; i < c; ++i)
    iterators[i] = utils::IteratorType::parallel;
  Value zero =
      createScalarConstant(builder, loc, resultType.getElementType(), 0.0);
  Value init = createFilledTensor(builder, loc, resultType, zero);
  auto generic = builder.create<linalg::GenericOp>(
      loc, TypeRange{resultType}, ValueRange{input, weight}, ValueRange{init},
      maps, iterators, [&](OpBuilder &b, Location nested, ValueRange args) {
        Value product = b.create<arith::MulFOp>(nested, args[0], args[1]);
        b.create<linalg::YieldOp>(
            nested, b.create<arith::AddFOp>(nested, args[2], product)
                        .getResult());
      });
  generic->setAttr(kContractionAttrName,
                   builder.getStringAttr(kConvContraction));
  SmallVector<int64_t> geometry(stride);
  geometry.append(dilation.begin(), dilation.end());
  geometry.push_back(groups);
  generic->setAttr(kConvGeometryAttrName,
                   builder.getDenseI64ArrayAttr(geometry));
  return generic.getResult(0);
}

/// `result` + `bias` broadcast along the channel dim.
Value addBias(OpBuilder &builder, Location loc, Value result, Value bias) {
  if (!bias)
    return result;
  RankedTensorType type = getTensorType(result);
  MLIRContext *context = builder.getContext();
  int64_t rank = type.getRank();
  SmallVector<AffineMap> maps = {
      builder.getMultiDimIdentityMap(rank),
      AffineMap::get(rank, 0, {getAffineDimExpr(1, context)}, context),
      builder.getMultiDimIdentityMap(rank)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  Value init = builder.create<tensor::EmptyOp>(loc, type.getShape(),
                                               type.getElementType());
  return builder
      .create<linalg::GenericOp>(
          loc, TypeRange{type}, ValueRange{result, bias}, ValueRange{init},
          maps, iterators,
          [&](OpBuilder &b, Location nested, ValueRange args) {
            b.create<linalg::YieldOp>(
                nested,
                b.create<arith::AddFOp>(nested, args[0], args[1]).getResult());
          })
      .getResult(0);
}

struct LowerConv : OpConversionPattern<ConvOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Window window = getWindow(op);
    auto resultType = cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    Value zero =
        createScalarConstant(rewriter, loc, resultType.getElementType(), 0.0);
    Value input = createPad(rewriter, loc, adaptor.getInput(),
                            fullRank(window.padBegin),
                            fullRank(window.padEnd), zero);
    Value result = createConvContraction(
        rewriter, loc, input, adaptor.getWeight(), resultType, window.stride,
        window.dilation, window.groups);
    rewriter.replaceOp(op, addBias(rewriter, loc, result, adaptor.getBias()));
    return success();
  }
};

struct LowerConvTranspose : OpConversionPattern<ConvTransposeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ConvTransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    Window window = getWindow(op);
    auto resultType = cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    Type element = resultType.getElementType();
    ArrayRef<int64_t> x = getTensorType(adaptor.getInput()).getShape();
    ArrayRef<int64_t> w = getTensorType(adaptor.getWeight()).getShape();
    ArrayRef<int64_t> y = resultType.getShape();
    size_t spatial = window.rank();
    int64_t groups = window.groups;

    // The conv's input: zeros with the input's elements `stride` apart,
    // starting at the dilated kernel's extent less the begin pad, just long
    // enough for the output. Elements that land outside are cropped first.
    SmallVector<int64_t> zerosShape = {x[0], x[1]};
    SmallVector<int64_t> sliceOffsets = {0, 0}, sliceSizes = {x[0], x[1]};
    SmallVector<int64_t> insertOffsets = {0, 0}, insertStrides = {1, 1};
    bool empty = false;
    for (size_t i = 0; i < spatial; ++i) {
      int64_t extent = window.dilation[i] * (window.kernel[i] - 1);
      int64_t length = y[2 + i] + extent;
      int64_t offset = extent - window.padBegin[i];
      int64_t s = window.stride[i];
      int64_t first = offset < 0 ? (-offset + s - 1) / s : 0;
      int64_t last = std::min(x[2 + i] - 1, (length - 1 - offset) / s);
      if (length - 1 - offset < 0)
        last = -1;
      zerosShape.push_back(length);
      if (last < first) {
        empty = true;
        sliceOffsets.push_back(0);
        sliceSizes.push_back(0);
        insertOffsets.push_back(0);
      } else {
        sliceOffsets.push_back(first);
        sliceSizes.push_back(last - first + 1);
        insertOffsets.push_back(offset + first * s);
      }
      insertStrides.push_back(s);
    }
    Value zero = createScalarConstant(rewriter, loc, element, 0.0);
    Value input = createFilledTensor(
        rewriter, loc, RankedTensorType::get(zerosShape, element), zero);
    if (!empty) {
      SmallVector<int64_t> ones(x.size(), 1);
      Value slice = rewriter.create<tensor::ExtractSliceOp>(
          loc, RankedTensorType::get(sliceSizes, element), adaptor.getInput(),
          getAsIndexOpFoldResult(context, sliceOffsets),
          getAsIndexOpFoldResult(context, sliceSizes),
          getAsIndexOpFoldResult(context, ones));
      input = rewriter.create<tensor::InsertSliceOp>(
          loc, slice, input, getAsIndexOpFoldResult(context, insertOffsets),
          getAsIndexOpFoldResult(context, sliceSizes),
          getAsIndexOpFoldResult(context, insertStrides));
    }

    // The conv's weight [O, C/G, k...]: weight[g * C/G + c, o % (O/G),
    // K - 1 - k] for output channel o of group g = o / (O/G).
    int64_t inPerGroup = w[0] / groups, outPerGroup = w[1];
    SmallVector<int64_t> flippedShape = {w[1] * groups, inPerGroup};
    auto dim = [&](unsigned i) { return getAffineDimExpr(i, context); };
    SmallVector<AffineExpr> exprs = {
        dim(0).floorDiv(outPerGroup) * inPerGroup + dim(1),
        dim(0) % outPerGroup};
    for (size_t i = 0; i < spatial; ++i) {
      flippedShape.push_back(w[2 + i]);
      exprs.push_back(getAffineConstantExpr(w[2 + i] - 1, context) -
                      dim(2 + i));
    }
    unsigned rank = w.size();
    auto flippedType = RankedTensorType::get(flippedShape, element);
    Value init =
        rewriter.create<tensor::EmptyOp>(loc, flippedShape, element);
    Value weight =
        rewriter
            .create<linalg::GenericOp>(
                loc, TypeRange{flippedType}, ValueRange{adaptor.getWeight()},
                ValueRange{init},
                ArrayRef<AffineMap>{AffineMap::get(rank, 0, exprs, context),
                                    rewriter.getMultiDimIdentityMap(rank)},
                SmallVector<utils::IteratorType>(
                    rank, utils::IteratorType::parallel),
                [&](OpBuilder &b, Location nested, ValueRange args) {
                  b.create<linalg::YieldOp>(nested, args[0]);
                })
            .getResult(0);

    SmallVector<int64_t> ones(spatial, 1);
    Value result = createConvContraction(rewriter, loc, input, weight,
                                         resultType, ones, window.dilation,
                                         groups);
    rewriter.replaceOp(op, addBias(rewriter, loc, result, adaptor.getBias()));
    return success();
  }
};

/// The end pads that let every window of a pool read inside the padded
/// input (ceil_mode windows may reach past the end pad).
SmallVector<int64_t> getReachedEndPads(const Window &window,
                                       ArrayRef<int64_t> x,
                                       ArrayRef<int64_t> y) {
  SmallVector<int64_t> pads;
  for (size_t i = 0; i < window.rank(); ++i) {
    int64_t reach = (y[2 + i] - 1) * window.stride[i] +
                    window.dilation[i] * (window.kernel[i] - 1) + 1;
    pads.push_back(
        std::max<int64_t>(reach - x[2 + i] - window.padBegin[i], 0));
  }
  return pads;
}

/// A window reduction of a padded input into `init`: loops n, c, the
/// output positions, then the window taps.
Value createWindowReduction(OpBuilder &builder, Location loc, Value padded,
                            Value init, const Window &window,
                            function_ref<Value(OpBuilder &, Location, Value,
                                               Value)>
                                combine) {
  MLIRContext *context = builder.getContext();
  RankedTensorType type = getTensorType(init);
  size_t spatial = window.rank();
  unsigned numLoops = 2 + 2 * spatial;
  auto dim = [&](unsigned i) { return getAffineDimExpr(i, context); };
  SmallVector<AffineExpr> inputExprs = {dim(0), dim(1)}, windowExprs,
                          outputExprs = {dim(0), dim(1)};
  for (size_t i = 0; i < spatial; ++i) {
    inputExprs.push_back(dim(2 + i) * window.stride[i] +
                         dim(2 + spatial + i) * window.dilation[i]);
    windowExprs.push_back(dim(2 + spatial + i));
    outputExprs.push_back(dim(2 + i));
  }
  Value taps = builder.create<tensor::EmptyOp>(loc, window.kernel,
                                               type.getElementType());
  SmallVector<AffineMap> maps = {
      AffineMap::get(numLoops, 0, inputExprs, context),
      AffineMap::get(numLoops, 0, windowExprs, context),
      AffineMap::get(numLoops, 0, outputExprs, context)};
  SmallVector<utils::IteratorType> iterators(numLoops,
                                             utils::IteratorType::reduction);
  for (unsigned i = 0; i < 2 + spatial; ++i)
    iterators[i] = utils::IteratorType::parallel;
  return builder
      .create<linalg::GenericOp>(
          loc, TypeRange{type}, ValueRange{padded, taps}, ValueRange{init},
          maps, iterators,
          [&](OpBuilder &b, Location nested, ValueRange args) {
            b.create<linalg::YieldOp>(nested,
                                      combine(b, nested, args[2], args[0]));
          })
      .getResult(0);
}

Value createNegativeInfinity(OpBuilder &builder, Location loc, Type element) {
  return createScalarConstant(builder, loc, element,
                              -std::numeric_limits<double>::infinity());
}

struct LowerMaxPool : OpConversionPattern<MaxPoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(MaxPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Window window = getWindow(op);
    auto resultType = cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    Type element = resultType.getElementType();
    ArrayRef<int64_t> x = getTensorType(adaptor.getInput()).getShape();
    Value lowest = createNegativeInfinity(rewriter, loc, element);
    Value padded = createPad(
        rewriter, loc, adaptor.getInput(), fullRank(window.padBegin),
        fullRank(getReachedEndPads(window, x, resultType.getShape())), lowest);
    Value init = createFilledTensor(rewriter, loc, resultType, lowest);
    rewriter.replaceOp(
        op, createWindowReduction(
                rewriter, loc, padded, init, window,
                [](OpBuilder &b, Location l, Value acc, Value value) -> Value {
                  // NaN propagates, as in PyTorch.
                  return b.create<arith::MaximumFOp>(l, acc, value);
                }));
    return success();
  }
};

struct LowerAvgPool : OpConversionPattern<AvgPoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(AvgPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Window window = getWindow(op);
    auto resultType = cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    Type element = resultType.getElementType();
    ArrayRef<int64_t> x = getTensorType(adaptor.getInput()).getShape();
    ArrayRef<int64_t> y = resultType.getShape();
    Value zero = createScalarConstant(rewriter, loc, element, 0.0);
    Value padded = createPad(rewriter, loc, adaptor.getInput(),
                             fullRank(window.padBegin),
                             fullRank(getReachedEndPads(window, x, y)), zero);
    Value init = createFilledTensor(rewriter, loc, resultType, zero);
    Value sums = createWindowReduction(
        rewriter, loc, padded, init, window,
        [](OpBuilder &b, Location l, Value acc, Value value) -> Value {
          return b.create<arith::AddFOp>(l, acc, value);
        });
    std::vector<double> divisors = getAvgPoolDivisors(
        window, x.drop_front(2), y.drop_front(2), op.getCountIncludePad());
    auto divisorType = RankedTensorType::get(y.drop_front(2), element);
    DenseElementsAttr values;
    if (element.isF32()) {
      SmallVector<float> narrow(divisors.begin(), divisors.end());
      values = DenseElementsAttr::get(divisorType, ArrayRef<float>(narrow));
    } else {
      values = DenseElementsAttr::get(divisorType, ArrayRef<double>(divisors));
    }
    Value divisor = rewriter.create<arith::ConstantOp>(loc, values);
    rewriter.replaceOp(
        op, createElementwise(rewriter, loc, resultType,
                              ValueRange{sums, divisor},
                              [](OpBuilder &b, Location l, ValueRange args) {
                                return b.create<arith::DivFOp>(l, args[0],
                                                               args[1])
                                    .getResult();
                              }));
    return success();
  }
};

/// Index arithmetic on `index` values.
struct IndexMath {
  OpBuilder &b;
  Location loc;
  Value constant(int64_t value) {
    return b.create<arith::ConstantIndexOp>(loc, value);
  }
  Value add(Value x, Value y) { return b.create<arith::AddIOp>(loc, x, y); }
  Value mul(Value x, int64_t y) {
    return b.create<arith::MulIOp>(loc, x, constant(y));
  }
  Value div(Value x, int64_t y) {
    return b.create<arith::DivUIOp>(loc, x, constant(y));
  }
  Value rem(Value x, int64_t y) {
    return b.create<arith::RemUIOp>(loc, x, constant(y));
  }
  /// The row-major multi-index of `flat` in `shape`.
  SmallVector<Value> delinearize(Value flat, ArrayRef<int64_t> shape) {
    SmallVector<Value> indices(shape.size());
    for (size_t i = shape.size(); i-- > 0;) {
      indices[i] = rem(flat, shape[i]);
      flat = div(flat, shape[i]);
    }
    return indices;
  }
};

struct LowerMaxPoolBackward : OpConversionPattern<MaxPoolBackwardOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(MaxPoolBackwardOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    Window window = getWindow(op);
    auto resultType = cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    Type element = resultType.getElementType();
    ArrayRef<int64_t> x = resultType.getShape();
    ArrayRef<int64_t> y = getTensorType(adaptor.getGrad()).getShape();
    size_t spatial = window.rank();
    SmallVector<int64_t> endPads = getReachedEndPads(window, x, y);
    Value lowest = createNegativeInfinity(rewriter, loc, element);
    Value padded =
        createPad(rewriter, loc, adaptor.getInput(), fullRank(window.padBegin),
                  fullRank(endPads), lowest);
    RankedTensorType paddedType = getTensorType(padded);
    Value zero = createScalarConstant(rewriter, loc, element, 0.0);
    Value accumulator = createFilledTensor(rewriter, loc, paddedType, zero);
    Value grad = adaptor.getGrad();

    IndexMath m{rewriter, loc};
    Value lower = m.constant(0), step = m.constant(1);
    Value outputs = m.constant(ShapedType::getNumElements(y));
    Value taps = m.constant(ShapedType::getNumElements(window.kernel));
    auto loop = rewriter.create<scf::ForOp>(
        loc, lower, outputs, step, ValueRange{accumulator},
        [&](OpBuilder &b, Location l, Value flat, ValueRange acc) {
          IndexMath m{b, l};
          SmallVector<Value> out = m.delinearize(flat, y);
          // The first maximum (a later NaN wins, as in PyTorch's kernel).
          auto position = [&](OpBuilder &b, Location l, Value tap) {
            IndexMath m{b, l};
            SmallVector<Value> k = m.delinearize(tap, window.kernel);
            SmallVector<Value> at = {out[0], out[1]};
            for (size_t i = 0; i < spatial; ++i)
              at.push_back(m.add(m.mul(out[2 + i], window.stride[i]),
                                 m.mul(k[i], window.dilation[i])));
            return at;
          };
          Value first = b.create<tensor::ExtractOp>(
              l, padded, position(b, l, m.constant(0)));
          auto scan = b.create<scf::ForOp>(
              l, m.constant(1), taps, m.constant(1),
              ValueRange{first, m.constant(0)},
              [&](OpBuilder &b, Location l, Value tap, ValueRange best) {
                Value value =
                    b.create<tensor::ExtractOp>(l, padded, position(b, l, tap));
                Value larger = b.create<arith::CmpFOp>(
                    l, arith::CmpFPredicate::OGT, value, best[0]);
                Value nan = b.create<arith::CmpFOp>(
                    l, arith::CmpFPredicate::UNO, value, value);
                Value take = b.create<arith::OrIOp>(l, larger, nan);
                b.create<scf::YieldOp>(
                    l, ValueRange{
                           b.create<arith::SelectOp>(l, take, value, best[0]),
                           b.create<arith::SelectOp>(l, take, tap, best[1])});
              });
          SmallVector<Value> at = position(b, l, scan.getResult(1));
          Value g = b.create<tensor::ExtractOp>(l, grad, out);
          Value current = b.create<tensor::ExtractOp>(l, acc[0], at);
          Value sum = b.create<arith::AddFOp>(l, current, g);
          b.create<scf::YieldOp>(
              l, b.create<tensor::InsertOp>(l, sum, acc[0], at).getResult());
        });
    SmallVector<int64_t> offsets = fullRank(window.padBegin);
    SmallVector<int64_t> ones(x.size(), 1);
    rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
        op, resultType, loop.getResult(0),
        getAsIndexOpFoldResult(context, offsets),
        getAsIndexOpFoldResult(context, x),
        getAsIndexOpFoldResult(context, ones));
    return success();
  }
};

struct LowerPad : OpConversionPattern<PadOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType = cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    Value input = adaptor.getInput();
    ArrayRef<int64_t> x = getTensorType(input).getShape();
    ArrayRef<int64_t> pads = op.getPads();
    int64_t rank = x.size();
    PadMode mode = op.getMode();
    Value fill = createScalarConstant(
        rewriter, loc, op.getType().getElementType(),
        op.getValue().convertToDouble());
    if (ShapedType::getNumElements(x) == 0) {
      rewriter.replaceOp(op, createFilledTensor(rewriter, loc, resultType, fill));
      return success();
    }
    Value init = rewriter.create<tensor::EmptyOp>(loc, resultType.getShape(),
                                                  resultType.getElementType());
    auto generic = rewriter.create<linalg::GenericOp>(
        loc, TypeRange{resultType}, ValueRange{}, ValueRange{init},
        ArrayRef<AffineMap>{rewriter.getMultiDimIdentityMap(rank)},
        SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
        [&](OpBuilder &b, Location l, ValueRange) {
          IndexMath m{b, l};
          Value inside = b.create<arith::ConstantIntOp>(l, 1, 1);
          SmallVector<Value> source;
          auto clamp = [&](Value v, int64_t low, int64_t high) -> Value {
            v = b.create<arith::MaxSIOp>(l, v, m.constant(low));
            return b.create<arith::MinSIOp>(l, v, m.constant(high));
          };
          for (int64_t i = 0; i < rank; ++i) {
            Value index = b.create<linalg::IndexOp>(l, i);
            int64_t begin = pads[i], end = pads[rank + i];
            if (mode == PadMode::constant) {
              Value j = b.create<arith::SubIOp>(l, index, m.constant(begin));
              Value ge = b.create<arith::CmpIOp>(
                  l, arith::CmpIPredicate::sge, j, m.constant(0));
              Value lt = b.create<arith::CmpIOp>(
                  l, arith::CmpIPredicate::slt, j, m.constant(x[i]));
              inside = b.create<arith::AndIOp>(
                  l, inside, b.create<arith::AndIOp>(l, ge, lt));
              source.push_back(clamp(j, 0, x[i] - 1));
              continue;
            }
            // Relative to the kept (uncropped) range [low, low + kept).
            int64_t low = std::max<int64_t>(-begin, 0);
            int64_t kept = x[i] - low - std::max<int64_t>(-end, 0);
            Value r = b.create<arith::SubIOp>(
                l, index, m.constant(std::max<int64_t>(begin, 0)));
            if (mode == PadMode::reflect && kept > 1) {
              // |r|, then 2 (kept - 1) - r past the end.
              Value negative = b.create<arith::CmpIOp>(
                  l, arith::CmpIPredicate::slt, r, m.constant(0));
              r = b.create<arith::SelectOp>(
                  l, negative, b.create<arith::SubIOp>(l, m.constant(0), r),
                  r);
              Value past = b.create<arith::CmpIOp>(
                  l, arith::CmpIPredicate::sge, r, m.constant(kept));
              r = b.create<arith::SelectOp>(
                  l, past,
                  b.create<arith::SubIOp>(l, m.constant(2 * (kept - 1)), r), r);
            }
            source.push_back(m.add(clamp(r, 0, kept - 1), m.constant(low)));
          }
          Value value = b.create<tensor::ExtractOp>(l, input, source);
          if (mode == PadMode::constant)
            value = b.create<arith::SelectOp>(l, inside, value, fill);
          b.create<linalg::YieldOp>(l, value);
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

} // namespace

void populateLowerConvPatterns(KilnTypeConverter &converter,
                               RewritePatternSet &patterns) {
  patterns.add<LowerConv, LowerConvTranspose, LowerMaxPool, LowerAvgPool,
               LowerMaxPoolBackward, LowerPad>(converter,
                                               patterns.getContext());
}

} // namespace kiln
