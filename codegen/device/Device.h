//===- Device.h - Choosing the target a model runs on -----------*- C++ -*-===//
//
/// The one place that maps a device name (`--device cpu`, Graph::compile's
/// argument) to a target's Executable, so nothing above codegen/ names a
/// target's executable type. A new target adds its name and its branch
/// in Device.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_DEVICE_DEVICE_H
#define KILN_CODEGEN_DEVICE_DEVICE_H

#include "codegen/Executable.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>

namespace kiln {

/// The device a model runs on unless one is chosen.
inline constexpr const char *kDefaultDevice = "cpu";

/// The names of the devices this build compiles for, default first.
llvm::ArrayRef<llvm::StringRef> getAvailableDevices();

/// Fails unless `device` is one of getAvailableDevices(), naming them all.
llvm::Error checkDevice(llvm::StringRef device);

/// Compiles the model function of `module` (left unchanged) for `device`.
/// The executable's parameters and state start without values.
llvm::Expected<std::unique_ptr<Executable>>
createExecutable(llvm::StringRef device, mlir::ModuleOp module);

} // namespace kiln

#endif // KILN_CODEGEN_DEVICE_DEVICE_H
