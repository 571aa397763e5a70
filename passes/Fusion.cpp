//===- Fusion.cpp - Kernel regions ----------------------------------------===//
//
/// The `kiln-fuse` pass (rules in Passes.td). Grouping is greedy in program
/// order, which makes the result easy to predict from the source; each join
/// walks the producers of the candidate region once to rule out a cycle, so
/// the pass is quadratic in the worst case and linear for chains. A region
/// is materialized once all its members are known, and the block is then
/// sorted topologically because a region sits where its last member was.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "ir/KilnOps.h"

#include "mlir/Analysis/TopologicalSortUtils.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/SetVector.h"

using namespace mlir;

namespace kiln {
#define GEN_PASS_DEF_KILNFUSE
#include "passes/Passes.h.inc"
} // namespace kiln

namespace {

using kiln::FusionKind;

/// What an op is to fusion; `std::nullopt` for ops that stay on their own.
std::optional<FusionKind> classify(Operation *op) {
  if (op->hasTrait<kiln::OpTrait::Pointwise>() || isa<kiln::ExpandOp>(op))
    return FusionKind::pointwise;
  if (op->hasTrait<kiln::OpTrait::Reducing>())
    return FusionKind::reduction;
  if (op->hasTrait<kiln::OpTrait::Contraction>())
    return FusionKind::contraction;
  return std::nullopt;
}

/// Constants cheap enough to copy into every region that reads them, where
/// backends fold them into the loop body.
bool isSplatConstant(Operation *op) {
  if (isa<kiln::ZerosOp, kiln::OnesOp, kiln::FullOp>(op))
    return true;
  auto constant = dyn_cast<kiln::ConstantOp>(op);
  return constant && isa<SplatElementsAttr>(constant.getValue());
}

struct Group {
  FusionKind kind;
  /// Members in program order.
  SmallVector<Operation *> ops;
};

class Grouping {
public:
  explicit Grouping(Block &block) {
    for (Operation &op : block.without_terminator())
      visit(&op);
  }

  std::vector<Group> takeGroups() { return std::move(groups); }

private:
  /// The region `op`'s result belongs to, if any.
  std::optional<size_t> groupOf(Value value) const {
    Operation *producer = value.getDefiningOp();
    auto found = producer ? groupIndex.find(producer) : groupIndex.end();
    if (found == groupIndex.end())
      return std::nullopt;
    return found->second;
  }

  /// Whether an op of kind `kind` fits group `index` by the kind rules.
  bool fits(Operation *op, FusionKind kind, size_t index) const {
    const Group &group = groups[index];
    if (kind == FusionKind::contraction)
      return false;
    if (group.kind != FusionKind::contraction)
      return true;
    // Only an epilogue on the product's output tile.
    Operation *product = group.ops.front();
    return kind == FusionKind::pointwise &&
           op->getResult(0).getType() == product->getResult(0).getType();
  }

  /// Whether one region made of `merged` groups and `op` would feed itself
  /// through an op outside it. The search walks producers backwards from
  /// the region; other regions are atomic, so reaching one member of one
  /// reaches the producers of all its members.
  bool createsCycle(ArrayRef<size_t> merged, Operation *op) const {
    auto inRegion = [&](Operation *candidate) {
      if (candidate == op)
        return true;
      auto found = groupIndex.find(candidate);
      return found != groupIndex.end() &&
             llvm::is_contained(merged, found->second);
    };
    // No pruning by position: an op before the region may belong to a
    // region that also has members after it.
    SmallVector<Operation *> worklist;
    llvm::SmallPtrSet<Operation *, 16> visited;
    llvm::SmallDenseSet<size_t, 4> expanded;
    auto pushProducers = [&](Operation *user, bool fromRegion) {
      for (Value operand : user->getOperands()) {
        Operation *producer = operand.getDefiningOp();
        if (!producer || producer->getBlock() != op->getBlock())
          continue;
        // Edges inside the region are no cycle.
        if (fromRegion && inRegion(producer))
          continue;
        if (visited.insert(producer).second)
          worklist.push_back(producer);
      }
    };
    pushProducers(op, /*fromRegion=*/true);
    for (size_t index : merged)
      for (Operation *member : groups[index].ops)
        pushProducers(member, /*fromRegion=*/true);
    while (!worklist.empty()) {
      Operation *current = worklist.pop_back_val();
      if (inRegion(current))
        return true;
      auto found = groupIndex.find(current);
      if (found == groupIndex.end()) {
        pushProducers(current, /*fromRegion=*/false);
        continue;
      }
      if (expanded.insert(found->second).second)
        for (Operation *member : groups[found->second].ops)
          pushProducers(member, /*fromRegion=*/false);
    }
    return false;
  }

  /// The regions `op` may join: those of its operands' producers that fit,
  /// or else a pointwise sibling reading one of its operands with the same
  /// result type (the moments of one gradient in Adam).
  SmallVector<size_t> findCandidates(Operation *op, FusionKind kind) const {
    llvm::SetVector<size_t> candidates;
    for (Value operand : op->getOperands())
      if (std::optional<size_t> group = groupOf(operand))
        if (fits(op, kind, *group))
          candidates.insert(*group);
    if (!candidates.empty() || kind != FusionKind::pointwise)
      return candidates.takeVector();
    for (Value operand : op->getOperands())
      for (Operation *sibling : operand.getUsers()) {
        auto found = groupIndex.find(sibling);
        if (found != groupIndex.end() &&
            groups[found->second].kind == FusionKind::pointwise &&
            sibling->getResultTypes() == op->getResultTypes())
          candidates.insert(found->second);
      }
    return candidates.takeVector();
  }

  void visit(Operation *op) {
    std::optional<FusionKind> kind = classify(op);
    if (!kind || op->getNumRegions() != 0)
      return;
    // Join the first candidate that stays acyclic, and merge in the other
    // candidates (chains computed in separate regions that this op
    // combines) as long as the whole stays acyclic.
    SmallVector<size_t> merged;
    for (size_t candidate : findCandidates(op, *kind)) {
      if (!merged.empty() &&
          (*kind == FusionKind::contraction ||
           groups[merged.front()].kind == FusionKind::contraction ||
           groups[candidate].kind == FusionKind::contraction))
        continue;
      merged.push_back(candidate);
      if (createsCycle(merged, op))
        merged.pop_back();
    }
    if (merged.empty()) {
      merged.push_back(groups.size());
      groups.push_back({*kind, {}});
    }
    Group &target = groups[merged.front()];
    for (size_t index : llvm::drop_begin(merged)) {
      Group &source = groups[index];
      for (Operation *member : source.ops)
        groupIndex[member] = merged.front();
      target.ops.append(source.ops.begin(), source.ops.end());
      if (source.kind == FusionKind::reduction)
        target.kind = FusionKind::reduction;
      source.ops.clear();
    }
    llvm::sort(target.ops, [](Operation *lhs, Operation *rhs) {
      return lhs->isBeforeInBlock(rhs);
    });
    if (*kind == FusionKind::reduction &&
        target.kind == FusionKind::pointwise)
      target.kind = FusionKind::reduction;
    target.ops.push_back(op);
    groupIndex[op] = merged.front();
  }

  std::vector<Group> groups;
  DenseMap<Operation *, size_t> groupIndex;
};

/// Moves `group`'s ops into a `kiln.fusion` region placed after its last
/// member.
void outline(const Group &group) {
  llvm::SmallPtrSet<Operation *, 8> members(group.ops.begin(),
                                            group.ops.end());
  llvm::SetVector<Value> inputs;
  llvm::SetVector<Operation *> clonedConstants;
  llvm::SetVector<Value> outputs;
  for (Operation *op : group.ops) {
    for (Value operand : op->getOperands()) {
      Operation *producer = operand.getDefiningOp();
      if (producer && members.contains(producer))
        continue;
      if (producer && isSplatConstant(producer))
        clonedConstants.insert(producer);
      else
        inputs.insert(operand);
    }
    for (Value result : op->getResults())
      for (Operation *user : result.getUsers())
        if (!members.contains(user))
          outputs.insert(result);
  }

  Operation *last = group.ops.back();
  OpBuilder builder(last->getContext());
  builder.setInsertionPointAfter(last);
  auto fusion = builder.create<kiln::FusionOp>(
      last->getLoc(), ValueRange(outputs.getArrayRef()).getTypes(),
      kiln::FusionKindAttr::get(builder.getContext(), group.kind),
      inputs.getArrayRef());
  Block *body = builder.createBlock(&fusion.getBody());
  IRMapping mapping;
  for (Value input : inputs)
    mapping.map(input, body->addArgument(input.getType(), input.getLoc()));
  for (Operation *constant : clonedConstants)
    builder.clone(*constant, mapping);
  for (Operation *op : group.ops)
    builder.clone(*op, mapping);
  SmallVector<Value> yielded;
  for (Value output : outputs)
    yielded.push_back(mapping.lookup(output));
  builder.create<kiln::YieldOp>(last->getLoc(), yielded);

  for (auto [output, result] : llvm::zip(outputs, fusion.getResults()))
    Value(output).replaceUsesWithIf(result, [&](OpOperand &use) {
      return !members.contains(use.getOwner());
    });
  for (Operation *op : llvm::reverse(group.ops))
    op->erase();
  for (Operation *constant : clonedConstants)
    if (constant->use_empty())
      constant->erase();
}

struct FusePass : kiln::impl::KilnFuseBase<FusePass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    Block &block = func.getBody().front();
    for (const Group &group : Grouping(block).takeGroups())
      if (!group.ops.empty())
        outline(group);
    // Users of a region's results that came before its last member move
    // after it; the grouping rules keep the graph acyclic.
    if (!sortTopologically(&block, block.without_terminator())) {
      // Not emitted on the function: printing it would walk the cycle.
      emitError(func.getLoc(), "kiln-fuse made a cyclic graph in '")
          << func.getSymName() << "'";
      return signalPassFailure();
    }
  }
};

} // namespace
