//===- Graph.cpp - Building kiln models in C++ ----------------------------===//
//
/// Ops are created generically (by name, attributes set afterwards) rather
/// than through the generated builders, whose type inference aborts the
/// process on a shape error; here inference runs on the unlinked op under a
/// diagnostic capture, and a failure is thrown instead.
//
//===----------------------------------------------------------------------===//

#include "frontend/Graph.h"
#include "frontend/Model.h"
#include "frontend/Support.h"

#include "ir/ModelFormat.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"

using namespace mlir;

namespace kiln {

Graph::Graph(uint64_t seed, const std::string &name)
    : context_(createFrontendContext()),
      module_(ModuleOp::create(UnknownLoc::get(context_.get()))),
      builder_(context_.get()) {
  builder_.setInsertionPointToEnd(module_->getBody());
  auto func = builder_.create<func::FuncOp>(builder_.getUnknownLoc(), name,
                                            builder_.getFunctionType({}, {}));
  func->setAttr(kSeedAttr,
                builder_.getI64IntegerAttr(static_cast<int64_t>(seed)));
  builder_.setInsertionPointToEnd(func.addEntryBlock());
  return_ = builder_.create<func::ReturnOp>(builder_.getUnknownLoc());
  builder_.setInsertionPoint(return_);
  func_ = func;
}

Graph::~Graph() = default;

/// The tensor type of a new argument, rejecting sizes MLIR would take for
/// dynamic ones.
static RankedTensorType getTensorType(MLIRContext *context,
                                      const std::vector<int64_t> &shape,
                                      DType dtype, const std::string &name) {
  for (int64_t size : shape)
    if (size < 0)
      throw RuntimeError("'" + name + "' has negative size in shape " +
                         formatShape(shape));
  return RankedTensorType::get(shape, getElementType(context, dtype));
}

Var Graph::addArgument(Type type, ArrayRef<NamedAttribute> attrs) {
  auto func = cast<func::FuncOp>(func_);
  unsigned index = func.getNumArguments();
  func.insertArgument(index, type, builder_.getDictionaryAttr(attrs),
                      builder_.getUnknownLoc());
  // The dialect's own checks: unique names, known initializers, fan-in.
  DiagnosticCapture capture(*context_);
  for (NamedAttribute attr : attrs)
    if (failed(verifyModelArgAttribute(func, index, attr))) {
      func.eraseArgument(index);
      capture.fail();
    }
  return Var(this, func.getArgument(index));
}

Var Graph::input(const std::string &name, const std::vector<int64_t> &shape,
                 DType dtype) {
  return addArgument(
      getTensorType(context_.get(), shape, dtype, name),
      builder_.getNamedAttr(kInputAttr, builder_.getStringAttr(name)));
}

Var Graph::param(const std::string &name, const std::vector<int64_t> &shape,
                 const std::string &init, DType dtype, int64_t fanIn) {
  SmallVector<NamedAttribute> attrs = {
      builder_.getNamedAttr(kParamAttr, builder_.getStringAttr(name))};
  if (!init.empty())
    attrs.push_back(
        builder_.getNamedAttr(kInitAttr, builder_.getStringAttr(init)));
  if (fanIn != 0)
    attrs.push_back(
        builder_.getNamedAttr(kFanInAttr, builder_.getI64IntegerAttr(fanIn)));
  return addArgument(getTensorType(context_.get(), shape, dtype, name), attrs);
}

Var Graph::constant(const Tensor &value) {
  DenseElementsAttr attr = getElementsAttr(context_.get(), value);
  return apply("kiln.constant", {}, builder_.getNamedAttr("value", attr),
               attr.getType());
}

Var Graph::scalar(double value, DType dtype) {
  return constant(Tensor::full(dtype, {}, value));
}

void Graph::output(const std::string &name, const Var &value) {
  if (&value.graph() != this)
    throw RuntimeError("output '" + name + "' belongs to another kiln::Graph");
  auto func = cast<func::FuncOp>(func_);
  unsigned index = func.getNumResults();
  NamedAttribute attr =
      builder_.getNamedAttr(kOutputAttr, builder_.getStringAttr(name));
  func.insertResult(index, value.value().getType(),
                    builder_.getDictionaryAttr(attr));
  DiagnosticCapture capture(*context_);
  if (failed(verifyModelResultAttribute(func, index, attr))) {
    func.eraseResult(index);
    capture.fail();
  }
  outputs_.push_back(value.value());
  return_->setOperands(outputs_);
}

Var Graph::apply(StringRef opName, ArrayRef<Var> operands,
                 ArrayRef<NamedAttribute> attributes, Type resultType) {
  SmallVector<Value> values;
  for (const Var &operand : operands) {
    if (&operand.graph() != this)
      throw RuntimeError("'" + opName.str() +
                         "': an operand belongs to another kiln::Graph");
    values.push_back(operand.value());
  }
  SmallVector<Type> resultTypes;
  if (resultType)
    resultTypes.push_back(resultType);
  Operation *op = buildVerifiedOp(builder_, builder_.getUnknownLoc(), opName,
                                  values, attributes, resultTypes);
  if (op->getNumResults() != 1) {
    op->erase();
    throw RuntimeError("'" + opName.str() + "' does not have one result");
  }
  return Var(this, op->getResult(0));
}

Model Graph::compile(const std::string &device) const {
  DiagnosticCapture capture(*context_);
  if (failed(verify(module_.get())))
    capture.fail("the graph is not a valid kiln model:");
  return Model::compile(module_.get(), context_, device);
}

std::string Graph::toString() const {
  std::string text;
  llvm::raw_string_ostream os(text);
  module_.get()->print(os);
  return text;
}

} // namespace kiln
