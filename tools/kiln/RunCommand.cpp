//===- RunCommand.cpp - kiln run ------------------------------------------===//
//
/// Compiles a model for a device (`--device`, the CPU unless given; its
/// parameters start from their
/// initializers), loads the parameters a safetensors file holds, binds its
/// inputs to .npy files, runs it, prints
/// every output as PyTorch prints a tensor and optionally saves each as
/// DIR/<output name>.npy.
//
//===----------------------------------------------------------------------===//

#include "runtime/Npy.h"
#include "runtime/TensorPrinter.h"
#include "tools/kiln/CommandLine.h"
#include "tools/kiln/Commands.h"
#include "tools/kiln/ModelIO.h"

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
  std::string device;
};

RunOptions parseRunOptions(const std::vector<std::string> &args) {
  RunOptions options;
  for (ArgumentReader reader("run", args); reader.next();) {
    const std::string &arg = reader.current();
    if (arg == "--input") {
      auto [name, file] = reader.binding();
      if (!options.inputs.emplace(name, file).second)
        throw RuntimeError("kiln run: --input " + name + " is given twice");
    } else if (arg == "--params") {
      options.params = reader.value();
    } else if (arg == "--output-dir") {
      options.outputDir = reader.value();
    } else if (arg == "--device") {
      options.device = reader.device();
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
                       "[--output-dir DIR] [--device DEVICE]");
  // $KILN_DEVICE only where --device is not given.
  if (options.device.empty())
    options.device = getDefaultDevice("run");
  return options;
}

/// "name: tensor(...)", or the name on its own line before a multi-line
/// tensor so PyTorch's indentation stays intact.
void printOutput(const std::string &name, const Tensor &tensor) {
  std::string text = formatTensor(tensor);
  std::cout << name << (text.find('\n') == std::string::npos ? ": " : ":\n")
            << text << "\n";
}

/// Fails unless output `name` of `model` is a plain file name, so that
/// DIR/NAME.npy lies in DIR: the model chooses its output names, and one such
/// as "../x" or "/etc/x" would write outside it.
void checkOutputFileName(const std::string &model, const std::string &name) {
  bool plain = !name.empty() && name != "." && name != ".." &&
               name.find_first_of(std::string("/\\\0", 3)) == std::string::npos;
  if (plain)
    return;
  std::string shown;
  for (char c : name)
    shown += c == '\0' ? std::string("\\0") : std::string(1, c);
  throw RuntimeError(model + ": output '" + shown +
                     "' cannot be written to --output-dir: its name must be "
                     "a file name (not empty, '.' or '..', and without '/', "
                     "'\\' or NUL)");
}

} // namespace

int runCommand(const std::vector<std::string> &args) {
  RunOptions options = parseRunOptions(args);
  // An ONNX model is imported with the values given: an input of symbolic
  // size takes the shape of its file, and the inputs a shape is computed
  // from (a Reshape's shape, Slice's starts) are bound to their values.
  OnnxImportOptions onnxOptions;
  if (isOnnxModelPath(options.model))
    for (const auto &[name, file] : options.inputs)
      onnxOptions.givenInputs[name] = readNpy(file);
  std::set<std::string> bound;
  Model model =
      loadModelFile(options.model, onnxOptions, &bound, options.device);
  for (const std::string &name : bound)
    options.inputs.erase(name);
  if (options.params)
    loadParams(model, *options.params);
  const ModelSignature &signature = model.signature();
  if (options.outputDir)
    for (const TensorSpec &spec : signature.results)
      if (spec.role == TensorSpec::Role::Output)
        checkOutputFileName(options.model, spec.name);
  std::map<std::string, Tensor> outputs =
      model.run(readInputs(signature, options.model, options.inputs));

  if (options.outputDir) {
    std::error_code error;
    std::filesystem::create_directories(*options.outputDir, error);
    if (error)
      throw RuntimeError("cannot create output directory '" +
                         *options.outputDir + "': " + error.message());
  }
  for (const TensorSpec &spec : signature.results) {
    if (spec.role != TensorSpec::Role::Output)
      continue;
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
