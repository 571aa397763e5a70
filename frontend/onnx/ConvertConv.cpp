//===- ConvertConv.cpp - ONNX convolution, pooling, norms, dropout, pad ---===//
//
/// Conv, ConvTranspose, MaxPool, AveragePool, the global pools,
/// BatchNormalization, LayerNormalization, InstanceNormalization,
/// GroupNormalization, Dropout and Pad onto the ops of KilnConvOps.td.
/// ONNX's `pads` are already kiln's order (every begin, then every end);
/// `auto_pad` SAME_UPPER/SAME_LOWER/VALID are resolved here into explicit
/// pads from the static shapes. ONNX's pooling strides default to 1 (not to
/// the kernel, as in PyTorch) and its momentum weighs the running statistic
/// (PyTorch's weighs the batch's).
//
//===----------------------------------------------------------------------===//

#include "frontend/onnx/ConverterSupport.h"
#include "frontend/onnx/Converters.h"
#include "ir/GraphBuilder.h"
#include "ir/KilnOps.h"

#include "onnx/onnx_pb.h"

using namespace mlir;

namespace kiln::onnx_import {
namespace {

/// The spatial geometry of a Conv, ConvTranspose or pooling node.
struct Geometry {
  std::vector<int64_t> kernel, strides, dilations, pads;
};

std::vector<int64_t> perDim(NodeContext &context, StringRef name,
                            size_t spatial, int64_t fallback) {
  std::vector<int64_t> values =
      context.attrInts(name, std::vector<int64_t>(spatial, fallback));
  if (values.size() != spatial)
    context.fail("attribute '" + name + "' has " + Twine(values.size()) +
                 " values for " + Twine(spatial) + " spatial dims");
  return values;
}

/// Reads kernel_shape (or `kernel` from the weight), strides, dilations and
/// pads, and resolves auto_pad. `transposed` uses ConvTranspose's rule for
/// SAME (the output is input * stride).
Geometry getGeometry(NodeContext &context, ArrayRef<int64_t> inputShape,
                     ArrayRef<int64_t> weightKernel, bool hasDilations) {
  size_t spatial = inputShape.size() - 2;
  Geometry g;
  if (context.hasAttr("kernel_shape"))
    g.kernel = context.attrInts("kernel_shape");
  else
    g.kernel.assign(weightKernel.begin(), weightKernel.end());
  if (g.kernel.size() != spatial)
    context.fail("kernel_shape has " + Twine(g.kernel.size()) +
                 " values for " + Twine(spatial) + " spatial dims");
  g.strides = perDim(context, "strides", spatial, 1);
  g.dilations = hasDilations ? perDim(context, "dilations", spatial, 1)
                             : std::vector<int64_t>(spatial, 1);
  g.pads = context.attrInts("pads", std::vector<int64_t>(2 * spatial, 0));
  if (g.pads.size() != 2 * spatial)
    context.fail("attribute 'pads' has " + Twine(g.pads.size()) +
                 " values for " + Twine(spatial) + " spatial dims");
  std::string autoPad = context.attrString("auto_pad", "NOTSET");
  if (autoPad == "NOTSET")
    return g;
  if (autoPad == "VALID") {
    g.pads.assign(2 * spatial, 0);
    return g;
  }
  if (autoPad != "SAME_UPPER" && autoPad != "SAME_LOWER")
    context.unsupported("auto_pad", "'" + autoPad + "'");
  for (size_t i = 0; i < spatial; ++i) {
    int64_t in = inputShape[2 + i], s = g.strides[i];
    int64_t out = (in + s - 1) / s;
    int64_t extent = g.dilations[i] * (g.kernel[i] - 1) + 1;
    int64_t total = std::max<int64_t>(0, (out - 1) * s + extent - in);
    int64_t small = total / 2, large = total - small;
    g.pads[i] = autoPad == "SAME_UPPER" ? small : large;
    g.pads[spatial + i] = autoPad == "SAME_UPPER" ? large : small;
  }
  return g;
}

void requireFloat(NodeContext &context, size_t input) {
  Type element = context.inputType(input).getElementType();
  if (!isa<FloatType>(element))
    context.unsupported("input " + std::to_string(input) + " dtype",
                        "non-float (Kiln's " + context.opType() +
                            " takes float and double)");
}

void convertConv(NodeContext &context) {
  requireFloat(context, 0);
  ArrayRef<int64_t> x = context.inputType(0).getShape();
  ArrayRef<int64_t> w = context.inputType(1).getShape();
  if (x.size() < 3 || x.size() > 5 || w.size() != x.size())
    context.fail("expects an input [N, C, d1, ...] with 1 to 3 spatial dims "
                 "and a weight of the same rank");
  Geometry g = getGeometry(context, x, w.drop_front(2), true);
  SmallVector<Value> operands = {context.input(0), context.input(1)};
  if (context.hasInput(2))
    operands.push_back(context.input(2));
  context.setOutput(
      0, context.op("kiln.conv", operands,
                    {{"stride", context.i64ArrayAttr(g.strides)},
                     {"padding", context.i64ArrayAttr(g.pads)},
                     {"dilation", context.i64ArrayAttr(g.dilations)},
                     {"groups", context.i64Attr(context.attrInt("group", 1))}}));
}

/// ConvTranspose: explicit pads, or, with output_shape or SAME auto_pad,
/// the pads (or extra output padding) that give the requested output size.
void convertConvTranspose(NodeContext &context) {
  requireFloat(context, 0);
  ArrayRef<int64_t> x = context.inputType(0).getShape();
  ArrayRef<int64_t> w = context.inputType(1).getShape();
  if (x.size() < 3 || x.size() > 5 || w.size() != x.size())
    context.fail("expects an input [N, C, d1, ...] with 1 to 3 spatial dims "
                 "and a weight of the same rank");
  size_t spatial = x.size() - 2;
  std::string autoPad = context.attrString("auto_pad", "NOTSET");
  Geometry g;
  g.kernel = context.hasAttr("kernel_shape")
                 ? context.attrInts("kernel_shape")
                 : std::vector<int64_t>(w.begin() + 2, w.end());
  g.strides = perDim(context, "strides", spatial, 1);
  g.dilations = perDim(context, "dilations", spatial, 1);
  std::vector<int64_t> outputPadding =
      perDim(context, "output_padding", spatial, 0);
  g.pads = context.attrInts("pads", std::vector<int64_t>(2 * spatial, 0));
  if (g.pads.size() != 2 * spatial || g.kernel.size() != spatial)
    context.fail("pads or kernel_shape do not match the " + Twine(spatial) +
                 " spatial dims");
  std::optional<std::vector<int64_t>> outputShape;
  if (context.hasAttr("output_shape")) {
    outputShape = context.attrInts("output_shape");
    // The full [N, C, d...] may be given.
    if (outputShape->size() == spatial + 2)
      outputShape->erase(outputShape->begin(), outputShape->begin() + 2);
    if (outputShape->size() != spatial)
      context.fail("output_shape has " + Twine(outputShape->size()) +
                   " values for " + Twine(spatial) + " spatial dims");
  } else if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
    outputShape.emplace();
    for (size_t i = 0; i < spatial; ++i)
      outputShape->push_back(x[2 + i] * g.strides[i]);
  } else if (autoPad == "VALID") {
    g.pads.assign(2 * spatial, 0);
  } else if (autoPad != "NOTSET") {
    context.unsupported("auto_pad", "'" + autoPad + "'");
  }
  if (outputShape) {
    for (size_t i = 0; i < spatial; ++i) {
      int64_t full = g.strides[i] * (x[2 + i] - 1) + outputPadding[i] +
                     g.dilations[i] * (g.kernel[i] - 1) + 1;
      int64_t total = full - (*outputShape)[i];
      if (total < 0) {
        // A larger output than the full one: padding at the end.
        outputPadding[i] -= total;
        total = 0;
      }
      int64_t small = total / 2, large = total - small;
      bool upper = autoPad == "SAME_UPPER";
      g.pads[i] = upper ? small : large;
      g.pads[spatial + i] = upper ? large : small;
    }
  }
  SmallVector<Value> operands = {context.input(0), context.input(1)};
  if (context.hasInput(2))
    operands.push_back(context.input(2));
  context.setOutput(
      0, context.op("kiln.conv_transpose", operands,
                    {{"stride", context.i64ArrayAttr(g.strides)},
                     {"padding", context.i64ArrayAttr(g.pads)},
                     {"output_padding", context.i64ArrayAttr(outputPadding)},
                     {"dilation", context.i64ArrayAttr(g.dilations)},
                     {"groups", context.i64Attr(context.attrInt("group", 1))}}));
}

template <bool IsMax> void convertPool(NodeContext &context) {
  requireFloat(context, 0);
  if (IsMax && context.numOutputs() > 1 && context.wantsOutput(1))
    context.unsupported("output 1", "'Indices' (kiln.max_pool returns values)");
  ArrayRef<int64_t> x = context.inputType(0).getShape();
  if (x.size() < 3 || x.size() > 5)
    context.fail("expects an input [N, C, d1, ...] with 1 to 3 spatial dims");
  // AveragePool has no dilations before opset 19.
  Geometry g = getGeometry(context, x, {}, IsMax);
  SmallVector<OpAttr> attrs = {{"kernel", context.i64ArrayAttr(g.kernel)},
                               {"stride", context.i64ArrayAttr(g.strides)},
                               {"padding", context.i64ArrayAttr(g.pads)}};
  if (IsMax)
    attrs.push_back({"dilation", context.i64ArrayAttr(g.dilations)});
  else if (context.hasAttr("dilations") &&
           llvm::any_of(context.attrInts("dilations"),
                        [](int64_t d) { return d != 1; }))
    context.unsupported("dilations", "on AveragePool");
  if (context.attrInt("ceil_mode", 0))
    attrs.push_back({"ceil_mode", UnitAttr::get(context.context())});
  if (!IsMax && context.attrInt("count_include_pad", 0))
    attrs.push_back({"count_include_pad", UnitAttr::get(context.context())});
  context.setOutput(0, context.op(IsMax ? "kiln.max_pool" : "kiln.avg_pool",
                                  {context.input(0)}, attrs));
}

/// GlobalMaxPool and GlobalAveragePool: max or mean over the spatial dims,
/// kept as size 1.
template <bool IsMax> void convertGlobalPool(NodeContext &context) {
  requireFloat(context, 0);
  int64_t rank = context.inputType(0).getRank();
  if (rank < 3)
    context.fail("expects an input [N, C, d1, ...]");
  std::vector<int64_t> dims;
  for (int64_t dim = 2; dim < rank; ++dim)
    dims.push_back(dim);
  context.setOutput(0, context.op(IsMax ? "kiln.max" : "kiln.mean",
                                  {context.input(0)},
                                  {{"dim", context.i64ArrayAttr(dims)},
                                   {"keepdim", UnitAttr::get(context.context())}}));
}

Value scalar(NodeContext &context, Type element, double value) {
  return createScalar(context.builder(), context.loc(), element, value);
}

/// BatchNormalization. In training mode the running statistics outputs are
/// what ONNX defines: `running * momentum + batch * (1 - momentum)`, with
/// the batch's biased variance (kiln.batch_norm's own update, PyTorch's,
/// uses the unbiased one, so the variance output is computed here);
/// saved_mean and saved_var are the batch's mean and biased variance. The
/// running statistics themselves, when they are initializers, are buffers
/// updated as the PyTorch module that was exported updates them: with
/// kiln.batch_norm's update, so that `kiln train` leaves them where
/// PyTorch's training would.
void convertBatchNormalization(NodeContext &context) {
  requireFloat(context, 0);
  Value x = context.input(0), scale = context.input(1), bias = context.input(2);
  Value mean = context.input(3), var = context.input(4);
  double eps = context.attrFloat("epsilon", 1e-5);
  double momentum = context.attrFloat("momentum", 0.9);
  bool training = isTrainingBatchNorm(context.node(), context.opset());
  SmallVector<OpAttr> attrs = {
      {"eps", context.f64Attr(eps)},
      {"momentum", context.f64Attr(1.0 - momentum)},
      {"operandSegmentSizes",
       DenseI32ArrayAttr::get(context.context(), {1, 1, 1, 1, 1})}};
  if (training)
    attrs.push_back({"training", UnitAttr::get(context.context())});
  SmallVector<Value> results =
      context.ops("kiln.batch_norm", {x, mean, var, scale, bias}, attrs);
  context.setOutput(0, results[0]);
  if (!training)
    return;
  context.updateInput(3, results[1]);
  context.updateInput(4, results[2]);
  context.setOutput(1, results[1]);
  bool wantsVariance = context.wantsOutput(2) || context.wantsOutput(4);
  if (!wantsVariance && !context.wantsOutput(3))
    return;
  int64_t rank = context.inputType(0).getRank();
  std::vector<int64_t> dims = {0};
  for (int64_t dim = 2; dim < rank; ++dim)
    dims.push_back(dim);
  auto keep = [&](Value v) {
    return context.op("kiln.mean", {v},
                      {{"dim", context.i64ArrayAttr(dims)},
                       {"keepdim", UnitAttr::get(context.context())}});
  };
  ArrayRef<int64_t> channels = context.inputType(3).getShape();
  Value batchMean = keep(x);
  context.setOutput(3, reshape(context, batchMean, channels));
  if (!wantsVariance)
    return;
  Value centered = context.op("kiln.sub", {x, batchMean});
  Value batchVar = reshape(
      context, keep(context.op("kiln.mul", {centered, centered})), channels);
  context.setOutput(4, batchVar);
  Type element = getElementTypeOf(x);
  context.setOutput(
      2, context.op(
             "kiln.add",
             {context.op("kiln.mul", {var, scalar(context, element, momentum)}),
              context.op("kiln.mul", {batchVar, scalar(context, element,
                                                       1.0 - momentum)})}));
}

void convertLayerNormalization(NodeContext &context) {
  requireFloat(context, 0);
  if (context.attrInt("stash_type", 1) != 1)
    context.unsupported("stash_type",
                        Twine(context.attrInt("stash_type", 1)));
  SmallVector<Value> operands = {context.input(0), context.input(1)};
  int32_t hasBias = context.hasInput(2) ? 1 : 0;
  if (hasBias)
    operands.push_back(context.input(2));
  // Mean and InvStdDev are computed in the input's type (stash_type 1 is
  // float; for double inputs that is what the reference does too).
  SmallVector<Value> results = context.ops(
      "kiln.layer_norm", operands,
      {{"axis", context.i64Attr(context.attrInt("axis", -1))},
       {"eps", context.f64Attr(context.attrFloat("epsilon", 1e-5))},
       {"operandSegmentSizes",
        DenseI32ArrayAttr::get(context.context(), {1, 1, hasBias})}});
  for (size_t output = 0; output < 3 && output < context.numOutputs(); ++output)
    if (context.wantsOutput(output))
      context.setOutput(output, results[output]);
}

void convertInstanceNormalization(NodeContext &context) {
  requireFloat(context, 0);
  context.setOutput(
      0, context.op("kiln.instance_norm",
                    {context.input(0), context.input(1), context.input(2)},
                    {{"eps", context.f64Attr(context.attrFloat("epsilon", 1e-5))},
                     {"operandSegmentSizes",
                      DenseI32ArrayAttr::get(context.context(), {1, 1, 1})}}));
}

/// GroupNormalization (opset 18): scale and bias are per group; kiln's
/// group_norm takes them per channel, so each is repeated over its group's
/// channels.
void convertGroupNormalization(NodeContext &context) {
  requireFloat(context, 0);
  ArrayRef<int64_t> x = context.inputType(0).getShape();
  int64_t groups = context.attrInt("num_groups");
  if (x.size() < 2 || groups < 1 || x[1] % groups != 0)
    context.fail("channels of input are not divisible into " + Twine(groups) +
                 " groups");
  auto perChannel = [&](Value v) {
    int64_t size = cast<RankedTensorType>(v.getType()).getNumElements();
    if (size == x[1])
      return reshape(context, v, {x[1]});
    Value column = reshape(context, v, {groups, 1});
    Value expanded = context.op(
        "kiln.expand", {column},
        {{"sizes", context.i64ArrayAttr({groups, x[1] / groups})}});
    return reshape(context, expanded, {x[1]});
  };
  context.setOutput(
      0, context.op("kiln.group_norm",
                    {context.input(0), perChannel(context.input(1)),
                     perChannel(context.input(2))},
                    {{"num_groups", context.i64Attr(groups)},
                     {"eps", context.f64Attr(context.attrFloat("epsilon", 1e-5))},
                     {"operandSegmentSizes",
                      DenseI32ArrayAttr::get(context.context(), {1, 1, 1})}}));
}

/// Dropout: the identity outside training (its mask all true). A random
/// mask is not imported: ONNX fixes no generator, so no result could be
/// compared (export models in eval mode).
void convertDropout(NodeContext &context) {
  bool training = false;
  double ratio = 0.5;
  if (context.opset() >= 12) {
    // The ratio matters (and must be known) only in training.
    if (context.hasInput(2))
      training = context.constantInts(2).at(0) != 0;
    if (training && context.hasInput(1))
      ratio = context.constantFloats(1).at(0);
  } else {
    ratio = context.attrFloat("ratio", 0.5);
    training = context.opset() < 7 && !context.attrInt("is_test", 0);
  }
  if (training && ratio != 0.0)
    context.unsupported("training_mode",
                        "1 with ratio " + formatNumber(ratio) +
                            " (a random mask; ONNX fixes no generator)");
  Value x = context.input(0);
  context.setOutput(0, x);
  if (context.numOutputs() > 1 && context.wantsOutput(1)) {
    auto maskType = RankedTensorType::get(
        context.inputType(0).getShape(), context.builder().getI1Type());
    context.setOutput(1, context.op("kiln.ones", maskType, {}));
  }
}

/// Pad: pads (and the fill value) are an input from opset 11, attributes
/// before; `axes` (opset 18) picks the dims the pads apply to.
void convertPad(NodeContext &context) {
  RankedTensorType type = context.inputType(0);
  int64_t rank = type.getRank();
  std::vector<int64_t> pads;
  double value = 0.0;
  // A fill value known only when the model runs (a graph input).
  Value runtimeValue;
  if (context.opset() >= 11) {
    pads = context.constantInts(1);
    if (context.hasInput(2)) {
      if (!context.constantInput(2)) {
        runtimeValue = context.input(2);
      } else {
        std::vector<double> fill = context.constantFloats(2);
        if (!fill.empty())
          value = fill[0];
      }
    }
    if (context.hasInput(3)) {
      std::vector<int64_t> axes = context.constantInts(3);
      if (pads.size() != 2 * axes.size())
        context.fail("pads has " + Twine(pads.size()) + " values for " +
                     Twine(axes.size()) + " axes");
      std::vector<int64_t> full(2 * rank, 0);
      for (size_t i = 0; i < axes.size(); ++i) {
        int64_t axis = normalizeAxis(context, axes[i], rank);
        full[axis] = pads[i];
        full[rank + axis] = pads[axes.size() + i];
      }
      pads = full;
    }
  } else {
    pads = context.attrInts(context.opset() >= 2 ? "pads" : "paddings");
    value = context.attrFloat("value", 0.0);
  }
  std::string mode = context.attrString("mode", "constant");
  PadMode padMode;
  if (mode == "constant")
    padMode = PadMode::constant;
  else if (mode == "reflect")
    padMode = PadMode::reflect;
  else if (mode == "edge")
    padMode = PadMode::edge;
  else
    context.unsupported("mode", "'" + mode + "'");
  auto pad = [&](Value input, double fill) {
    return context.op("kiln.pad", {input},
                      {{"pads", context.i64ArrayAttr(pads)},
                       {"mode", PadModeAttr::get(context.context(), padMode)},
                       {"value", context.f64Attr(fill)}});
  };
  if (!runtimeValue || padMode != PadMode::constant) {
    context.setOutput(0, pad(context.input(0), value));
    return;
  }
  // pad(x, 0) + value * (1 on the border, 0 inside).
  Type element = type.getElementType();
  Value border = pad(context.op("kiln.zeros", type, {}), 1.0);
  Value fill = context.op(
      "kiln.mul", {border, castTo(context, reshape(context, runtimeValue, {}),
                                  element)});
  context.setOutput(0, castTo(context,
                              context.op("kiln.add", {pad(context.input(0), 0.0),
                                                      fill}),
                              element));
}

} // namespace

bool isTrainingBatchNorm(const onnx::NodeProto &node, int64_t opset) {
  // Training mode is `training_mode = 1` from opset 14; before, it is a node
  // with more than one output (ONNX's "output case #1", which PyTorch
  // exports as Y, mean, var, saved_mean, saved_var).
  if (opset < 14)
    return node.output_size() > 1;
  for (const onnx::AttributeProto &attr : node.attribute())
    if (attr.name() == "training_mode")
      return attr.i() != 0;
  return false;
}

void registerConvConverters(ConverterRegistry &registry) {
  registry["Conv"] = convertConv;
  registry["ConvTranspose"] = convertConvTranspose;
  registry["MaxPool"] = convertPool<true>;
  registry["AveragePool"] = convertPool<false>;
  registry["GlobalMaxPool"] = convertGlobalPool<true>;
  registry["GlobalAveragePool"] = convertGlobalPool<false>;
  registry["BatchNormalization"] = convertBatchNormalization;
  registry["LayerNormalization"] = convertLayerNormalization;
  registry["InstanceNormalization"] = convertInstanceNormalization;
  registry["GroupNormalization"] = convertGroupNormalization;
  registry["Dropout"] = convertDropout;
  registry["Pad"] = convertPad;
}

} // namespace kiln::onnx_import
