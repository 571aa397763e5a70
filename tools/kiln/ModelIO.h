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

#include <map>
#include <string>

namespace kiln {

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
