//===- Gradients.cpp - Reverse-mode differentiation of a kiln graph -------===//
//
/// Reverse-mode autodiff on a single-block function. Three sweeps over the
/// block: forward, the values that depend on the differentiated arguments
/// (active); backward, the active values the loss depends on (needed); and
/// the backward graph itself, visiting ops in reverse order and asking each
/// for the gradients of its operands. A value used several times (fan-out)
/// accumulates the gradients of its uses with kiln.add.
//
//===----------------------------------------------------------------------===//

#include "passes/Gradients.h"

#include "ir/GraphBuilder.h"
#include "ir/KilnOps.h"
#include "ir/ModelFormat.h"
#include "ir/ShapeInference.h"

#include "llvm/ADT/DenseSet.h"

using namespace mlir;

namespace kiln {

static bool isFloatTensor(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  return type && isa<FloatType>(type.getElementType());
}

/// The values that depend on `wrt` through differentiable ops.
static llvm::DenseSet<Value> findActiveValues(Block &block,
                                              ArrayRef<Value> wrt) {
  llvm::DenseSet<Value> active(wrt.begin(), wrt.end());
  for (Operation &op : block) {
    if (op.hasTrait<OpTrait::NonDifferentiable>())
      continue;
    if (llvm::none_of(op.getOperands(),
                      [&](Value operand) { return active.contains(operand); }))
      continue;
    for (Value result : op.getResults())
      if (isFloatTensor(result))
        active.insert(result);
  }
  return active;
}

/// The active values that `loss` depends on: the ones that get a gradient.
static llvm::DenseSet<Value>
findNeededValues(Block &block, Value loss,
                 const llvm::DenseSet<Value> &active) {
  llvm::DenseSet<Value> needed;
  if (active.contains(loss))
    needed.insert(loss);
  for (Operation &op : llvm::reverse(block))
    if (llvm::any_of(op.getResults(),
                     [&](Value result) { return needed.contains(result); }))
      for (Value operand : op.getOperands())
        if (active.contains(operand))
          needed.insert(operand);
  return needed;
}

/// Asks `op` for the gradients of its needed operands and adds them to
/// `grads`.
static LogicalResult
propagateThrough(Operation &op, OpBuilder &builder,
                 const llvm::DenseSet<Value> &needed,
                 llvm::DenseMap<Value, Value> &grads) {
  auto differentiable = dyn_cast<DifferentiableOpInterface>(op);
  if (!differentiable) {
    if (op.hasTrait<OpTrait::Composite>())
      return op.emitOpError("is a composite op: run kiln-decompose before "
                            "differentiating");
    return op.emitOpError("has no vector-Jacobian product, so the loss cannot "
                          "be differentiated through it");
  }
  // Results after the first (topk's indices) are integers: no gradient.
  if (llvm::any_of(op.getResults().drop_front(),
                   [&](Value result) { return grads.contains(result); }))
    return op.emitOpError("only the first result of a differentiable op may "
                          "take a gradient");

  builder.setInsertionPointToEnd(op.getBlock());
  SmallVector<Value> operandGrads =
      differentiable.buildVJP(builder, grads.lookup(op.getResult(0)));
  if (operandGrads.size() != op.getNumOperands())
    return op.emitOpError("vector-Jacobian product returned ")
           << operandGrads.size() << " gradients for " << op.getNumOperands()
           << " operands";

  for (auto [index, operand, grad] :
       llvm::enumerate(op.getOperands(), operandGrads)) {
    if (!needed.contains(operand))
      continue;
    if (!grad)
      return op.emitOpError("vector-Jacobian product gives no gradient for "
                            "float operand #")
             << index;
    if (grad.getType() != operand.getType())
      return op.emitOpError("vector-Jacobian product of operand #")
             << index << " has type " << grad.getType() << ", expected "
             << operand.getType();
    Value &sum = grads[operand];
    sum = sum ? builder.create<AddOp>(op.getLoc(), sum, grad).getResult()
              : grad;
  }
  return success();
}

FailureOr<SmallVector<Value>> buildGradients(func::FuncOp func, Value loss,
                                             ArrayRef<Value> wrt) {
  Block &block = func.getBody().front();
  auto lossType = cast<RankedTensorType>(loss.getType());
  if (lossType.getRank() != 0 || !isFloatTensor(loss))
    return func.emitOpError("the loss to differentiate must be a 0-d float "
                            "tensor, not ")
           << loss.getType();

  llvm::DenseSet<Value> active = findActiveValues(block, wrt);
  llvm::DenseSet<Value> needed = findNeededValues(block, loss, active);

  // The backward graph goes after the forward graph, before the return.
  Operation *terminator = block.getTerminator();
  Block *backward = &block;
  terminator->remove();
  SmallVector<Operation *> forwardOps;
  for (Operation &op : block)
    forwardOps.push_back(&op);

  OpBuilder builder(func.getContext());
  builder.setInsertionPointToEnd(backward);
  llvm::DenseMap<Value, Value> grads;
  if (needed.contains(loss))
    grads[loss] = createScalar(builder, loss.getLoc(),
                               lossType.getElementType(), 1.0);

  for (Operation *op : llvm::reverse(forwardOps)) {
    if (llvm::none_of(op->getResults(),
                      [&](Value result) { return grads.contains(result); }))
      continue;
    if (failed(propagateThrough(*op, builder, needed, grads))) {
      block.push_back(terminator);
      return failure();
    }
  }

  SmallVector<Value> result;
  for (Value value : wrt) {
    Value grad = grads.lookup(value);
    if (!grad)
      grad = builder.create<ZerosOp>(value.getLoc(), value.getType());
    result.push_back(grad);
  }
  block.push_back(terminator);
  return result;
}

FailureOr<unsigned> findLossResult(func::FuncOp func, StringRef name,
                                   StringRef purpose) {
  if (std::optional<unsigned> index = findOutput(func, name))
    return *index;
  if (func.getNumResults() == 1 && !func.getResultAttr(0, kOutputAttr))
    return 0u;
  return func.emitOpError("has no result named '")
         << name << "' (kiln.output) to " << purpose;
}

} // namespace kiln
