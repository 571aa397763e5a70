//===- HostCompiler.h - CUDA C compiled for the host, cached ----*- C++ -*-===//

#ifndef KILN_RUNTIME_CUDA_EMULATOR_HOSTCOMPILER_H
#define KILN_RUNTIME_CUDA_EMULATOR_HOSTCOMPILER_H

#include "runtime/cuda/CudaBackend.h"

#include "llvm/Support/Error.h"

#include <string>

namespace kiln::cuda {

/// Compiles `program` with the system's C++ compiler (c++, g++, clang++,
/// clang++-19, the first on PATH; $KILN_EMULATOR_CXX if set) into a shared
/// library, the emulator's header (CudaEmulator.h) in front, and returns
/// its path. Libraries are cached by a hash of the header, the source, the
/// compiler and its options in $KILN_CACHE_DIR/emulator (default
/// $XDG_CACHE_HOME/kiln/emulator, then ~/.cache/kiln/emulator), written
/// under a temporary name and renamed into place. A compile error shows
/// the compiler's command and output.
llvm::Expected<std::string> compileForHost(const CudaSource &program);

} // namespace kiln::cuda

#endif // KILN_RUNTIME_CUDA_EMULATOR_HOSTCOMPILER_H
