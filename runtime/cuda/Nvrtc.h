//===- Nvrtc.h - CUDA C to PTX and cubins with NVRTC ------------*- C++ -*-===//
//
/// NVRTC, loaded with dlopen (libnvrtc.so.13, then libnvrtc.so), so Kiln
/// builds and runs without the CUDA toolkit and says so only when asked to
/// compile. Works without a GPU: `kiln compile --device cuda --emit
/// ptx|cubin` and the tests that check every generated kernel use it
/// offline with an explicit architecture.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_CUDA_NVRTC_H
#define KILN_RUNTIME_CUDA_NVRTC_H

#include "runtime/cuda/CudaBackend.h"

#include <string>
#include <vector>

namespace kiln::cuda {

struct NvrtcOutput {
  /// PTX for `arch`; the cubin is empty when NVRTC cannot emit SASS for it.
  std::string ptx;
  std::string cubin;
  /// NVRTC's log (warnings, and with `-Xptxas -v` ptxas's register, spill
  /// and shared-memory report per kernel).
  std::string log;
};

/// Compiles `program` for `arch` ("sm_90") with `options` added to Kiln's
/// own (-std=c++17, --use_fast_math off, -default-device, ...). A failure
/// names the program and the options and holds NVRTC's log and the numbered
/// source.
llvm::Expected<NvrtcOutput> compileWithNvrtc(const CudaSource &program,
                                             llvm::StringRef arch,
                                             const std::vector<std::string>
                                                 &options = {});

/// NVRTC's version as "13.0", or an error saying it cannot be loaded.
llvm::Expected<std::string> getNvrtcVersion();

} // namespace kiln::cuda

#endif // KILN_RUNTIME_CUDA_NVRTC_H
