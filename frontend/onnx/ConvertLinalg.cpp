//===- ConvertLinalg.cpp - ONNX products and losses -----------------------===//

#include "frontend/onnx/ConverterSupport.h"
#include "frontend/onnx/Converters.h"
#include "ir/GraphBuilder.h"
#include "ir/KilnOps.h"

using namespace mlir;

namespace kiln::onnx_import {
namespace {

void convertMatMul(NodeContext &context) {
  context.setOutput(
      0, context.op("kiln.matmul", {context.input(0), context.input(1)}));
}

Value transpose2d(NodeContext &context, Value matrix) {
  return context.op("kiln.permute", {matrix},
                    {{"dims", context.i64ArrayAttr({1, 0})}});
}

/// Y = alpha * A' B' + beta * C, A' and B' optionally transposed.
void convertGemm(NodeContext &context) {
  Value a = context.input(0), b = context.input(1);
  if (context.attrInt("transA", 0))
    a = transpose2d(context, a);
  if (context.attrInt("transB", 0))
    b = transpose2d(context, b);
  Type element = getElementTypeOf(a);
  Value result = context.op("kiln.matmul", {a, b});
  double alpha = context.attrFloat("alpha", 1.0);
  if (alpha != 1.0)
    result = context.op(
        "kiln.mul",
        {result, createScalar(context.builder(), context.loc(), element, alpha)});
  if (context.hasInput(2)) {
    Value c = context.input(2);
    double beta = context.attrFloat("beta", 1.0);
    if (beta != 1.0)
      c = context.op("kiln.mul", {c, createScalar(context.builder(),
                                                  context.loc(), element, beta)});
    result = context.op("kiln.add", {result, c});
  }
  context.setOutput(0, result);
}

void convertDet(NodeContext &context) {
  context.setOutput(0, context.op("kiln.det", {context.input(0)}));
}

Reduction getReduction(NodeContext &context) {
  std::string name = context.attrString("reduction", "mean");
  if (name == "mean")
    return Reduction::mean;
  if (name == "sum")
    return Reduction::sum;
  if (name == "none")
    return Reduction::none;
  context.unsupported("reduction", "'" + name + "'");
}

/// The negative log-likelihood of log-probabilities `logProbs` [N, C, d...]
/// at class indices `target` [N, d...], as ONNX and torch define it: with
/// per-class weights, the mean divides by the weights of the counted
/// targets; targets equal to `ignoreIndex` count for nothing.
Value buildNllLoss(NodeContext &context, Value logProbs, Value target,
                   Value weight, std::optional<int64_t> ignoreIndex) {
  Reduction reduction = getReduction(context);
  Type i64 = context.builder().getI64Type();
  target = castTo(context, target, i64);
  auto reductionAttr = ReductionAttr::get(context.context(), reduction);
  if (!weight) {
    SmallVector<OpAttr> attrs = {{"reduction", reductionAttr}};
    if (ignoreIndex)
      attrs.push_back({"ignore_index", context.i64Attr(*ignoreIndex)});
    else // No target equals the dialect's default ignore_index then.
      attrs.push_back({"ignore_index",
                       context.i64Attr(std::numeric_limits<int64_t>::min())});
    return context.op("kiln.nll_loss", {logProbs, target}, attrs);
  }
  auto targetType = cast<RankedTensorType>(target.getType());
  Type element = getElementTypeOf(logProbs);
  // Ignored targets pick class 0, with weight 0.
  Value ignored;
  if (ignoreIndex) {
    ignored = context.op(
        "kiln.eq",
        {target, createScalar(context.builder(), context.loc(), i64,
                              static_cast<double>(*ignoreIndex))});
    target = context.op(
        "kiln.where",
        {ignored, createScalar(context.builder(), context.loc(), i64, 0),
         target});
  }
  SmallVector<int64_t> pickShape(targetType.getShape());
  pickShape.insert(pickShape.begin() + 1, 1);
  Value picked = context.op("kiln.gather",
                            {logProbs, reshape(context, target, pickShape)},
                            {{"dim", context.i64Attr(1)}});
  picked = reshape(context, picked, targetType.getShape());
  Value weights = context.op(
      "kiln.index_select",
      {weight, reshape(context, target, {targetType.getNumElements()})},
      {{"dim", context.i64Attr(0)}});
  weights = reshape(context, weights, targetType.getShape());
  if (ignored)
    weights = context.op(
        "kiln.where",
        {ignored, createScalar(context.builder(), context.loc(), element, 0),
         weights});
  Value losses =
      context.op("kiln.neg", {context.op("kiln.mul", {picked, weights})});
  switch (reduction) {
  case Reduction::none:
    return losses;
  case Reduction::sum:
    return context.op("kiln.sum", {losses});
  case Reduction::mean:
    return context.op("kiln.div", {context.op("kiln.sum", {losses}),
                                   context.op("kiln.sum", {weights})});
  }
  llvm_unreachable("unknown reduction");
}

std::optional<int64_t> getIgnoreIndex(NodeContext &context) {
  if (!context.hasAttr("ignore_index"))
    return std::nullopt;
  return context.attrInt("ignore_index");
}

void convertNllLoss(NodeContext &context) {
  Value weight = context.hasInput(2) ? context.input(2) : Value();
  context.setOutput(0, buildNllLoss(context, context.input(0), context.input(1),
                                    weight, getIgnoreIndex(context)));
}

/// SoftmaxCrossEntropyLoss: NLL of log_softmax over the class dim; output 1
/// is the log-probabilities.
void convertSoftmaxCrossEntropyLoss(NodeContext &context) {
  Value logProbs = context.op("kiln.log_softmax", {context.input(0)},
                              {{"dim", context.i64Attr(1)}});
  Value weight = context.hasInput(2) ? context.input(2) : Value();
  context.setOutput(0, buildNllLoss(context, logProbs, context.input(1), weight,
                                    getIgnoreIndex(context)));
  context.setOutput(1, logProbs);
}

} // namespace

void registerLinalgConverters(ConverterRegistry &registry) {
  registry["MatMul"] = convertMatMul;
  registry["Gemm"] = convertGemm;
  registry["Det"] = convertDet;
  registry["NegativeLogLikelihoodLoss"] = convertNllLoss;
  registry["SoftmaxCrossEntropyLoss"] = convertSoftmaxCrossEntropyLoss;
}

} // namespace kiln::onnx_import
