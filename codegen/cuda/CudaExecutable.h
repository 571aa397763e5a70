//===- CudaExecutable.h - A kiln model compiled for CUDA --------*- C++ -*-===//
//
/// The CUDA target's Executable, over any CudaBackend (a GPU, or the CPU
/// emulator of CUDA): compiles the model into a CudaProgram, loads it, and
/// allocates once the device arena, the constants, the resident
/// parameters and state, and a buffer for each input and output. Resident
/// values stay on the device across runs and come back only through
/// readResident; a run copies its inputs in, launches the schedule, reads
/// the index-error record and copies its outputs out.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_CUDA_CUDAEXECUTABLE_H
#define KILN_CODEGEN_CUDA_CUDAEXECUTABLE_H

#include "codegen/Executable.h"
#include "codegen/cuda/CudaProgram.h"
#include "runtime/cuda/CudaBackend.h"

#include "mlir/IR/BuiltinOps.h"

#include <memory>
#include <mutex>

namespace kiln {

class CudaExecutable : public Executable {
public:
  /// Compiles the model function of `module` (left unchanged) and loads it
  /// on `backend`, which the executable owns from then on.
  static llvm::Expected<std::unique_ptr<CudaExecutable>>
  compile(mlir::ModuleOp module, std::unique_ptr<cuda::CudaBackend> backend);

  ~CudaExecutable() override;

protected:
  llvm::Error storeResident(size_t argument, const Tensor &value) override;
  llvm::Expected<Tensor> loadResident(size_t argument) const override;
  /// Runs one at a time: the arena and the buffers are the executable's.
  llvm::Error runChecked(const std::vector<std::optional<Tensor>> &arguments,
                         std::vector<Tensor> &outputs) override;

private:
  CudaExecutable(cuda::CudaProgram program,
                 std::unique_ptr<cuda::CudaBackend> backend);
  /// Device memory for everything the program binds.
  llvm::Error allocateBuffers();
  /// A device allocation of `bytes` (at least one byte), released with
  /// the executable.
  llvm::Expected<cuda::DevicePtr> allocate(size_t bytes);

  cuda::CudaProgram program_;
  std::unique_ptr<cuda::CudaBackend> backend_;
  std::vector<cuda::DevicePtr> allocations_;
  cuda::DevicePtr arena_ = 0, constants_ = 0, indexError_ = 0;
  /// Per argument: its resident value (parameters, state) or its input
  /// buffer; and for residents, where a value given for one run goes.
  std::vector<cuda::DevicePtr> arguments_;
  std::vector<cuda::DevicePtr> overrides_;
  /// Per result: its buffer (an update's is copied over the resident
  /// value it updates after the run).
  std::vector<cuda::DevicePtr> results_;
  std::mutex runMutex_;
};

} // namespace kiln

#endif // KILN_CODEGEN_CUDA_CUDAEXECUTABLE_H
