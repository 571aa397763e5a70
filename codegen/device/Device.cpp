//===- Device.cpp - Choosing the target a model runs on -------------------===//

#include "codegen/device/Device.h"

#include "codegen/cpu/CpuExecutable.h"
#ifdef KILN_ENABLE_CUDA
#include "runtime/cuda/DriverBackend.h"
#endif

#include "llvm/ADT/StringExtras.h"

namespace kiln {

llvm::ArrayRef<llvm::StringRef> getAvailableDevices() {
  static const llvm::StringRef devices[] = {
      "cpu",
#ifdef KILN_ENABLE_CUDA
      "cuda",
#endif
  };
  return devices;
}

llvm::Error checkDevice(llvm::StringRef device) {
  if (llvm::is_contained(getAvailableDevices(), device))
    return llvm::Error::success();
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      "unknown device '" + device +
          "' (available: " + llvm::join(getAvailableDevices(), ", ") + ")");
}

llvm::Expected<std::unique_ptr<Executable>>
createExecutable(llvm::StringRef device, mlir::ModuleOp module) {
  if (llvm::Error error = checkDevice(device))
    return std::move(error);
#ifdef KILN_ENABLE_CUDA
  if (device == "cuda") {
    // The GPU first: without one, the answer is "no CUDA device", not a
    // compile.
    llvm::Expected<std::unique_ptr<cuda::CudaBackend>> backend =
        cuda::createDriverBackend();
    if (!backend)
      return backend.takeError();
    // The CUDA code generator (codegen/cuda, CudaExecutable) joins here.
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "found " + (*backend)->describe() +
            ", but this build of Kiln cannot compile models for CUDA yet");
  }
#endif
  auto executable = CpuExecutable::compile(module);
  if (!executable)
    return executable.takeError();
  return std::unique_ptr<Executable>(std::move(*executable));
}

} // namespace kiln
