//===- ParallelLoopsFirst.cpp - Parallel loops outside reductions ---------===//
//
/// The `kiln-cuda-parallel-loops-first` pass (see Passes.td), on upstream's
/// linalg::interchangeGenericOp, which also renumbers `linalg.index`.
//
//===----------------------------------------------------------------------===//

#include "codegen/cuda/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"

using namespace mlir;

namespace kiln {
#define GEN_PASS_DEF_KILNCUDAPARALLELLOOPSFIRST
#include "codegen/cuda/Passes.h.inc"
} // namespace kiln

namespace {

/// The interchange vector that moves `generic`'s parallel loops first: new
/// loop i is old loop permutation[i]. Empty when they already are.
SmallVector<unsigned> getParallelFirstOrder(linalg::GenericOp generic) {
  SmallVector<unsigned> parallel, reduction;
  for (auto [loop, iterator] :
       llvm::enumerate(generic.getIteratorTypesArray()))
    (linalg::isParallelIterator(iterator) ? parallel : reduction)
        .push_back(loop);
  SmallVector<unsigned> order = parallel;
  llvm::append_range(order, reduction);
  if (llvm::equal(order, llvm::seq<unsigned>(0, order.size())))
    return {};
  return order;
}

struct ParallelLoopsFirstPass
    : kiln::impl::KilnCudaParallelLoopsFirstBase<ParallelLoopsFirstPass> {
  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    SmallVector<linalg::GenericOp> generics;
    getOperation().walk(
        [&](linalg::GenericOp generic) { generics.push_back(generic); });
    for (linalg::GenericOp generic : generics) {
      SmallVector<unsigned> order = getParallelFirstOrder(generic);
      if (order.empty())
        continue;
      rewriter.setInsertionPoint(generic);
      if (failed(linalg::interchangeGenericOp(rewriter, generic, order))) {
        generic.emitOpError("could not order its parallel loops first");
        return signalPassFailure();
      }
    }
  }
};

} // namespace
