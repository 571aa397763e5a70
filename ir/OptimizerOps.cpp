//===- OptimizerOps.cpp - Optimizer updates -------------------------------===//
//
/// The assembly format the optimizer updates share and their verifiers:
/// torch.optim's argument checks, and the state each setting keeps. The
/// formulas live in kiln-decompose (DecomposeOptimizers.cpp).
//
//===----------------------------------------------------------------------===//

#include "ir/KilnOps.h"

#include "llvm/ADT/StringExtras.h"

using namespace mlir;

namespace kiln {

//===----------------------------------------------------------------------===//
// Assembly format
//===----------------------------------------------------------------------===//

// %new_param, %new_s1, ... = kiln.<op> %param, %grad, step %step,
//     s1 %s1, ... {attributes} : <param type>
// Each state is written after its torch.optim name, in operand order; every
// tensor but the step has the param's type.

/// Operand positions: param, grad and step come first, then the states.
static constexpr unsigned kStepOperand = 2;
static constexpr unsigned kFirstStateOperand = 3;

template <typename OpT>
static ParseResult parseOptimizerOp(OpAsmParser &parser,
                                    OperationState &result) {
  ArrayRef<StringLiteral> names = OpT::getStateNames();
  OpAsmParser::UnresolvedOperand param, grad, step;
  if (parser.parseOperand(param) || parser.parseComma() ||
      parser.parseOperand(grad) || parser.parseComma() ||
      parser.parseKeyword("step") || parser.parseOperand(step))
    return failure();

  SmallVector<OpAsmParser::UnresolvedOperand> states;
  SmallVector<int32_t> stateCounts(names.size(), 0);
  unsigned next = 0;
  while (succeeded(parser.parseOptionalComma())) {
    SMLoc loc = parser.getCurrentLocation();
    StringRef name;
    if (parser.parseKeyword(&name))
      return failure();
    auto found = llvm::find(names.drop_front(next), name);
    if (found == names.end())
      return parser.emitError(loc, "expected the states of ")
             << result.name << " in order (" << llvm::join(names, ", ")
             << "), got '" << name << "'";
    next = found - names.begin() + 1;
    stateCounts[next - 1] = 1;
    if (parser.parseOperand(states.emplace_back()))
      return failure();
  }

  Type type;
  if (parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseColonType(type))
    return failure();
  Type stepType = RankedTensorType::get({}, parser.getBuilder().getF64Type());
  if (parser.resolveOperand(param, type, result.operands) ||
      parser.resolveOperand(grad, type, result.operands) ||
      parser.resolveOperand(step, stepType, result.operands) ||
      parser.resolveOperands(states, type, result.operands))
    return failure();
  result.addTypes(SmallVector<Type>(1 + states.size(), type));

  if constexpr (OpT::template hasTrait<
                    mlir::OpTrait::AttrSizedOperandSegments>()) {
    auto &properties = result.getOrAddProperties<typename OpT::Properties>();
    properties.operandSegmentSizes.fill(1);
    llvm::copy(stateCounts,
               properties.operandSegmentSizes.begin() + kFirstStateOperand);
    properties.resultSegmentSizes.fill(1);
    llvm::copy(stateCounts, properties.resultSegmentSizes.begin() + 1);
  }
  return success();
}

template <typename OpT>
static void printOptimizerOp(OpT op, OpAsmPrinter &printer) {
  printer << ' ' << op.getParam() << ", " << op.getGrad() << ", step "
          << op.getStep();
  for (auto [index, name] : llvm::enumerate(OpT::getStateNames()))
    for (Value state : op.getODSOperands(kFirstStateOperand + index))
      printer << ", " << name << ' ' << state;
  // Hyperparameters at their defaults (torch's) are left out, as the
  // declarative formats of the other ops do.
  typename OpT::Properties defaults;
  OpT::populateDefaultProperties(op->getName(), defaults);
  auto defaultAttrs = cast<DictionaryAttr>(
      OpT::getPropertiesAsAttr(op->getContext(), defaults));
  SmallVector<StringRef> elided = {"operandSegmentSizes", "resultSegmentSizes"};
  for (NamedAttribute attr : op->getAttrs())
    if (defaultAttrs.get(attr.getName()) == attr.getValue())
      elided.push_back(attr.getName().getValue());
  printer.printOptionalAttrDict(op->getAttrs(), elided);
  printer << " : " << op.getParam().getType();
}

#define KILN_OPTIMIZER_ASSEMBLY(OpT)                                           \
  ParseResult OpT::parse(OpAsmParser &parser, OperationState &result) {        \
    return parseOptimizerOp<OpT>(parser, result);                              \
  }                                                                            \
  void OpT::print(OpAsmPrinter &printer) { printOptimizerOp(*this, printer); }

KILN_OPTIMIZER_ASSEMBLY(SgdUpdateOp)
KILN_OPTIMIZER_ASSEMBLY(AdamUpdateOp)
KILN_OPTIMIZER_ASSEMBLY(AdamWUpdateOp)
KILN_OPTIMIZER_ASSEMBLY(RmspropUpdateOp)
KILN_OPTIMIZER_ASSEMBLY(AdagradUpdateOp)
KILN_OPTIMIZER_ASSEMBLY(AdadeltaUpdateOp)
#undef KILN_OPTIMIZER_ASSEMBLY

//===----------------------------------------------------------------------===//
// Verifiers
//===----------------------------------------------------------------------===//

/// Every tensor but the step has the param's type, and each state operand
/// comes with its new value.
template <typename OpT> static LogicalResult verifyStateTypes(OpT op) {
  Type type = op.getParam().getType();
  for (auto [index, operand] : llvm::enumerate(op->getOperands()))
    if (index != kStepOperand && operand.getType() != type)
      return op.emitOpError("operand #")
             << index << " has type " << operand.getType()
             << ", expected the param's type " << type;
  for (auto [index, result] : llvm::enumerate(op->getResults()))
    if (result.getType() != type)
      return op.emitOpError("result #")
             << index << " has type " << result.getType()
             << ", expected the param's type " << type;
  for (auto [index, name] : llvm::enumerate(OpT::getStateNames())) {
    bool hasOperand = !op.getODSOperands(kFirstStateOperand + index).empty();
    bool hasResult = !op.getODSResults(1 + index).empty();
    if (hasOperand != hasResult)
      return op.emitOpError("has ")
             << (hasOperand ? "a " : "no ") << name << " operand but "
             << (hasResult ? "a " : "no ") << "new_" << name << " result";
  }
  return success();
}

/// An optional state is present exactly when `condition` (on the
/// hyperparameters) holds, as torch.optim keeps it only then.
static LogicalResult checkOptionalState(Operation *op, StringRef name,
                                        Value state, bool needed,
                                        StringRef condition) {
  if (needed && !state)
    return op->emitOpError("needs a ") << name << " operand when " << condition;
  if (!needed && state)
    return op->emitOpError("takes a ")
           << name << " operand only when " << condition;
  return success();
}

/// torch.optim's `0.0 <= x` argument checks (NaN fails them).
static LogicalResult
checkNonNegative(Operation *op,
                 std::initializer_list<std::pair<StringRef, APFloat>> values) {
  for (auto [name, value] : values) {
    double number = value.convertToDouble();
    if (!(number >= 0))
      return op->emitOpError()
             << name << " must be non-negative, got " << formatNumber(number);
  }
  return success();
}

/// torch.optim's `0.0 <= x < 1.0` (or `<= 1.0` when `closed`) checks.
static LogicalResult checkUnitInterval(Operation *op, StringRef name,
                                       APFloat value, bool closed = false) {
  double number = value.convertToDouble();
  if (!(number >= 0 && (closed ? number <= 1 : number < 1)))
    return op->emitOpError()
           << name << " must be in [0, 1" << (closed ? "]" : ")") << ", got "
           << formatNumber(number);
  return success();
}

LogicalResult SgdUpdateOp::verify() {
  if (failed(verifyStateTypes(*this)) ||
      failed(checkNonNegative(*this, {{"lr", getLr()},
                                      {"momentum", getMomentum()},
                                      {"weight_decay", getWeightDecay()}})))
    return failure();
  double momentum = getMomentum().convertToDouble();
  double dampening = getDampening().convertToDouble();
  if (getNesterov() && (momentum <= 0 || dampening != 0))
    return emitOpError("nesterov needs momentum > 0 and dampening 0, got "
                       "momentum ")
           << formatNumber(momentum) << " and dampening "
           << formatNumber(dampening);
  return checkOptionalState(*this, "momentum_buffer", getMomentumBuffer(),
                            momentum != 0, "momentum != 0");
}

/// Adam and AdamW check the same arguments.
template <typename OpT> static LogicalResult verifyAdamLike(OpT op) {
  if (failed(verifyStateTypes(op)) ||
      failed(checkNonNegative(op, {{"lr", op.getLr()},
                                   {"eps", op.getEps()},
                                   {"weight_decay", op.getWeightDecay()}})) ||
      failed(checkUnitInterval(op, "beta1", op.getBeta1())) ||
      failed(checkUnitInterval(op, "beta2", op.getBeta2())))
    return failure();
  return checkOptionalState(op, "max_exp_avg_sq", op.getMaxExpAvgSq(),
                            op.getAmsgrad(), "amsgrad is set");
}

LogicalResult AdamUpdateOp::verify() { return verifyAdamLike(*this); }
LogicalResult AdamWUpdateOp::verify() { return verifyAdamLike(*this); }

LogicalResult RmspropUpdateOp::verify() {
  if (failed(verifyStateTypes(*this)) ||
      failed(checkNonNegative(*this, {{"lr", getLr()},
                                      {"alpha", getAlpha()},
                                      {"eps", getEps()},
                                      {"weight_decay", getWeightDecay()},
                                      {"momentum", getMomentum()}})) ||
      failed(checkOptionalState(*this, "grad_avg", getGradAvg(), getCentered(),
                                "centered is set")))
    return failure();
  return checkOptionalState(*this, "momentum_buffer", getMomentumBuffer(),
                            getMomentum().convertToDouble() > 0,
                            "momentum > 0");
}

LogicalResult AdagradUpdateOp::verify() {
  if (failed(verifyStateTypes(*this)))
    return failure();
  return checkNonNegative(*this, {{"lr", getLr()},
                                  {"lr_decay", getLrDecay()},
                                  {"weight_decay", getWeightDecay()},
                                  {"eps", getEps()}});
}

LogicalResult AdadeltaUpdateOp::verify() {
  if (failed(verifyStateTypes(*this)) ||
      failed(checkUnitInterval(*this, "rho", getRho(), /*closed=*/true)))
    return failure();
  return checkNonNegative(
      *this,
      {{"lr", getLr()}, {"eps", getEps()}, {"weight_decay", getWeightDecay()}});
}

} // namespace kiln
