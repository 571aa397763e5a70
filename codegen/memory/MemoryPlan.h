//===- MemoryPlan.h - One arena for a function's buffers --------*- C++ -*-===//
//
/// The target-neutral arena planner (MemoryPlan.cpp): the liveness of a
/// bufferized function's allocations and their offsets in one arena. A
/// target's memory planning pass materializes the plan (on the CPU,
/// kiln-plan-memory: a `memref.global` and views of it) and records its
/// numbers on the function as the `kiln.memory_plan` dictionary. The
/// attribute survives the lowering to the LLVM dialect (func-to-llvm keeps a
/// function's discardable attributes), so a tool that ran the whole
/// pipeline reads the plan from the final module.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_MEMORY_MEMORYPLAN_H
#define KILN_CODEGEN_MEMORY_MEMORYPLAN_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Operation.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <optional>

namespace kiln {

struct MemoryPlanStats {
  /// The function's top-level loop nests, kernel calls and copies: what runs
  /// as a separate kernel, one after the other.
  int64_t kernels = 0;
  /// Allocations placed in the arena, and those left to the heap (dynamic
  /// shapes, allocations inside loops, buffers that escape).
  int64_t arenaBuffers = 0;
  int64_t heapBuffers = 0;
  /// The arena's size, the most bytes the arena's buffers hold at one step
  /// (a lower bound for any arena), and the sum of their sizes (the memory
  /// they would take without reuse).
  int64_t arenaBytes = 0;
  int64_t peakBytes = 0;
  int64_t intermediateBytes = 0;
};

mlir::DictionaryAttr getMemoryPlanAttr(mlir::MLIRContext *context,
                                       const MemoryPlanStats &stats);

/// The plan recorded on `function`, if it has a well-formed one.
std::optional<MemoryPlanStats> readMemoryPlan(mlir::Operation *function);

/// Every offset in the arena, and the arena itself, are aligned to this:
/// bufferization asks 64 bytes of its allocations, a cache line, so vector
/// loads of any width up to 512 bits stay aligned.
inline constexpr int64_t kArenaAlignment = 64;

/// An allocation the arena holds.
struct ArenaBuffer {
  mlir::memref::AllocOp alloc;
  int64_t bytes;
  int64_t alignment;
  /// The steps of its allocation and of its last use, inclusive.
  int64_t firstStep;
  int64_t lastStep;
  /// The deallocations of it or its aliases, which go with the allocation.
  llvm::SmallVector<mlir::memref::DeallocOp> deallocs;
  int64_t offset = 0;
};

struct MemoryPlan {
  /// The buffers the arena holds, each with its offset.
  llvm::SmallVector<ArenaBuffer> buffers;
  MemoryPlanStats stats;
  /// The arena's alignment: the largest of its buffers'.
  int64_t alignment = kArenaAlignment;
};

/// Plans the arena of `func`'s top-level allocations; changes nothing.
MemoryPlan planMemory(mlir::func::FuncOp func);

/// Carries out a plan: each buffer's allocation becomes a `memref.view` of
/// `arena` (a 1-D i8 memref, however the target provides it) at its offset,
/// and its deallocations go.
void rewriteIntoArena(mlir::Value arena,
                      llvm::MutableArrayRef<ArenaBuffer> buffers);

} // namespace kiln

#endif // KILN_CODEGEN_MEMORY_MEMORYPLAN_H
