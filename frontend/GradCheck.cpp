//===- GradCheck.cpp - Finite-difference check of a model's gradients -----===//
//
/// The analytic gradients come from the model after `kiln-decompose` and
/// `kiln-autodiff`; the numeric ones from running the forward model with
/// each parameter element moved by +-eps, (L(x + eps) - L(x - eps)) / 2eps,
/// as torch.autograd.gradcheck does.
//
//===----------------------------------------------------------------------===//

#include "frontend/GradCheck.h"

#include "frontend/Model.h"
#include "frontend/Transform.h"
#include "passes/Pipeline.h"

#include <cmath>

namespace kiln {

bool GradCheckReport::passed() const {
  for (const GradCheckParam &param : params)
    if (param.mismatches > 0)
      return false;
  return true;
}

/// The loss output of one forward run.
static double evaluateLoss(const Model &model,
                           const std::map<std::string, Tensor> &arguments,
                           const std::string &loss) {
  std::map<std::string, Tensor> outputs = model.run(arguments);
  auto value = outputs.find(loss);
  if (value == outputs.end())
    throw RuntimeError("gradcheck: the model has no output '" + loss + "'");
  if (value->second.dtype() != DType::Float64 || value->second.numel() != 1)
    throw RuntimeError("gradcheck: the loss '" + loss +
                       "' must be a float64 scalar, not " +
                       value->second.describe());
  return *value->second.data<double>();
}

/// Compares the analytic gradient of one parameter with central differences.
static GradCheckParam checkParam(const Model &forward, const TensorSpec &spec,
                                 const Tensor &analytic,
                                 std::map<std::string, Tensor> arguments,
                                 const GradCheckOptions &options) {
  Tensor value = forward.param(spec.name);
  arguments.insert_or_assign(spec.name, value);
  double *data = value.data<double>();
  const double *grad = analytic.data<double>();

  GradCheckParam result;
  result.name = spec.name;
  result.numel = value.numel();
  for (int64_t i = 0; i < value.numel(); ++i) {
    double original = data[i];
    data[i] = original + options.eps;
    double plus = evaluateLoss(forward, arguments, options.loss);
    data[i] = original - options.eps;
    double minus = evaluateLoss(forward, arguments, options.loss);
    data[i] = original;
    double numeric = (plus - minus) / (2 * options.eps);

    // A NaN on either side is the worst possible error.
    double error = std::abs(grad[i] - numeric);
    if (std::isnan(error))
      error = INFINITY;
    if (error > options.atol + options.rtol * std::abs(numeric))
      ++result.mismatches;
    if (i == 0 || error > result.maxError) {
      result.maxError = error;
      result.maxErrorIndex = i;
      result.analyticAtMax = grad[i];
      result.numericAtMax = numeric;
    }
  }
  return result;
}

GradCheckReport gradcheck(mlir::ModuleOp module,
                          std::shared_ptr<mlir::MLIRContext> context,
                          const std::map<std::string, Tensor> &inputs,
                          const std::map<std::string, Tensor> &params,
                          const GradCheckOptions &options) {
  mlir::OwningOpRef<mlir::ModuleOp> gradModule = transformModel(
      module,
      [&](mlir::OpPassManager &pm, llvm::raw_ostream &) {
        buildGradientPipeline(pm, options.loss);
        return mlir::success();
      },
      "differentiating the model");
  Model forward = Model::compile(module, context);
  Model backward = Model::compile(*gradModule, context);
  for (const auto &[name, value] : params) {
    forward.setParam(name, value);
    backward.setParam(name, value);
  }
  std::map<std::string, Tensor> analytic = backward.run(inputs);

  GradCheckReport report;
  for (const TensorSpec &spec : forward.signature().arguments) {
    if (spec.role != TensorSpec::Role::Param || spec.buffer)
      continue;
    if (spec.dtype == DType::Float32)
      throw RuntimeError("gradcheck needs float64 parameters: '" + spec.name +
                         "' is float32 (finite differences in float32 are too "
                         "coarse to check against)");
    if (spec.dtype != DType::Float64)
      continue;
    report.params.push_back(checkParam(forward, spec,
                                       analytic.at(spec.name + ".grad"),
                                       inputs, options));
  }
  return report;
}

} // namespace kiln
