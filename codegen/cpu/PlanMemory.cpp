//===- PlanMemory.cpp - One static arena for a function's buffers --------===//
//
/// The `kiln-plan-memory` pass: the CPU's materialization of the arena
/// planner's plan (codegen/memory/MemoryPlan.h). The arena is a
/// module-level `memref.global` of bytes and each planned allocation a
/// `memref.view` into it, so no allocation happens per call.
//
//===----------------------------------------------------------------------===//

#include "codegen/cpu/Passes.h"
#include "codegen/memory/MemoryPlan.h"

#include "ir/ModelFormat.h"
#include "mlir/IR/SymbolTable.h"

using namespace mlir;

namespace kiln {
#define GEN_PASS_DEF_KILNPLANMEMORY
#include "codegen/cpu/Passes.h.inc"
} // namespace kiln

namespace {

/// Replaces each buffer's allocation by a view of the arena `global`.
void rewriteIntoArena(func::FuncOp func, memref::GlobalOp global,
                      MutableArrayRef<kiln::ArenaBuffer> buffers) {
  OpBuilder builder = OpBuilder::atBlockBegin(&func.getBody().front());
  Value arena = builder.create<memref::GetGlobalOp>(
      global.getLoc(), global.getType(), global.getSymName());
  for (kiln::ArenaBuffer &buffer : buffers) {
    builder.setInsertionPoint(buffer.alloc);
    Location loc = buffer.alloc.getLoc();
    Value offset = builder.create<arith::ConstantIndexOp>(loc, buffer.offset);
    Value view = builder.create<memref::ViewOp>(loc, buffer.alloc.getType(),
                                                arena, offset, ValueRange{});
    for (memref::DeallocOp dealloc : buffer.deallocs)
      dealloc.erase();
    buffer.alloc.replaceAllUsesWith(view);
    buffer.alloc.erase();
  }
}

struct PlanMemoryPass : kiln::impl::KilnPlanMemoryBase<PlanMemoryPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    for (auto func : llvm::to_vector(module.getOps<func::FuncOp>()))
      if (!func.isExternal())
        planFunction(func, symbols);
  }

  void planFunction(func::FuncOp func, SymbolTable &symbols) {
    kiln::MemoryPlan plan = kiln::planMemory(func);
    func->setAttr(kiln::kMemoryPlanAttr,
                  kiln::getMemoryPlanAttr(&getContext(), plan.stats));
    if (plan.buffers.empty())
      return;

    // One arena per function, as uninitialized bytes: the loader maps it
    // zero-filled and it takes no room in an object file.
    OpBuilder builder(func);
    auto global = builder.create<memref::GlobalOp>(
        func.getLoc(), ("__kiln_arena_" + func.getSymName()).str(),
        builder.getStringAttr("private"),
        MemRefType::get({plan.stats.arenaBytes}, builder.getI8Type()),
        builder.getUnitAttr(), /*constant=*/false,
        builder.getI64IntegerAttr(plan.alignment));
    symbols.insert(global);
    rewriteIntoArena(func, global, plan.buffers);
  }
};

} // namespace
