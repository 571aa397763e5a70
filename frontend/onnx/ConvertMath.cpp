//===- ConvertMath.cpp - ONNX math functions and activations --------------===//
//
/// The ONNX ops that map onto the math family of the dialect
/// (ir/KilnMathOps.td): one kiln op each, with ONNX's attributes passed
/// under the kiln op's names (LeakyRelu's `alpha` is leaky_relu's
/// `negative_slope`) and ONNX's defaults where they differ from the kiln
/// op's (HardSigmoid's 0.2 and 0.5). Mod is fmod or remainder by its `fmod`
/// attribute; BitShift a left or right shift by its `direction`.
//
//===----------------------------------------------------------------------===//

#include "frontend/onnx/ConverterSupport.h"
#include "frontend/onnx/Converters.h"

using namespace mlir;

namespace kiln::onnx_import {
namespace {

/// An op whose float attributes are ONNX's, each under the kiln op's name
/// with ONNX's default when the node omits it.
struct FloatAttr {
  const char *onnxName;
  const char *kilnName;
  double onnxDefault;
};

void convertWithAttrs(NodeContext &context, StringRef opName,
                      std::initializer_list<FloatAttr> attrs) {
  SmallVector<OpAttr> kilnAttrs;
  for (const FloatAttr &attr : attrs)
    kilnAttrs.push_back(
        {attr.kilnName,
         context.f64Attr(context.attrFloat(attr.onnxName, attr.onnxDefault))});
  context.setOutput(0, context.op(opName, {context.input(0)}, kilnAttrs));
}

void convertElu(NodeContext &context) {
  convertWithAttrs(context, "kiln.elu", {{"alpha", "alpha", 1.0}});
}

void convertCelu(NodeContext &context) {
  convertWithAttrs(context, "kiln.celu", {{"alpha", "alpha", 1.0}});
}

/// Selu's defaults are PyTorch's constants rounded to float32.
void convertSelu(NodeContext &context) {
  convertWithAttrs(context, "kiln.selu",
                   {{"alpha", "alpha", 1.67326319217681884765625},
                    {"gamma", "gamma", 1.05070102214813232421875}});
}

void convertLeakyRelu(NodeContext &context) {
  convertWithAttrs(context, "kiln.leaky_relu",
                   {{"alpha", "negative_slope", 0.01}});
}

void convertHardSigmoid(NodeContext &context) {
  convertWithAttrs(context, "kiln.hardsigmoid",
                   {{"alpha", "alpha", 0.2}, {"beta", "beta", 0.5}});
}

void convertThresholdedRelu(NodeContext &context) {
  convertWithAttrs(context, "kiln.thresholded_relu",
                   {{"alpha", "alpha", 1.0}});
}

void convertShrink(NodeContext &context) {
  convertWithAttrs(context, "kiln.shrink",
                   {{"bias", "bias", 0.0}, {"lambd", "lambd", 0.5}});
}

/// Softplus is log(1 + exp(x)): kiln.softplus with beta 1 (its threshold
/// keeps large x from overflowing).
void convertSoftplus(NodeContext &context) {
  context.setOutput(0, context.op("kiln.softplus", {context.input(0)}));
}

void convertGelu(NodeContext &context) {
  std::string approximate = context.attrString("approximate", "none");
  if (approximate != "none" && approximate != "tanh")
    context.unsupported("approximate", approximate);
  context.setOutput(0, context.op("kiln.gelu", {context.input(0)},
                                  {{"approximate",
                                    context.builder().getStringAttr(
                                        approximate)}}));
}

void convertIsInf(NodeContext &context) {
  SmallVector<OpAttr> attrs;
  for (const char *name : {"detect_positive", "detect_negative"})
    attrs.push_back({name, context.boolAttr(context.attrInt(name, 1) != 0)});
  context.setOutput(0, context.op("kiln.isinf", {context.input(0)}, attrs));
}

/// Mod: fmod = 0 is Python's remainder (the divisor's sign), fmod = 1 C's
/// fmod (the dividend's sign), which ONNX requires for floats.
void convertMod(NodeContext &context) {
  int64_t fmod = context.attrInt("fmod", 0);
  if (fmod != 0 && fmod != 1)
    context.unsupported("fmod", Twine(fmod));
  if (fmod == 0 && isa<FloatType>(getElementTypeOf(context.input(0))))
    context.fail("fmod must be 1 for floating-point inputs");
  context.setOutput(0, context.op(fmod ? "kiln.fmod" : "kiln.remainder",
                                  {context.input(0), context.input(1)}));
}

void convertBitShift(NodeContext &context) {
  std::string direction = context.attrString("direction");
  if (direction != "LEFT" && direction != "RIGHT")
    context.unsupported("direction", direction);
  context.setOutput(0, context.op(direction == "LEFT"
                                      ? "kiln.bitwise_left_shift"
                                      : "kiln.bitwise_right_shift",
                                  {context.input(0), context.input(1)}));
}

constexpr char kSin[] = "kiln.sin", kCos[] = "kiln.cos", kTan[] = "kiln.tan",
               kAsin[] = "kiln.asin", kAcos[] = "kiln.acos",
               kAtan[] = "kiln.atan", kSinh[] = "kiln.sinh",
               kCosh[] = "kiln.cosh", kAsinh[] = "kiln.asinh",
               kAcosh[] = "kiln.acosh", kAtanh[] = "kiln.atanh",
               kErf[] = "kiln.erf", kFloor[] = "kiln.floor",
               kCeil[] = "kiln.ceil", kRound[] = "kiln.round",
               kSign[] = "kiln.sign", kReciprocal[] = "kiln.reciprocal",
               kSoftsign[] = "kiln.softsign", kHardSwish[] = "kiln.hardswish",
               kIsNaN[] = "kiln.isnan", kNot[] = "kiln.logical_not",
               kAnd[] = "kiln.logical_and", kOr[] = "kiln.logical_or",
               kXor[] = "kiln.logical_xor", kPRelu[] = "kiln.prelu",
               kBitwiseAnd[] = "kiln.bitwise_and",
               kBitwiseOr[] = "kiln.bitwise_or",
               kBitwiseXor[] = "kiln.bitwise_xor",
               kBitwiseNot[] = "kiln.bitwise_not";

} // namespace

void registerMathConverters(ConverterRegistry &registry) {
  registry["Sin"] = convertUnary<kSin>;
  registry["Cos"] = convertUnary<kCos>;
  registry["Tan"] = convertUnary<kTan>;
  registry["Asin"] = convertUnary<kAsin>;
  registry["Acos"] = convertUnary<kAcos>;
  registry["Atan"] = convertUnary<kAtan>;
  registry["Sinh"] = convertUnary<kSinh>;
  registry["Cosh"] = convertUnary<kCosh>;
  registry["Asinh"] = convertUnary<kAsinh>;
  registry["Acosh"] = convertUnary<kAcosh>;
  registry["Atanh"] = convertUnary<kAtanh>;
  registry["Erf"] = convertUnary<kErf>;
  registry["Floor"] = convertUnary<kFloor>;
  registry["Ceil"] = convertUnary<kCeil>;
  registry["Round"] = convertUnary<kRound>;
  registry["Sign"] = convertUnary<kSign>;
  registry["Reciprocal"] = convertUnary<kReciprocal>;
  registry["Softplus"] = convertSoftplus;
  registry["Softsign"] = convertUnary<kSoftsign>;
  registry["Selu"] = convertSelu;
  registry["Elu"] = convertElu;
  registry["Celu"] = convertCelu;
  registry["LeakyRelu"] = convertLeakyRelu;
  registry["HardSigmoid"] = convertHardSigmoid;
  registry["HardSwish"] = convertUnary<kHardSwish>;
  registry["ThresholdedRelu"] = convertThresholdedRelu;
  registry["Shrink"] = convertShrink;
  registry["Gelu"] = convertGelu;
  registry["PRelu"] = convertBinary<kPRelu>;
  registry["Mod"] = convertMod;
  registry["And"] = convertBinary<kAnd>;
  registry["Or"] = convertBinary<kOr>;
  registry["Xor"] = convertBinary<kXor>;
  registry["Not"] = convertUnary<kNot>;
  registry["BitShift"] = convertBitShift;
  registry["BitwiseAnd"] = convertBinary<kBitwiseAnd>;
  registry["BitwiseOr"] = convertBinary<kBitwiseOr>;
  registry["BitwiseXor"] = convertBinary<kBitwiseXor>;
  registry["BitwiseNot"] = convertUnary<kBitwiseNot>;
  registry["IsNaN"] = convertUnary<kIsNaN>;
  registry["IsInf"] = convertIsInf;
}

} // namespace kiln::onnx_import
