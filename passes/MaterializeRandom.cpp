//===- MaterializeRandom.cpp - Seeded random draws to constants -----------===//
//
/// The `kiln-materialize-random` pass. Generator states flow through the IR
/// as values; the pass mirrors that flow with runtime Generators, one state
/// per generator value, so a state used twice is copied exactly as the IR
/// says (two draws from the same state give the same numbers).
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "ir/KilnOps.h"
#include "runtime/Generator.h"

#include "llvm/ADT/DenseMap.h"

using namespace mlir;

namespace kiln {
#define GEN_PASS_DEF_KILNMATERIALIZERANDOM
#include "passes/Passes.h.inc"
} // namespace kiln

namespace {

/// The values of a runtime tensor as an attribute of `type`.
DenseElementsAttr toAttribute(const kiln::Tensor &tensor,
                              RankedTensorType type) {
  if (tensor.dtype() == kiln::DType::Float32)
    return DenseElementsAttr::get(
        type, llvm::ArrayRef(tensor.data<float>(), tensor.numel()));
  return DenseElementsAttr::get(
      type, llvm::ArrayRef(tensor.data<double>(), tensor.numel()));
}

/// Draws one random op's tensor from `generator`, advancing it.
template <typename OpT>
DenseElementsAttr draw(OpT op, kiln::Generator &generator) {
  RankedTensorType type = op.getResult().getType();
  kiln::DType dtype = type.getElementType().isF32() ? kiln::DType::Float32
                                                    : kiln::DType::Float64;
  std::vector<int64_t> shape(type.getShape().begin(), type.getShape().end());
  kiln::Tensor values = std::is_same_v<OpT, kiln::RandOp>
                            ? kiln::rand(generator, dtype, shape)
                            : kiln::randn(generator, dtype, shape);
  return toAttribute(values, type);
}

struct MaterializeRandomPass
    : kiln::impl::KilnMaterializeRandomBase<MaterializeRandomPass> {
  void runOnOperation() override {
    llvm::DenseMap<Value, kiln::Generator> states;
    SmallVector<Operation *> generatorOps;
    WalkResult result = getOperation()->walk([&](Operation *op) {
      if (auto seed = dyn_cast<kiln::ManualSeedOp>(op)) {
        states.try_emplace(seed.getGenerator(),
                           static_cast<uint64_t>(seed.getSeed()));
        generatorOps.push_back(op);
        return WalkResult::advance();
      }
      if (!isa<kiln::RandOp, kiln::RandnOp>(op))
        return WalkResult::advance();
      auto state = states.find(op->getOperand(0));
      if (state == states.end()) {
        op->emitOpError("draws from a generator that no kiln.manual_seed "
                        "seeds, so its values are not known");
        return WalkResult::interrupt();
      }
      kiln::Generator generator = state->second;
      DenseElementsAttr values = isa<kiln::RandOp>(op)
                                     ? draw(cast<kiln::RandOp>(op), generator)
                                     : draw(cast<kiln::RandnOp>(op), generator);
      states.try_emplace(op->getResult(1), generator);
      if (!op->getResult(0).use_empty()) {
        OpBuilder builder(op);
        op->getResult(0).replaceAllUsesWith(
            builder.create<kiln::ConstantOp>(op->getLoc(), values));
      }
      generatorOps.push_back(op);
      return WalkResult::advance();
    });
    if (result.wasInterrupted())
      return signalPassFailure();

    // Generator chains are now dead unless a generator escapes (a function
    // result, say); erase from the last draw back to its seed.
    for (Operation *op : llvm::reverse(generatorOps))
      if (op->use_empty())
        op->erase();
  }
};

} // namespace
