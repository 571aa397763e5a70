//===- Executable.cpp - A compiled model on some device -------------------===//
//
/// The checks every target's executable shares, with the messages the C++
/// API and the kiln tool show: a wrong count, dtype or shape names the
/// argument or result and both types.
//
//===----------------------------------------------------------------------===//

#include "codegen/Executable.h"

#include "llvm/ADT/STLExtras.h"

namespace kiln {

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

/// Fails unless `tensor` has the dtype and shape of `spec`, a `what`.
static llvm::Error checkFits(const Tensor &tensor, const TensorSpec &spec,
                             llvm::StringRef what) {
  if (tensor.dtype() == spec.dtype && tensor.shape() == spec.shape)
    return llvm::Error::success();
  return makeError(what + " '" + spec.name + "' must be " +
                   getDTypeName(spec.dtype) + " " + formatShape(spec.shape) +
                   ", got " + tensor.describe());
}

static const char *getResidentKind(const TensorSpec &spec) {
  return spec.role == TensorSpec::Role::Param ? "parameter" : "state";
}

Executable::Executable(ModelSignature signature)
    : signature_(std::move(signature)),
      bound_(signature_.arguments.size(), false) {
  // The model format's verifier guarantees every update has a parameter or
  // state of its name.
  for (const TensorSpec &result : signature_.results) {
    std::optional<size_t> updated;
    if (result.role == TensorSpec::Role::Update)
      for (auto [index, argument] : llvm::enumerate(signature_.arguments))
        if (argument.isResident() && argument.name == result.name)
          updated = index;
    updatedArgument_.push_back(updated);
  }
}

Executable::~Executable() = default;

llvm::Error Executable::checkResident(size_t argument) const {
  if (argument < signature_.arguments.size() &&
      signature_.arguments[argument].isResident())
    return llvm::Error::success();
  return makeError("argument " + llvm::Twine(argument) + " of '" +
                   signature_.functionName +
                   "' is neither a parameter nor state");
}

llvm::Error Executable::setResident(size_t argument, const Tensor &value) {
  if (llvm::Error error = checkResident(argument))
    return error;
  const TensorSpec &spec = signature_.arguments[argument];
  if (llvm::Error error = checkFits(value, spec, getResidentKind(spec)))
    return error;
  if (llvm::Error error = storeResident(argument, value))
    return error;
  bound_[argument] = true;
  return llvm::Error::success();
}

llvm::Error Executable::checkBound(size_t argument) const {
  const TensorSpec &spec = signature_.arguments[argument];
  if (bound_[argument])
    return llvm::Error::success();
  return makeError(llvm::Twine(getResidentKind(spec)) + " '" + spec.name +
                   "' has no kiln.init initializer and was never set");
}

llvm::Expected<Tensor> Executable::readResident(size_t argument) const {
  if (llvm::Error error = checkResident(argument))
    return std::move(error);
  if (llvm::Error error = checkBound(argument))
    return std::move(error);
  return loadResident(argument);
}

llvm::Error Executable::run(const std::vector<std::optional<Tensor>> &arguments,
                            std::vector<Tensor> &outputs) {
  if (arguments.size() != signature_.arguments.size())
    return makeError("'" + signature_.functionName + "' takes " +
                     llvm::Twine(signature_.arguments.size()) +
                     " arguments, got " + llvm::Twine(arguments.size()));
  for (auto [index, spec, tensor] :
       llvm::enumerate(signature_.arguments, arguments)) {
    if (tensor) {
      if (llvm::Error error = checkFits(*tensor, spec, "argument"))
        return error;
    } else if (!spec.isResident()) {
      return makeError("input '" + spec.name + "' was not given");
    } else if (llvm::Error error = checkBound(index)) {
      return error;
    }
  }

  size_t outputCount = 0;
  for (auto [index, spec] : llvm::enumerate(signature_.results)) {
    if (std::optional<size_t> updated = updatedArgument_[index]) {
      if (llvm::Error error = checkBound(*updated))
        return error;
      continue;
    }
    if (outputCount < outputs.size())
      if (llvm::Error error = checkFits(outputs[outputCount], spec, "result"))
        return error;
    ++outputCount;
  }
  if (outputs.size() != outputCount)
    return makeError("'" + signature_.functionName + "' has " +
                     llvm::Twine(outputCount) + " outputs, got " +
                     llvm::Twine(outputs.size()) + " output tensors");
  return runChecked(arguments, outputs);
}

} // namespace kiln
