//===- Device.cpp - Choosing the target a model runs on -------------------===//

#include "codegen/device/Device.h"

#include "codegen/cpu/CpuExecutable.h"
#include "codegen/cuda/CudaExecutable.h"
#include "runtime/cuda/emulator/EmulatorBackend.h"
#ifdef KILN_ENABLE_CUDA
#include "runtime/cuda/DriverBackend.h"
#endif

#include "llvm/ADT/StringExtras.h"

namespace kiln {

llvm::ArrayRef<llvm::StringRef> getAvailableDevices() {
  // cuda-emulator, a testing device: the CUDA target's code, run on the
  // CPU by the emulator of CUDA (runtime/cuda/emulator).
  static const llvm::StringRef devices[] = {
      "cpu",
#ifdef KILN_ENABLE_CUDA
      "cuda",
#endif
      "cuda-emulator",
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
    auto executable = CudaExecutable::compile(module, std::move(*backend));
    if (!executable)
      return executable.takeError();
    return std::unique_ptr<Executable>(std::move(*executable));
  }
#endif
  if (device == "cuda-emulator") {
    auto executable = CudaExecutable::compile(
        module, std::make_unique<cuda::EmulatorBackend>());
    if (!executable)
      return executable.takeError();
    return std::unique_ptr<Executable>(std::move(*executable));
  }
  // The CPU; checkDevice rejected every other name.
  auto executable = CpuExecutable::compile(module);
  if (!executable)
    return executable.takeError();
  return std::unique_ptr<Executable>(std::move(*executable));
}

} // namespace kiln
