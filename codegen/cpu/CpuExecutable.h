//===- CpuExecutable.h - A kiln model compiled for the CPU ------*- C++ -*-===//
//
/// Compiles a kiln model with the CPU pipeline and LLVM's optimizer into
/// native code through MLIR's ExecutionEngine (ORC JIT), and runs it on
/// kiln::Tensors. The model's signature (its inputs, parameters and outputs
/// with their names, dtypes and shapes) comes from the model format's
/// attributes.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_CPU_CPUEXECUTABLE_H
#define KILN_CODEGEN_CPU_CPUEXECUTABLE_H

#include "runtime/Tensor.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mlir {
class ExecutionEngine;
namespace func {
class FuncOp;
} // namespace func
} // namespace mlir

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
  /// For state: the `kiln.init_value` every element starts at.
  double initValue = 0.0;
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

class CpuExecutable {
public:
  /// Compiles the model function of `module` (which is left unchanged).
  /// Executables compiled from the same IR in one process share their
  /// native code: a second compile while the first is alive is a lookup.
  static llvm::Expected<std::unique_ptr<CpuExecutable>>
  compile(mlir::ModuleOp module);

  ~CpuExecutable();

  const ModelSignature &signature() const { return signature_; }

  /// Whether both run the same native code (one compilation, shared).
  bool sharesCodeWith(const CpuExecutable &other) const {
    return code_ == other.code_;
  }

  /// Runs the model on one tensor per argument, in argument order, and
  /// returns the results. Checks every argument's dtype and shape.
  llvm::Expected<std::vector<Tensor>> run(const std::vector<Tensor> &arguments);

  /// Runs the model writing result i into `results[i]`, which the caller
  /// allocated. A result may share storage with the argument it updates
  /// (`kiln.update`): the generated code never writes its arguments and
  /// copies each result into place after computing all of them, so updating
  /// parameters and state in place is safe. Calls of executables that share
  /// their code run one at a time: the code keeps its intermediates in one
  /// static arena.
  llvm::Error runInto(const std::vector<Tensor> &arguments,
                      std::vector<Tensor> &results);

private:
  /// The JIT-compiled code and the lock its callers take.
  struct NativeCode;

  CpuExecutable(ModelSignature signature, std::shared_ptr<NativeCode> code);

  ModelSignature signature_;
  std::shared_ptr<NativeCode> code_;
};

} // namespace kiln

#endif // KILN_CODEGEN_CPU_CPUEXECUTABLE_H
