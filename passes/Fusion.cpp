//===- Fusion.cpp - Kernel regions ----------------------------------------===//
//
/// The `kiln-fuse` pass (rules in Passes.td). Grouping is greedy in program
/// order, which keeps it linear in the graph's size and makes the result
/// easy to predict from the source; a region is materialized once all its
/// members are known, and the block is then sorted topologically because a
/// region sits where its last member was.
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
  if (!constant)
    return false;
  auto value = dyn_cast<SplatElementsAttr>(constant.getValue());
  return value != nullptr;
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

  /// Whether `op`, of kind `kind`, may join group `index`.
  bool canJoin(Operation *op, FusionKind kind, size_t index) const {
    const Group &group = groups[index];
    if (kind == FusionKind::contraction)
      return false;
    if (group.kind == FusionKind::contraction) {
      // Only an epilogue on the product's output tile.
      Operation *product = group.ops.front();
      if (kind != FusionKind::pointwise ||
          op->getResult(0).getType() != product->getResult(0).getType())
        return false;
    }
    return !reachesThroughOthers(op, index);
  }

  /// Whether `op` depends on group `index` through an op outside it: then
  /// the region would feed itself.
  bool reachesThroughOthers(Operation *op, size_t index) const {
    return reachesThroughOthers(ArrayRef<Operation *>(op), index, index);
  }

  /// Whether the producers of `users`' operands outside groups `target` and
  /// `own` reach a member of `target`. Regions are atomic, so reaching one
  /// member of another region reaches the producers of all its members.
  bool reachesThroughOthers(ArrayRef<Operation *> users, size_t target,
                            size_t own) const {
    Operation *first = groups[target].ops.front();
    SmallVector<Operation *> worklist;
    llvm::SmallPtrSet<Operation *, 16> visited;
    llvm::SmallDenseSet<size_t, 4> visitedGroups = {own};
    auto pushProducers = [&](Operation *user, bool skipTarget) {
      for (Value operand : user->getOperands()) {
        Operation *producer = operand.getDefiningOp();
        // Ops before the region's first member cannot depend on it.
        if (!producer || producer->getBlock() != first->getBlock() ||
            producer->isBeforeInBlock(first))
          continue;
        auto found = groupIndex.find(producer);
        bool inSkipped = found != groupIndex.end() &&
                         (found->second == own ||
                          (skipTarget && found->second == target));
        if (!inSkipped && visited.insert(producer).second)
          worklist.push_back(producer);
      }
    };
    for (Operation *user : users)
      pushProducers(user, /*skipTarget=*/true);
    while (!worklist.empty()) {
      Operation *current = worklist.pop_back_val();
      auto found = groupIndex.find(current);
      if (found == groupIndex.end()) {
        pushProducers(current, /*skipTarget=*/false);
        continue;
      }
      if (found->second == target)
        return true;
      if (visitedGroups.insert(found->second).second)
        for (Operation *member : groups[found->second].ops)
          pushProducers(member, /*skipTarget=*/false);
    }
    return false;
  }

  /// Moves group `from` into group `into` if neither depends on the other
  /// through ops outside both (a direct edge between them is fine: it ends
  /// up inside the merged region).
  bool tryMerge(size_t into, size_t from) {
    Group &target = groups[into], &source = groups[from];
    if (target.kind == FusionKind::contraction ||
        source.kind == FusionKind::contraction ||
        reachesThroughOthers(source.ops, into, from) ||
        reachesThroughOthers(target.ops, from, into))
      return false;
    for (Operation *op : source.ops)
      groupIndex[op] = into;
    target.ops.append(source.ops.begin(), source.ops.end());
    llvm::sort(target.ops, [](Operation *lhs, Operation *rhs) {
      return lhs->isBeforeInBlock(rhs);
    });
    if (source.kind == FusionKind::reduction)
      target.kind = FusionKind::reduction;
    source.ops.clear();
    return true;
  }

  void visit(Operation *op) {
    std::optional<FusionKind> kind = classify(op);
    if (!kind || op->getNumRegions() != 0)
      return;
    std::optional<size_t> chosen;
    for (Value operand : op->getOperands()) {
      std::optional<size_t> group = groupOf(operand);
      if (!group || !canJoin(op, *kind, *group))
        continue;
      // An op that joins chains computed in separate regions (an optimizer
      // step combining its moments) merges them where that stays acyclic.
      if (!chosen)
        chosen = group;
      else if (*group != *chosen && *kind != FusionKind::contraction)
        tryMerge(*chosen, *group);
    }
    // Siblings: element-wise ops of one shape reading the same value (the
    // updates of one parameter's optimizer state) share a region.
    if (!chosen && *kind == FusionKind::pointwise)
      for (Value operand : op->getOperands())
        for (Operation *sibling : operand.getUsers()) {
          auto found = groupIndex.find(sibling);
          if (chosen || sibling == op || found == groupIndex.end())
            continue;
          const Group &group = groups[found->second];
          if (group.kind == FusionKind::pointwise &&
              sibling->getResultTypes() == op->getResultTypes() &&
              canJoin(op, *kind, found->second))
            chosen = found->second;
        }
    if (!chosen) {
      chosen = groups.size();
      groups.push_back({*kind, {}});
    } else if (*kind == FusionKind::reduction &&
               groups[*chosen].kind == FusionKind::pointwise) {
      groups[*chosen].kind = FusionKind::reduction;
    }
    groups[*chosen].ops.push_back(op);
    groupIndex[op] = *chosen;
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
      func.emitOpError("kiln-fuse made a cyclic graph");
      return signalPassFailure();
    }
  }
};

} // namespace
