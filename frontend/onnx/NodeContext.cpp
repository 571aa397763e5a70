//===- NodeContext.cpp - What an ONNX node converter sees -----------------===//

#include "frontend/onnx/NodeContext.h"

#include "frontend/Support.h"
#include "frontend/onnx/TensorProto.h"

#include "mlir/IR/Matchers.h"
#include "onnx/onnx_pb.h"

using namespace mlir;

namespace kiln::onnx_import {

NodeContext::NodeContext(const onnx::NodeProto &node, int64_t opset,
                         OpBuilder &builder,
                         const llvm::StringMap<Value> &values)
    : node_(node), opset_(opset), builder_(builder), values_(values),
      loc_(NameLoc::get(builder.getStringAttr(
          node.name().empty() ? node.op_type() : node.name()))) {}

const std::string &NodeContext::opType() const { return node_.op_type(); }

std::string NodeContext::describe() const {
  if (node_.name().empty())
    return "node (" + node_.op_type() + ")";
  return "node '" + node_.name() + "' (" + node_.op_type() + ")";
}

void NodeContext::fail(const llvm::Twine &what) const {
  throw RuntimeError(describe() + ": " + what.str());
}

void NodeContext::unsupported(StringRef attribute,
                              const llvm::Twine &value) const {
  fail("attribute '" + attribute + "' = " + value + " is not supported");
}

//===----------------------------------------------------------------------===//
// Inputs
//===----------------------------------------------------------------------===//

size_t NodeContext::numInputs() const { return node_.input_size(); }

bool NodeContext::hasInput(size_t index) const {
  return index < numInputs() && !node_.input(index).empty();
}

const std::string &NodeContext::inputName(size_t index) const {
  // A malformed model may lack any input: protobuf's accessor would abort.
  if (!hasInput(index))
    fail("input " + llvm::Twine(index) + " is required (the node has " +
         llvm::Twine(numInputs()) + " input" + (numInputs() == 1 ? "" : "s") +
         ")");
  return node_.input(index);
}

Value NodeContext::input(size_t index) const {
  const std::string &name = inputName(index);
  auto it = values_.find(name);
  if (it == values_.end())
    fail("input '" + name + "' is not defined before the node");
  return it->second;
}

RankedTensorType NodeContext::inputType(size_t index) const {
  return cast<RankedTensorType>(input(index).getType());
}

DenseElementsAttr NodeContext::constantInput(size_t index) const {
  if (!hasInput(index))
    return {};
  DenseElementsAttr value;
  if (matchPattern(input(index), m_Constant(&value)))
    return value;
  return {};
}

DenseElementsAttr NodeContext::knownInput(size_t index,
                                          const llvm::Twine &why) const {
  const std::string &name = inputName(index);
  DenseElementsAttr value = constantInput(index);
  if (!value)
    throw UnknownValueError(
        describe() + ": input " + std::to_string(index) + " ('" + name +
            "') must be known when the model is imported" + why.str(),
        name);
  return value;
}

static const char *const kShapeOperand =
    " (a constant or initializer, or computed from shapes)";

std::vector<int64_t> NodeContext::constantInts(size_t index) const {
  DenseElementsAttr value = knownInput(index, kShapeOperand);
  if (!isa<IntegerType>(value.getElementType()))
    fail("input " + llvm::Twine(index) + " ('" + inputName(index) +
         "') must be integers");
  std::vector<int64_t> result;
  bool isUnsigned = value.getElementType().isUnsignedInteger();
  for (const APInt &element : value.getValues<APInt>())
    result.push_back(isUnsigned ? static_cast<int64_t>(element.getZExtValue())
                                : element.getSExtValue());
  return result;
}

std::vector<double> NodeContext::constantFloats(size_t index) const {
  DenseElementsAttr value = knownInput(index, "");
  if (!isa<FloatType>(value.getElementType())) {
    std::vector<double> result;
    for (int64_t element : constantInts(index))
      result.push_back(static_cast<double>(element));
    return result;
  }
  std::vector<double> result;
  for (const APFloat &element : value.getValues<APFloat>())
    result.push_back(element.convertToDouble());
  return result;
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

const onnx::AttributeProto *NodeContext::findAttr(StringRef name) const {
  for (const onnx::AttributeProto &attr : node_.attribute())
    if (attr.name() == name)
      return &attr;
  return nullptr;
}

bool NodeContext::hasAttr(StringRef name) const {
  return findAttr(name) != nullptr;
}

/// Fails unless `attr` has ONNX attribute type `type`.
static void expectType(const NodeContext &context,
                       const onnx::AttributeProto &attr,
                       onnx::AttributeProto::AttributeType type,
                       const char *typeName) {
  if (attr.type() != type)
    context.fail("attribute '" + attr.name() + "' must be " + typeName);
}

int64_t NodeContext::attrInt(StringRef name,
                             std::optional<int64_t> orElse) const {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr) {
    if (!orElse)
      fail("attribute '" + name + "' is required");
    return *orElse;
  }
  expectType(*this, *attr, onnx::AttributeProto::INT, "an int");
  return attr->i();
}

double NodeContext::attrFloat(StringRef name,
                              std::optional<double> orElse) const {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr) {
    if (!orElse)
      fail("attribute '" + name + "' is required");
    return *orElse;
  }
  expectType(*this, *attr, onnx::AttributeProto::FLOAT, "a float");
  return attr->f();
}

std::string NodeContext::attrString(StringRef name,
                                    std::optional<std::string> orElse) const {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr) {
    if (!orElse)
      fail("attribute '" + name + "' is required");
    return *orElse;
  }
  expectType(*this, *attr, onnx::AttributeProto::STRING, "a string");
  return attr->s();
}

std::vector<int64_t>
NodeContext::attrInts(StringRef name,
                      std::optional<std::vector<int64_t>> orElse) const {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr) {
    if (!orElse)
      fail("attribute '" + name + "' is required");
    return *orElse;
  }
  expectType(*this, *attr, onnx::AttributeProto::INTS, "a list of ints");
  return {attr->ints().begin(), attr->ints().end()};
}

std::vector<double>
NodeContext::attrFloats(StringRef name,
                        std::optional<std::vector<double>> orElse) const {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr) {
    if (!orElse)
      fail("attribute '" + name + "' is required");
    return *orElse;
  }
  expectType(*this, *attr, onnx::AttributeProto::FLOATS, "a list of floats");
  return {attr->floats().begin(), attr->floats().end()};
}

DenseElementsAttr NodeContext::attrTensor(StringRef name) const {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr)
    fail("attribute '" + name + "' is required");
  expectType(*this, *attr, onnx::AttributeProto::TENSOR, "a tensor");
  try {
    return getElementsAttr(builder_.getContext(),
                           readTensorProto(attr->t(), "attribute '" +
                                                          name.str() + "'"));
  } catch (const RuntimeError &error) {
    fail(error.what());
  }
}

//===----------------------------------------------------------------------===//
// Outputs
//===----------------------------------------------------------------------===//

size_t NodeContext::numOutputs() const { return node_.output_size(); }

bool NodeContext::wantsOutput(size_t index) const {
  return index < numOutputs() && !node_.output(index).empty();
}

void NodeContext::setOutput(size_t index, Value value) {
  if (!wantsOutput(index))
    return;
  outputs_.emplace_back(node_.output(index), value);
}

void NodeContext::updateInput(size_t index, Value value) {
  inputUpdates_.emplace_back(inputName(index), value);
}

//===----------------------------------------------------------------------===//
// Building ops
//===----------------------------------------------------------------------===//

/// Replaces `op` by constants when its operands are all constants and it
/// folds; returns its results either way.
static SmallVector<Value> foldIfConstant(OpBuilder &builder, Operation *op) {
  SmallVector<Attribute> operandValues;
  for (Value operand : op->getOperands()) {
    Attribute value;
    if (!matchPattern(operand, m_Constant(&value)))
      return op->getResults();
    operandValues.push_back(value);
  }
  SmallVector<OpFoldResult> folded;
  if (op->getNumOperands() == 0 || failed(op->fold(operandValues, folded)) ||
      folded.empty())
    return op->getResults();
  SmallVector<Value> results;
  for (auto [result, fold] : llvm::zip(op->getResults(), folded)) {
    if (auto value = dyn_cast<Value>(fold)) {
      results.push_back(value);
      continue;
    }
    auto attr = dyn_cast<DenseElementsAttr>(cast<Attribute>(fold));
    if (!attr || attr.getType() != result.getType())
      return op->getResults();
    results.push_back(op->getDialect()
                          ->materializeConstant(builder, attr, result.getType(),
                                                op->getLoc())
                          ->getResult(0));
  }
  op->erase();
  return results;
}

/// Fails unless each result of `op` has a byte size that fits in int64. A
/// shape the model computes (Reshape's, Expand's) may not, and the code
/// after the importer (constant folding, the memory plan) multiplies sizes
/// unchecked: checked here, before `op` folds.
static void checkResultSizes(const NodeContext &context, Operation *op) {
  for (Type type : op->getResultTypes()) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (!tensor || !tensor.hasStaticShape())
      continue;
    try {
      getByteSize(getDType(tensor.getElementType()),
                  {tensor.getShape().begin(), tensor.getShape().end()});
    } catch (const RuntimeError &error) {
      context.fail("the result of '" + op->getName().getStringRef() +
                   "': " + error.what());
    }
  }
}

Operation *NodeContext::build(StringRef name, ValueRange operands,
                              ArrayRef<OpAttr> attrs, TypeRange types) {
  SmallVector<NamedAttribute> named;
  for (auto [attrName, value] : attrs)
    named.push_back(builder_.getNamedAttr(attrName, value));
  Operation *built;
  try {
    built = buildVerifiedOp(builder_, loc_, name, operands, named, types);
  } catch (const RuntimeError &error) {
    fail(error.what());
  }
  checkResultSizes(*this, built);
  return built;
}

Value NodeContext::op(StringRef name, ValueRange operands,
                      ArrayRef<OpAttr> attrs) {
  return op(name, Type(), operands, attrs);
}

Value NodeContext::op(StringRef name, Type resultType, ValueRange operands,
                      ArrayRef<OpAttr> attrs) {
  SmallVector<Type> types;
  if (resultType)
    types.push_back(resultType);
  SmallVector<Value> results =
      foldIfConstant(builder_, build(name, operands, attrs, types));
  if (results.size() != 1)
    fail("'" + name + "' does not have one result");
  return results.front();
}

SmallVector<Value> NodeContext::ops(StringRef name, ValueRange operands,
                                    ArrayRef<OpAttr> attrs) {
  return foldIfConstant(builder_, build(name, operands, attrs, {}));
}

Value NodeContext::constant(DenseElementsAttr value) {
  return op("kiln.constant", value.getType(), {},
            {{"value", value}});
}

IntegerAttr NodeContext::i64Attr(int64_t value) {
  return builder_.getI64IntegerAttr(value);
}
FloatAttr NodeContext::f64Attr(double value) {
  return builder_.getF64FloatAttr(value);
}
DenseI64ArrayAttr NodeContext::i64ArrayAttr(ArrayRef<int64_t> values) {
  return builder_.getDenseI64ArrayAttr(values);
}
BoolAttr NodeContext::boolAttr(bool value) { return builder_.getBoolAttr(value); }

} // namespace kiln::onnx_import
