//===- ConvertElementwise.cpp - ONNX element-wise ops ---------------------===//
//
/// ONNX's element-wise ops take operands of one dtype and broadcast like
/// NumPy, as the kiln ops do; where ONNX keeps an integer dtype that torch
/// would promote to float (Div, Pow), the result is cast back.
//
//===----------------------------------------------------------------------===//

#include "frontend/Support.h"
#include "frontend/onnx/ConverterSupport.h"
#include "frontend/onnx/Converters.h"
#include "frontend/onnx/TensorProto.h"
#include "ir/GraphBuilder.h"

using namespace mlir;

namespace kiln::onnx_import {
namespace {

/// A binary op whose ONNX result keeps the first operand's dtype.
template <const char *OpName> void convertBinaryKeepingType(NodeContext &context) {
  Value lhs = context.input(0);
  Value result = context.op(OpName, {lhs, context.input(1)});
  context.setOutput(0, castTo(context, result, getElementTypeOf(lhs)));
}

/// Max, Min, Sum, Mean: variadic and broadcasting.
template <const char *OpName> void convertVariadic(NodeContext &context) {
  Value result = context.input(0);
  for (size_t i = 1; i < context.numInputs(); ++i)
    result = context.op(OpName, {result, context.input(i)});
  context.setOutput(0, result);
}

void convertMean(NodeContext &context) {
  Value sum = context.input(0);
  for (size_t i = 1; i < context.numInputs(); ++i)
    sum = context.op("kiln.add", {sum, context.input(i)});
  Value count = createScalar(context.builder(), context.loc(),
                             getElementTypeOf(sum), context.numInputs());
  context.setOutput(0, context.op("kiln.div", {sum, count}));
}

void convertIdentity(NodeContext &context) {
  context.setOutput(0, context.input(0));
}

/// Clip: bounds are attributes before opset 11, optional inputs after.
void convertClip(NodeContext &context) {
  Value result = context.input(0);
  if (context.opset() < 11) {
    SmallVector<OpAttr> bounds;
    if (context.hasAttr("min"))
      bounds.push_back({"min", context.f64Attr(context.attrFloat("min"))});
    if (context.hasAttr("max"))
      bounds.push_back({"max", context.f64Attr(context.attrFloat("max"))});
    if (!bounds.empty())
      result = context.op("kiln.clamp", {result}, bounds);
    context.setOutput(0, result);
    return;
  }
  // The bounds are 0-d tensors; maximum and minimum keep x's dtype.
  if (context.hasInput(1))
    result = context.op("kiln.maximum", {result, context.input(1)});
  if (context.hasInput(2))
    result = context.op("kiln.minimum", {result, context.input(2)});
  context.setOutput(0, castTo(context, result, getElementTypeOf(context.input(0))));
}

void convertWhere(NodeContext &context) {
  context.setOutput(0, context.op("kiln.where", {context.input(0),
                                                 context.input(1),
                                                 context.input(2)}));
}

void convertCast(NodeContext &context) {
  int64_t to = context.attrInt("to");
  DType dtype;
  try {
    dtype = getDTypeOfOnnx(static_cast<int32_t>(to), "attribute 'to'");
  } catch (const RuntimeError &error) {
    context.fail(error.what());
  }
  context.setOutput(0, castTo(context, context.input(0),
                              kiln::getElementType(context.context(), dtype)));
}

void convertCastLike(NodeContext &context) {
  context.setOutput(0, castTo(context, context.input(0),
                              getElementTypeOf(context.input(1))));
}

/// Div on integers truncates, as C does; torch's true division is cast back.
/// ONNX Div keeps its operands' type: C's truncating division for integers
/// (exact, where a detour through float32 would round), true division for
/// floats.
void convertDiv(NodeContext &context) {
  Value lhs = context.input(0);
  bool integral = isa<IntegerType>(getElementTypeOf(lhs));
  Value quotient = context.op(integral ? "kiln.div_trunc" : "kiln.div",
                              {lhs, context.input(1)});
  context.setOutput(0, castTo(context, quotient, getElementTypeOf(lhs)));
}

constexpr char kAdd[] = "kiln.add", kSub[] = "kiln.sub", kMul[] = "kiln.mul",
               kPow[] = "kiln.pow", kMaximum[] = "kiln.maximum",
               kMinimum[] = "kiln.minimum", kEq[] = "kiln.eq", kLt[] = "kiln.lt",
               kLe[] = "kiln.le", kGt[] = "kiln.gt", kGe[] = "kiln.ge",
               kNeg[] = "kiln.neg", kAbs[] = "kiln.abs", kRelu[] = "kiln.relu",
               kExp[] = "kiln.exp", kLog[] = "kiln.log", kSqrt[] = "kiln.sqrt",
               kSigmoid[] = "kiln.sigmoid", kTanh[] = "kiln.tanh";

} // namespace

void registerElementwiseConverters(ConverterRegistry &registry) {
  registry["Add"] = convertBinary<kAdd>;
  registry["Sub"] = convertBinary<kSub>;
  registry["Mul"] = convertBinary<kMul>;
  registry["Div"] = convertDiv;
  registry["Pow"] = convertBinaryKeepingType<kPow>;
  registry["Max"] = convertVariadic<kMaximum>;
  registry["Min"] = convertVariadic<kMinimum>;
  registry["Sum"] = convertVariadic<kAdd>;
  registry["Mean"] = convertMean;
  registry["Equal"] = convertBinary<kEq>;
  registry["Less"] = convertBinary<kLt>;
  registry["LessOrEqual"] = convertBinary<kLe>;
  registry["Greater"] = convertBinary<kGt>;
  registry["GreaterOrEqual"] = convertBinary<kGe>;
  registry["Neg"] = convertUnary<kNeg>;
  registry["Abs"] = convertUnary<kAbs>;
  registry["Relu"] = convertUnary<kRelu>;
  registry["Exp"] = convertUnary<kExp>;
  registry["Log"] = convertUnary<kLog>;
  registry["Sqrt"] = convertUnary<kSqrt>;
  registry["Sigmoid"] = convertUnary<kSigmoid>;
  registry["Tanh"] = convertUnary<kTanh>;
  registry["Identity"] = convertIdentity;
  registry["Clip"] = convertClip;
  registry["Where"] = convertWhere;
  registry["Cast"] = convertCast;
  registry["CastLike"] = convertCastLike;
}

} // namespace kiln::onnx_import
