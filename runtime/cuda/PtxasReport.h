//===- PtxasReport.h - What ptxas says about each kernel --------*- C++ -*-===//
//
/// With `-Xptxas -v`, NVRTC's log carries ptxas's resource report for each
/// kernel: registers, barriers, shared memory, stack frame and spills. Read
/// here once, for the checks that every generated kernel compiles without
/// spills or local memory, and for KILN_DUMP_CUDA's readers.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_CUDA_PTXASREPORT_H
#define KILN_RUNTIME_CUDA_PTXASREPORT_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace kiln::cuda {

struct KernelResources {
  std::string name;
  unsigned registers = 0;
  unsigned barriers = 0;
  unsigned sharedBytes = 0;
  /// Local memory: the stack frame (local arrays, spills) and the bytes
  /// spilled to it.
  unsigned stackFrameBytes = 0;
  unsigned spillStoreBytes = 0;
  unsigned spillLoadBytes = 0;

  /// Whether the kernel touches local memory at all.
  bool usesLocalMemory() const {
    return stackFrameBytes || spillStoreBytes || spillLoadBytes;
  }
};

/// The kernels of a ptxas report (NvrtcOutput::log), in its order. Lines
/// other than the report's are ignored.
std::vector<KernelResources> parsePtxasReport(llvm::StringRef log);

} // namespace kiln::cuda

#endif // KILN_RUNTIME_CUDA_PTXASREPORT_H
