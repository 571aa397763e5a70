//===- BlockScheduler.h - One CUDA block on one OS thread -------*- C++ -*-===//
//
/// Runs the threads of a CUDA block as fibers (ucontext, one small stack
/// each) on the calling OS thread: each fiber runs until it reaches a
/// barrier (__syncthreads, or a warp shuffle's exchange) or ends, in an
/// order permuted anew before every round from a seed, so a kernel that
/// relies on an order a missing barrier would give shows it. A barrier
/// that not every thread of its block (or warp) reaches is an error naming
/// the kernel. Also the emulator's side of CudaEmulator.h's hooks.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_CUDA_EMULATOR_BLOCKSCHEDULER_H
#define KILN_RUNTIME_CUDA_EMULATOR_BLOCKSCHEDULER_H

#define KILN_EMULATOR_ABI_ONLY
#include "runtime/cuda/emulator/CudaEmulator.h"
#undef KILN_EMULATOR_ABI_ONLY

#include "runtime/cuda/CudaBackend.h"

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace kiln::cuda {

/// What every block of one launch shares.
struct LaunchState {
  std::string kernel;
  LaunchDims grid, block;
  /// Runs the kernel in the calling fiber.
  std::function<void()> entry;
  /// The program's kiln_emulator_set_thread.
  void (*setThread)(const KilnEmuThread *) = nullptr;
  /// Device memory, as (start address, bytes), sorted by address.
  std::vector<std::pair<uintptr_t, size_t>> allocations;

  /// Records `message` unless an error is recorded already.
  void fail(std::string message);
  /// The first error of the launch, or "".
  std::string error() const;

private:
  mutable std::mutex mutex_;
  std::string error_;
};

/// Runs block `blockIdx` of `launch` on the calling thread; errors go to
/// `launch`.
void runBlock(LaunchState &launch, kiln_emu_dim3 blockIdx);

/// The emulator's hooks for a loaded program.
KilnEmuHooks getEmulatorHooks();

} // namespace kiln::cuda

#endif // KILN_RUNTIME_CUDA_EMULATOR_BLOCKSCHEDULER_H
