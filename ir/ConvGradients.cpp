//===- ConvGradients.cpp - VJPs of convolution, pooling and pad -----------===//
//
/// The gradients of conv, conv_transpose, max_pool, avg_pool and pad, built
/// from kiln ops so that the backward graph runs on the same kernels as the
/// forward one:
///
/// - conv's input gradient is a transposed convolution of the result's
///   gradient with the same weight, and its weight gradient a convolution
///   of the input with the result's gradient, their roles swapped (batch as
///   channels, stride and dilation exchanged);
/// - conv_transpose is conv's adjoint, so its input gradient is a conv and
///   its weight gradient conv's weight gradient with input and gradient
///   exchanged;
/// - avg_pool's gradient spreads each gradient divided by its window's
///   divisor over the window: a depthwise transposed convolution with a
///   kernel of ones;
/// - max_pool's goes to each window's first maximum (kiln.max_pool_backward);
/// - pad's crops the gradient, then adds the reflected or repeated border
///   back onto the elements it copies.
//
//===----------------------------------------------------------------------===//

#include "ir/ConvOps.h"
#include "ir/GraphBuilder.h"

using namespace mlir;

namespace kiln {

namespace {

SmallVector<int64_t> concat(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  SmallVector<int64_t> result(a);
  result.append(b.begin(), b.end());
  return result;
}

ArrayRef<int64_t> shapeOf(Value value) {
  return cast<RankedTensorType>(value.getType()).getShape();
}

Value createConv(OpBuilder &builder, Location loc, Value input, Value weight,
                 Value bias, ArrayRef<int64_t> stride, ArrayRef<int64_t> padBegin,
                 ArrayRef<int64_t> padEnd, ArrayRef<int64_t> dilation,
                 int64_t groups) {
  return builder.create<ConvOp>(
      loc, input, weight, bias, builder.getDenseI64ArrayAttr(stride),
      builder.getDenseI64ArrayAttr(concat(padBegin, padEnd)),
      builder.getDenseI64ArrayAttr(dilation),
      builder.getI64IntegerAttr(groups));
}

/// The transposed convolution that maps a gradient of spatial sizes `out`
/// back to an input of sizes `in` through `window` (whose stride, dilation,
/// begin pads and groups are the forward op's). The end pad is chosen so
/// that the output has exactly the input's sizes: a positive difference
/// crops, a negative one is output padding.
Value createConvTransposeTo(OpBuilder &builder, Location loc, Value grad,
                            Value weight, const Window &window,
                            ArrayRef<int64_t> in, ArrayRef<int64_t> out) {
  SmallVector<int64_t> padEnd, outputPadding;
  for (size_t i = 0; i < window.rank(); ++i) {
    int64_t full = (out[i] - 1) * window.stride[i] +
                   window.dilation[i] * (window.kernel[i] - 1) + 1;
    int64_t crop = full - window.padBegin[i] - in[i];
    padEnd.push_back(std::max<int64_t>(crop, 0));
    outputPadding.push_back(std::max<int64_t>(-crop, 0));
  }
  return builder.create<ConvTransposeOp>(
      loc, grad, weight, Value(), builder.getDenseI64ArrayAttr(window.stride),
      builder.getDenseI64ArrayAttr(concat(window.padBegin, padEnd)),
      builder.getDenseI64ArrayAttr(outputPadding),
      builder.getDenseI64ArrayAttr(window.dilation),
      builder.getI64IntegerAttr(window.groups));
}

/// Takes the first `sizes[i]` elements of each spatial dim of `value`.
Value sliceSpatial(OpBuilder &builder, Location loc, Value value,
                   ArrayRef<int64_t> sizes) {
  for (size_t i = 0; i < sizes.size(); ++i)
    if (shapeOf(value)[2 + i] != sizes[i])
      value = builder.create<SliceOp>(loc, value, int64_t(2 + i), int64_t{0},
                                      sizes[i], int64_t{1});
  return value;
}

/// The gradient of conv(input, weight) with respect to a weight of spatial
/// sizes `kernel`, given the result's gradient `grad`:
///   dW[o, c, k] = sum_{n, p} grad[n, o, p] * input_padded[n, c', p*s + k*d]
/// which is itself a convolution with the batch as channels: the input
/// [N, G*Cg, H] becomes [Cg, G*N, H], the gradient [N, G*Og, P] the weight
/// [G*Og, N, P], with the forward stride as dilation and the dilation as
/// stride, and G groups. Its result [Cg, O, K'] has K' >= K (the trailing
/// positions of the padded input that no window reaches); the first K are
/// the gradient.
Value createConvWeightGrad(OpBuilder &builder, Location loc, Value input,
                           Value grad, const Window &window,
                           ArrayRef<int64_t> kernel) {
  ArrayRef<int64_t> x = shapeOf(input), g = shapeOf(grad);
  int64_t n = x[0], groups = window.groups;
  int64_t cg = x[1] / groups, og = g[1] / groups;
  size_t spatial = window.rank();
  SmallVector<int64_t> perm = {2, 1, 0};
  for (size_t i = 0; i < spatial; ++i)
    perm.push_back(3 + i);
  Value in = createReshape(builder, loc, input,
                           concat({n, groups, cg}, x.drop_front(2)));
  in = builder.create<PermuteOp>(loc, in, perm);
  in = createReshape(builder, loc, in,
                     concat({cg, groups * n}, x.drop_front(2)));
  SmallVector<int64_t> gradPerm = {1, 2, 0};
  for (size_t i = 0; i < spatial; ++i)
    gradPerm.push_back(3 + i);
  Value w = createReshape(builder, loc, grad,
                          concat({n, groups, og}, g.drop_front(2)));
  w = builder.create<PermuteOp>(loc, w, gradPerm);
  w = createReshape(builder, loc, w, concat({g[1], n}, g.drop_front(2)));
  Value dw = createConv(builder, loc, in, w, Value(), window.dilation,
                        window.padBegin, window.padEnd, window.stride, groups);
  dw = builder.create<TransposeOp>(loc, dw, int64_t{0}, int64_t{1});
  return sliceSpatial(builder, loc, dw, kernel);
}

/// The gradient of a bias added per channel: summed over every other dim.
Value createBiasGrad(OpBuilder &builder, Location loc, Value grad) {
  SmallVector<int64_t> dims = {0};
  for (size_t i = 2; i < shapeOf(grad).size(); ++i)
    dims.push_back(i);
  return createSum(builder, loc, grad, dims, /*keepdim=*/false);
}

} // namespace

SmallVector<Value> ConvOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  Location loc = getLoc();
  Window window = getWindow(*this);
  ArrayRef<int64_t> x = getInput().getType().getShape();
  ArrayRef<int64_t> y = getType().getShape();
  Value inputGrad =
      createConvTransposeTo(builder, loc, resultGrad, getWeight(), window,
                            x.drop_front(2), y.drop_front(2));
  Value weightGrad =
      createConvWeightGrad(builder, loc, getInput(), resultGrad, window,
                           getWeight().getType().getShape().drop_front(2));
  SmallVector<Value> grads = {inputGrad, weightGrad};
  if (getBias())
    grads.push_back(createBiasGrad(builder, loc, resultGrad));
  return grads;
}

SmallVector<Value> ConvTransposeOp::buildVJP(OpBuilder &builder,
                                             Value resultGrad) {
  Location loc = getLoc();
  Window window = getWindow(*this);
  ArrayRef<int64_t> x = getInput().getType().getShape();
  // The adjoint: a convolution from the result's sizes back to the input's
  // (output padding adds trailing positions no window of it reaches).
  Value inputGrad = createConv(builder, loc, resultGrad, getWeight(), Value(),
                               window.stride, window.padBegin, window.padEnd,
                               window.dilation, window.groups);
  inputGrad = sliceSpatial(builder, loc, inputGrad, x.drop_front(2));
  Value weightGrad =
      createConvWeightGrad(builder, loc, resultGrad, getInput(), window,
                           getWeight().getType().getShape().drop_front(2));
  SmallVector<Value> grads = {inputGrad, weightGrad};
  if (getBias())
    grads.push_back(createBiasGrad(builder, loc, resultGrad));
  return grads;
}

SmallVector<Value> MaxPoolOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  return {builder.create<MaxPoolBackwardOp>(
      getLoc(), resultGrad, getInput(), getKernelAttr(), getStrideAttr(),
      getPaddingAttr(), getDilationAttr(), getCeilModeAttr())};
}

std::vector<double> getAvgPoolDivisors(const Window &window,
                                       ArrayRef<int64_t> in,
                                       ArrayRef<int64_t> out,
                                       bool countIncludePad) {
  // Per dim, the divisor of each output position; the divisor of a window
  // is their product.
  SmallVector<SmallVector<int64_t>> perDim;
  for (size_t i = 0; i < window.rank(); ++i) {
    SmallVector<int64_t> sizes;
    for (int64_t o = 0; o < out[i]; ++o) {
      int64_t start = o * window.stride[i] - window.padBegin[i];
      int64_t end = std::min(start + window.kernel[i], in[i] + window.padEnd[i]);
      int64_t withPad = end - start;
      start = std::max<int64_t>(start, 0);
      end = std::min(end, in[i]);
      sizes.push_back(countIncludePad ? withPad : end - start);
    }
    perDim.push_back(sizes);
  }
  int64_t count = ShapedType::getNumElements(out);
  std::vector<double> divisors(count);
  for (int64_t flat = 0; flat < count; ++flat) {
    int64_t rest = flat;
    double divisor = 1;
    for (size_t i = window.rank(); i-- > 0;) {
      divisor *= perDim[i][rest % out[i]];
      rest /= out[i];
    }
    divisors[flat] = divisor;
  }
  return divisors;
}

SmallVector<Value> AvgPoolOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  Location loc = getLoc();
  Window window = getWindow(*this);
  RankedTensorType inputType = getInput().getType();
  ArrayRef<int64_t> x = inputType.getShape();
  ArrayRef<int64_t> y = getType().getShape();
  Type element = inputType.getElementType();
  std::vector<double> divisors = getAvgPoolDivisors(
      window, x.drop_front(2), y.drop_front(2), getCountIncludePad());
  auto divisorType = RankedTensorType::get(y.drop_front(2), element);
  DenseElementsAttr values =
      element.isF32()
          ? DenseElementsAttr::get(
                divisorType,
                llvm::ArrayRef<float>(llvm::to_vector(llvm::map_range(
                    divisors, [](double d) { return float(d); }))))
          : DenseElementsAttr::get(divisorType, llvm::ArrayRef(divisors));
  Value scaled = builder.create<DivOp>(
      loc, resultGrad, builder.create<ConstantOp>(loc, values));
  // Depthwise: each channel spreads over its own window with a kernel of
  // ones.
  window.groups = x[1];
  Value ones = builder.create<OnesOp>(
      loc, RankedTensorType::get(concat({x[1], 1}, window.kernel), element));
  return {createConvTransposeTo(builder, loc, scaled, ones, window,
                                x.drop_front(2), y.drop_front(2))};
}

SmallVector<Value> PadOp::buildVJP(OpBuilder &builder, Value resultGrad) {
  Location loc = getLoc();
  ArrayRef<int64_t> pads = getPads();
  ArrayRef<int64_t> x = getInput().getType().getShape();
  size_t rank = x.size();
  if (!isa<FloatType>(getInput().getType().getElementType()))
    return {Value()};
  SmallVector<int64_t> negated;
  for (int64_t pad : pads)
    negated.push_back(-pad);
  if (getMode() == PadMode::constant)
    return {builder.create<PadOp>(loc, resultGrad,
                                  builder.getDenseI64ArrayAttr(negated),
                                  getModeAttr(), getValueAttr())};

  // Reflect and edge pad dim by dim after cropping; undo each dim's pad in
  // turn: keep the middle, add each border back where it was copied from.
  Value grad = resultGrad;
  bool reflect = getMode() == PadMode::reflect;
  for (size_t i = 0; i < rank; ++i) {
    int64_t begin = std::max<int64_t>(pads[i], 0);
    int64_t end = std::max<int64_t>(pads[rank + i], 0);
    if (!begin && !end)
      continue;
    int64_t size = shapeOf(grad)[i];
    int64_t kept = size - begin - end;
    auto dim = int64_t(i);
    auto padDim = [&](Value value, int64_t before, int64_t after) {
      SmallVector<int64_t> border(2 * rank, 0);
      border[i] = before;
      border[rank + i] = after;
      return createZeroPad(builder, loc, value, border);
    };
    auto reverse = [&](Value value) -> Value {
      int64_t n = shapeOf(value)[i];
      SmallVector<int64_t> order;
      for (int64_t j = n - 1; j >= 0; --j)
        order.push_back(j);
      auto indexType =
          RankedTensorType::get({n}, builder.getIntegerType(64));
      Value index = builder.create<ConstantOp>(
          loc, DenseElementsAttr::get(indexType, llvm::ArrayRef(order)));
      return builder.create<IndexSelectOp>(loc, value, index, dim);
    };
    Value middle =
        builder.create<SliceOp>(loc, grad, dim, begin, begin + kept, int64_t{1});
    if (begin) {
      Value border =
          builder.create<SliceOp>(loc, grad, dim, int64_t{0}, begin, int64_t{1});
      Value back =
          reflect ? padDim(reverse(border), 1, kept - 1 - begin)
                  : padDim(createSum(builder, loc, border, {dim}, true), 0,
                           kept - 1);
      middle = builder.create<AddOp>(loc, middle, back);
    }
    if (end) {
      Value border = builder.create<SliceOp>(loc, grad, dim, begin + kept,
                                             size, int64_t{1});
      Value back =
          reflect ? padDim(reverse(border), kept - 1 - end, 1)
                  : padDim(createSum(builder, loc, border, {dim}, true),
                           kept - 1, 0);
      middle = builder.create<AddOp>(loc, middle, back);
    }
    grad = middle;
  }
  // The cropped elements get no gradient.
  SmallVector<int64_t> uncrop;
  for (int64_t pad : pads)
    uncrop.push_back(std::max<int64_t>(-pad, 0));
  if (llvm::any_of(uncrop, [](int64_t p) { return p != 0; }))
    grad = createZeroPad(builder, loc, grad, uncrop);
  return {grad};
}

} // namespace kiln
