//===- ConvertTraining.cpp - ONNX's preview training optimizers -----------===//
//
/// Adagrad, Momentum and Adam of the `ai.onnx.preview.training` domain: one
/// optimizer step over n tensors, as element-wise kiln ops. Inputs are the
/// learning rate R and step count T, then n of each per-tensor input (X, G,
/// and the optimizer's state); outputs are the n new X and then n of each new
/// state. The formulas are the ONNX operator definitions.
//
//===----------------------------------------------------------------------===//

#include "frontend/onnx/ConverterSupport.h"
#include "frontend/onnx/Converters.h"
#include "ir/GraphBuilder.h"

using namespace mlir;

namespace kiln::onnx_import {
namespace {

/// The per-tensor inputs after R and T: `groups` groups of n each.
int64_t getTensorCount(NodeContext &context, int64_t groups) {
  int64_t tensors = static_cast<int64_t>(context.numInputs()) - 2;
  if (tensors <= 0 || tensors % groups != 0)
    context.fail("expects R, T and " + llvm::Twine(groups) +
                 " inputs per optimized tensor");
  return tensors / groups;
}

class Step {
public:
  explicit Step(NodeContext &context)
      : context_(context), element_(getElementTypeOf(context.input(2))) {}

  Value scalar(double value) {
    return createScalar(context_.builder(), context_.loc(), element_, value);
  }
  Value add(Value a, Value b) { return context_.op("kiln.add", {a, b}); }
  Value sub(Value a, Value b) { return context_.op("kiln.sub", {a, b}); }
  Value mul(Value a, Value b) { return context_.op("kiln.mul", {a, b}); }
  Value div(Value a, Value b) { return context_.op("kiln.div", {a, b}); }
  /// R or T as a 0-d tensor of the optimized tensors' type.
  Value input(size_t index) {
    return reshape(context_, castTo(context_, context_.input(index), element_),
                   {});
  }
  /// norm_coefficient * X + G.
  Value regularized(Value x, Value g) {
    double norm = context_.attrFloat("norm_coefficient", 0.0);
    return norm == 0 ? g : add(mul(scalar(norm), x), g);
  }
  /// `ifPositive` where T > 0, else `otherwise`.
  Value whenStepPositive(Value ifPositive, Value otherwise) {
    Value positive = context_.op("kiln.gt", {input(1), scalar(0)});
    return context_.op("kiln.where", {positive, ifPositive, otherwise});
  }

private:
  NodeContext &context_;
  Type element_;
};

void convertAdagrad(NodeContext &context) {
  int64_t n = getTensorCount(context, 3);
  Step step(context);
  double decay = context.attrFloat("decay_factor", 0.0);
  double epsilon = context.attrFloat("epsilon", 0.0);
  Value rate = step.div(step.input(0),
                        step.add(step.scalar(1),
                                 step.mul(step.input(1), step.scalar(decay))));
  for (int64_t i = 0; i < n; ++i) {
    Value x = context.input(2 + i), g = context.input(2 + n + i),
          h = context.input(2 + 2 * n + i);
    Value gradient = step.regularized(x, g);
    Value hNew = step.add(h, step.mul(gradient, gradient));
    Value adaptive =
        step.add(context.op("kiln.sqrt", {hNew}), step.scalar(epsilon));
    context.setOutput(i, step.sub(x, step.mul(rate, step.div(gradient, adaptive))));
    context.setOutput(n + i, hNew);
  }
}

void convertMomentum(NodeContext &context) {
  int64_t n = getTensorCount(context, 3);
  Step step(context);
  double alpha = context.attrFloat("alpha");
  std::string mode = context.attrString("mode");
  if (mode != "standard" && mode != "nesterov")
    context.unsupported("mode", "'" + mode + "'");
  Value beta = step.whenStepPositive(step.scalar(context.attrFloat("beta")),
                                     step.scalar(1));
  Value rate = step.input(0);
  for (int64_t i = 0; i < n; ++i) {
    Value x = context.input(2 + i), g = context.input(2 + n + i),
          v = context.input(2 + 2 * n + i);
    Value gradient = step.regularized(x, g);
    Value vNew =
        step.add(step.mul(step.scalar(alpha), v), step.mul(beta, gradient));
    Value direction =
        mode == "standard"
            ? vNew
            : step.add(gradient, step.mul(step.scalar(alpha), vNew));
    context.setOutput(i, step.sub(x, step.mul(rate, direction)));
    context.setOutput(n + i, vNew);
  }
}

void convertAdam(NodeContext &context) {
  int64_t n = getTensorCount(context, 4);
  Step step(context);
  double alpha = context.attrFloat("alpha", 0.9);
  double beta = context.attrFloat("beta", 0.999);
  double epsilon = context.attrFloat("epsilon", 0.0);
  double normPost = context.attrFloat("norm_coefficient_post", 0.0);
  // R * sqrt(1 - beta^T) / (1 - alpha^T) once T > 0.
  Value t = step.input(1);
  Value corrected = step.div(
      step.mul(step.input(0),
               context.op("kiln.sqrt",
                          {step.sub(step.scalar(1),
                                    context.op("kiln.pow",
                                               {step.scalar(beta), t}))})),
      step.sub(step.scalar(1), context.op("kiln.pow", {step.scalar(alpha), t})));
  Value rate = step.whenStepPositive(corrected, step.input(0));
  for (int64_t i = 0; i < n; ++i) {
    Value x = context.input(2 + i), g = context.input(2 + n + i),
          v = context.input(2 + 2 * n + i), h = context.input(2 + 3 * n + i);
    Value gradient = step.regularized(x, g);
    Value vNew = step.add(step.mul(step.scalar(alpha), v),
                          step.mul(step.scalar(1 - alpha), gradient));
    Value hNew =
        step.add(step.mul(step.scalar(beta), h),
                 step.mul(step.scalar(1 - beta), step.mul(gradient, gradient)));
    Value root = step.add(context.op("kiln.sqrt", {hNew}), step.scalar(epsilon));
    Value xNew = step.sub(x, step.mul(rate, step.div(vNew, root)));
    if (normPost != 0)
      xNew = step.mul(step.scalar(1 - normPost), xNew);
    context.setOutput(i, xNew);
    context.setOutput(n + i, vNew);
    context.setOutput(2 * n + i, hNew);
  }
}

} // namespace

void registerTrainingConverters(ConverterRegistry &registry) {
  registry[std::string(kPreviewTrainingDomain) + ":Adagrad"] = convertAdagrad;
  registry[std::string(kPreviewTrainingDomain) + ":Momentum"] = convertMomentum;
  registry[std::string(kPreviewTrainingDomain) + ":Adam"] = convertAdam;
}

} // namespace kiln::onnx_import
