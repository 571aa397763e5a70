//===- PlanMemory.h - The memory plan recorded on a function ----*- C++ -*-===//
//
/// `kiln-plan-memory` records its numbers on each function it plans, as the
/// `kiln.memory_plan` dictionary. The attribute survives the lowering to the
/// LLVM dialect (func-to-llvm keeps a function's discardable attributes), so
/// a tool that ran the whole pipeline reads the plan from the final module.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_CPU_PLANMEMORY_H
#define KILN_CODEGEN_CPU_PLANMEMORY_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Operation.h"

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

} // namespace kiln

#endif // KILN_CODEGEN_CPU_PLANMEMORY_H
