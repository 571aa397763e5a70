//===- ConvertQuantization.cpp - ONNX linear quantization -----------------===//
//
/// ONNX's linear quantization ops as compositions of float and integer kiln
/// ops: quantizing is round-half-to-even of x / scale plus the zero point,
/// saturated to the integer type; dequantizing is (x - zero point) * scale.
/// Integer products (MatMulInteger) accumulate in int32 as ONNX specifies.
//
//===----------------------------------------------------------------------===//

#include "frontend/onnx/ConverterSupport.h"
#include "frontend/onnx/Converters.h"
#include "ir/GraphBuilder.h"

using namespace mlir;

namespace kiln::onnx_import {
namespace {

Value scalar(NodeContext &context, Type element, double value) {
  return createScalar(context.builder(), context.loc(), element, value);
}

/// A per-axis (1-D) scale or zero point reshaped to broadcast along `axis`
/// of a tensor of rank `rank`; a 0-d one as it is.
Value alongAxis(NodeContext &context, Value value, int64_t axis,
                int64_t rank) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getRank() == 0)
    return value;
  SmallVector<int64_t> shape(rank, 1);
  shape[axis] = type.getNumElements();
  return reshape(context, value, shape);
}

/// The axis a 1-D scale runs along; unused (0) for a 0-d scale.
int64_t getQuantizationAxis(NodeContext &context, int64_t rank) {
  if (context.inputType(1).getRank() == 0)
    return 0;
  return normalizeAxis(context, context.attrInt("axis", 1), rank);
}

/// round(x) + zeroPoint saturated to `element`'s range and cast to it; x and
/// zeroPoint are f32.
Value saturate(NodeContext &context, Value x, Value zeroPoint, Type element) {
  auto integer = cast<IntegerType>(element);
  double lowest = integer.isUnsigned() ? 0 : -std::ldexp(1.0, integer.getWidth() - 1);
  double highest = integer.isUnsigned()
                       ? std::ldexp(1.0, integer.getWidth()) - 1
                       : std::ldexp(1.0, integer.getWidth() - 1) - 1;
  Value rounded = context.op("kiln.round", {x});
  if (zeroPoint)
    rounded = context.op("kiln.add", {rounded, zeroPoint});
  Value clamped = context.op("kiln.clamp", {rounded},
                             {{"min", context.f64Attr(lowest)},
                              {"max", context.f64Attr(highest)}});
  return castTo(context, clamped, element);
}

void convertQuantizeLinear(NodeContext &context) {
  Value x = context.input(0);
  int64_t rank = context.inputType(0).getRank();
  int64_t axis = getQuantizationAxis(context, rank);
  Type f32 = context.builder().getF32Type();
  Value scale = alongAxis(context, castTo(context, context.input(1), f32), axis,
                          rank);
  // Without a zero point the result is uint8.
  Type element = IntegerType::get(context.context(), 8, IntegerType::Unsigned);
  Value zeroPoint;
  if (context.hasInput(2)) {
    element = getElementTypeOf(context.input(2));
    zeroPoint = alongAxis(context, castTo(context, context.input(2), f32), axis,
                          rank);
  }
  if (!isa<IntegerType>(element))
    context.fail("the zero point must be an integer tensor");
  Value scaled = context.op("kiln.div", {castTo(context, x, f32), scale});
  context.setOutput(0, saturate(context, scaled, zeroPoint, element));
}

void convertDequantizeLinear(NodeContext &context) {
  Type f32 = context.builder().getF32Type();
  int64_t rank = context.inputType(0).getRank();
  int64_t axis = getQuantizationAxis(context, rank);
  Value x = castTo(context, context.input(0), f32);
  if (context.hasInput(2))
    x = context.op("kiln.sub",
                   {x, alongAxis(context, castTo(context, context.input(2), f32),
                                 axis, rank)});
  Value scale = alongAxis(context, castTo(context, context.input(1), f32), axis,
                          rank);
  context.setOutput(0, context.op("kiln.mul", {x, scale}));
}

/// DynamicQuantizeLinear: uint8 over the range of x extended to include 0.
void convertDynamicQuantizeLinear(NodeContext &context) {
  Value x = context.input(0);
  Type f32 = getElementTypeOf(x);
  Type u8 = IntegerType::get(context.context(), 8, IntegerType::Unsigned);
  Value zero = scalar(context, f32, 0);
  Value low = context.op("kiln.minimum", {context.op("kiln.min", {x}), zero});
  Value high = context.op("kiln.maximum", {context.op("kiln.max", {x}), zero});
  Value scale = context.op("kiln.div", {context.op("kiln.sub", {high, low}),
                                        scalar(context, f32, 255)});
  Value zeroPoint = saturate(
      context, context.op("kiln.div", {context.op("kiln.neg", {low}), scale}),
      Value(), u8);
  Value y = saturate(context, context.op("kiln.div", {x, scale}),
                     castTo(context, zeroPoint, f32), u8);
  context.setOutput(0, y);
  context.setOutput(1, scale);
  context.setOutput(2, zeroPoint);
}

/// (a - a_zero_point) @ (b - b_zero_point) in int32. A per-row zero point of
/// a broadcasts along its rows, a per-column one of b along its columns.
Value integerProduct(NodeContext &context, Value a, Value aZeroPoint, Value b,
                     Value bZeroPoint) {
  Type i32 = context.builder().getI32Type();
  a = castTo(context, a, i32);
  b = castTo(context, b, i32);
  if (aZeroPoint) {
    aZeroPoint = castTo(context, aZeroPoint, i32);
    auto type = cast<RankedTensorType>(aZeroPoint.getType());
    if (type.getRank() == 1)
      aZeroPoint = reshape(context, aZeroPoint, {type.getNumElements(), 1});
    a = context.op("kiln.sub", {a, aZeroPoint});
  }
  if (bZeroPoint)
    b = context.op("kiln.sub", {b, castTo(context, bZeroPoint, i32)});
  return context.op("kiln.matmul", {a, b});
}

void convertMatMulInteger(NodeContext &context) {
  Value aZeroPoint = context.hasInput(2) ? context.input(2) : Value();
  Value bZeroPoint = context.hasInput(3) ? context.input(3) : Value();
  context.setOutput(0, integerProduct(context, context.input(0), aZeroPoint,
                                      context.input(1), bZeroPoint));
}

/// QLinearMatMul: the int32 product rescaled by a_scale * b_scale / y_scale
/// and quantized with y's zero point.
void convertQLinearMatMul(NodeContext &context) {
  Type f32 = context.builder().getF32Type();
  Value product = integerProduct(context, context.input(0), context.input(2),
                                 context.input(3), context.input(5));
  Value multiplier = context.op(
      "kiln.div",
      {context.op("kiln.mul", {castTo(context, context.input(1), f32),
                               castTo(context, context.input(4), f32)}),
       castTo(context, context.input(6), f32)});
  Value scaled =
      context.op("kiln.mul", {castTo(context, product, f32), multiplier});
  Value yZeroPoint = context.input(7);
  context.setOutput(0, saturate(context, scaled, castTo(context, yZeroPoint, f32),
                                getElementTypeOf(yZeroPoint)));
}

} // namespace

void registerQuantizationConverters(ConverterRegistry &registry) {
  registry["QuantizeLinear"] = convertQuantizeLinear;
  registry["DequantizeLinear"] = convertDequantizeLinear;
  registry["DynamicQuantizeLinear"] = convertDynamicQuantizeLinear;
  registry["MatMulInteger"] = convertMatMulInteger;
  registry["QLinearMatMul"] = convertQLinearMatMul;
}

} // namespace kiln::onnx_import
