//===- Device.cpp - Choosing the target a model runs on -------------------===//

#include "codegen/device/Device.h"

#include "codegen/cpu/CpuExecutable.h"

#include "llvm/ADT/StringExtras.h"

namespace kiln {

llvm::ArrayRef<llvm::StringRef> getAvailableDevices() {
  static const llvm::StringRef devices[] = {"cpu"};
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
  // The only device so far; checkDevice rejected every other name.
  auto executable = CpuExecutable::compile(module);
  if (!executable)
    return executable.takeError();
  return std::unique_ptr<Executable>(std::move(*executable));
}

} // namespace kiln
