//===- RunCommand.cpp - kiln run ------------------------------------------===//
//
/// Binds a model's inputs to .npy files and its parameters to a safetensors
/// file (or their initializers), compiles it for the CPU, runs it, prints
/// every output as PyTorch prints a tensor and optionally saves each as
/// DIR/<output name>.npy.
//
//===----------------------------------------------------------------------===//

#include "tools/kiln/Commands.h"
#include "tools/kiln/ModelLoader.h"

#include "codegen/cpu/CpuExecutable.h"
#include "runtime/Initializers.h"
#include "runtime/Npy.h"
#include "runtime/Safetensors.h"
#include "runtime/TensorPrinter.h"

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

/// One tensor per model argument: inputs from their files, parameters from
/// the parameter file or else their initializers, in argument order.
std::vector<Tensor> bindArguments(const ModelSignature &signature,
                                  const RunOptions &options) {
  std::map<std::string, Tensor> params;
  if (options.params)
    params = readSafetensors(*options.params);
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

  Generator generator(signature.seed);
  std::vector<Tensor> arguments;
  for (const TensorSpec &spec : signature.arguments) {
    if (spec.role == TensorSpec::Role::Input) {
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
      arguments.push_back(tensor);
      continue;
    }
    if (auto param = params.find(spec.name); param != params.end()) {
      checkFits(param->second, spec,
                "tensor '" + spec.name + "' of '" + *options.params + "'");
      arguments.push_back(param->second);
      continue;
    }
    if (spec.init.empty())
      throw RuntimeError("parameter '" + spec.name +
                         "' has no kiln.init initializer and no value in " +
                         (options.params ? "'" + *options.params + "'"
                                         : std::string("--params")));
    Tensor tensor = Tensor::zeros(spec.dtype, spec.shape);
    initializeParameter(tensor, spec.name, spec.init, spec.fanIn, generator);
    arguments.push_back(tensor);
  }
  return arguments;
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
  auto context = createModelContext();
  auto module = loadModel(options.model, *context);

  auto executable = CpuExecutable::compile(*module);
  if (!executable)
    throw RuntimeError("model '" + options.model +
                       "': " + llvm::toString(executable.takeError()));
  const ModelSignature &signature = (*executable)->signature();
  std::vector<Tensor> arguments = bindArguments(signature, options);
  auto outputs = (*executable)->run(arguments);
  if (!outputs)
    throw RuntimeError("model '" + options.model +
                       "': " + llvm::toString(outputs.takeError()));

  if (options.outputDir) {
    std::error_code error;
    std::filesystem::create_directories(*options.outputDir, error);
    if (error)
      throw RuntimeError("cannot create output directory '" +
                         *options.outputDir + "': " + error.message());
  }
  for (size_t i = 0; i < outputs->size(); ++i) {
    const std::string &name = signature.results[i].name;
    printOutput(name, (*outputs)[i]);
    if (options.outputDir)
      writeNpy((std::filesystem::path(*options.outputDir) / (name + ".npy"))
                   .string(),
               (*outputs)[i]);
  }
  return 0;
}

} // namespace kiln
