//===- MemoryPlan.cpp - Liveness and offsets of a function's buffers ------===//
//
/// The arena planner behind each target's memory planning pass. After
/// bufferization every intermediate is a `memref.alloc`, which would be an
/// allocation and a free on every call. The planner packs the statically
/// shaped allocations of a function's top level into one arena by liveness:
/// buffers that are never live at the same step share memory. A target then
/// materializes the plan (kiln-plan-memory: a `memref.global` on the CPU).
///
/// Steps are the top-level ops of the function's single block, in program
/// order. A buffer lives from its allocation to the last step that uses it
/// or any of its aliases (views, casts, loop-carried values: upstream's
/// BufferViewFlowAnalysis); a use nested in a loop counts as the whole loop.
/// Offsets are assigned greedily by size: the largest buffer first, each at
/// the lowest offset, a multiple of 64 bytes, where it overlaps no buffer
/// already placed that is live at one of its steps.
//
//===----------------------------------------------------------------------===//

#include "codegen/memory/MemoryPlan.h"

#include "ir/ModelFormat.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/Transforms/BufferViewFlowAnalysis.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"
#include "mlir/Interfaces/LoopLikeInterface.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;

namespace kiln {

// The keys of the `kiln.memory_plan` dictionary, in MemoryPlanStats order.
static constexpr llvm::StringLiteral kKernelsKey = "kernels";
static constexpr llvm::StringLiteral kArenaBuffersKey = "arena_buffers";
static constexpr llvm::StringLiteral kHeapBuffersKey = "heap_buffers";
static constexpr llvm::StringLiteral kArenaBytesKey = "arena_bytes";
static constexpr llvm::StringLiteral kPeakBytesKey = "peak_bytes";
static constexpr llvm::StringLiteral kIntermediateBytesKey =
    "intermediate_bytes";

DictionaryAttr getMemoryPlanAttr(MLIRContext *context,
                                 const MemoryPlanStats &stats) {
  Builder builder(context);
  auto entry = [&](StringRef key, int64_t value) {
    return builder.getNamedAttr(key, builder.getI64IntegerAttr(value));
  };
  return builder.getDictionaryAttr(
      {entry(kKernelsKey, stats.kernels),
       entry(kArenaBuffersKey, stats.arenaBuffers),
       entry(kHeapBuffersKey, stats.heapBuffers),
       entry(kArenaBytesKey, stats.arenaBytes),
       entry(kPeakBytesKey, stats.peakBytes),
       entry(kIntermediateBytesKey, stats.intermediateBytes)});
}

std::optional<MemoryPlanStats> readMemoryPlan(Operation *function) {
  auto plan = function->getAttrOfType<DictionaryAttr>(kMemoryPlanAttr);
  if (!plan)
    return std::nullopt;
  MemoryPlanStats stats;
  for (auto [key, field] :
       {std::pair{kKernelsKey, &stats.kernels},
        std::pair{kArenaBuffersKey, &stats.arenaBuffers},
        std::pair{kHeapBuffersKey, &stats.heapBuffers},
        std::pair{kArenaBytesKey, &stats.arenaBytes},
        std::pair{kPeakBytesKey, &stats.peakBytes},
        std::pair{kIntermediateBytesKey, &stats.intermediateBytes}}) {
    auto value = plan.getAs<IntegerAttr>(key);
    if (!value)
      return std::nullopt;
    *field = value.getInt();
  }
  return stats;
}

namespace {

// Sizes add up saturated at INT64_MAX instead of wrapping: buffers whose
// sizes each fit in int64 may not fit together, and an arena of INT64_MAX
// bytes is refused where it would be mapped (CpuExecutable.cpp).
int64_t addSaturated(int64_t a, int64_t b) {
  int64_t sum;
  return llvm::AddOverflow(a, b, sum) ? std::numeric_limits<int64_t>::max()
                                      : sum;
}

int64_t alignUpSaturated(int64_t value, int64_t alignment) {
  return addSaturated(value, alignment - 1) / alignment * alignment;
}

bool areLiveTogether(const ArenaBuffer &a, const ArenaBuffer &b) {
  return a.firstStep <= b.lastStep && b.firstStep <= a.lastStep;
}

/// The size of `alloc` in bytes if the arena can hold it: a static shape,
/// the identity layout (which memref.view produces), the default memory
/// space and an element type of known size.
std::optional<int64_t> getArenaSize(memref::AllocOp alloc,
                                    const DataLayout &layout) {
  MemRefType type = alloc.getType();
  if (!type.hasStaticShape() || !type.getLayout().isIdentity() ||
      type.getMemorySpace() || !alloc.getSymbolOperands().empty())
    return std::nullopt;
  Type element = type.getElementType();
  if (!element.isIntOrIndexOrFloat())
    return std::nullopt;
  return type.getNumElements() *
         static_cast<int64_t>(layout.getTypeSize(element).getFixedValue());
}

/// The buffer `alloc` of the block's top level, if no alias of it escapes:
/// returned, or used outside the steps of `steps`.
std::optional<ArenaBuffer>
getArenaBuffer(memref::AllocOp alloc, int64_t bytes,
          const llvm::DenseMap<Operation *, int64_t> &steps,
          const BufferViewFlowAnalysis &aliases) {
  Block *block = alloc->getBlock();
  ArenaBuffer buffer{
      alloc, bytes,
      std::max<int64_t>(kArenaAlignment, alloc.getAlignment().value_or(1)),
      steps.lookup(alloc), steps.lookup(alloc)};
  for (Value alias : aliases.resolve(alloc.getResult())) {
    for (Operation *user : alias.getUsers()) {
      if (user->hasTrait<OpTrait::ReturnLike>() &&
          user->getParentOp() == block->getParentOp())
        return std::nullopt;
      if (auto dealloc = dyn_cast<memref::DeallocOp>(user)) {
        buffer.deallocs.push_back(dealloc);
        continue;
      }
      Operation *step = block->findAncestorOpInBlock(*user);
      if (!step)
        return std::nullopt;
      buffer.lastStep = std::max(buffer.lastStep, steps.lookup(step));
    }
  }
  return buffer;
}

/// Places the buffers greedily by size (ties: the earlier first) and
/// returns the arena's size.
int64_t assignOffsets(MutableArrayRef<ArenaBuffer> buffers) {
  SmallVector<ArenaBuffer *> order;
  for (ArenaBuffer &buffer : buffers)
    order.push_back(&buffer);
  llvm::stable_sort(order, [](const ArenaBuffer *a, const ArenaBuffer *b) {
    return a->bytes > b->bytes;
  });
  int64_t arenaBytes = 0;
  SmallVector<ArenaBuffer *> placed;
  for (ArenaBuffer *buffer : order) {
    // The placed buffers live at the same time as this one, by offset; the
    // first gap that fits takes it.
    SmallVector<ArenaBuffer *> neighbours;
    for (ArenaBuffer *other : placed)
      if (areLiveTogether(*buffer, *other))
        neighbours.push_back(other);
    llvm::sort(neighbours, [](const ArenaBuffer *a, const ArenaBuffer *b) {
      return a->offset < b->offset;
    });
    int64_t offset = 0;
    for (ArenaBuffer *other : neighbours) {
      if (buffer->bytes <= other->offset - offset)
        break;
      offset = std::max(offset, alignUpSaturated(addSaturated(other->offset,
                                                              other->bytes),
                                                 buffer->alignment));
    }
    buffer->offset = offset;
    arenaBytes = std::max(arenaBytes, addSaturated(offset, buffer->bytes));
    placed.push_back(buffer);
  }
  return alignUpSaturated(arenaBytes, kArenaAlignment);
}

/// The most bytes the buffers hold at one step.
int64_t getPeakBytes(ArrayRef<ArenaBuffer> buffers, int64_t numSteps) {
  // The change of the live total at each step and the step after it.
  SmallVector<int64_t> delta(numSteps + 1, 0);
  for (const ArenaBuffer &buffer : buffers) {
    delta[buffer.firstStep] = addSaturated(delta[buffer.firstStep], buffer.bytes);
    delta[buffer.lastStep + 1] -= buffer.bytes;
  }
  int64_t live = 0, peak = 0;
  for (int64_t change : delta) {
    live = addSaturated(live, change);
    peak = std::max(peak, live);
  }
  return peak;
}

/// Whether a top-level op runs as a kernel of its own: a loop nest, a call
/// (of a library kernel), a copy, or a linalg op the loop lowering has not
/// reached yet.
bool isKernel(Operation &op) {
  return isa<LoopLikeOpInterface, CallOpInterface, memref::CopyOp,
             linalg::LinalgOp>(op);
}

} // namespace

MemoryPlan planMemory(func::FuncOp func) {
  Block &block = func.getBody().front();
  llvm::DenseMap<Operation *, int64_t> steps;
  MemoryPlan plan;
  MemoryPlanStats &stats = plan.stats;
  for (Operation &op : block) {
    steps[&op] = steps.size();
    stats.kernels += isKernel(op);
  }

  DataLayout layout = DataLayout::closest(func);
  BufferViewFlowAnalysis aliases(func);
  SmallVector<ArenaBuffer> &buffers = plan.buffers;
  func.walk([&](memref::AllocOp alloc) {
    std::optional<int64_t> bytes = getArenaSize(alloc, layout);
    std::optional<ArenaBuffer> buffer;
    if (bytes && alloc->getBlock() == &block)
      buffer = getArenaBuffer(alloc, *bytes, steps, aliases);
    if (!buffer) {
      ++stats.heapBuffers;
      return;
    }
    buffers.push_back(std::move(*buffer));
    stats.intermediateBytes =
        addSaturated(stats.intermediateBytes, buffers.back().bytes);
  });
  stats.arenaBuffers = buffers.size();
  stats.arenaBytes = assignOffsets(buffers);
  stats.peakBytes = getPeakBytes(buffers, steps.size());
  for (const ArenaBuffer &buffer : buffers)
    plan.alignment = std::max(plan.alignment, buffer.alignment);
  return plan;
}

void rewriteIntoArena(Value arena, MutableArrayRef<ArenaBuffer> buffers) {
  OpBuilder builder(arena.getContext());
  for (ArenaBuffer &buffer : buffers) {
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

} // namespace kiln
