//===- ModelSignature.h - A model's arguments and results -------*- C++ -*-===//
//
/// What every target's executable, the C++ API and the AOT header know of a
/// compiled model: its inputs, parameters, optimizer state and outputs with
/// their names, dtypes and shapes, read from the model format's attributes
/// (docs/model-format.md). Target-neutral: no target's code is named here.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_MODELSIGNATURE_H
#define KILN_CODEGEN_MODELSIGNATURE_H

#include "runtime/Tensor.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace kiln {

/// One argument or result of a model.
struct TensorSpec {
  /// Arguments are inputs (data given on each call), parameters or state
  /// (optimizer state: kept between calls like parameters, but not part of
  /// the trained model). Results are outputs, or updates: the new value of
  /// the parameter or state `name`, written over it in place.
  enum class Role { Input, Param, State, Output, Update };
  Role role;
  std::string name;
  DType dtype;
  std::vector<int64_t> shape;
  /// For parameters: the `kiln.init` initializer and `kiln.fan_in`, if any.
  std::string init;
  int64_t fanIn = 0;
  /// For parameters: whether it is a buffer (`kiln.buffer`), saved and loaded
  /// like the others but never trained.
  bool buffer = false;
  /// For state: the `kiln.init_value` every element starts at.
  double initValue = 0.0;

  /// Parameters and state: the arguments an executable keeps between calls.
  bool isResident() const { return role == Role::Param || role == Role::State; }
};

struct ModelSignature {
  std::string functionName;
  std::vector<TensorSpec> arguments;
  std::vector<TensorSpec> results;
  /// The function's `kiln.seed` (0 when absent): parameters are initialized
  /// from one generator with this seed, in argument order.
  uint64_t seed = 0;
};

/// The runtime dtype of a kiln element type, if the runtime has one.
std::optional<DType> getRuntimeDType(mlir::Type kilnElementType);

/// Reads the signature of `func`; fails on an argument or result whose type
/// the runtime cannot hold.
llvm::Expected<ModelSignature> getModelSignature(mlir::func::FuncOp func);

/// The model function of a module: its only public function.
llvm::Expected<mlir::func::FuncOp> getModelFunction(mlir::ModuleOp module);

/// The model function's signature, in one step.
llvm::Expected<ModelSignature> getModelSignature(mlir::ModuleOp module);

} // namespace kiln

#endif // KILN_CODEGEN_MODELSIGNATURE_H
