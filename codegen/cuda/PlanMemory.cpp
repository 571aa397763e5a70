//===- PlanMemory.cpp - One device arena for a function's buffers ---------===//
//
/// The `kiln-cuda-plan-memory` pass: the CUDA target's materialization of
/// the arena planner's plan (codegen/memory/MemoryPlan.h). Where the CPU
/// places its arena in a static global, a device arena is memory the
/// executable allocates on the device, so it comes in as an argument.
//
//===----------------------------------------------------------------------===//

#include "codegen/cuda/Passes.h"
#include "codegen/cuda/CudaProgram.h"
#include "codegen/memory/MemoryPlan.h"

#include "ir/ModelFormat.h"

using namespace mlir;

namespace kiln {
#define GEN_PASS_DEF_KILNCUDAPLANMEMORY
#include "codegen/cuda/Passes.h.inc"
} // namespace kiln

namespace {

struct PlanMemoryPass : kiln::impl::KilnCudaPlanMemoryBase<PlanMemoryPass> {
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (!func.isExternal() && failed(planFunction(func)))
        return signalPassFailure();
  }

  LogicalResult planFunction(func::FuncOp func) {
    kiln::MemoryPlan plan = kiln::planMemory(func);
    func->setAttr(kiln::kMemoryPlanAttr,
                  kiln::getMemoryPlanAttr(&getContext(), plan.stats));
    // The planner takes every allocation of a model with static shapes; one
    // left over has no place on the device.
    llvm::DenseSet<Operation *> planned;
    for (kiln::ArenaBuffer &buffer : plan.buffers)
      planned.insert(buffer.alloc);
    WalkResult heap = func.walk([&](memref::AllocOp alloc) {
      if (planned.contains(alloc))
        return WalkResult::advance();
      alloc.emitOpError("cannot be placed in the device arena");
      return WalkResult::interrupt();
    });
    if (heap.wasInterrupted())
      return failure();

    OpBuilder builder(&getContext());
    Type arenaType =
        MemRefType::get({plan.stats.arenaBytes}, builder.getI8Type());
    Block &entry = func.getBody().front();
    func.insertArgument(func.getNumArguments(), arenaType,
                        builder.getDictionaryAttr(builder.getNamedAttr(
                            kiln::cuda::kArenaArgAttr, builder.getUnitAttr())),
                        func.getLoc());
    kiln::rewriteIntoArena(entry.getArguments().back(), plan.buffers);
    return success();
  }
};

} // namespace
