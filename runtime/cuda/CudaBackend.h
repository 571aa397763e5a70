//===- CudaBackend.h - What runs a compiled CUDA program --------*- C++ -*-===//
//
/// The one interface between Kiln's CUDA executable and what runs its
/// kernels: a real GPU through the driver API (dlopen'd, DriverBackend) or
/// the CPU emulator of CUDA (EmulatorBackend, the `cuda-emulator` device).
/// Both take the same CUDA C source, the same launches and the same buffer
/// addresses, so a test on the emulator exercises exactly the code a GPU
/// runs. Needs neither MLIR nor the CUDA toolkit to build.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_CUDA_CUDABACKEND_H
#define KILN_RUNTIME_CUDA_CUDABACKEND_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace kiln::cuda {

/// An address in the backend's device memory, as the kernels see it.
using DevicePtr = uint64_t;

/// A grid or block size.
struct LaunchDims {
  unsigned x = 1, y = 1, z = 1;
};

/// One compiled program: the CUDA C source of all of a model's kernels and
/// the name it is known by in error messages and dumps.
struct CudaSource {
  std::string name;
  std::string source;
};

class CudaBackend {
public:
  virtual ~CudaBackend() = default;

  /// The device in words, for messages: "NVIDIA H100 80GB HBM3 (sm_90)" or
  /// "cuda-emulator".
  virtual std::string describe() const = 0;

  /// Device memory; freed by `release` or with the backend.
  virtual llvm::Expected<DevicePtr> allocate(size_t bytes) = 0;
  virtual void release(DevicePtr pointer) = 0;

  /// Copies between host and device memory, ordered after every earlier
  /// launch and copy (one stream).
  virtual llvm::Error copyToDevice(DevicePtr destination, const void *source,
                                   size_t bytes) = 0;
  virtual llvm::Error copyToHost(void *destination, DevicePtr source,
                                 size_t bytes) = 0;
  virtual llvm::Error copyOnDevice(DevicePtr destination, DevicePtr source,
                                   size_t bytes) = 0;

  /// Compiles (or finds in the cache) and loads `program`; later launches
  /// name its `extern "C" __global__` kernels.
  virtual llvm::Error loadProgram(const CudaSource &program) = 0;

  /// Launches kernel `kernel` of the loaded program. Each argument is one
  /// pointer-sized kernel parameter, in order (buffer addresses; shapes are
  /// compiled into the kernels).
  virtual llvm::Error launch(llvm::StringRef kernel, LaunchDims grid,
                             LaunchDims block, unsigned dynamicSharedBytes,
                             llvm::ArrayRef<DevicePtr> arguments) = 0;

  /// Waits for every launch and copy; reports a kernel's failure.
  virtual llvm::Error synchronize() = 0;
};

} // namespace kiln::cuda

#endif // KILN_RUNTIME_CUDA_CUDABACKEND_H
