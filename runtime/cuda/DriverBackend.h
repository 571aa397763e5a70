//===- DriverBackend.h - CUDA programs on a GPU, via the driver -*- C++ -*-===//
//
/// The CudaBackend of a real GPU: the driver API opened with dlopen
/// (libcuda.so.1, or $KILN_CUDA_DRIVER_LIBRARY), device 0 or
/// $KILN_CUDA_DEVICE, its primary context and one stream. Programs are
/// compiled for the device's own sm_XY through the compile cache
/// (CompileProgram.h). A backend is used by one thread at a time.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_CUDA_DRIVERBACKEND_H
#define KILN_RUNTIME_CUDA_DRIVERBACKEND_H

#include "runtime/cuda/CudaBackend.h"

#include <memory>

namespace kiln::cuda {

/// The GPU's backend. Fails with "no CUDA device: <why>" when the driver
/// cannot be loaded, cuInit fails or there is no such device.
llvm::Expected<std::unique_ptr<CudaBackend>> createDriverBackend();

} // namespace kiln::cuda

#endif // KILN_RUNTIME_CUDA_DRIVERBACKEND_H
