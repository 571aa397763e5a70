//===- PtxasReport.cpp - What ptxas says about each kernel ----------------===//
//
/// ptxas (CUDA 12 and 13) reports a kernel as
///   ptxas info    : Function properties for NAME
///   ptxas         .     F bytes stack frame, S bytes spill stores, L bytes
///   spill loads ptxas info    : Used R registers, used B barriers, M bytes
///   smem[, ...]
/// where the clauses of the last line after the registers appear only when
/// they are not zero.
//
//===----------------------------------------------------------------------===//

#include "runtime/cuda/PtxasReport.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Regex.h"

namespace kiln::cuda {

/// The number before `unit` in `line` ("12 bytes smem"), or 0.
static unsigned numberBefore(llvm::StringRef line, llvm::StringRef unit) {
  llvm::Regex pattern("([0-9]+) " + unit.str());
  llvm::SmallVector<llvm::StringRef, 2> match;
  unsigned value = 0;
  if (pattern.match(line, &match))
    match[1].getAsInteger(10, value);
  return value;
}

std::vector<KernelResources> parsePtxasReport(llvm::StringRef log) {
  std::vector<KernelResources> kernels;
  llvm::SmallVector<llvm::StringRef> lines;
  log.split(lines, '\n');
  static const llvm::StringRef kProperties = "Function properties for ";
  for (llvm::StringRef line : lines) {
    size_t at = line.find(kProperties);
    if (at != llvm::StringRef::npos) {
      kernels.push_back({line.substr(at + kProperties.size()).trim().str()});
      continue;
    }
    if (kernels.empty())
      continue;
    KernelResources &kernel = kernels.back();
    if (line.contains("bytes stack frame")) {
      kernel.stackFrameBytes = numberBefore(line, "bytes stack frame");
      kernel.spillStoreBytes = numberBefore(line, "bytes spill stores");
      kernel.spillLoadBytes = numberBefore(line, "bytes spill loads");
    } else if (line.contains(": Used ")) {
      kernel.registers = numberBefore(line, "registers");
      kernel.barriers = numberBefore(line, "barriers");
      kernel.sharedBytes = numberBefore(line, "bytes smem");
    }
  }
  return kernels;
}

} // namespace kiln::cuda
