//===- ModelIO.cpp - Files in and out of the kiln tool's models -----------===//

#include "tools/kiln/ModelIO.h"

#include "frontend/Support.h"
#include "runtime/Npy.h"
#include "runtime/Safetensors.h"

#include <algorithm>
#include <vector>

namespace kiln {

ModelFile readModelFile(const std::string &path, mlir::MLIRContext &context,
                        const OnnxImportOptions &onnxOptions) {
  ModelFile file;
  if (!isOnnxModelPath(path)) {
    file.module = parseModel(path, context);
    return file;
  }
  ImportedOnnxModel imported = importOnnxModel(context, path, onnxOptions);
  file.module = std::move(imported.module);
  file.initialParams = std::move(imported.parameters);
  file.boundInputs = std::move(imported.boundInputs);
  return file;
}

Model loadModelFile(const std::string &path,
                    const OnnxImportOptions &onnxOptions,
                    std::set<std::string> *boundInputs,
                    const std::string &device) {
  std::shared_ptr<mlir::MLIRContext> context = createFrontendContext();
  ModelFile file = readModelFile(path, *context, onnxOptions);
  if (boundInputs)
    *boundInputs = file.boundInputs;
  // A copy, not a move: should compilation throw, `file` is destroyed
  // before this `context`, the last owner of the context it lives in.
  Model model = compileNamingFile(
      path, [&] { return Model::compile(*file.module, context, device); });
  for (const auto &[name, value] : file.initialParams)
    model.setParam(name, value);
  return model;
}

std::pair<std::string, std::vector<int64_t>>
parseInputShape(const std::string &command, const std::string &text) {
  size_t equals = text.find('=');
  auto fail = [&] {
    throw RuntimeError("kiln " + command +
                       ": --input-shape takes NAME=D0,D1,..., got '" + text +
                       "'");
  };
  if (equals == std::string::npos || equals == 0)
    fail();
  std::vector<int64_t> shape;
  std::string dims = text.substr(equals + 1);
  size_t start = 0;
  while (start < dims.size()) {
    size_t comma = dims.find(',', start);
    std::string dim = dims.substr(start, comma - start);
    char *end = nullptr;
    long long value = std::strtoll(dim.c_str(), &end, 10);
    if (dim.empty() || *end != '\0' || value < 0)
      fail();
    shape.push_back(value);
    if (comma == std::string::npos)
      break;
    start = comma + 1;
  }
  return {text.substr(0, equals), shape};
}

void checkFits(const Tensor &tensor, const TensorSpec &spec,
               const std::string &source) {
  if (tensor.dtype() != spec.dtype || tensor.shape() != spec.shape)
    throw RuntimeError(source + " holds " + tensor.describe() + ", but '" +
                       spec.name + "' must be " + getDTypeName(spec.dtype) +
                       " " + formatShape(spec.shape));
}

void loadParams(Model &model, const std::string &path) {
  std::map<std::string, Tensor> tensors = readSafetensors(path);
  for (const TensorSpec &spec : model.signature().arguments) {
    auto tensor = tensors.find(spec.name);
    if (tensor == tensors.end())
      continue;
    std::string source = "tensor '" + spec.name + "' of '" + path + "'";
    if (spec.role == TensorSpec::Role::Param) {
      checkFits(tensor->second, spec, source);
      model.setParam(spec.name, tensor->second);
    } else if (spec.role == TensorSpec::Role::State) {
      checkFits(tensor->second, spec, source);
      model.setState(spec.name, tensor->second);
    }
  }
}

std::map<std::string, Tensor>
readInputs(const ModelSignature &signature, const std::string &modelPath,
           const std::map<std::string, std::string> &files) {
  std::vector<std::string> inputNames;
  for (const TensorSpec &spec : signature.arguments)
    if (spec.role == TensorSpec::Role::Input)
      inputNames.push_back(spec.name);
  for (const auto &[name, file] : files)
    if (std::find(inputNames.begin(), inputNames.end(), name) ==
        inputNames.end()) {
      std::string known;
      for (const std::string &input : inputNames)
        known += (known.empty() ? "" : ", ") + input;
      throw RuntimeError("model '" + modelPath + "' has no input '" + name +
                         "' (its inputs: " + (known.empty() ? "none" : known) +
                         ")");
    }

  std::map<std::string, Tensor> inputs;
  for (const TensorSpec &spec : signature.arguments) {
    if (spec.role != TensorSpec::Role::Input)
      continue;
    auto file = files.find(spec.name);
    if (file == files.end())
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

} // namespace kiln
