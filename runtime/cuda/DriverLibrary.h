//===- DriverLibrary.h - The CUDA driver entry points -----------*- C++ -*-===//
//
/// The driver API (libcuda.so.1) as function pointers into the dlopen'd
/// library, with the signatures of cuda.h (the driver's ABI is stable; the
/// versioned symbol names are the ones cuda.h maps the API names to), so
/// Kiln builds without the toolkit. test/runtime/cuda's fake driver
/// implements the same signatures.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_CUDA_DRIVERLIBRARY_H
#define KILN_RUNTIME_CUDA_DRIVERLIBRARY_H

#include "runtime/cuda/DriverTypes.h"
#include "runtime/cuda/SharedLibrary.h"

#include <cstddef>

namespace kiln::cuda::driver {

struct DriverLibrary {
  /// Opens `path` when given, else libcuda.so.1, and binds every entry
  /// point below.
  static llvm::Expected<DriverLibrary> open(const char *path);

  SharedLibrary library;

  CUresult (*cuGetErrorName)(CUresult, const char **);
  CUresult (*cuGetErrorString)(CUresult, const char **);
  CUresult (*cuInit)(unsigned flags);
  CUresult (*cuDeviceGetCount)(int *count);
  CUresult (*cuDeviceGet)(CUdevice *device, int ordinal);
  CUresult (*cuDeviceGetAttribute)(int *value, int attribute, CUdevice device);
  CUresult (*cuDeviceGetName)(char *name, int length, CUdevice device);
  CUresult (*cuDevicePrimaryCtxRetain)(CUcontext *context, CUdevice device);
  CUresult (*cuDevicePrimaryCtxRelease)(CUdevice device);
  CUresult (*cuCtxSetCurrent)(CUcontext context);
  CUresult (*cuStreamCreate)(CUstream *stream, unsigned flags);
  CUresult (*cuStreamDestroy)(CUstream stream);
  CUresult (*cuStreamSynchronize)(CUstream stream);
  CUresult (*cuMemAlloc)(CUdeviceptr *pointer, size_t bytes);
  CUresult (*cuMemFree)(CUdeviceptr pointer);
  CUresult (*cuMemcpyHtoDAsync)(CUdeviceptr destination, const void *source,
                                size_t bytes, CUstream stream);
  CUresult (*cuMemcpyDtoHAsync)(void *destination, CUdeviceptr source,
                                size_t bytes, CUstream stream);
  CUresult (*cuMemcpyDtoDAsync)(CUdeviceptr destination, CUdeviceptr source,
                                size_t bytes, CUstream stream);
  CUresult (*cuModuleLoadData)(CUmodule *module, const void *image);
  CUresult (*cuModuleUnload)(CUmodule module);
  CUresult (*cuModuleGetFunction)(CUfunction *function, CUmodule module,
                                  const char *name);
  CUresult (*cuFuncSetAttribute)(CUfunction function, int attribute, int value);
  CUresult (*cuLaunchKernel)(CUfunction function, unsigned gridX,
                             unsigned gridY, unsigned gridZ, unsigned blockX,
                             unsigned blockY, unsigned blockZ,
                             unsigned sharedBytes, CUstream stream,
                             void **parameters, void **extra);
};

} // namespace kiln::cuda::driver

#endif // KILN_RUNTIME_CUDA_DRIVERLIBRARY_H
