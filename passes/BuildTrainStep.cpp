//===- BuildTrainStep.cpp - A model's loss into one optimizer step --------===//
//
/// The `kiln-train-step` pass. The backward graph comes from buildGradients;
/// each float parameter then goes through the update op of the chosen
/// optimizer (kiln.sgd_update, ...), whose verifier applies torch.optim's
/// argument checks. The optimizer's state becomes `kiln.state` arguments and
/// `kiln.update` results, so the runtime keeps parameters and state
/// resident and replaces them after each call.
//
//===----------------------------------------------------------------------===//

#include "passes/Gradients.h"
#include "passes/Passes.h"

#include "ir/GraphBuilder.h"
#include "ir/ModelFormat.h"

#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/StringExtras.h"

#include <cmath>

using namespace mlir;

namespace kiln {
#define GEN_PASS_DEF_KILNTRAINSTEP
#include "passes/Passes.h.inc"
} // namespace kiln

namespace {

/// The results of `func` that update one of its arguments (`kiln.update`).
SmallVector<unsigned> getModelUpdates(func::FuncOp func) {
  SmallVector<unsigned> updates;
  for (unsigned index = 0, e = func.getNumResults(); index < e; ++index)
    if (func.getResultAttr(index, kiln::kUpdateAttr))
      updates.push_back(index);
  return updates;
}

/// What the pass needs to know about an optimizer: its update op and the
/// options it takes (torch.optim's constructor arguments).
struct Optimizer {
  StringLiteral name;
  StringLiteral opName;
  ArrayRef<StringLiteral> stateNames;
  SmallVector<StringLiteral> options;
  bool segmented; ///< whether the op has optional states to count
};

template <typename OpT>
Optimizer describe(StringLiteral name, ArrayRef<StringLiteral> options) {
  return {name, OpT::getOperationName(), OpT::getStateNames(),
          SmallVector<StringLiteral>(options),
          OpT::template hasTrait<OpTrait::AttrSizedOperandSegments>()};
}

ArrayRef<Optimizer> getOptimizers() {
  static const Optimizer optimizers[] = {
      describe<kiln::SgdUpdateOp>("sgd",
                                  {"lr", "momentum", "dampening",
                                   "weight_decay", "nesterov", "maximize"}),
      describe<kiln::AdamUpdateOp>(
          "adam",
          {"lr", "betas", "eps", "weight_decay", "amsgrad", "maximize"}),
      describe<kiln::AdamWUpdateOp>(
          "adamw",
          {"lr", "betas", "eps", "weight_decay", "amsgrad", "maximize"}),
      describe<kiln::RmspropUpdateOp>("rmsprop",
                                      {"lr", "alpha", "eps", "weight_decay",
                                       "momentum", "centered", "maximize"}),
      describe<kiln::AdagradUpdateOp>(
          "adagrad", {"lr", "lr_decay", "weight_decay",
                      "initial_accumulator_value", "eps", "maximize"}),
      describe<kiln::AdadeltaUpdateOp>(
          "adadelta", {"lr", "rho", "eps", "weight_decay", "maximize"}),
  };
  return optimizers;
}

struct TrainStepPass : kiln::impl::KilnTrainStepBase<TrainStepPass> {
  using KilnTrainStepBase::KilnTrainStepBase;

  void runOnOperation() override;

private:
  const Optimizer *findOptimizer(Location loc);
  /// The float kiln.param arguments.
  FailureOr<SmallVector<unsigned>> findParams(func::FuncOp func);

  /// The float options, by name; NaN when unset.
  SmallVector<std::pair<StringRef, double>> getFloatOptions() const {
    return {{"lr", lr},
            {"momentum", momentum},
            {"dampening", dampening},
            {"weight_decay", weight_decay},
            {"eps", eps},
            {"alpha", alpha},
            {"lr_decay", lr_decay},
            {"initial_accumulator_value", initial_accumulator_value},
            {"rho", rho}};
  }

  SmallVector<std::pair<StringRef, bool>> getFlagOptions() const {
    return {{"nesterov", nesterov},
            {"maximize", maximize},
            {"amsgrad", amsgrad},
            {"centered", centered}};
  }

  FailureOr<NamedAttrList> getHyperparameters(func::FuncOp func,
                                              const Optimizer &optimizer);

  /// The optimizer's state arguments: the step, and each parameter's state
  /// tensors with their `kiln.state` names.
  struct OptimizerState {
    Value step;
    SmallVector<std::string> names;
    SmallVector<SmallVector<Value>> perParam;
  };
  OptimizerState addStateArguments(func::FuncOp func, ArrayRef<unsigned> params,
                                   ArrayRef<StringRef> keptStates);

  /// The update op of one parameter.
  Operation *emitUpdate(OpBuilder &builder, const Optimizer &optimizer,
                        const NamedAttrList &hyperparameters,
                        ArrayRef<StringRef> keptStates,
                        ArrayRef<Value> paramGradStep, ArrayRef<Value> states);

  /// Whether the optimizer keeps `state` with these settings: torch.optim
  /// creates its optional states only for the settings that use them.
  bool keepsState(StringRef state) const {
    if (state == "momentum_buffer")
      return momentum > 0; // false when unset (NaN): momentum defaults to 0
    if (state == "max_exp_avg_sq")
      return amsgrad;
    if (state == "grad_avg")
      return centered;
    return true;
  }

  /// The value `state` starts at: Adagrad's sum starts at
  /// initial_accumulator_value, everything else at zero.
  double getInitialValue(StringRef state) const {
    if (state == "sum" && !std::isnan(initial_accumulator_value))
      return initial_accumulator_value;
    return 0.0;
  }
};

/// The update op's attributes: one per option the user set, the op's
/// defaults (torch's) for the others. Rejects options the optimizer does
/// not take and checks what the op's verifier cannot see.
FailureOr<NamedAttrList>
TrainStepPass::getHyperparameters(func::FuncOp func,
                                  const Optimizer &optimizer) {
  Builder builder(&getContext());
  NamedAttrList attributes;
  auto takes = [&](StringRef option) -> LogicalResult {
    if (llvm::is_contained(optimizer.options, option))
      return success();
    return emitError(func.getLoc(), "kiln-train-step: ")
           << optimizer.name << " takes no '" << option << "' option";
  };
  for (auto [name, value] : getFloatOptions()) {
    if (std::isnan(value))
      continue;
    if (failed(takes(name)))
      return failure();
    // The initial accumulator is a state's starting value, not an attribute.
    if (name == "initial_accumulator_value") {
      if (value < 0)
        return emitError(func.getLoc(), "kiln-train-step: "
                                        "initial_accumulator_value must be "
                                        "non-negative, got ")
               << kiln::formatNumber(value);
      continue;
    }
    attributes.append(name, builder.getF64FloatAttr(value));
  }
  for (auto [name, value] : getFlagOptions()) {
    if (!value)
      continue;
    if (failed(takes(name)))
      return failure();
    attributes.append(name, builder.getUnitAttr());
  }
  if (!betas.empty()) {
    if (failed(takes("betas")))
      return failure();
    if (betas.size() != 2)
      return emitError(func.getLoc(),
                       "kiln-train-step: betas takes two values, got ")
             << betas.size();
    attributes.append("beta1", builder.getF64FloatAttr(betas[0]));
    attributes.append("beta2", builder.getF64FloatAttr(betas[1]));
  }
  if (optimizer.name == "sgd" && std::isnan(lr))
    return emitError(func.getLoc(), "kiln-train-step: sgd needs an lr "
                                    "(torch.optim.SGD has no default)");
  return attributes;
}

const Optimizer *TrainStepPass::findOptimizer(Location loc) {
  ArrayRef<Optimizer> optimizers = getOptimizers();
  const Optimizer *found = llvm::find_if(
      optimizers, [&](const auto &known) { return known.name == optimizer; });
  if (found != optimizers.end())
    return found;
  SmallVector<StringRef> names;
  for (const Optimizer &known : optimizers)
    names.push_back(known.name);
  emitError(loc, "kiln-train-step: unknown optimizer '")
      << optimizer << "' (expected one of: " << llvm::join(names, ", ") << ")";
  return nullptr;
}

FailureOr<SmallVector<unsigned>> TrainStepPass::findParams(func::FuncOp func) {
  // A second train step would clash with the first one's state names.
  for (unsigned index = 0, e = func.getNumArguments(); index < e; ++index)
    if (!kiln::getArgumentName(func, index, kiln::kStateAttr).empty())
      return func.emitOpError("already has optimizer state (kiln.state "
                              "argument ")
             << index << ")";
  SmallVector<unsigned> params = kiln::getFloatParams(func);
  if (params.empty())
    return func.emitOpError("has no float parameter (kiln.param) to train");
  // The optimizer alone updates what it trains.
  for (unsigned result : getModelUpdates(func)) {
    auto name = func.getResultAttrOfType<StringAttr>(result, kiln::kUpdateAttr);
    std::optional<unsigned> target =
        kiln::findArgument(func, kiln::kParamAttr, name.getValue());
    if (target && llvm::is_contained(params, *target))
      return func.emitOpError("result ")
             << result << " updates '" << name.getValue()
             << "', a parameter the optimizer trains (only a kiln.buffer "
                "may be updated by the model)";
  }
  return params;
}

void TrainStepPass::runOnOperation() {
  func::FuncOp func = getOperation();
  if (func.isExternal())
    return;
  const Optimizer *chosen = findOptimizer(func.getLoc());
  if (!chosen)
    return signalPassFailure();
  FailureOr<NamedAttrList> hyperparameters = getHyperparameters(func, *chosen);
  FailureOr<unsigned> lossIndex =
      kiln::findLossResult(func, loss, "minimize");
  FailureOr<SmallVector<unsigned>> params = findParams(func);
  if (failed(hyperparameters) || failed(lossIndex) || failed(params))
    return signalPassFailure();

  auto returnOp = cast<func::ReturnOp>(func.getBody().front().getTerminator());
  SmallVector<Value> paramValues;
  for (unsigned index : *params)
    paramValues.push_back(func.getArgument(index));
  FailureOr<SmallVector<Value>> grads =
      kiln::buildGradients(func, returnOp.getOperand(*lossIndex), paramValues);
  if (failed(grads))
    return signalPassFailure();

  SmallVector<StringRef> keptStates;
  for (StringRef state : chosen->stateNames)
    if (keepsState(state))
      keptStates.push_back(state);
  OptimizerState state = addStateArguments(func, *params, keptStates);

  // This step's number, then each parameter's update.
  OpBuilder builder(returnOp);
  Location loc = func.getLoc();
  Value nextStep = builder.create<kiln::AddOp>(
      loc, state.step,
      kiln::createScalar(builder, loc, builder.getF64Type(), 1.0));
  SmallVector<Operation *> updates;
  for (auto [param, grad, paramStates] :
       llvm::zip_equal(paramValues, *grads, state.perParam)) {
    updates.push_back(emitUpdate(builder, *chosen, *hyperparameters, keptStates,
                                 {param, grad, nextStep}, paramStates));
    // Every update has the same hyperparameters: torch's argument checks on
    // the first one report a bad option once.
    if (updates.size() == 1 && failed(verify(updates.front())))
      return signalPassFailure();
  }

  // Results: the loss, the new parameters, the new step, the new states.
  auto updating = [&](StringRef name) {
    return builder.getDictionaryAttr(
        builder.getNamedAttr(kiln::kUpdateAttr, builder.getStringAttr(name)));
  };
  SmallVector<Value> results = {returnOp.getOperand(*lossIndex)};
  SmallVector<Attribute> resultAttrs = {func.getResultAttrDict(*lossIndex)};
  for (auto [index, update] : llvm::zip_equal(*params, updates)) {
    results.push_back(update->getResult(0));
    resultAttrs.push_back(
        updating(kiln::getArgumentName(func, index, kiln::kParamAttr)));
  }
  results.push_back(nextStep);
  resultAttrs.push_back(updating("step"));
  auto stateName = state.names.begin();
  for (Operation *update : updates)
    for (Value newState : update->getResults().drop_front()) {
      results.push_back(newState);
      resultAttrs.push_back(updating(*stateName++));
    }
  // The model's own updates (batch norm's running statistics, in buffers)
  // are part of the step's forward pass, as in a PyTorch module in training
  // mode.
  for (unsigned index : getModelUpdates(func)) {
    results.push_back(returnOp.getOperand(index));
    resultAttrs.push_back(func.getResultAttrDict(index));
  }
  returnOp->setOperands(results);
  func.setFunctionType(FunctionType::get(&getContext(), func.getArgumentTypes(),
                                         ValueRange(results).getTypes()));
  func.setAllResultAttrs(resultAttrs);

  // What only fed the dropped outputs, and the backward graph's unused
  // gradients, are dead now.
  for (Operation &op :
       llvm::make_early_inc_range(llvm::reverse(func.getBody().front())))
    if (isOpTriviallyDead(&op))
      op.erase();
}

TrainStepPass::OptimizerState
TrainStepPass::addStateArguments(func::FuncOp func, ArrayRef<unsigned> params,
                                 ArrayRef<StringRef> keptStates) {
  Builder builder(&getContext());
  auto addArgument = [&](StringRef name, Type type, double initialValue,
                         Location loc) -> Value {
    NamedAttrList attrs;
    attrs.append(kiln::kStateAttr, builder.getStringAttr(name));
    if (initialValue != 0)
      attrs.append(kiln::kInitValueAttr, builder.getF64FloatAttr(initialValue));
    func.insertArgument(func.getNumArguments(), type,
                        attrs.getDictionary(&getContext()), loc);
    return func.getArguments().back();
  };
  OptimizerState state;
  state.step =
      addArgument("step", RankedTensorType::get({}, builder.getF64Type()), 0,
                  func.getLoc());
  for (unsigned index : params) {
    BlockArgument param = func.getArgument(index);
    StringRef paramName = kiln::getArgumentName(func, index, kiln::kParamAttr);
    SmallVector<Value> &paramStates = state.perParam.emplace_back();
    for (StringRef name : keptStates) {
      state.names.push_back((paramName + "." + name).str());
      paramStates.push_back(addArgument(state.names.back(), param.getType(),
                                        getInitialValue(name), param.getLoc()));
    }
  }
  return state;
}

Operation *TrainStepPass::emitUpdate(OpBuilder &builder,
                                     const Optimizer &optimizer,
                                     const NamedAttrList &hyperparameters,
                                     ArrayRef<StringRef> keptStates,
                                     ArrayRef<Value> paramGradStep,
                                     ArrayRef<Value> states) {
  Value param = paramGradStep.front();
  OperationState update(param.getLoc(), optimizer.opName);
  update.addOperands(paramGradStep);
  update.addOperands(states);
  update.addTypes(SmallVector<Type>(1 + states.size(), param.getType()));
  update.addAttributes(hyperparameters);
  if (optimizer.segmented) {
    // Which of the op's optional states are there, for its operand and result
    // segments (param, grad and step come first; the new param first).
    SmallVector<int32_t> present;
    for (StringRef name : optimizer.stateNames)
      present.push_back(llvm::is_contained(keptStates, name));
    SmallVector<int32_t> operands = {1, 1, 1}, results = {1};
    llvm::append_range(operands, present);
    llvm::append_range(results, present);
    update.addAttribute("operandSegmentSizes",
                        builder.getDenseI32ArrayAttr(operands));
    update.addAttribute("resultSegmentSizes",
                        builder.getDenseI32ArrayAttr(results));
  }
  return builder.create(update);
}

} // namespace
