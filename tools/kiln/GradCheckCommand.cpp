//===- GradCheckCommand.cpp - kiln gradcheck ------------------------------===//
//
/// Checks a float64 model's gradients against central differences, as
/// torch.autograd.gradcheck does, and prints one line per parameter.
//
//===----------------------------------------------------------------------===//

#include "frontend/GradCheck.h"
#include "frontend/Model.h"
#include "frontend/Support.h"
#include "runtime/Safetensors.h"
#include "tools/kiln/CommandLine.h"
#include "tools/kiln/Commands.h"
#include "tools/kiln/ModelIO.h"

#include <iostream>

namespace kiln {
namespace {

constexpr const char *kGradCheckUsage =
    "usage: kiln gradcheck MODEL [--input NAME=FILE.npy]... "
    "[--params FILE.safetensors] [--loss NAME] [--eps E] [--atol A] "
    "[--rtol R]";

struct GradCheckCommandOptions {
  std::string model;
  std::map<std::string, std::string> inputs;
  std::optional<std::string> params;
  GradCheckOptions check;
};

GradCheckCommandOptions parseOptions(const std::vector<std::string> &args) {
  GradCheckCommandOptions options;
  for (ArgumentReader reader("gradcheck", args); reader.next();) {
    const std::string &arg = reader.current();
    if (arg == "--input") {
      auto [name, file] = reader.binding();
      if (!options.inputs.emplace(name, file).second)
        throw RuntimeError("kiln gradcheck: --input " + name +
                           " is given twice");
    } else if (arg == "--params") {
      options.params = reader.value();
    } else if (arg == "--loss") {
      options.check.loss = reader.value();
    } else if (arg == "--eps") {
      options.check.eps = reader.number();
    } else if (arg == "--atol") {
      options.check.atol = reader.number();
    } else if (arg == "--rtol") {
      options.check.rtol = reader.number();
    } else if (!arg.empty() && arg[0] == '-') {
      throw RuntimeError("kiln gradcheck: unknown option '" + arg + "'");
    } else if (options.model.empty()) {
      options.model = arg;
    } else {
      throw RuntimeError("kiln gradcheck: more than one model given");
    }
  }
  if (options.model.empty())
    throw RuntimeError(std::string("kiln gradcheck: no model given\n") +
                       kGradCheckUsage);
  return options;
}

} // namespace

int gradcheckCommand(const std::vector<std::string> &args) {
  GradCheckCommandOptions options = parseOptions(args);
  std::shared_ptr<mlir::MLIRContext> context = createFrontendContext();
  ModelFile file = readModelFile(options.model, *context);
  mlir::OwningOpRef<mlir::ModuleOp> &module = file.module;
  // The forward model reads the signature and checks the files against it.
  Model model =
      Model::compile(*module, context, getDefaultDevice("gradcheck"));
  for (const auto &[name, value] : file.initialParams)
    model.setParam(name, value);
  std::map<std::string, Tensor> params;
  if (!file.initialParams.empty() || options.params) {
    if (options.params)
      loadParams(model, *options.params);
    for (const TensorSpec &spec : model.signature().arguments)
      if (spec.role == TensorSpec::Role::Param)
        params.emplace(spec.name, model.param(spec.name));
  }
  std::map<std::string, Tensor> inputs =
      readInputs(model.signature(), options.model, options.inputs);

  GradCheckReport report =
      gradcheck(*module, context, inputs, params, options.check);
  for (const GradCheckParam &param : report.params) {
    std::cout << (param.mismatches ? "FAIL " : "ok   ") << param.name << ": "
              << param.numel << " elements, max |analytic - numeric| "
              << param.maxError;
    if (param.mismatches)
      std::cout << "; " << param.mismatches << " outside atol "
                << options.check.atol << " + rtol " << options.check.rtol
                << " * |numeric|; worst at flat index " << param.maxErrorIndex
                << ": analytic " << param.analyticAtMax << ", numeric "
                << param.numericAtMax;
    std::cout << "\n";
  }
  if (report.params.empty())
    throw RuntimeError("model '" + options.model +
                       "' has no float64 parameter to check");
  return report.passed() ? 0 : 1;
}

} // namespace kiln
