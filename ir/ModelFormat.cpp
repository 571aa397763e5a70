//===- ModelFormat.cpp - Verifies a model's naming attributes -------------===//
//
/// The dialect's attribute verifiers for the model format: every `kiln.*`
/// attribute on a function, its arguments or its results is checked here, so
/// a malformed model is rejected when it is parsed.
//
//===----------------------------------------------------------------------===//

#include "ir/ModelFormat.h"
#include "ir/KilnDialect.h"

#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;

namespace kiln {

ArrayRef<StringLiteral> getInitializerNames() {
  static constexpr StringLiteral names[] = {
      "zeros",           "ones",          "normal", "uniform",
      "kaiming_uniform", "fan_in_uniform"};
  return names;
}

/// The model name an argument or result dictionary gives, if any.
static StringAttr getModelName(DictionaryAttr attrs) {
  if (!attrs)
    return nullptr;
  for (StringRef key : {kInputAttr, kParamAttr, kStateAttr, kOutputAttr})
    if (auto name = attrs.getAs<StringAttr>(key))
      return name;
  return nullptr;
}

/// Rejects `name` if another argument or result of the function has it.
static LogicalResult verifyUniqueName(FunctionOpInterface func, StringAttr name,
                                      std::optional<unsigned> argIndex,
                                      std::optional<unsigned> resultIndex) {
  auto clash = [&](StringRef kind, unsigned index) -> LogicalResult {
    InFlightDiagnostic diag = func->emitOpError("model name '")
                              << name.getValue() << "' of ";
    if (argIndex)
      diag << "argument " << *argIndex;
    else
      diag << "result " << *resultIndex;
    diag << " is also the name of " << kind << " " << index;
    return diag;
  };
  for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i)
    if (argIndex != i && getModelName(func.getArgAttrDict(i)) == name)
      return clash("argument", i);
  for (unsigned i = 0, e = func.getNumResults(); i < e; ++i)
    if (resultIndex != i && getModelName(func.getResultAttrDict(i)) == name)
      return clash("result", i);
  return success();
}

static LogicalResult verifyNameAttr(FunctionOpInterface func,
                                    NamedAttribute attr,
                                    std::optional<unsigned> argIndex,
                                    std::optional<unsigned> resultIndex) {
  auto name = dyn_cast<StringAttr>(attr.getValue());
  if (!name || name.getValue().empty())
    return func->emitOpError("'")
           << attr.getName().getValue() << "' must be a non-empty string";
  return verifyUniqueName(func, name, argIndex, resultIndex);
}

LogicalResult verifyModelArgAttribute(Operation *op, unsigned argIndex,
                                      NamedAttribute attr) {
  auto func = dyn_cast<FunctionOpInterface>(op);
  if (!func)
    return op->emitOpError("kiln argument attributes belong on functions");
  StringRef key = attr.getName().getValue();
  DictionaryAttr attrs = func.getArgAttrDict(argIndex);

  if (key == kInputAttr || key == kParamAttr || key == kStateAttr) {
    if (int(attrs.contains(kInputAttr)) + int(attrs.contains(kParamAttr)) +
            int(attrs.contains(kStateAttr)) > 1)
      return op->emitOpError("argument ")
             << argIndex
             << " has more than one of kiln.input, kiln.param and kiln.state";
    if (!isa<RankedTensorType>(func.getArgumentTypes()[argIndex]))
      return op->emitOpError("model argument ")
             << argIndex << " must be a ranked tensor";
    return verifyNameAttr(func, attr, argIndex, std::nullopt);
  }
  if (key == kInitAttr) {
    if (!attrs.contains(kParamAttr))
      return op->emitOpError("'kiln.init' on argument ")
             << argIndex << " needs a 'kiln.param' name beside it";
    auto init = dyn_cast<StringAttr>(attr.getValue());
    if (!init || !llvm::is_contained(getInitializerNames(), init.getValue()))
      return op->emitOpError("unknown initializer ")
             << attr.getValue() << " on argument " << argIndex
             << " (expected one of: " << llvm::join(getInitializerNames(), ", ")
             << ")";
    if (init.getValue() == "fan_in_uniform" && !attrs.contains(kFanInAttr))
      return op->emitOpError("'fan_in_uniform' on argument ")
             << argIndex << " needs a 'kiln.fan_in' integer";
    return success();
  }
  if (key == kBufferAttr) {
    if (!attrs.contains(kParamAttr))
      return op->emitOpError("'kiln.buffer' on argument ")
             << argIndex << " needs a 'kiln.param' name beside it";
    if (!isa<UnitAttr>(attr.getValue()))
      return op->emitOpError("'kiln.buffer' on argument ")
             << argIndex << " takes no value";
    return success();
  }
  if (key == kFanInAttr) {
    auto fanIn = dyn_cast<IntegerAttr>(attr.getValue());
    if (!fanIn || fanIn.getInt() <= 0)
      return op->emitOpError("'kiln.fan_in' on argument ")
             << argIndex << " must be a positive integer";
    return success();
  }
  if (key == kInitValueAttr) {
    if (!attrs.contains(kStateAttr))
      return op->emitOpError("'kiln.init_value' on argument ")
             << argIndex << " needs a 'kiln.state' name beside it";
    if (!isa<FloatAttr>(attr.getValue()))
      return op->emitOpError("'kiln.init_value' on argument ")
             << argIndex << " must be a float";
    return success();
  }
  return op->emitOpError("unknown kiln argument attribute '") << key << "'";
}

/// A `kiln.update` names the parameter or state, of the result's type, that
/// the result replaces after each call; no two results replace the same one.
static LogicalResult verifyUpdateAttr(FunctionOpInterface func,
                                      unsigned resultIndex,
                                      NamedAttribute attr) {
  auto name = dyn_cast<StringAttr>(attr.getValue());
  if (!name || name.getValue().empty())
    return func->emitOpError("'kiln.update' must be a non-empty string");
  std::optional<unsigned> target = findArgument(func, kParamAttr, name);
  if (!target)
    target = findArgument(func, kStateAttr, name);
  if (!target)
    return func->emitOpError("'kiln.update' of result ")
           << resultIndex << " names '" << name.getValue()
           << "', which is no kiln.param or kiln.state argument";
  Type argType = func.getArgumentTypes()[*target];
  Type resultType = func.getResultTypes()[resultIndex];
  if (argType != resultType)
    return func->emitOpError("result ")
           << resultIndex << " of type " << resultType << " cannot update '"
           << name.getValue() << "' of type " << argType;
  for (unsigned i = 0, e = func.getNumResults(); i < e; ++i)
    if (i != resultIndex && func.getResultAttr(i, kUpdateAttr) == name)
      return func->emitOpError("results ")
             << std::min(i, resultIndex) << " and " << std::max(i, resultIndex)
             << " both update '" << name.getValue() << "'";
  return success();
}

LogicalResult verifyModelResultAttribute(Operation *op, unsigned resultIndex,
                                         NamedAttribute attr) {
  auto func = dyn_cast<FunctionOpInterface>(op);
  if (!func)
    return op->emitOpError("kiln result attributes belong on functions");
  if (attr.getName() == kOutputAttr) {
    if (func.getResultAttr(resultIndex, kUpdateAttr))
      return op->emitOpError("result ")
             << resultIndex << " cannot be both a kiln.output and a kiln.update";
    return verifyNameAttr(func, attr, std::nullopt, resultIndex);
  }
  if (attr.getName() == kUpdateAttr)
    return verifyUpdateAttr(func, resultIndex, attr);
  return op->emitOpError("unknown kiln result attribute '")
         << attr.getName().getValue() << "'";
}

LogicalResult verifyModelOpAttribute(Operation *op, NamedAttribute attr) {
  if (attr.getName() == kMemoryPlanAttr) {
    auto plan = dyn_cast<DictionaryAttr>(attr.getValue());
    if (!isa<FunctionOpInterface>(op) || !plan ||
        !llvm::all_of(plan, [](NamedAttribute entry) {
          return isa<IntegerAttr>(entry.getValue());
        }))
      return op->emitOpError(
          "'kiln.memory_plan' must be a dictionary of integers on a function");
    return success();
  }
  if (attr.getName() != kSeedAttr)
    return op->emitOpError("unknown kiln attribute '")
           << attr.getName().getValue() << "'";
  if (!isa<FunctionOpInterface>(op) || !isa<IntegerAttr>(attr.getValue()))
    return op->emitOpError("'kiln.seed' must be an integer on a function");
  return success();
}

std::optional<unsigned> findOutput(FunctionOpInterface func,
                                   StringRef name) {
  for (unsigned index = 0, e = func.getNumResults(); index < e; ++index)
    if (auto attr = func.getResultAttrOfType<StringAttr>(index, kOutputAttr))
      if (attr.getValue() == name)
        return index;
  return std::nullopt;
}

std::optional<unsigned> findArgument(FunctionOpInterface func, StringRef role,
                                     StringRef name) {
  for (unsigned index = 0, e = func.getNumArguments(); index < e; ++index)
    if (getArgumentName(func, index, role) == name)
      return index;
  return std::nullopt;
}

StringRef getArgumentName(FunctionOpInterface func, unsigned index,
                          StringRef role) {
  if (auto attr = func.getArgAttrOfType<StringAttr>(index, role))
    return attr.getValue();
  return "";
}

bool isFloatParam(FunctionOpInterface func, unsigned index) {
  auto type = dyn_cast<RankedTensorType>(func.getArgumentTypes()[index]);
  return !getArgumentName(func, index, kParamAttr).empty() &&
         !func.getArgAttr(index, kBufferAttr) && type &&
         isa<FloatType>(type.getElementType());
}

SmallVector<unsigned> getFloatParams(FunctionOpInterface func) {
  SmallVector<unsigned> params;
  for (unsigned index = 0, e = func.getNumArguments(); index < e; ++index)
    if (isFloatParam(func, index))
      params.push_back(index);
  return params;
}

} // namespace kiln

using namespace kiln;

LogicalResult KilnDialect::verifyRegionArgAttribute(Operation *op,
                                                    unsigned regionIndex,
                                                    unsigned argIndex,
                                                    NamedAttribute attr) {
  return verifyModelArgAttribute(op, argIndex, attr);
}

LogicalResult KilnDialect::verifyRegionResultAttribute(Operation *op,
                                                       unsigned regionIndex,
                                                       unsigned resultIndex,
                                                       NamedAttribute attr) {
  return verifyModelResultAttribute(op, resultIndex, attr);
}

LogicalResult KilnDialect::verifyOperationAttribute(Operation *op,
                                                    NamedAttribute attr) {
  return verifyModelOpAttribute(op, attr);
}
