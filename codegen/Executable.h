//===- Executable.h - A compiled model on some device -----------*- C++ -*-===//
//
/// The interface between a target's compiled code and everything that runs
/// it (Model, Trainer, the kiln tool): a model's signature, its parameters
/// and optimizer state kept resident behind the interface between calls,
/// and a run that reads host inputs and writes host outputs into buffers the
/// caller allocated. A device target keeps the resident values in device
/// memory: a train step then moves only its batch in and its outputs (the
/// loss) out, and the parameters are copied to the host only when asked for.
///
/// The public entry points check their arguments against the signature once,
/// here, and call the target's implementation with valid ones.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_EXECUTABLE_H
#define KILN_CODEGEN_EXECUTABLE_H

#include "codegen/ModelSignature.h"
#include "runtime/Tensor.h"

#include "llvm/Support/Error.h"

#include <optional>
#include <vector>

namespace kiln {

class Executable {
public:
  virtual ~Executable();

  const ModelSignature &signature() const { return signature_; }

  /// Makes a copy of `value` the resident value of argument `argument`, a
  /// parameter or state, for every later run.
  llvm::Error setResident(size_t argument, const Tensor &value);
  /// A host copy of the resident value of argument `argument`; later runs
  /// do not change it.
  llvm::Expected<Tensor> readResident(size_t argument) const;

  /// Runs the model. `arguments` holds one entry per argument, in argument
  /// order: the tensor to pass, or none for a parameter or state, which then
  /// takes its resident value (a tensor given for one is used for this run
  /// only). `outputs` holds one tensor per output result, in result order,
  /// allocated by the caller; the results that update a parameter or state
  /// are written over its resident value.
  llvm::Error run(const std::vector<std::optional<Tensor>> &arguments,
                  std::vector<Tensor> &outputs);

protected:
  explicit Executable(ModelSignature signature);

  /// The argument that result `result` updates, if it is an update.
  std::optional<size_t> getUpdatedArgument(size_t result) const {
    return updatedArgument_[result];
  }

  /// The target's side of setResident, readResident and run, called with
  /// arguments that fit the signature and, for run, every resident value
  /// that the run reads or updates bound. A device target's copies may
  /// fail.
  virtual llvm::Error storeResident(size_t argument, const Tensor &value) = 0;
  virtual llvm::Expected<Tensor> loadResident(size_t argument) const = 0;
  virtual llvm::Error
  runChecked(const std::vector<std::optional<Tensor>> &arguments,
             std::vector<Tensor> &outputs) = 0;

private:
  /// Fails unless argument `argument` is a parameter or state.
  llvm::Error checkResident(size_t argument) const;
  /// Fails unless the parameter or state `argument` has a value.
  llvm::Error checkBound(size_t argument) const;

  ModelSignature signature_;
  std::vector<std::optional<size_t>> updatedArgument_;
  std::vector<bool> bound_;
};

} // namespace kiln

#endif // KILN_CODEGEN_EXECUTABLE_H
