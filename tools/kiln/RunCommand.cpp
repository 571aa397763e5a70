//===- RunCommand.cpp - kiln run ------------------------------------------===//
//
/// Compiles a model for the CPU (its parameters start from their
/// initializers), loads the parameters a safetensors file holds, binds its
/// inputs to .npy files, runs it, prints
/// every output as PyTorch prints a tensor and optionally saves each as
/// DIR/<output name>.npy.
//
//===----------------------------------------------------------------------===//

#include "frontend/Model.h"
#include "runtime/Npy.h"
#include "runtime/Safetensors.h"
#include "runtime/TensorPrinter.h"
#include "tools/kiln/Commands.h"

#include <filesystem>
#include <iostream>
#include <map>
#include <optional>

namespace kiln {
namespace {

struct RunOptions {
  std::string model;
  std::map<std::string, std::string> inputs;
  std::optional<std::string> params;
  std::optional<std::string> outputDir;
};

RunOptions parseRunOptions(const std::vector<std::string> &args) {
  RunOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &arg = args[i];
    auto value = [&]() -> const std::string & {
      if (i + 1 >= args.size())
        throw RuntimeError("kiln run: " + arg + " needs a value");
      return args[++i];
    };
    if (arg == "--input") {
      const std::string &binding = value();
      size_t equals = binding.find('=');
      if (equals == std::string::npos || equals == 0)
        throw RuntimeError("kiln run: --input takes NAME=FILE.npy, got '" +
                           binding + "'");
      std::string name = binding.substr(0, equals);
      if (!options.inputs.emplace(name, binding.substr(equals + 1)).second)
        throw RuntimeError("kiln run: --input " + name + " is given twice");
    } else if (arg == "--params") {
      options.params = value();
    } else if (arg == "--output-dir") {
      options.outputDir = value();
    } else if (!arg.empty() && arg[0] == '-') {
      throw RuntimeError("kiln run: unknown option '" + arg + "'");
    } else if (options.model.empty()) {
      options.model = arg;
    } else {
      throw RuntimeError("kiln run: more than one model given ('" +
                         options.model + "' and '" + arg + "')");
    }
  }
  if (options.model.empty())
    throw RuntimeError("kiln run: no model given\nusage: kiln run MODEL "
                       "[--input NAME=FILE.npy]... [--params FILE.safetensors] "
                       "[--output-dir DIR]");
  return options;
}

/// Checks that a tensor read from `source` fits the argument `spec`.
void checkFits(const Tensor &tensor, const TensorSpec &spec,
               const std::string &source) {
  if (tensor.dtype() != spec.dtype || tensor.shape() != spec.shape)
    throw RuntimeError(source + " holds " + tensor.describe() + ", but '" +
                       spec.name + "' must be " + getDTypeName(spec.dtype) +
                       " " + formatShape(spec.shape));
}

/// Sets the parameters the --params file holds, as load_state_dict would
/// after the model's initializers ran.
void loadParams(Model &model, const std::string &path) {
  std::map<std::string, Tensor> params = readSafetensors(path);
  for (const TensorSpec &spec : model.signature().arguments) {
    auto param = params.find(spec.name);
    if (spec.role != TensorSpec::Role::Param || param == params.end())
      continue;
    checkFits(param->second, spec,
              "tensor '" + spec.name + "' of '" + path + "'");
    model.setParam(spec.name, param->second);
  }
}

/// Reads every model input from the file --input names for it.
std::map<std::string, Tensor> readInputs(const ModelSignature &signature,
                                         const RunOptions &options) {
  std::vector<std::string> inputNames;
  for (const TensorSpec &spec : signature.arguments)
    if (spec.role == TensorSpec::Role::Input)
      inputNames.push_back(spec.name);
  for (const auto &[name, file] : options.inputs)
    if (std::find(inputNames.begin(), inputNames.end(), name) ==
        inputNames.end()) {
      std::string known;
      for (const std::string &input : inputNames)
        known += (known.empty() ? "" : ", ") + input;
      throw RuntimeError("model '" + options.model + "' has no input '" + name +
                         "' (its inputs: " + (known.empty() ? "none" : known) +
                         ")");
    }

  std::map<std::string, Tensor> inputs;
  for (const TensorSpec &spec : signature.arguments) {
    if (spec.role != TensorSpec::Role::Input)
      continue;
    auto file = options.inputs.find(spec.name);
    if (file == options.inputs.end())
      throw RuntimeError("model input '" + spec.name + "' (" +
                         getDTypeName(spec.dtype) + " " +
                         formatShape(spec.shape) + ") needs --input " +
                         spec.name + "=FILE.npy");
    Tensor tensor;
    try {
      tensor = readNpy(file->second);
    } catch (const RuntimeError &error) {
      throw RuntimeError("--input " + spec.name + ": " + error.what());
    }
    checkFits(tensor, spec, "'" + file->second + "'");
    inputs.emplace(spec.name, tensor);
  }
  return inputs;
}

/// "name: tensor(...)", or the name on its own line before a multi-line
/// tensor so PyTorch's indentation stays intact.
void printOutput(const std::string &name, const Tensor &tensor) {
  std::string text = formatTensor(tensor);
  std::cout << name << (text.find('\n') == std::string::npos ? ": " : ":\n")
            << text << "\n";
}

} // namespace

int runCommand(const std::vector<std::string> &args) {
  RunOptions options = parseRunOptions(args);
  Model model = loadModel(options.model);
  if (options.params)
    loadParams(model, *options.params);
  const ModelSignature &signature = model.signature();
  std::map<std::string, Tensor> outputs =
      model.run(readInputs(signature, options));

  if (options.outputDir) {
    std::error_code error;
    std::filesystem::create_directories(*options.outputDir, error);
    if (error)
      throw RuntimeError("cannot create output directory '" +
                         *options.outputDir + "': " + error.message());
  }
  for (const TensorSpec &spec : signature.results) {
    const Tensor &output = outputs.at(spec.name);
    printOutput(spec.name, output);
    if (options.outputDir)
      writeNpy(
          (std::filesystem::path(*options.outputDir) / (spec.name + ".npy"))
              .string(),
          output);
  }
  return 0;
}

} // namespace kiln
