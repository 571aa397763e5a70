//===- EmitCuda.cpp - Lowered IR to a CUDA program ------------------------===//
//
/// Buffers: every memref a kernel touches is a view (subview, reshape,
/// cast) of a root buffer (a function argument, an arena offset or a
/// constant), and static shapes give every view a static strided layout
/// relative to its root's start, so an element's address is the root's
/// kernel argument plus a linear index: views cost nothing at run time and
/// need no code.
//
//===----------------------------------------------------------------------===//

#include "codegen/cuda/EmitCuda.h"
#include "codegen/cuda/CTypes.h"
#include "codegen/cuda/Preamble.h"
#include "codegen/cuda/ScalarOps.h"
#include "codegen/linalg/IndexChecks.h"
#include "codegen/memory/MemoryPlan.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/Support/FormatVariadic.h"

#include <set>
#include <tuple>

using namespace mlir;

namespace kiln::cuda {

namespace {

/// Threads per block of a parallel kernel, and the most blocks: the grid
/// strides over larger iteration spaces (about two waves of an H100's
/// 132 SMs at full occupancy).
constexpr int64_t kBlockThreads = 256;
constexpr int64_t kMaxBlocks = 1024;

/// The most buffers one serial kernel takes: a run of scalar ops (the
/// terms of a loss) reads many; values cross into the next kernel through
/// the arena.
constexpr size_t kMaxSerialBuffers = 24;

/// Ops that only name memory or a constant: materialized where used.
bool isViewOrConstant(Operation *op) {
  return isa<arith::ConstantOp, memref::ViewOp, memref::SubViewOp,
             memref::ExpandShapeOp, memref::CollapseShapeOp,
             memref::ReshapeOp, memref::CastOp,
             memref::ReinterpretCastOp, memref::TransposeOp,
             memref::GetGlobalOp>(op);
}

/// A buffer as kernels see it: where its root points, and its layout.
struct BufferAccess {
  Binding root;
  std::string elementType;
  SmallVector<int64_t> strides;
  int64_t offset;
};

/// What the emitter knows of the whole program while it emits kernels.
struct ProgramState {
  const ModelSignature &signature;
  func::FuncOp func;
  /// Each constant global's offset in the constants' buffer.
  llvm::StringMap<int64_t> constantOffsets;
  std::vector<uint8_t> constants;
  /// The arena offset of each scalar one kernel computes and a later one
  /// uses (a value read from a tensor by a serial kernel, used by a
  /// parallel one): the first kernel stores it there, the later loads it.
  DenseMap<Value, int64_t> scalarSlots{};
  /// Where the slots start: a kernel reaches all of its slots of one type
  /// through one parameter.
  int64_t slotsBase = 0;
};

/// The bytes of a scalar of C type `type`.
int64_t getScalarBytes(Type type) {
  return std::max(8u, getBitWidth(type)) / 8;
}

/// Appends `global`'s bytes, 64-byte aligned, to the constants.
void addConstant(ProgramState &state, memref::GlobalOp global) {
  auto value = cast<DenseElementsAttr>(*global.getInitialValue());
  Type element = value.getElementType();
  std::vector<uint8_t> &bytes = state.constants;
  bytes.resize(llvm::alignTo(bytes.size(), kArenaAlignment));
  state.constantOffsets[global.getSymName()] = bytes.size();
  unsigned width = std::max(8u, getBitWidth(element)) / 8;
  auto append = [&](const APInt &bits) {
    uint64_t word = bits.getZExtValue();
    for (unsigned i = 0; i < width; ++i)
      bytes.push_back(static_cast<uint8_t>(word >> (8 * i)));
  };
  if (isa<FloatType>(element))
    for (const APFloat &number : value.getValues<APFloat>())
      append(number.bitcastToAPInt());
  else
    for (const APInt &number : value.getValues<APInt>())
      append(number);
}

/// The buffer `memref` is a view of, down the views (each keeps its
/// source's start): a model argument or result, an arena offset or a
/// constant; none for any other.
std::optional<Binding> findRoot(const ProgramState &state, Value memref) {
  func::FuncOp func = state.func;
  Value current = memref;
  while (true) {
    if (auto argument = dyn_cast<BlockArgument>(current)) {
      if (argument.getOwner() != &func.getBody().front())
        return std::nullopt;
      size_t number = argument.getArgNumber();
      size_t arguments = state.signature.arguments.size();
      if (func.getArgAttr(number, kArenaArgAttr))
        return std::nullopt;
      return number < arguments
                 ? Binding{Binding::Kind::Argument, number, 0}
                 : Binding{Binding::Kind::Result, number - arguments, 0};
    }
    Operation *def = current.getDefiningOp();
    if (auto view = dyn_cast_or_null<memref::ViewOp>(def)) {
      std::optional<int64_t> shift = getConstantIntValue(view.getByteShift());
      auto arena = dyn_cast<BlockArgument>(view.getSource());
      if (!shift || !arena ||
          !func.getArgAttr(arena.getArgNumber(), kArenaArgAttr))
        return std::nullopt;
      return Binding{Binding::Kind::Arena, 0, *shift};
    }
    if (auto global = dyn_cast_or_null<memref::GetGlobalOp>(def)) {
      auto offset = state.constantOffsets.find(global.getName());
      if (offset == state.constantOffsets.end())
        return std::nullopt;
      return Binding{Binding::Kind::Constants, 0, offset->second};
    }
    if (!def || !isViewOrConstant(def))
      return std::nullopt;
    current = def->getOperand(0);
  }
}

/// The buffers `op` reads or writes, as (kind, index, offset) keys.
std::set<std::tuple<int, size_t, int64_t>>
getRootKeys(const ProgramState &state, Operation *op) {
  std::set<std::tuple<int, size_t, int64_t>> keys;
  op->walk([&](Operation *nested) {
    Value memref;
    if (auto load = dyn_cast<memref::LoadOp>(nested))
      memref = load.getMemRef();
    else if (auto store = dyn_cast<memref::StoreOp>(nested))
      memref = store.getMemRef();
    else if (isa<func::CallOp>(nested))
      keys.insert({static_cast<int>(Binding::Kind::IndexError), 0, 0});
    if (!memref)
      return;
    if (std::optional<Binding> root = findRoot(state, memref))
      keys.insert({static_cast<int>(root->kind), root->index, root->offset});
  });
  return keys;
}

/// Emits one kernel: its parameters (one per root buffer it touches) and
/// its body, as C text.
class KernelEmitter {
public:
  KernelEmitter(ProgramState &state, std::string name)
      : state_(state), name_(std::move(name)) {}

  /// A kernel whose threads stride over `loop`'s iterations.
  FailureOr<Launch> emitParallel(scf::ParallelOp loop, std::string &source);
  /// A one-thread kernel running `ops` in order.
  FailureOr<Launch> emitSerial(ArrayRef<Operation *> ops, std::string &source);

private:
  LogicalResult emitBlockOps(Block &block, int depth);
  LogicalResult emitOp(Operation *op, int depth);
  LogicalResult emitFor(scf::ForOp loop, int depth);
  LogicalResult emitIf(scf::IfOp branch, int depth);
  LogicalResult emitNestedParallel(scf::ParallelOp loop, int depth);
  /// Assigns `values` to the variables `targets` through temporaries, so
  /// that a loop's yield may permute its carried values.
  LogicalResult emitAssignments(ValueRange targets, ValueRange values,
                                int depth);
  FailureOr<std::string> lookup(Value value);
  FailureOr<std::string> declare(Value value);
  /// The element of `value`'s slot.
  std::string getSlot(Value value) {
    int64_t offset = state_.scalarSlots.lookup(value) - state_.slotsBase;
    std::string slots =
        getParameter(Binding{Binding::Kind::Arena, 0, state_.slotsBase},
                     *getCType(value.getType()));
    return "kiln_at(" + slots + ", " +
           std::to_string(offset / getScalarBytes(value.getType())) + ")";
  }
  /// Stores `value`, just computed, into its slot if a later kernel uses it.
  void storeScalarSlot(Value value, int depth) {
    if (state_.scalarSlots.count(value))
      line(depth, getSlot(value) + " = " + names_[value] + ";");
  }
  FailureOr<std::string> getElement(Operation *op, Value memref,
                                    ValueRange indices);
  FailureOr<BufferAccess> resolveBuffer(Operation *user, Value memref);
  /// The offset of `memref`'s first element from its root's start, a C
  /// expression: a number for a static layout, else computed from the
  /// subview that took a slice at a run-time position (a loop's).
  FailureOr<std::string> getDynamicOffset(Operation *user, Value memref);
  std::string getParameter(const Binding &root, const std::string &type);
  FailureOr<Launch> finish(std::string &source, LaunchDims grid,
                           LaunchDims block);

  void line(int depth, const Twine &text) {
    body_ += std::string(2 * depth, ' ') + text.str() + "\n";
  }

  ProgramState &state_;
  std::string name_;
  /// Scalars other kernels computed, loaded first; then the kernel's code.
  std::string prologue_;
  std::string body_;
  DenseMap<Value, std::string> names_;
  unsigned nextName_ = 0;
  /// The kernel's parameters, one per (root, element type): their roots
  /// and C element types; parameter i is named `p<i>`.
  SmallVector<Binding> bindings_;
  SmallVector<std::string> parameterTypes_;
};

std::string KernelEmitter::getParameter(const Binding &root,
                                        const std::string &type) {
  for (auto [i, bound] : llvm::enumerate(bindings_))
    if (bound.kind == root.kind && bound.index == root.index &&
        bound.offset == root.offset && parameterTypes_[i] == type)
      return "p" + std::to_string(i);
  bindings_.push_back(root);
  parameterTypes_.push_back(type);
  return "p" + std::to_string(bindings_.size() - 1);
}

FailureOr<BufferAccess> KernelEmitter::resolveBuffer(Operation *user,
                                                     Value memref) {
  auto type = cast<MemRefType>(memref.getType());
  BufferAccess access;
  std::optional<std::string> element = getCType(type.getElementType());
  if (!element)
    return user->emitOpError("accesses elements of type ")
           << type.getElementType() << ", which CUDA code cannot hold";
  access.elementType = *element;
  if (failed(getStridesAndOffset(type, access.strides, access.offset)) ||
      llvm::any_of(access.strides, ShapedType::isDynamic))
    return user->emitOpError("accesses a buffer of dynamic strides ") << type;

  std::optional<Binding> root = findRoot(state_, memref);
  if (root) {
    access.root = *root;
    return access;
  }
  return user->emitOpError(
      "accesses a buffer that is no view of an argument, a result, the "
      "arena or a constant");
}

FailureOr<std::string> KernelEmitter::getElement(Operation *op, Value memref,
                                                 ValueRange indices) {
  FailureOr<BufferAccess> access = resolveBuffer(op, memref);
  if (failed(access))
    return failure();
  // The linear index: constant terms folded, the others term by term.
  int64_t constant = 0;
  std::string index;
  if (!ShapedType::isDynamic(access->offset)) {
    constant = access->offset;
  } else {
    FailureOr<std::string> offset = getDynamicOffset(op, memref);
    if (failed(offset))
      return failure();
    index = *offset;
  }
  for (auto [i, stride] : llvm::zip(indices, access->strides)) {
    if (std::optional<int64_t> value = getConstantIntValue(i)) {
      constant += *value * stride;
      continue;
    }
    FailureOr<std::string> name = lookup(i);
    if (failed(name))
      return failure();
    index += (index.empty() ? "" : " + ") + *name +
             (stride == 1 ? "" : " * " + std::to_string(stride));
  }
  if (index.empty() || constant != 0)
    index += (index.empty() ? "" : " + ") + std::to_string(constant);
  std::string parameter = getParameter(access->root, access->elementType);
  return "kiln_at(" + parameter + ", " + index + ")";
}

FailureOr<std::string> KernelEmitter::getDynamicOffset(Operation *user,
                                                       Value memref) {
  auto type = cast<MemRefType>(memref.getType());
  auto [strides, offset] = getStridesAndOffset(type);
  if (!ShapedType::isDynamic(offset))
    return std::to_string(offset);
  Operation *def = memref.getDefiningOp();
  if (auto subview = dyn_cast_or_null<memref::SubViewOp>(def)) {
    auto [sourceStrides, sourceOffset] =
        getStridesAndOffset(subview.getSource().getType());
    FailureOr<std::string> base = getDynamicOffset(user, subview.getSource());
    if (failed(base) || llvm::any_of(sourceStrides, ShapedType::isDynamic))
      return user->emitOpError("accesses a slice of dynamic strides");
    std::string expression = "(" + *base;
    for (auto [position, stride] :
         llvm::zip(subview.getMixedOffsets(), sourceStrides)) {
      std::string term;
      if (std::optional<int64_t> known = getConstantIntValue(position)) {
        if (*known == 0)
          continue;
        term = std::to_string(*known);
      } else {
        FailureOr<std::string> name = lookup(cast<Value>(position));
        if (failed(name))
          return failure();
        term = *name;
      }
      expression += " + " + term + " * " + std::to_string(stride);
    }
    return expression + ")";
  }
  // Reshapes and casts keep their source's offset.
  if (isa_and_nonnull<memref::ExpandShapeOp, memref::CollapseShapeOp,
                      memref::CastOp>(def))
    return getDynamicOffset(user, def->getOperand(0));
  return user->emitOpError("accesses a buffer of dynamic offset ") << type;
}

FailureOr<std::string> KernelEmitter::lookup(Value value) {
  auto it = names_.find(value);
  if (it != names_.end())
    return it->second;
  // Constants are spelled where they are used.
  if (auto constant = value.getDefiningOp<arith::ConstantOp>())
    if (auto typed = dyn_cast<TypedAttr>(constant.getValue());
        typed && getCType(typed.getType()))
      return names_[value] = formatConstant(typed);
  auto slot = state_.scalarSlots.find(value);
  std::optional<std::string> type = getCType(value.getType());
  if (slot == state_.scalarSlots.end() || !type) {
    Operation *user = *value.getUsers().begin();
    return user->emitOpError("uses a value computed in another kernel");
  }
  std::string name = "v" + std::to_string(nextName_++);
  prologue_ += "  " + *type + " " + name + " = " + getSlot(value) + ";\n";
  return names_[value] = name;
}

FailureOr<std::string> KernelEmitter::declare(Value value) {
  std::optional<std::string> type = getCType(value.getType());
  if (!type) {
    if (Operation *def = value.getDefiningOp())
      return def->emitOpError("computes a value of type ")
             << value.getType() << ", which CUDA code cannot hold";
    return emitError(value.getLoc(), "unsupported type ") << value.getType();
  }
  std::string name = "v" + std::to_string(nextName_++);
  names_[value] = name;
  return *type + " " + name;
}

LogicalResult KernelEmitter::emitAssignments(ValueRange targets,
                                             ValueRange values, int depth) {
  SmallVector<std::string> temporaries;
  for (Value value : values) {
    FailureOr<std::string> name = lookup(value);
    if (failed(name))
      return failure();
    std::string temporary = "t" + std::to_string(nextName_++);
    line(depth, *getCType(value.getType()) + " " + temporary + " = " + *name +
                    ";");
    temporaries.push_back(temporary);
  }
  for (auto [target, temporary] : llvm::zip(targets, temporaries))
    line(depth, names_[target] + " = " + temporary + ";");
  return success();
}

LogicalResult KernelEmitter::emitFor(scf::ForOp loop, int depth) {
  FailureOr<std::string> lower = lookup(loop.getLowerBound()),
                         upper = lookup(loop.getUpperBound()),
                         step = lookup(loop.getStep());
  if (failed(lower) || failed(upper) || failed(step))
    return failure();
  // Carried values live in the loop's result variables.
  for (auto [result, init, carried] :
       llvm::zip(loop.getResults(), loop.getInitArgs(),
                 loop.getRegionIterArgs())) {
    FailureOr<std::string> declaration = declare(result);
    FailureOr<std::string> initial = lookup(init);
    if (failed(declaration) || failed(initial))
      return failure();
    line(depth, *declaration + " = " + *initial + ";");
    names_[carried] = names_[result];
  }
  FailureOr<std::string> iv = declare(loop.getInductionVar());
  if (failed(iv))
    return failure();
  const std::string &ivName = names_[loop.getInductionVar()];
  line(depth, "for (" + *iv + " = " + *lower + "; " + ivName + " < " + *upper +
                  "; " + ivName + " += " + *step + ") {");
  if (failed(emitBlockOps(*loop.getBody(), depth + 1)))
    return failure();
  auto yield = cast<scf::YieldOp>(loop.getBody()->getTerminator());
  if (failed(emitAssignments(loop.getResults(), yield.getOperands(),
                             depth + 1)))
    return failure();
  line(depth, "}");
  return success();
}

LogicalResult KernelEmitter::emitIf(scf::IfOp branch, int depth) {
  for (Value result : branch.getResults()) {
    FailureOr<std::string> declaration = declare(result);
    if (failed(declaration))
      return failure();
    line(depth, *declaration + ";");
  }
  FailureOr<std::string> condition = lookup(branch.getCondition());
  if (failed(condition))
    return failure();
  line(depth, "if (" + *condition + ") {");
  auto emitRegion = [&](Region &region) {
    Block &block = region.front();
    if (failed(emitBlockOps(block, depth + 1)))
      return failure();
    return emitAssignments(branch.getResults(),
                           block.getTerminator()->getOperands(), depth + 1);
  };
  if (failed(emitRegion(branch.getThenRegion())))
    return failure();
  if (!branch.getElseRegion().empty()) {
    line(depth, "} else {");
    if (failed(emitRegion(branch.getElseRegion())))
      return failure();
  }
  line(depth, "}");
  return success();
}

LogicalResult KernelEmitter::emitNestedParallel(scf::ParallelOp loop,
                                                int depth) {
  if (loop.getNumReductions())
    return loop.emitOpError("with reductions has no CUDA translation");
  int opened = 0;
  for (auto [lower, upper, step, iv] :
       llvm::zip(loop.getLowerBound(), loop.getUpperBound(), loop.getStep(),
                 loop.getInductionVars())) {
    FailureOr<std::string> lowerName = lookup(lower), upperName = lookup(upper),
                           stepName = lookup(step), declaration = declare(iv);
    if (failed(lowerName) || failed(upperName) || failed(stepName) ||
        failed(declaration))
      return failure();
    const std::string &name = names_[iv];
    line(depth + opened, "for (" + *declaration + " = " + *lowerName + "; " +
                             name + " < " + *upperName + "; " + name +
                             " += " + *stepName + ") {");
    ++opened;
  }
  if (failed(emitBlockOps(*loop.getBody(), depth + opened)))
    return failure();
  while (opened--)
    line(depth + opened, "}");
  return success();
}

LogicalResult KernelEmitter::emitOp(Operation *op, int depth) {
  if (isViewOrConstant(op) || isa<scf::YieldOp, scf::ReduceOp>(op))
    return success();
  if (auto loop = dyn_cast<scf::ForOp>(op))
    return emitFor(loop, depth);
  if (auto branch = dyn_cast<scf::IfOp>(op))
    return emitIf(branch, depth);
  if (auto loop = dyn_cast<scf::ParallelOp>(op))
    return emitNestedParallel(loop, depth);
  if (auto load = dyn_cast<memref::LoadOp>(op)) {
    FailureOr<std::string> element =
        getElement(op, load.getMemRef(), load.getIndices());
    FailureOr<std::string> declaration = declare(load.getResult());
    if (failed(element) || failed(declaration))
      return failure();
    line(depth, *declaration + " = " + *element + ";");
    storeScalarSlot(load.getResult(), depth);
    return success();
  }
  if (auto store = dyn_cast<memref::StoreOp>(op)) {
    FailureOr<std::string> element =
        getElement(op, store.getMemRef(), store.getIndices());
    FailureOr<std::string> value = lookup(store.getValueToStore());
    if (failed(element) || failed(value))
      return failure();
    line(depth, *element + " = " + *value + ";");
    return success();
  }
  if (auto call = dyn_cast<func::CallOp>(op)) {
    // The one function generated code calls (codegen/linalg/IndexChecks.h).
    if (call.getCallee() != "kiln_index_error" || call.getNumOperands() != 3)
      return call.emitOpError("calls a function CUDA code does not have");
    std::string record =
        getParameter(Binding{Binding::Kind::IndexError, 0, 0}, "u64");
    std::string arguments;
    for (Value operand : call.getOperands()) {
      FailureOr<std::string> name = lookup(operand);
      if (failed(name))
        return failure();
      arguments += ", " + *name;
    }
    line(depth, "kiln_index_error(" + record + arguments + ");");
    return success();
  }
  SmallVector<std::string> operands;
  for (Value operand : op->getOperands()) {
    FailureOr<std::string> name = lookup(operand);
    if (failed(name))
      return failure();
    operands.push_back(*name);
  }
  std::optional<std::string> expression = translateScalarOp(op, operands);
  if (!expression)
    return op->emitOpError("has no CUDA C translation");
  FailureOr<std::string> declaration = declare(op->getResult(0));
  if (failed(declaration))
    return failure();
  line(depth, *declaration + " = " + *expression + ";");
  storeScalarSlot(op->getResult(0), depth);
  return success();
}

LogicalResult KernelEmitter::emitBlockOps(Block &block, int depth) {
  for (Operation &op : block)
    if (failed(emitOp(&op, depth)))
      return failure();
  return success();
}

FailureOr<Launch> KernelEmitter::finish(std::string &source, LaunchDims grid,
                                        LaunchDims block) {
  std::string parameters;
  for (auto [i, type] : llvm::enumerate(parameterTypes_))
    parameters += (i ? ", " : "") + type + " *p" + std::to_string(i);
  source += "extern \"C\" __global__ void __launch_bounds__(" +
            std::to_string(block.x) + ") " + name_ + "(" + parameters +
            ") {\n" + prologue_ + body_ + "}\n\n";
  return Launch{name_, grid, block,
                std::vector<Binding>(bindings_.begin(), bindings_.end())};
}

FailureOr<Launch> KernelEmitter::emitParallel(scf::ParallelOp loop,
                                              std::string &source) {
  if (loop.getNumReductions())
    return loop.emitOpError("with reductions has no CUDA translation");
  // The iteration space, flattened: iteration t has index
  // lower + (t / stride % trips) * step in each dimension.
  SmallVector<int64_t> lower, trips, steps;
  for (auto [lb, ub, st] : llvm::zip(loop.getLowerBound(),
                                     loop.getUpperBound(), loop.getStep())) {
    std::optional<int64_t> l = getConstantIntValue(lb),
                           u = getConstantIntValue(ub),
                           s = getConstantIntValue(st);
    if (!l || !u || !s || *s <= 0)
      return loop.emitOpError("has bounds that are not constants");
    lower.push_back(*l);
    steps.push_back(*s);
    trips.push_back(*u > *l ? llvm::divideCeil(*u - *l, *s) : 0);
  }
  int64_t total = 1;
  for (int64_t trip : trips)
    total *= trip;
  // Whole warps; an empty space still launches one, which does nothing.
  int64_t threads =
      std::clamp<int64_t>(llvm::alignTo(total, 32), 32, kBlockThreads);
  int64_t blocks =
      std::clamp<int64_t>(llvm::divideCeil(total, threads), 1, kMaxBlocks);

  line(1, llvm::formatv("for (i64 t = (i64)blockIdx.x * blockDim.x + "
                        "threadIdx.x; t < {0}; t += (i64)gridDim.x * "
                        "blockDim.x) {{",
                        total)
              .str());
  int64_t stride = total;
  for (auto [iv, l, trip, step] :
       llvm::zip(loop.getInductionVars(), lower, trips, steps)) {
    stride /= trip;
    FailureOr<std::string> declaration = declare(iv);
    if (failed(declaration))
      return failure();
    std::string index = stride == 1 ? "t" : "t / " + std::to_string(stride);
    if (stride * trip != total)
      index += " % " + std::to_string(trip);
    if (step != 1)
      index = "(" + index + ") * " + std::to_string(step);
    if (l != 0)
      index = std::to_string(l) + " + " + index;
    line(2, *declaration + " = " + index + ";");
  }
  if (failed(emitBlockOps(*loop.getBody(), 2)))
    return failure();
  line(1, "}");
  return finish(source,
                LaunchDims{static_cast<unsigned>(blocks), 1, 1},
                LaunchDims{static_cast<unsigned>(threads), 1, 1});
}

FailureOr<Launch> KernelEmitter::emitSerial(ArrayRef<Operation *> ops,
                                            std::string &source) {
  for (Operation *op : ops)
    if (failed(emitOp(op, 1)))
      return failure();
  return finish(source, LaunchDims{}, LaunchDims{});
}

/// A C identifier from a model function's name.
std::string getKernelPrefix(StringRef functionName) {
  std::string prefix;
  for (char c : functionName)
    prefix += llvm::isAlnum(c) ? c : '_';
  return prefix;
}

} // namespace

FailureOr<CudaProgram> emitCudaProgram(ModuleOp module,
                                       const ModelSignature &signature) {
  auto func = dyn_cast_or_null<func::FuncOp>(
      module.lookupSymbol(signature.functionName));
  if (!func || func.isExternal())
    return module.emitError("no model function '")
           << signature.functionName << "' to emit as CUDA";
  ProgramState state{signature, func};
  for (auto global : module.getOps<memref::GlobalOp>())
    if (global.getConstant() && global.getInitialValue())
      addConstant(state, global);

  CudaProgram program;
  program.signature = signature;
  program.source.name = signature.functionName;
  program.indexChecks = readIndexChecks(module);
  if (std::optional<MemoryPlanStats> plan = readMemoryPlan(func))
    program.arenaBytes = plan->arenaBytes;

  // The kernels: each top-level parallel loop, and each run of other ops
  // between them, cut where it would take more than kMaxSerialBuffers
  // buffers (each one kernel parameter).
  SmallVector<SmallVector<Operation *>> kernels;
  bool lastParallel = true;
  std::set<std::tuple<int, size_t, int64_t>> serialBuffers;
  DenseMap<Operation *, size_t> kernelOf;
  for (Operation &op : func.getBody().front()) {
    if (isViewOrConstant(&op) || isa<func::ReturnOp>(op))
      continue;
    bool parallel = isa<scf::ParallelOp>(op);
    std::set<std::tuple<int, size_t, int64_t>> buffers =
        getRootKeys(state, &op);
    if (!parallel && !lastParallel) {
      buffers.insert(serialBuffers.begin(), serialBuffers.end());
      if (buffers.size() > kMaxSerialBuffers) {
        lastParallel = true;
        buffers = getRootKeys(state, &op);
      }
    }
    if (parallel || lastParallel)
      kernels.emplace_back();
    lastParallel = parallel;
    serialBuffers = std::move(buffers);
    kernels.back().push_back(&op);
    kernelOf[&op] = kernels.size() - 1;
  }
  // Scalars used by a later kernel get a slot past the planned arena.
  int64_t slots = llvm::alignTo(program.arenaBytes, kArenaAlignment);
  state.slotsBase = slots;
  for (auto [index, ops] : llvm::enumerate(kernels))
    for (Operation *op : ops)
      for (Value result : op->getResults())
        for (Operation *user : result.getUsers()) {
          Operation *top = func.getBody().front().findAncestorOpInBlock(*user);
          auto kernel = kernelOf.find(top);
          if (kernel != kernelOf.end() && kernel->second != index &&
              !state.scalarSlots.count(result)) {
            state.scalarSlots[result] = slots;
            slots += sizeof(int64_t);
          }
        }
  if (!state.scalarSlots.empty())
    program.arenaBytes = slots;

  std::string &source = program.source.source;
  source = std::string(kDevicePreamble) + "\n// Kernels of '" +
           signature.functionName + "'.\n\n";
  std::string prefix = getKernelPrefix(signature.functionName);
  for (auto [index, ops] : llvm::enumerate(kernels)) {
    KernelEmitter emitter(state, prefix + "_k" + std::to_string(index));
    auto loop = dyn_cast<scf::ParallelOp>(ops.front());
    FailureOr<Launch> launch = loop ? emitter.emitParallel(loop, source)
                                    : emitter.emitSerial(ops, source);
    if (failed(launch))
      return failure();
    program.launches.push_back(std::move(*launch));
  }
  program.constants = std::move(state.constants);
  return program;
}

} // namespace kiln::cuda
