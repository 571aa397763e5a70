//===- DriverLibrary.cpp - Opening the CUDA driver ------------------------===//

#include "runtime/cuda/DriverLibrary.h"

namespace kiln::cuda::driver {

llvm::Expected<DriverLibrary> DriverLibrary::open(const char *path) {
  llvm::Expected<SharedLibrary> library =
      SharedLibrary::open({path ? path : "libcuda.so.1"});
  if (!library)
    return library.takeError();
  DriverLibrary driver{std::move(*library)};
  // The symbols are the versioned ones cuda.h's macros name (cuMemAlloc
  // is cuMemAlloc_v2).
  SharedLibrary::Binder bind(driver.library);
  bind("cuGetErrorName", driver.cuGetErrorName);
  bind("cuGetErrorString", driver.cuGetErrorString);
  bind("cuInit", driver.cuInit);
  bind("cuDeviceGetCount", driver.cuDeviceGetCount);
  bind("cuDeviceGet", driver.cuDeviceGet);
  bind("cuDeviceGetAttribute", driver.cuDeviceGetAttribute);
  bind("cuDeviceGetName", driver.cuDeviceGetName);
  bind("cuDevicePrimaryCtxRetain", driver.cuDevicePrimaryCtxRetain);
  bind("cuDevicePrimaryCtxRelease_v2", driver.cuDevicePrimaryCtxRelease);
  bind("cuCtxSetCurrent", driver.cuCtxSetCurrent);
  bind("cuStreamCreate", driver.cuStreamCreate);
  bind("cuStreamDestroy_v2", driver.cuStreamDestroy);
  bind("cuStreamSynchronize", driver.cuStreamSynchronize);
  bind("cuMemAlloc_v2", driver.cuMemAlloc);
  bind("cuMemFree_v2", driver.cuMemFree);
  bind("cuMemcpyHtoDAsync_v2", driver.cuMemcpyHtoDAsync);
  bind("cuMemcpyDtoHAsync_v2", driver.cuMemcpyDtoHAsync);
  bind("cuMemcpyDtoDAsync_v2", driver.cuMemcpyDtoDAsync);
  bind("cuModuleLoadData", driver.cuModuleLoadData);
  bind("cuModuleUnload", driver.cuModuleUnload);
  bind("cuModuleGetFunction", driver.cuModuleGetFunction);
  bind("cuFuncSetAttribute", driver.cuFuncSetAttribute);
  bind("cuLaunchKernel", driver.cuLaunchKernel);
  if (llvm::Error error = bind.takeError())
    return std::move(error);
  return std::move(driver);
}

} // namespace kiln::cuda::driver
