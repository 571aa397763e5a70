//===- CpuExecutable.h - A kiln model compiled for the CPU ------*- C++ -*-===//
//
/// The CPU's Executable: compiles a kiln model with the CPU pipeline and
/// LLVM's optimizer into native code through MLIR's ExecutionEngine (ORC
/// JIT) and runs it on kiln::Tensors. Resident parameters and state live in
/// host memory the executable owns, passed to the code without a copy.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_CPU_CPUEXECUTABLE_H
#define KILN_CODEGEN_CPU_CPUEXECUTABLE_H

#include "codegen/Executable.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <vector>

namespace kiln {

class CpuExecutable : public Executable {
public:
  /// Compiles the model function of `module` (which is left unchanged).
  /// Executables compiled from the same IR in one process share their
  /// native code: a second compile while the first is alive is a lookup.
  static llvm::Expected<std::unique_ptr<CpuExecutable>>
  compile(mlir::ModuleOp module);

  ~CpuExecutable() override;

  /// Whether both run the same native code (one compilation, shared).
  bool sharesCodeWith(const CpuExecutable &other) const {
    return code_ == other.code_;
  }

protected:
  llvm::Error storeResident(size_t argument, const Tensor &value) override;
  llvm::Expected<Tensor> loadResident(size_t argument) const override;
  /// Calls the code on the host tensors themselves, updates written
  /// straight into the resident values: the generated code never writes its
  /// arguments and copies each result into place after computing all of
  /// them, so a result may share storage with the argument it updates.
  /// Calls of executables that share their code run one at a time: the code
  /// keeps its intermediates in one static arena.
  llvm::Error runChecked(const std::vector<std::optional<Tensor>> &arguments,
                         std::vector<Tensor> &outputs) override;

private:
  /// The JIT-compiled code and the lock its callers take.
  struct NativeCode;

  CpuExecutable(ModelSignature signature, std::shared_ptr<NativeCode> code);

  std::shared_ptr<NativeCode> code_;
  /// The resident value of each parameter and state argument, by argument.
  std::vector<Tensor> residents_;
};

} // namespace kiln

#endif // KILN_CODEGEN_CPU_CPUEXECUTABLE_H
