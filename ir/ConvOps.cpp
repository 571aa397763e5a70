//===- ConvOps.cpp - Convolution, pooling, norms, dropout and pad ---------===//
//
/// Result-type inference of the ops in KilnConvOps.td. Every error names the
/// op and the shapes involved, spelled as PyTorch prints sizes.
//
//===----------------------------------------------------------------------===//

#include "ir/ConvOps.h"
#include "ir/TypePromotion.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;

namespace kiln {

namespace {

std::string formatList(ArrayRef<int64_t> values) { return formatShape(values); }

/// `input` as a statically shaped float tensor [N, C, d1, ...] with 1 to 3
/// spatial dims.
FailureOr<RankedTensorType> getSpatialInput(OptionalLoc loc, StringRef name,
                                            Type type) {
  auto input = getStaticTensor(loc, name, type, "input");
  if (failed(input))
    return failure();
  if (input->getRank() < 3 || input->getRank() > 5)
    return reportOpError(loc, name,
                         "expects an input [N, C, d1, ...] with 1 to 3 spatial "
                         "dims, got " +
                             formatShape(input->getShape()));
  return input;
}

/// Checks that an optional per-channel operand is `type` [size].
LogicalResult checkChannelOperand(OptionalLoc loc, StringRef name, Value value,
                                  StringRef role, Type element, int64_t size) {
  if (!value)
    return success();
  auto tensor = getStaticTensor(loc, name, value.getType(), role);
  if (failed(tensor))
    return failure();
  if (tensor->getShape() != ArrayRef<int64_t>{size} ||
      tensor->getElementType() != element)
    return reportOpError(loc, name,
                         Twine(role) + " must be " + getDtypeName(element) +
                             " " + formatShape({size}) + ", got " +
                             getDtypeName(tensor->getElementType()) + " " +
                             formatShape(tensor->getShape()));
  return success();
}

LogicalResult checkSameDtype(OptionalLoc loc, StringRef name,
                             RankedTensorType input, RankedTensorType other,
                             StringRef role) {
  if (input.getElementType() == other.getElementType())
    return success();
  return reportOpError(loc, name,
                       "input and " + Twine(role) + " dtypes differ: " +
                           getDtypeName(input.getElementType()) + " vs " +
                           getDtypeName(other.getElementType()));
}

/// Fills `out` from an optional per-dim list, `fallback` when absent.
LogicalResult readPerDim(OptionalLoc loc, StringRef name, StringRef what,
                         std::optional<ArrayRef<int64_t>> values,
                         ArrayRef<int64_t> fallback, int64_t minimum,
                         SmallVectorImpl<int64_t> &out) {
  if (!values) {
    out.assign(fallback.begin(), fallback.end());
    return success();
  }
  if (values->size() != fallback.size())
    return reportOpError(loc, name,
                         Twine(what) + " has " + Twine(values->size()) +
                             " entries but there are " +
                             Twine(fallback.size()) + " spatial dims: " +
                             formatList(*values));
  for (int64_t value : *values)
    if (value < minimum)
      return reportOpError(loc, name,
                           Twine(what) + " must be at least " +
                               Twine(minimum) + ", got " + formatList(*values));
  out.assign(values->begin(), values->end());
  return success();
}

/// Fails naming the op when a sum or product the window formulas compute
/// (getWindowOutputSize, getTransposedOutputSize, the dilated extent) would
/// not fit in int64 for `input`'s spatial dims: each term is at most the
/// largest of these, so checking them bounds every formula.
LogicalResult checkWindowArithmetic(OptionalLoc loc, StringRef name,
                                    const Window &window,
                                    ArrayRef<int64_t> input) {
  for (size_t i = 0; i < window.rank(); ++i) {
    int64_t size = input[2 + i], outputPadding = 0, padded, extent, stretched;
    if (!window.outputPadding.empty())
      outputPadding = window.outputPadding[i];
    bool overflows =
        llvm::AddOverflow(size, window.padBegin[i], padded) ||
        llvm::AddOverflow(padded, window.padEnd[i], padded) ||
        llvm::AddOverflow(padded, window.stride[i], padded) ||
        llvm::MulOverflow(window.dilation[i], window.kernel[i] - 1, extent) ||
        llvm::AddOverflow(extent, outputPadding + 1, extent) ||
        llvm::MulOverflow(std::max<int64_t>(size - 1, 0), window.stride[i],
                          stretched) ||
        llvm::AddOverflow(stretched, extent, stretched);
    if (overflows)
      return reportOpError(
          loc, name,
          "spatial dim " + Twine(i) + " of input " + formatShape(input) +
              " with kernel " + formatList(window.kernel) + ", stride " +
              formatList(window.stride) + ", padding " +
              formatList(window.padBegin) + " and " +
              formatList(window.padEnd) + ", dilation " +
              formatList(window.dilation) + " overflows int64");
  }
  return success();
}

/// The output spatial sizes of `window` over `input`'s spatial dims, or an
/// error when the padded input is smaller than the dilated kernel.
FailureOr<SmallVector<int64_t>> getOutputSizes(OptionalLoc loc, StringRef name,
                                               const Window &window,
                                               ArrayRef<int64_t> input) {
  if (failed(checkWindowArithmetic(loc, name, window, input)))
    return failure();
  SmallVector<int64_t> sizes;
  for (size_t i = 0; i < window.rank(); ++i) {
    int64_t size = input[2 + i];
    int64_t padded = size + window.padBegin[i] + window.padEnd[i];
    int64_t extent = window.dilation[i] * (window.kernel[i] - 1) + 1;
    if (padded < extent)
      return reportOpError(
          loc, name,
          "spatial dim " + Twine(i) + " of input " + formatShape(input) +
              " is " + Twine(padded) + " after padding, smaller than the " +
              "dilated kernel's " + Twine(extent));
    sizes.push_back(getWindowOutputSize(window, i, size));
  }
  return sizes;
}

} // namespace

FailureOr<Window> getWindow(OptionalLoc loc, StringRef name,
                            ArrayRef<int64_t> kernel,
                            std::optional<ArrayRef<int64_t>> stride,
                            std::optional<ArrayRef<int64_t>> padding,
                            std::optional<ArrayRef<int64_t>> dilation,
                            ArrayRef<int64_t> defaultStride) {
  Window window;
  window.kernel.assign(kernel.begin(), kernel.end());
  size_t rank = kernel.size();
  for (int64_t k : kernel)
    if (k < 1)
      return reportOpError(loc, name,
                           "kernel sizes must be positive, got " +
                               formatList(kernel));
  SmallVector<int64_t> ones(rank, 1), zeros(rank, 0);
  if (failed(readPerDim(loc, name, "stride", stride, defaultStride, 1,
                        window.stride)) ||
      failed(readPerDim(loc, name, "dilation", dilation, ones, 1,
                        window.dilation)))
    return failure();
  if (!padding) {
    window.padBegin = zeros;
    window.padEnd = zeros;
  } else if (padding->size() == rank) {
    window.padBegin.assign(padding->begin(), padding->end());
    window.padEnd = window.padBegin;
  } else if (padding->size() == 2 * rank) {
    window.padBegin.assign(padding->begin(), padding->begin() + rank);
    window.padEnd.assign(padding->begin() + rank, padding->end());
  } else {
    return reportOpError(loc, name,
                         "padding must list " + Twine(rank) +
                             " pads (both sides) or " + Twine(2 * rank) +
                             " (begins, then ends), got " +
                             formatList(*padding));
  }
  if (padding && llvm::any_of(*padding, [](int64_t p) { return p < 0; }))
    return reportOpError(loc, name,
                         "padding must not be negative, got " +
                             formatList(*padding));
  return window;
}

int64_t getWindowOutputSize(const Window &window, size_t i, int64_t size) {
  int64_t padded = size + window.padBegin[i] + window.padEnd[i];
  int64_t span = padded - window.dilation[i] * (window.kernel[i] - 1) - 1;
  int64_t s = window.stride[i];
  if (!window.ceilMode)
    return span / s + 1;
  int64_t out = (span + s - 1) / s + 1;
  // The last window must start inside the input or its begin pad.
  if ((out - 1) * s >= size + window.padBegin[i])
    --out;
  return out;
}

int64_t getTransposedOutputSize(const Window &window, size_t i, int64_t size) {
  return (size - 1) * window.stride[i] - window.padBegin[i] -
         window.padEnd[i] + window.dilation[i] * (window.kernel[i] - 1) +
         window.outputPadding[i] + 1;
}

//===----------------------------------------------------------------------===//
// conv and conv_transpose
//===----------------------------------------------------------------------===//

namespace {

/// The operands of a convolution, checked. `transposed` says whether the
/// weight is [C_in, C_out / g, k...] (conv_transpose) or [C_out, C_in / g,
/// k...] (conv).
struct ConvOperands {
  RankedTensorType input, weight;
  int64_t outChannels;
  Window window;
};

FailureOr<ConvOperands>
checkConvOperands(OptionalLoc loc, StringRef name, Type inputType,
                  Type weightType, Value bias, int64_t groups,
                  std::optional<ArrayRef<int64_t>> stride,
                  std::optional<ArrayRef<int64_t>> padding,
                  std::optional<ArrayRef<int64_t>> dilation, bool transposed) {
  auto input = getSpatialInput(loc, name, inputType);
  auto weight = getStaticTensor(loc, name, weightType, "weight");
  if (failed(input) || failed(weight))
    return failure();
  ArrayRef<int64_t> x = input->getShape(), w = weight->getShape();
  if (w.size() != x.size())
    return reportOpError(loc, name,
                         "weight " + formatShape(w) +
                             " must have the input's rank: input " +
                             formatShape(x));
  if (failed(checkSameDtype(loc, name, *input, *weight, "weight")))
    return failure();
  if (groups < 1)
    return reportOpError(loc, name,
                         "groups must be positive, got " + Twine(groups));
  int64_t inChannels = x[1];
  if (inChannels % groups != 0)
    return reportOpError(loc, name,
                         "input channels " + Twine(inChannels) +
                             " are not divisible by groups " + Twine(groups) +
                             ": input " + formatShape(x));
  int64_t outChannels;
  if (!transposed) {
    if (w[1] * groups != inChannels)
      return reportOpError(loc, name,
                           "weight " + formatShape(w) + " expects " +
                               Twine(w[1] * groups) +
                               " input channels (weight.size(1) * groups = " +
                               Twine(w[1]) + " * " + Twine(groups) +
                               ") but input " + formatShape(x) + " has " +
                               Twine(inChannels));
    if (w[0] % groups != 0)
      return reportOpError(loc, name,
                           "output channels " + Twine(w[0]) +
                               " of weight " + formatShape(w) +
                               " are not divisible by groups " + Twine(groups));
    outChannels = w[0];
  } else {
    if (w[0] != inChannels)
      return reportOpError(loc, name,
                           "weight " + formatShape(w) + " expects " +
                               Twine(w[0]) + " input channels but input " +
                               formatShape(x) + " has " + Twine(inChannels));
    outChannels = w[1] * groups;
  }
  if (failed(checkChannelOperand(loc, name, bias, "bias",
                                 input->getElementType(), outChannels)))
    return failure();
  SmallVector<int64_t> ones(x.size() - 2, 1);
  auto window = getWindow(loc, name, w.drop_front(2), stride, padding,
                          dilation, ones);
  if (failed(window))
    return failure();
  window->groups = groups;
  return ConvOperands{*input, *weight, outChannels, *window};
}

} // namespace

LogicalResult ConvOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto operands = checkConvOperands(
      loc, name, adaptor.getInput().getType(), adaptor.getWeight().getType(),
      adaptor.getBias(), adaptor.getGroups(), adaptor.getStride(),
      adaptor.getPadding(), adaptor.getDilation(), /*transposed=*/false);
  if (failed(operands))
    return failure();
  ArrayRef<int64_t> x = operands->input.getShape();
  auto sizes = getOutputSizes(loc, name, operands->window, x);
  if (failed(sizes))
    return failure();
  SmallVector<int64_t> shape = {x[0], operands->outChannels};
  shape.append(*sizes);
  types.push_back(
      RankedTensorType::get(shape, operands->input.getElementType()));
  return success();
}

LogicalResult ConvTransposeOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                                Adaptor adaptor,
                                                SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto operands = checkConvOperands(
      loc, name, adaptor.getInput().getType(), adaptor.getWeight().getType(),
      adaptor.getBias(), adaptor.getGroups(), adaptor.getStride(),
      adaptor.getPadding(), adaptor.getDilation(), /*transposed=*/true);
  if (failed(operands))
    return failure();
  Window &window = operands->window;
  ArrayRef<int64_t> x = operands->input.getShape();
  SmallVector<int64_t> zeros(window.rank(), 0);
  if (failed(readPerDim(loc, name, "output_padding",
                        adaptor.getOutputPadding(), zeros, 0,
                        window.outputPadding)))
    return failure();
  if (failed(checkWindowArithmetic(loc, name, window, x)))
    return failure();
  SmallVector<int64_t> shape = {x[0], operands->outChannels};
  for (size_t i = 0; i < window.rank(); ++i) {
    int64_t limit = std::max(window.stride[i], window.dilation[i]);
    if (window.outputPadding[i] >= limit)
      return reportOpError(loc, name,
                           "output_padding " +
                               formatList(window.outputPadding) +
                               " must be smaller than the stride or the "
                               "dilation in each dim (" +
                               formatList(window.stride) + ", " +
                               formatList(window.dilation) + ")");
    int64_t size = getTransposedOutputSize(window, i, x[2 + i]);
    if (size < 1)
      return reportOpError(loc, name,
                           "spatial dim " + Twine(i) + " of the output is " +
                               Twine(size) + " for input " + formatShape(x) +
                               ": the padding crops more than there is");
    shape.push_back(size);
  }
  types.push_back(
      RankedTensorType::get(shape, operands->input.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

namespace {

FailureOr<Window> checkPool(OptionalLoc loc, StringRef name, Type inputType,
                            ArrayRef<int64_t> kernel,
                            std::optional<ArrayRef<int64_t>> stride,
                            std::optional<ArrayRef<int64_t>> padding,
                            std::optional<ArrayRef<int64_t>> dilation,
                            bool ceilMode, SmallVectorImpl<Type> &types) {
  auto input = getSpatialInput(loc, name, inputType);
  if (failed(input))
    return failure();
  ArrayRef<int64_t> x = input->getShape();
  if (kernel.size() != x.size() - 2)
    return reportOpError(loc, name,
                         "kernel " + formatList(kernel) + " has " +
                             Twine(kernel.size()) + " dims but input " +
                             formatShape(x) + " has " + Twine(x.size() - 2) +
                             " spatial dims");
  auto window =
      getWindow(loc, name, kernel, stride, padding, dilation, kernel);
  if (failed(window))
    return failure();
  window->ceilMode = ceilMode;
  if (failed(checkWindowArithmetic(loc, name, *window, x)))
    return failure();
  // Every window must hold an input element: each pad is smaller than the
  // dilated window (PyTorch is stricter, at most half of it; ONNX allows
  // this much).
  for (size_t i = 0; i < window->rank(); ++i) {
    int64_t extent = window->dilation[i] * (window->kernel[i] - 1) + 1;
    if (std::max(window->padBegin[i], window->padEnd[i]) >= extent)
      return reportOpError(loc, name,
                           "pads " + formatList(window->padBegin) + " and " +
                               formatList(window->padEnd) +
                               " must be smaller than the dilated window " +
                               formatList(kernel) + " in every dim");
  }
  auto sizes = getOutputSizes(loc, name, *window, x);
  if (failed(sizes))
    return failure();
  SmallVector<int64_t> shape(x.take_front(2));
  shape.append(*sizes);
  types.push_back(RankedTensorType::get(shape, input->getElementType()));
  return window;
}

} // namespace

LogicalResult MaxPoolOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  return checkPool(loc, getOperationName(), adaptor.getInput().getType(),
                   adaptor.getKernel(), adaptor.getStride(),
                   adaptor.getPadding(), adaptor.getDilation(),
                   adaptor.getCeilMode(), types);
}

LogicalResult MaxPoolBackwardOp::inferReturnTypes(
    MLIRContext *, OptionalLoc loc, Adaptor adaptor,
    SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  SmallVector<Type> pooled;
  if (failed(checkPool(loc, name, adaptor.getInput().getType(),
                       adaptor.getKernel(), adaptor.getStride(),
                       adaptor.getPadding(), adaptor.getDilation(),
                       adaptor.getCeilMode(), pooled)))
    return failure();
  if (adaptor.getGrad().getType() != pooled[0])
    return reportOpError(loc, name,
                         "grad must have the pooled type, got " +
                             formatShape(cast<RankedTensorType>(
                                             adaptor.getGrad().getType())
                                             .getShape()) +
                             " for pooled " +
                             formatShape(cast<RankedTensorType>(pooled[0])
                                             .getShape()));
  types.push_back(adaptor.getInput().getType());
  return success();
}

LogicalResult AvgPoolOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  return checkPool(loc, getOperationName(), adaptor.getInput().getType(),
                   adaptor.getKernel(), adaptor.getStride(),
                   adaptor.getPadding(), std::nullopt, adaptor.getCeilMode(),
                   types);
}

Window getWindow(ConvOp op) {
  auto weight = op.getWeight().getType().getShape();
  SmallVector<int64_t> ones(weight.size() - 2, 1);
  Window window = *getWindow(std::nullopt, "", weight.drop_front(2),
                             op.getStride(), op.getPadding(),
                             op.getDilation(), ones);
  window.groups = op.getGroups();
  return window;
}

Window getWindow(ConvTransposeOp op) {
  auto weight = op.getWeight().getType().getShape();
  SmallVector<int64_t> ones(weight.size() - 2, 1), zeros(weight.size() - 2, 0);
  Window window = *getWindow(std::nullopt, "", weight.drop_front(2),
                             op.getStride(), op.getPadding(),
                             op.getDilation(), ones);
  window.groups = op.getGroups();
  if (auto outputPadding = op.getOutputPadding())
    window.outputPadding.assign(outputPadding->begin(), outputPadding->end());
  else
    window.outputPadding = zeros;
  return window;
}

template <typename OpT> static Window getPoolWindow(OpT op) {
  Window window = *getWindow(std::nullopt, "", op.getKernel(), op.getStride(),
                             op.getPadding(), op.getDilation(), op.getKernel());
  window.ceilMode = op.getCeilMode();
  return window;
}

Window getWindow(MaxPoolOp op) { return getPoolWindow(op); }
Window getWindow(MaxPoolBackwardOp op) { return getPoolWindow(op); }
Window getWindow(AvgPoolOp op) {
  Window window = *getWindow(std::nullopt, "", op.getKernel(), op.getStride(),
                             op.getPadding(), std::nullopt, op.getKernel());
  window.ceilMode = op.getCeilMode();
  return window;
}

//===----------------------------------------------------------------------===//
// Normalizations
//===----------------------------------------------------------------------===//

LogicalResult BatchNormOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input = getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(input))
    return failure();
  ArrayRef<int64_t> x = input->getShape();
  if (x.size() < 2)
    return reportOpError(loc, name,
                         "expects an input [N, C, ...], got " + formatShape(x));
  Type element = input->getElementType();
  int64_t channels = x[1];
  if (failed(checkChannelOperand(loc, name, adaptor.getRunningMean(),
                                 "running_mean", element, channels)) ||
      failed(checkChannelOperand(loc, name, adaptor.getRunningVar(),
                                 "running_var", element, channels)) ||
      failed(checkChannelOperand(loc, name, adaptor.getWeight(), "weight",
                                 element, channels)) ||
      failed(checkChannelOperand(loc, name, adaptor.getBias(), "bias", element,
                                 channels)))
    return failure();
  if (adaptor.getTraining() && ShapedType::getNumElements(x) / channels < 2)
    return reportOpError(loc, name,
                         "training needs more than one value per channel, got "
                         "input " +
                             formatShape(x));
  auto stats = RankedTensorType::get({channels}, element);
  types.append({*input, stats, stats});
  return success();
}

LogicalResult LayerNormOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input = getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(input))
    return failure();
  ArrayRef<int64_t> x = input->getShape();
  if (x.empty())
    return reportOpError(loc, name, "expects an input of rank at least 1");
  auto axis = normalizeDim(loc, name, adaptor.getAxis(), x.size());
  if (failed(axis))
    return failure();
  ArrayRef<int64_t> normalized = x.drop_front(*axis);
  Type element = input->getElementType();
  for (auto [value, role] :
       {std::pair{adaptor.getWeight(), "weight"}, {adaptor.getBias(), "bias"}}) {
    if (!value)
      continue;
    auto tensor = getStaticTensor(loc, name, value.getType(), role);
    if (failed(tensor))
      return failure();
    ArrayRef<int64_t> shape = tensor->getShape();
    bool broadcasts = shape.size() <= normalized.size();
    for (size_t i = 0; broadcasts && i < shape.size(); ++i) {
      int64_t target = normalized[normalized.size() - shape.size() + i];
      broadcasts = shape[i] == target || shape[i] == 1;
    }
    if (!broadcasts || tensor->getElementType() != element)
      return reportOpError(loc, name,
                           Twine(role) + " must be " + getDtypeName(element) +
                               " " + formatShape(normalized) +
                               " (the input's dims from axis " +
                               Twine(*axis) + ") or broadcast to it, got " +
                               getDtypeName(tensor->getElementType()) + " " +
                               formatShape(shape));
  }
  SmallVector<int64_t> statShape(x.take_front(*axis));
  statShape.append(x.size() - *axis, 1);
  auto stats = RankedTensorType::get(statShape, element);
  types.append({*input, stats, stats});
  return success();
}

LogicalResult GroupNormOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input = getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(input))
    return failure();
  ArrayRef<int64_t> x = input->getShape();
  if (x.size() < 2)
    return reportOpError(loc, name,
                         "expects an input [N, C, ...], got " + formatShape(x));
  int64_t groups = adaptor.getNumGroups();
  if (groups < 1 || x[1] % groups != 0)
    return reportOpError(loc, name,
                         "channels " + Twine(x[1]) + " of input " +
                             formatShape(x) +
                             " are not divisible into groups " +
                             Twine(groups));
  Type element = input->getElementType();
  if (failed(checkChannelOperand(loc, name, adaptor.getWeight(), "weight",
                                 element, x[1])) ||
      failed(checkChannelOperand(loc, name, adaptor.getBias(), "bias", element,
                                 x[1])))
    return failure();
  types.push_back(*input);
  return success();
}

LogicalResult InstanceNormOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                               Adaptor adaptor,
                                               SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input = getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(input))
    return failure();
  ArrayRef<int64_t> x = input->getShape();
  if (x.size() < 3)
    return reportOpError(loc, name,
                         "expects an input [N, C, d1, ...], got " +
                             formatShape(x));
  Type element = input->getElementType();
  if (failed(checkChannelOperand(loc, name, adaptor.getWeight(), "weight",
                                 element, x[1])) ||
      failed(checkChannelOperand(loc, name, adaptor.getBias(), "bias", element,
                                 x[1])))
    return failure();
  types.push_back(*input);
  return success();
}

//===----------------------------------------------------------------------===//
// Dropout and pad
//===----------------------------------------------------------------------===//

LogicalResult DropoutOp::verify() {
  double p = getP().convertToDouble();
  if (!(p >= 0.0 && p <= 1.0))
    return emitOpError("p must be in [0, 1], got ") << formatNumber(p);
  return success();
}

LogicalResult PadOp::inferReturnTypes(MLIRContext *, OptionalLoc loc,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &types) {
  StringRef name = getOperationName();
  auto input = getStaticTensor(loc, name, adaptor.getInput().getType(), "input");
  if (failed(input))
    return failure();
  ArrayRef<int64_t> x = input->getShape();
  ArrayRef<int64_t> pads = adaptor.getPads();
  size_t rank = x.size();
  if (pads.size() != 2 * rank)
    return reportOpError(loc, name,
                         "pads must list " + Twine(2 * rank) +
                             " values (begins, then ends) for input " +
                             formatShape(x) + ", got " + formatList(pads));
  PadMode mode = adaptor.getMode();
  SmallVector<int64_t> shape;
  for (size_t i = 0; i < rank; ++i) {
    int64_t begin = pads[i], end = pads[rank + i];
    int64_t size = x[i] + begin + end;
    if (size < 0)
      return reportOpError(loc, name,
                           "pads " + formatList(pads) + " crop dim " +
                               Twine(i) + " of input " + formatShape(x) +
                               " below size 0");
    // Pads after the crop of the other side.
    int64_t kept = x[i] + std::min<int64_t>(begin, 0) + std::min<int64_t>(end, 0);
    int64_t widest = std::max(begin, end);
    if (mode == PadMode::reflect && widest > 0 && widest >= kept)
      return reportOpError(loc, name,
                           "reflect pads must be smaller than the dim: pads " +
                               formatList(pads) + " on input " +
                               formatShape(x));
    if (mode == PadMode::edge && widest > 0 && kept < 1)
      return reportOpError(loc, name,
                           "edge pads need a non-empty dim: pads " +
                               formatList(pads) + " on input " +
                               formatShape(x));
    shape.push_back(size);
  }
  types.push_back(RankedTensorType::get(shape, input->getElementType()));
  return success();
}

} // namespace kiln
