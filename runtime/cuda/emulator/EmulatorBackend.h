//===- EmulatorBackend.h - CUDA programs run on the CPU ---------*- C++ -*-===//
//
/// The CudaBackend of the `cuda-emulator` device, a testing device: the
/// very CUDA C a GPU would run, compiled for the host (HostCompiler.h)
/// against Kiln's own CUDA header and run block by block on a few OS
/// threads, each CUDA thread a fiber (BlockScheduler.h). Device memory is
/// host memory the backend owns; every access a kernel makes through
/// kiln_at is checked against it, new allocations hold NaN bytes (0xff),
/// so a kernel reading what nothing wrote shows it, and a launch's errors
/// (out-of-bounds accesses, barriers not reached by a whole block) come
/// back from `launch`.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_CUDA_EMULATOR_EMULATORBACKEND_H
#define KILN_RUNTIME_CUDA_EMULATOR_EMULATORBACKEND_H

#include "runtime/cuda/CudaBackend.h"

#include "llvm/ADT/StringMap.h"

#include <map>
#include <memory>

struct KilnEmuThread;

namespace kiln::cuda {

class EmulatorBackend : public CudaBackend {
public:
  EmulatorBackend();
  ~EmulatorBackend() override;

  std::string describe() const override { return "cuda-emulator"; }
  llvm::Expected<DevicePtr> allocate(size_t bytes) override;
  void release(DevicePtr pointer) override;
  llvm::Error copyToDevice(DevicePtr destination, const void *source,
                           size_t bytes) override;
  llvm::Error copyToHost(void *destination, DevicePtr source,
                         size_t bytes) override;
  llvm::Error copyOnDevice(DevicePtr destination, DevicePtr source,
                           size_t bytes) override;
  llvm::Error loadProgram(const CudaSource &program) override;
  llvm::Error launch(llvm::StringRef kernel, LaunchDims grid, LaunchDims block,
                     unsigned dynamicSharedBytes,
                     llvm::ArrayRef<DevicePtr> arguments) override;
  /// Launches run to completion in `launch`: nothing is pending.
  llvm::Error synchronize() override { return llvm::Error::success(); }

private:
  /// Fails unless [pointer, pointer + bytes) lies in one allocation.
  llvm::Error checkRange(DevicePtr pointer, size_t bytes,
                         llvm::StringRef what) const;

  /// Start address to size.
  std::map<uintptr_t, size_t> allocations_;
  /// The loaded program (dlopen handle) and its kernels found so far.
  void *library_ = nullptr;
  std::string programName_;
  void (*setThread_)(const KilnEmuThread *) = nullptr;
  llvm::StringMap<void *> kernels_;
  class Workers;
  std::unique_ptr<Workers> workers_;
};

} // namespace kiln::cuda

#endif // KILN_RUNTIME_CUDA_EMULATOR_EMULATORBACKEND_H
