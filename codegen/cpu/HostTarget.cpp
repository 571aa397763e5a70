//===- HostTarget.cpp - The LLVM target machine of this host --------------===//

#include "codegen/cpu/HostTarget.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"
#include "llvm/TargetParser/Triple.h"

namespace kiln {

llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createHostTargetMachine(HostCodeUse use) {
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
  bool largeData = use == HostCodeUse::ObjectFile &&
                   llvm::Triple(triple).getArch() == llvm::Triple::x86_64;
  std::optional<llvm::CodeModel::Model> codeModel;
  if (largeData)
    codeModel = llvm::CodeModel::Medium;
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, llvm::sys::getHostCPUName(), features.getString(),
      llvm::TargetOptions(), llvm::Reloc::PIC_, codeModel,
      llvm::CodeGenOptLevel::Aggressive));
  if (!machine)
    return llvm::createStringError(
        "cannot create an LLVM target machine for '" + triple + "'");
  // Clang's default threshold for the medium code model.
  if (largeData)
    machine->setLargeDataThreshold(65536);
  return machine;
}

} // namespace kiln
