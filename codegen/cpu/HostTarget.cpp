//===- HostTarget.cpp - The LLVM target machine of this host --------------===//

#include "codegen/cpu/HostTarget.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

namespace kiln {

llvm::Expected<std::unique_ptr<llvm::TargetMachine>> createHostTargetMachine() {
  static const bool targetReady = [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    return true;
  }();
  (void)targetReady;
  std::string triple = llvm::sys::getProcessTriple();
  std::string message;
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, message);
  if (!target)
    return llvm::createStringError("no LLVM target for the host triple '" +
                                   triple + "': " + message);
  llvm::SubtargetFeatures features;
  for (const auto &[feature, enabled] : llvm::sys::getHostCPUFeatures())
    features.AddFeature(feature, enabled);
  // Position-independent code links into executables and shared libraries
  // alike, and the JIT places it anywhere.
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, llvm::sys::getHostCPUName(), features.getString(),
      llvm::TargetOptions(), llvm::Reloc::PIC_, std::nullopt,
      llvm::CodeGenOptLevel::Aggressive));
  if (!machine)
    return llvm::createStringError(
        "cannot create an LLVM target machine for '" + triple + "'");
  return machine;
}

} // namespace kiln
