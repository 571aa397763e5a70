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
    OpBuilder entry = OpBuilder::atBlockBegin(&func.getBody().front());
    Value arena = entry.create<memref::GetGlobalOp>(
        global.getLoc(), global.getType(), global.getSymName());
    kiln::rewriteIntoArena(arena, plan.buffers);
  }
};

} // namespace
