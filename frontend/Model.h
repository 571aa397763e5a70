//===- Model.h - A compiled kiln model with its parameters ------*- C++ -*-===//
//
/// What Graph::compile() and loadModel() return: the model compiled for a
/// device (codegen/Device.h), its parameters and state resident behind the
/// executable, run by name as a Python program calls a module:
/// `model.run({{"x", x}})["y"]`.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_FRONTEND_MODEL_H
#define KILN_FRONTEND_MODEL_H

#include "codegen/Executable.h"
#include "codegen/device/Device.h"
#include "runtime/Tensor.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <map>
#include <memory>
#include <string>

namespace mlir {
class MLIRContext;
} // namespace mlir

namespace kiln {

/// The starting value of every parameter that has a `kiln.init`, drawn in
/// argument order from one generator seeded with the model's `kiln.seed`,
/// as torch.manual_seed(seed) followed by the module constructors would.
std::map<std::string, Tensor>
initializeParameters(const ModelSignature &signature);

class Model {
public:
  /// Compiles the model function of `module` for `device`, whose context
  /// `context` is kept alive with the model; throws RuntimeError with the
  /// compiler's diagnostics on failure, or naming the available devices for
  /// an unknown one. The caller must still own `context` while the
  /// exception unwinds past `module` (pass a copy of its pointer, not a
  /// moved one), or the module would outlive its context.
  static Model compile(mlir::ModuleOp module,
                       std::shared_ptr<mlir::MLIRContext> context,
                       const std::string &device = kDefaultDevice);

  Model(Model &&) noexcept;
  Model &operator=(Model &&) noexcept;
  ~Model();

  /// Runs the model on its inputs, by name, and returns its outputs by name.
  /// A parameter given here is used for this run only; the others keep
  /// their current values. Results that update a parameter or state
  /// (`kiln.update`, as in a train step) are written over its current value
  /// in place, like torch.optim's in-place updates. Throws for a missing
  /// input, an unknown name or a tensor of the wrong dtype or shape.
  std::map<std::string, Tensor>
  run(const std::map<std::string, Tensor> &inputs) const;

  const ModelSignature &signature() const { return executable_->signature(); }
  /// A copy of the current value of parameter `name`.
  Tensor param(const std::string &name) const;
  /// Replaces the value of parameter `name` for every later run.
  void setParam(const std::string &name, const Tensor &value);
  /// A copy of the current value of state `name` (`kiln.state`: optimizer
  /// state).
  Tensor state(const std::string &name) const;
  /// Replaces the value of state `name` for every later run.
  void setState(const std::string &name, const Tensor &value);

private:
  Model(std::shared_ptr<mlir::MLIRContext> context,
        std::unique_ptr<Executable> executable);
  /// The index of the argument of role `role` named `name` (the model format
  /// keeps names unique).
  size_t findArgument(TensorSpec::Role role, const std::string &name) const;
  Tensor resident(size_t argument) const;
  void setResident(size_t argument, const Tensor &value);

  std::shared_ptr<mlir::MLIRContext> context_;
  std::unique_ptr<Executable> executable_;
};

/// Parses and verifies a model file (.mlir in the kiln dialect) in
/// `context`; throws RuntimeError with the parser's and verifier's
/// diagnostics (file:line:col) when it is not a valid model.
mlir::OwningOpRef<mlir::ModuleOp> parseModel(const std::string &path,
                                             mlir::MLIRContext &context);

/// Reads a model file and compiles it for `device`.
Model loadModel(const std::string &path,
                const std::string &device = kDefaultDevice);

} // namespace kiln

#endif // KILN_FRONTEND_MODEL_H
