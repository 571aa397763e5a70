//===- CudaProgram.h - A model compiled to CUDA C --------------*- C++ -*-===//
//
/// What the CUDA code generator gives the executable: the program's CUDA C
/// (one `extern "C" __global__` function per kernel, the device preamble
/// first), the launches that run it in order with their launch dimensions
/// fixed at compile time, where each kernel argument points, the size of
/// the one device arena the intermediates share, the bytes of the model's
/// constant tensors, and the messages of its run-time index checks.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_CUDA_CUDAPROGRAM_H
#define KILN_CODEGEN_CUDA_CUDAPROGRAM_H

#include "codegen/ModelSignature.h"
#include "runtime/cuda/CudaBackend.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiln::cuda {

/// The argument attribute of a lowered function's device arena
/// (kiln-cuda-plan-memory).
inline constexpr const char *kArenaArgAttr = "kiln_cuda.arena";

/// The words of the index-error record kernels write (KilnDevice.cuh,
/// kiln_index_error): set, site, value, bound.
inline constexpr size_t kIndexErrorWords = 4;

/// Where a kernel argument points.
struct Binding {
  enum class Kind {
    /// The model's argument `index` (an input, or a resident value).
    Argument,
    /// The buffer of the model's result `index`.
    Result,
    /// `offset` bytes into the device arena.
    Arena,
    /// `offset` bytes into the constants' device copy.
    Constants,
    /// The index-error record (kIndexErrorWords 64-bit words).
    IndexError,
  };
  Kind kind;
  size_t index = 0;
  int64_t offset = 0;
};

/// One kernel launch of the schedule.
struct Launch {
  std::string kernel;
  LaunchDims grid;
  LaunchDims block;
  std::vector<Binding> arguments;
};

struct CudaProgram {
  ModelSignature signature;
  CudaSource source;
  /// The launches of one run of the model, in order.
  std::vector<Launch> launches;
  int64_t arenaBytes = 0;
  /// The constant tensors, each at its offset (64-byte aligned).
  std::vector<uint8_t> constants;
  /// The messages of the index checks by site, "{}" where the index goes
  /// (codegen/linalg/IndexChecks.h).
  std::vector<std::string> indexChecks;
};

} // namespace kiln::cuda

#endif // KILN_CODEGEN_CUDA_CUDAPROGRAM_H
