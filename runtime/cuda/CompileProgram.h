//===- CompileProgram.h - A program's PTX and cubin, cached -----*- C++ -*-===//
//
/// What the DriverBackend and `kiln compile --device cuda` compile through:
/// compileWithNvrtc behind the on-disk cache (CompileCache.h), and the
/// KILN_DUMP_CUDA=DIR dump of every program's .cu, .ptx, .cubin and ptxas
/// report.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_CUDA_COMPILEPROGRAM_H
#define KILN_RUNTIME_CUDA_COMPILEPROGRAM_H

#include "runtime/cuda/Nvrtc.h"

namespace kiln::cuda {

/// `program` compiled for `arch` with `options`: from the cache under
/// CompileCache::getDefaultDirectory() when an intact entry is there, else
/// by NVRTC and then stored (a cache that cannot be written costs a warning
/// on stderr, once, not the compile). With KILN_DUMP_CUDA set, ptxas's
/// report is requested (-Xptxas -v) and the program's files are written to
/// that directory; a dump that cannot be written is an error.
llvm::Expected<NvrtcOutput>
compileProgram(const CudaSource &program, llvm::StringRef arch,
               const std::vector<std::string> &options = {});

} // namespace kiln::cuda

#endif // KILN_RUNTIME_CUDA_COMPILEPROGRAM_H
