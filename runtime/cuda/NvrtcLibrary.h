//===- NvrtcLibrary.h - The NVRTC entry points Kiln calls -------*- C++ -*-===//
//
/// NVRTC's C API as function pointers into the dlopen'd library. The few
/// types and signatures are declared here, copied from nvrtc.h (its ABI is
/// stable across releases), instead of including the header: a machine
/// without the toolkit then still builds Kiln, and the only place that can
/// say "NVRTC is missing" is the one that needs it, at run time.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_CUDA_NVRTCLIBRARY_H
#define KILN_RUNTIME_CUDA_NVRTCLIBRARY_H

#include "runtime/cuda/SharedLibrary.h"

#include <cstddef>
#include <vector>

namespace kiln::cuda {

/// nvrtc.h's nvrtcResult (0 is NVRTC_SUCCESS) and nvrtcProgram.
using NvrtcResult = int;
using NvrtcProgram = struct NvrtcProgramOpaque *;

struct NvrtcLibrary {
  /// The process's NVRTC, opened on first use (libnvrtc.so.13, then
  /// libnvrtc.so, then both in /usr/local/cuda/lib64), or why it cannot be.
  static llvm::Expected<const NvrtcLibrary &> get();

  SharedLibrary library;
  /// "13.0".
  std::string version;
  /// The real architectures it emits SASS for, as 90 for sm_90.
  std::vector<int> supportedArchs;
  /// The directory with the CUDA headers generated code may include
  /// (cuda_fp16.h, ...), or "" when none is found.
  std::string includeDirectory;

  const char *(*getErrorString)(NvrtcResult);
  NvrtcResult (*getVersion)(int *major, int *minor);
  NvrtcResult (*getNumSupportedArchs)(int *count);
  NvrtcResult (*getSupportedArchs)(int *archs);
  NvrtcResult (*createProgram)(NvrtcProgram *program, const char *source,
                               const char *name, int headerCount,
                               const char *const *headers,
                               const char *const *includeNames);
  NvrtcResult (*destroyProgram)(NvrtcProgram *program);
  NvrtcResult (*compileProgram)(NvrtcProgram program, int optionCount,
                                const char *const *options);
  NvrtcResult (*getPTXSize)(NvrtcProgram program, size_t *size);
  NvrtcResult (*getPTX)(NvrtcProgram program, char *ptx);
  NvrtcResult (*getCUBINSize)(NvrtcProgram program, size_t *size);
  NvrtcResult (*getCUBIN)(NvrtcProgram program, char *cubin);
  NvrtcResult (*getProgramLogSize)(NvrtcProgram program, size_t *size);
  NvrtcResult (*getProgramLog)(NvrtcProgram program, char *log);
};

} // namespace kiln::cuda

#endif // KILN_RUNTIME_CUDA_NVRTCLIBRARY_H
