//===- ConvertCreation.cpp - ONNX ops that create tensors -----------------===//
//
/// Constants, and the ops whose result depends only on attributes and on
/// inputs known at import (shapes, sizes): all become kiln.constant.
//
//===----------------------------------------------------------------------===//

#include "frontend/Support.h"
#include "frontend/onnx/ConverterSupport.h"
#include "frontend/onnx/Converters.h"
#include "frontend/onnx/TensorProto.h"

#include <cmath>

using namespace mlir;

namespace kiln::onnx_import {
namespace {

/// The element type `attribute` names (an ONNX data type), or `orElse`.
Type getOutputElementType(NodeContext &context, StringRef attribute,
                          Type orElse) {
  if (!context.hasAttr(attribute))
    return orElse;
  try {
    return kiln::getElementType(
        context.context(),
        getDTypeOfOnnx(static_cast<int32_t>(context.attrInt(attribute)),
                       "attribute '" + attribute.str() + "'"));
  } catch (const RuntimeError &error) {
    context.fail(error.what());
  }
}

void convertConstant(NodeContext &context) {
  DenseElementsAttr value;
  Builder &builder = context.builder();
  if (context.hasAttr("value")) {
    value = context.attrTensor("value");
  } else if (context.hasAttr("value_float")) {
    value = DenseElementsAttr::get(
        RankedTensorType::get({}, builder.getF32Type()),
        static_cast<float>(context.attrFloat("value_float")));
  } else if (context.hasAttr("value_floats")) {
    SmallVector<float> floats;
    for (double element : context.attrFloats("value_floats"))
      floats.push_back(static_cast<float>(element));
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(floats.size())},
                              builder.getF32Type()),
        ArrayRef<float>(floats));
  } else if (context.hasAttr("value_int")) {
    value = DenseElementsAttr::get(
        RankedTensorType::get({}, builder.getI64Type()),
        context.attrInt("value_int"));
  } else if (context.hasAttr("value_ints")) {
    std::vector<int64_t> ints = context.attrInts("value_ints");
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(ints.size())},
                              builder.getI64Type()),
        ArrayRef<int64_t>(ints));
  } else {
    context.fail("only tensor, float and int values are supported (not "
                 "sparse tensors or strings)");
  }
  context.setOutput(0, context.constant(value));
}

void convertConstantOfShape(NodeContext &context) {
  std::vector<int64_t> shape = context.constantInts(0);
  Attribute element = FloatAttr::get(context.builder().getF32Type(), 0.0);
  if (context.hasAttr("value")) {
    DenseElementsAttr value = context.attrTensor("value");
    if (value.getNumElements() != 1)
      context.fail("attribute 'value' must hold one element");
    element = *value.getValues<Attribute>().begin();
  }
  auto type = RankedTensorType::get(shape, cast<TypedAttr>(element).getType());
  context.setOutput(0, context.constant(DenseElementsAttr::get(type, element)));
}

/// Range's output shape depends on its inputs' values, so they must be
/// known at import; the result is a constant.
void convertRange(NodeContext &context) {
  const char *why = ": the output's shape depends on it";
  DenseElementsAttr startAttr = context.knownInput(0, why);
  context.knownInput(1, why);
  context.knownInput(2, why);
  std::vector<double> start = context.constantFloats(0);
  std::vector<double> limit = context.constantFloats(1);
  std::vector<double> delta = context.constantFloats(2);
  if (start.size() != 1 || limit.size() != 1 || delta.size() != 1)
    context.fail("start, limit and delta must be scalars");
  if (delta[0] == 0)
    context.fail("delta is 0");
  int64_t count = std::max<int64_t>(
      0, static_cast<int64_t>(std::ceil((limit[0] - start[0]) / delta[0])));
  Type element = startAttr.getElementType();
  SmallVector<Attribute> values;
  for (int64_t i = 0; i < count; ++i) {
    double value = start[0] + i * delta[0];
    if (isa<FloatType>(element))
      values.push_back(FloatAttr::get(element, value));
    else
      values.push_back(IntegerAttr::get(element, static_cast<int64_t>(value)));
  }
  context.setOutput(0, context.constant(DenseElementsAttr::get(
                           RankedTensorType::get({count}, element), values)));
}

/// EyeLike: ones on the k-th diagonal of a matrix shaped like the input.
void convertEyeLike(NodeContext &context) {
  auto type = context.inputType(0);
  if (type.getRank() != 2)
    context.fail("the input must be 2-D");
  Type element = getOutputElementType(context, "dtype", type.getElementType());
  int64_t k = context.attrInt("k", 0);
  auto resultType = type.clone(element);
  SmallVector<Attribute> values;
  for (int64_t row = 0; row < type.getDimSize(0); ++row)
    for (int64_t column = 0; column < type.getDimSize(1); ++column) {
      double value = column - row == k ? 1.0 : 0.0;
      values.push_back(isa<FloatType>(element)
                           ? Attribute(FloatAttr::get(element, value))
                           : Attribute(IntegerAttr::get(
                                 element, static_cast<int64_t>(value))));
    }
  context.setOutput(0, context.constant(DenseElementsAttr::get(resultType,
                                                               values)));
}

/// The generalized cosine windows of signal processing:
/// w[n] = sum_k (-1)^k a_k cos(2 pi k n / N), N = size (periodic) or size - 1.
template <int Kind> void convertWindow(NodeContext &context) {
  std::vector<int64_t> size = context.constantInts(0);
  if (size.size() != 1 || size[0] < 0)
    context.fail("size must be one non-negative integer");
  static const std::vector<double> coefficients[] = {
      {0.5, 0.5},                // Hann
      {25.0 / 46.0, 21.0 / 46.0}, // Hamming
      {0.42, 0.5, 0.08}};        // Blackman
  bool periodic = context.attrInt("periodic", 1) != 0;
  double period = static_cast<double>(periodic ? size[0] : size[0] - 1);
  Type element = getOutputElementType(context, "output_datatype",
                                      context.builder().getF32Type());
  SmallVector<Attribute> values;
  for (int64_t n = 0; n < size[0]; ++n) {
    double value = 0, sign = 1;
    for (auto [k, a] : llvm::enumerate(coefficients[Kind])) {
      value += sign * a * std::cos(2 * M_PI * k * n / period);
      sign = -sign;
    }
    values.push_back(isa<FloatType>(element)
                         ? Attribute(FloatAttr::get(element, value))
                         : Attribute(IntegerAttr::get(
                               element, static_cast<int64_t>(value))));
  }
  context.setOutput(0, context.constant(DenseElementsAttr::get(
                           RankedTensorType::get({size[0]}, element), values)));
}

} // namespace

void registerCreationConverters(ConverterRegistry &registry) {
  registry["Constant"] = convertConstant;
  registry["ConstantOfShape"] = convertConstantOfShape;
  registry["Range"] = convertRange;
  registry["EyeLike"] = convertEyeLike;
  registry["HannWindow"] = convertWindow<0>;
  registry["HammingWindow"] = convertWindow<1>;
  registry["BlackmanWindow"] = convertWindow<2>;
}

} // namespace kiln::onnx_import
