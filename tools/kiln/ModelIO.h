//===- ModelIO.h - Files in and out of the kiln tool's models ---*- C++ -*-===//
//
/// What `kiln run`, `kiln gradcheck` and `kiln train` share: reading a
/// model's inputs from .npy files, loading parameters from safetensors, and
/// errors that name the file, the tensor and both shapes.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_TOOLS_KILN_MODELIO_H
#define KILN_TOOLS_KILN_MODELIO_H

#include "frontend/Model.h"
#include "frontend/onnx/OnnxImporter.h"

#include <map>
#include <set>
#include <string>

namespace kiln {

/// A model file read into a context: a kiln model parsed, or an ONNX model
/// imported together with the initial values of its parameters.
struct ModelFile {
  mlir::OwningOpRef<mlir::ModuleOp> module;
  /// The ONNX initializers that became parameters; empty for kiln models.
  std::map<std::string, Tensor> initialParams;
  /// The ONNX inputs bound to their given values (OnnxImportOptions::
  /// givenInputs), which the model no longer takes.
  std::set<std::string> boundInputs;
};

/// Reads `path` as an ONNX model (.onnx) or a kiln model (anything else).
ModelFile readModelFile(const std::string &path, mlir::MLIRContext &context,
                        const OnnxImportOptions &onnxOptions = {});

/// Runs `compile` (which compiles the model read from `path`), adding the
/// file's name to the error it throws.
template <typename Compile>
auto compileNamingFile(const std::string &path, Compile compile) {
  try {
    return compile();
  } catch (const RuntimeError &error) {
    throw RuntimeError("model '" + path + "': " + error.what());
  }
}

/// Reads a model file and compiles it for `device` with its initial
/// parameters set; `boundInputs`, when given, receives
/// ModelFile::boundInputs.
Model loadModelFile(const std::string &path,
                    const OnnxImportOptions &onnxOptions = {},
                    std::set<std::string> *boundInputs = nullptr,
                    const std::string &device = kDefaultDevice);

/// NAME=D0,D1,... as the shape of input NAME (`--input-shape`).
std::pair<std::string, std::vector<int64_t>>
parseInputShape(const std::string &command, const std::string &text);

/// Throws unless `tensor`, read from `source`, fits the argument `spec`.
void checkFits(const Tensor &tensor, const TensorSpec &spec,
               const std::string &source);

/// Sets the parameters and state the safetensors file `path` holds, as
/// load_state_dict would after the model's initializers ran; tensors the
/// model does not have are ignored, tensors of the wrong dtype or shape are
/// an error.
void loadParams(Model &model, const std::string &path);

/// Reads every input of `signature` (a model read from `modelPath`) from the
/// file `files` names for it; an unknown or missing name is an error.
std::map<std::string, Tensor>
readInputs(const ModelSignature &signature, const std::string &modelPath,
           const std::map<std::string, std::string> &files);

} // namespace kiln

#endif // KILN_TOOLS_KILN_MODELIO_H
