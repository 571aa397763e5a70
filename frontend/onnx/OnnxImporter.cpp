//===- OnnxImporter.cpp - ONNX models as kiln models ----------------------===//

#include "frontend/onnx/OnnxImporter.h"

#include "frontend/Support.h"
#include "frontend/onnx/Converters.h"
#include "frontend/onnx/NodeContext.h"
#include "frontend/onnx/TensorProto.h"
#include "ir/KilnDialect.h"
#include "ir/KilnOps.h"
#include "ir/ModelFormat.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Verifier.h"
#include "onnx/onnx_pb.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <optional>

using namespace mlir;

namespace kiln {
namespace {

using onnx_import::ConverterRegistry;
using onnx_import::NodeContext;

const ConverterRegistry &getConverters() {
  static const ConverterRegistry registry = [] {
    ConverterRegistry converters;
    onnx_import::registerElementwiseConverters(converters);
    onnx_import::registerCreationConverters(converters);
    onnx_import::registerShapeConverters(converters);
    onnx_import::registerReductionConverters(converters);
    onnx_import::registerLinalgConverters(converters);
    onnx_import::registerQuantizationConverters(converters);
    onnx_import::registerTrainingConverters(converters);
    onnx_import::registerMathConverters(converters);
    onnx_import::registerIndexingConverters(converters);
    onnx_import::registerConvConverters(converters);
    return converters;
  }();
  return registry;
}

/// The default domain's opset the model imports, checked against what Kiln
/// supports; 0 when it imports none (a model of training ops only).
int64_t getDefaultOpset(const onnx::ModelProto &model) {
  for (const onnx::OperatorSetIdProto &opset : model.opset_import())
    if (opset.domain().empty() || opset.domain() == "ai.onnx") {
      if (opset.version() > kMaxOnnxOpset)
        throw RuntimeError("opset " + std::to_string(opset.version()) +
                           " is newer than Kiln imports (up to " +
                           std::to_string(kMaxOnnxOpset) + ")");
      return opset.version();
    }
  return 0;
}

/// An ONNX shape as text, symbolic dims by name: "[batch, 3]".
std::string describeOnnxShape(const onnx::TensorShapeProto &shape) {
  std::string text = "[";
  for (int i = 0; i < shape.dim_size(); ++i) {
    const onnx::TensorShapeProto::Dimension &dim = shape.dim(i);
    text += i ? ", " : "";
    text += dim.has_dim_value()   ? std::to_string(dim.dim_value())
            : dim.has_dim_param() ? dim.dim_param()
                                  : std::string("?");
  }
  return text + "]";
}

/// The static shape of graph input `value`, from `options` (a shape given
/// for it, or the shape of a value given for it) or the model.
std::vector<int64_t> getInputShape(const onnx::ValueInfoProto &value,
                                   const OnnxImportOptions &options) {
  const std::string &name = value.name();
  const onnx::TypeProto &type = value.type();
  bool hasShape = type.tensor_type().has_shape();
  std::optional<std::vector<int64_t>> given;
  if (auto shape = options.inputShapes.find(name);
      shape != options.inputShapes.end())
    given = shape->second;
  else if (auto input = options.givenInputs.find(name);
           input != options.givenInputs.end())
    given = input->second.shape();
  if (given) {
    const std::vector<int64_t> &shape = *given;
    if (hasShape) {
      const auto &dims = type.tensor_type().shape().dim();
      bool agrees = dims.size() == static_cast<int>(shape.size());
      for (int i = 0; agrees && i < dims.size(); ++i)
        agrees = !dims[i].has_dim_value() || dims[i].dim_value() == shape[i];
      if (!agrees)
        throw RuntimeError("the shape " + formatShape(shape) +
                           " given for input '" + name +
                           "' contradicts the model's " +
                           describeOnnxShape(type.tensor_type().shape()));
    }
    return shape;
  }
  if (!hasShape)
    throw RuntimeError("input '" + name +
                       "' has no shape in the model: give it (kiln import --input-shape " +
                       name + "=D0,D1,..., or an input file to kiln run)");
  std::vector<int64_t> shape;
  for (const onnx::TensorShapeProto::Dimension &dim :
       type.tensor_type().shape().dim()) {
    if (!dim.has_dim_value()) {
      std::string symbol = dim.has_dim_param() ? "'" + dim.dim_param() + "'"
                                               : std::string("unknown");
      throw RuntimeError("input '" + name + "' has a dimension of " + symbol +
                         " size: give its shape (kiln import --input-shape " +
                         name +
                         "=D0,D1,..., an input file to kiln run, or "
                         "--batch-size to kiln train)");
    }
    shape.push_back(dim.dim_value());
  }
  return shape;
}

/// The graph inputs with a value in `given` that ONNX value `name` is
/// computed from (itself, if it is one), found by walking the nodes that
/// produce it back to the graph's inputs.
std::set<std::string>
getInputsFeeding(const onnx::GraphProto &graph, const std::string &name,
                 const std::map<std::string, Tensor> &given) {
  llvm::StringMap<const onnx::NodeProto *> producers;
  for (const onnx::NodeProto &node : graph.node())
    for (const std::string &output : node.output())
      producers[output] = &node;
  std::set<std::string> inputs;
  llvm::StringSet<> visited;
  std::vector<std::string> pending = {name};
  while (!pending.empty()) {
    std::string value = std::move(pending.back());
    pending.pop_back();
    if (value.empty() || !visited.insert(value).second)
      continue;
    if (given.count(value))
      inputs.insert(value);
    auto producer = producers.find(value);
    if (producer != producers.end())
      for (const std::string &input : producer->second->input())
        pending.push_back(input);
  }
  return inputs;
}

/// Whether the float tensor `value` holds an infinity or a NaN.
bool hasNonFiniteElement(const Tensor &value) {
  auto any = [&](auto *data) {
    return std::any_of(data, data + value.numel(),
                       [](auto element) { return !std::isfinite(element); });
  };
  return value.dtype() == DType::Float32 ? any(value.data<float>())
                                         : any(value.data<double>());
}

class Importer {
public:
  /// `bound`: the graph inputs imported as constants of their given values.
  Importer(MLIRContext &context, const onnx::ModelProto &model,
           const OnnxImportOptions &options, const std::set<std::string> &bound)
      : context_(context), model_(model), options_(options), bound_(bound),
        builder_(&context) {}

  ImportedOnnxModel run();

private:
  RankedTensorType getTensorType(const Tensor &value) const {
    return RankedTensorType::get(value.shape(),
                                 getElementType(&context_, value.dtype()));
  }
  void declareArguments(func::FuncOp func);
  void convertNode(const onnx::NodeProto &node, int64_t opset);
  void declareResults(func::FuncOp func);
  /// Records `value` as the ONNX value `name`, which `producer` ("an
  /// initializer", "a graph input", "node 'a' (Relu)") defines. A name
  /// defined twice is an error: which definition a reader means is unclear.
  void define(const std::string &name, Value value, std::string producer);

  MLIRContext &context_;
  const onnx::ModelProto &model_;
  const OnnxImportOptions &options_;
  const std::set<std::string> &bound_;
  OpBuilder builder_;
  /// Every ONNX value defined so far, by name, and what defines it.
  llvm::StringMap<Value> values_;
  llvm::StringMap<std::string> producers_;
  /// The initializers that are buffers (running statistics a training-mode
  /// batch norm updates), and each one's new value, in update order.
  llvm::StringSet<> buffers_;
  llvm::MapVector<StringRef, Value> bufferUpdates_;
  ImportedOnnxModel result_;
  SmallVector<Type> argumentTypes_;
  SmallVector<DictionaryAttr> argumentAttrs_;
};

ImportedOnnxModel Importer::run() {
  int64_t opset = getDefaultOpset(model_);
  const onnx::GraphProto &graph = model_.graph();
  result_.module = ModuleOp::create(builder_.getUnknownLoc());
  builder_.setInsertionPointToEnd(result_.module->getBody());

  // The arguments come first; the function type is fixed once the body is
  // converted and the results are known.
  auto func = builder_.create<func::FuncOp>(
      builder_.getUnknownLoc(), "main", builder_.getFunctionType({}, {}));
  Block *body = func.addEntryBlock();
  builder_.setInsertionPointToStart(body);
  declareArguments(func);

  for (const onnx::NodeProto &node : graph.node())
    convertNode(node, opset);
  declareResults(func);

  DiagnosticCapture capture(context_);
  if (failed(verify(*result_.module)))
    capture.fail("the imported model is not valid:");
  return std::move(result_);
}

void Importer::define(const std::string &name, Value value,
                      std::string producer) {
  auto it = producers_.find(name);
  if (it != producers_.end())
    throw RuntimeError("value '" + name + "' is defined twice: by " +
                       it->second + " and by " + producer);
  producers_[name] = std::move(producer);
  values_[name] = value;
}

void Importer::declareArguments(func::FuncOp func) {
  const onnx::GraphProto &graph = model_.graph();
  Block &body = func.getBody().front();
  auto addArgument = [&](Type type, StringRef attrName, const std::string &name,
                         const char *producer) {
    Value argument = body.addArgument(type, builder_.getUnknownLoc());
    argumentTypes_.push_back(type);
    argumentAttrs_.push_back(builder_.getDictionaryAttr(builder_.getNamedAttr(
        attrName, builder_.getStringAttr(name))));
    define(name, argument, producer);
  };

  // The running mean and variance inputs of batch norms: buffers where the
  // node updates them (training mode), constants where it only reads them.
  int64_t opset = getDefaultOpset(model_);
  llvm::StringSet<> runningStatistics, updatedStatistics;
  for (const onnx::NodeProto &node : graph.node())
    if (node.op_type() == "BatchNormalization")
      for (int input = 3; input < std::min(node.input_size(), 5); ++input) {
        runningStatistics.insert(node.input(input));
        if (onnx_import::isTrainingBatchNorm(node, opset))
          updatedStatistics.insert(node.input(input));
      }

  llvm::StringSet<> initializerNames;
  for (const onnx::TensorProto &initializer : graph.initializer()) {
    const std::string &name = initializer.name();
    initializerNames.insert(name);
    Tensor value =
        onnx_import::readTensorProto(initializer, "initializer '" + name + "'");
    // Floating-point initializers are the weights a user trains; the others
    // (shapes, indices) and an inference-mode batch norm's running
    // statistics stay constants, so shape computations fold. A training-mode
    // batch norm's statistics, and a float initializer holding an infinity
    // or NaN (an attention mask registered with register_buffer: no step
    // could train it without making it NaN), are PyTorch's buffers, which
    // PyTorch never trains and saves with the parameters.
    bool isFloat =
        value.dtype() == DType::Float32 || value.dtype() == DType::Float64;
    bool isBuffer = isFloat && (updatedStatistics.contains(name) ||
                                hasNonFiniteElement(value));
    if (isFloat && (isBuffer || !runningStatistics.contains(name))) {
      addArgument(getTensorType(value), kParamAttr, name, "an initializer");
      if (isBuffer) {
        buffers_.insert(name);
        argumentAttrs_.back() = builder_.getDictionaryAttr(
            {builder_.getNamedAttr(kParamAttr, builder_.getStringAttr(name)),
             builder_.getNamedAttr(kBufferAttr, builder_.getUnitAttr())});
      }
      result_.parameters.emplace(name, value);
      continue;
    }
    DenseElementsAttr attr = getElementsAttr(&context_, value);
    Value constant = builder_.create<kiln::ConstantOp>(
        NameLoc::get(builder_.getStringAttr(name)), attr.getType(), attr);
    define(name, constant, "an initializer");
  }

  for (const onnx::ValueInfoProto &input : graph.input()) {
    // Before IR version 4 every initializer is also listed as an input.
    if (initializerNames.contains(input.name()))
      continue;
    if (!input.type().has_tensor_type())
      throw RuntimeError("input '" + input.name() +
                         "' is not a tensor (sequences, maps and optionals "
                         "are not supported)");
    DType dtype = onnx_import::getDTypeOfOnnx(
        input.type().tensor_type().elem_type(), "input '" + input.name() + "'");
    if (bound_.count(input.name())) {
      const Tensor &value = options_.givenInputs.at(input.name());
      if (value.dtype() != dtype)
        throw RuntimeError("the value given for input '" + input.name() +
                           "' is " + value.describe() + ", but the input is " +
                           getDTypeName(dtype));
      getInputShape(input, options_); // checks the value's shape
      DenseElementsAttr attr = getElementsAttr(&context_, value);
      Value constant = builder_.create<kiln::ConstantOp>(
          NameLoc::get(builder_.getStringAttr(input.name())), attr.getType(),
          attr);
      define(input.name(), constant, "a graph input");
      result_.boundInputs.insert(input.name());
      continue;
    }
    std::vector<int64_t> shape = getInputShape(input, options_);
    // MLIR takes any dims: a negative one, or a size past int64, would make
    // a tensor type the verifier accepts and the compiler miscomputes.
    try {
      getByteSize(dtype, shape);
    } catch (const RuntimeError &error) {
      throw RuntimeError("input '" + input.name() + "': " + error.what());
    }
    auto type = RankedTensorType::get(shape, getElementType(&context_, dtype));
    addArgument(type, kInputAttr, input.name(), "a graph input");
  }
}

void Importer::convertNode(const onnx::NodeProto &node, int64_t opset) {
  NodeContext context(node, opset, builder_, values_);
  // Ops of other domains are registered under "DOMAIN:OpType".
  bool isDefaultDomain = node.domain().empty() || node.domain() == "ai.onnx";
  if (isDefaultDomain && opset == 0)
    context.fail("the model imports no opset of the default ONNX domain");
  std::string key = isDefaultDomain ? node.op_type()
                                    : node.domain() + ":" + node.op_type();
  const ConverterRegistry &converters = getConverters();
  auto converter = converters.find(key);
  if (converter == converters.end())
    context.fail(isDefaultDomain ? "op type '" + node.op_type() +
                                       "' is not supported"
                                 : "op type '" + node.op_type() +
                                       "' of domain '" + node.domain() +
                                       "' is not supported");
  converter->second(context);
  for (size_t i = 0; i < context.numOutputs(); ++i)
    if (context.wantsOutput(i) &&
        llvm::none_of(context.outputs(), [&](const auto &output) {
          return output.first == node.output(i);
        }))
      context.fail("output " + llvm::Twine(i) + " ('" + node.output(i) +
                   "') is not supported");
  for (const auto &[name, value] : context.outputs())
    define(name, value, context.describe());
  for (const auto &[name, value] : context.inputUpdates())
    if (auto buffer = buffers_.find(name); buffer != buffers_.end())
      bufferUpdates_.insert({buffer->getKey(), value});
}

void Importer::declareResults(func::FuncOp func) {
  SmallVector<Value> results;
  SmallVector<DictionaryAttr> resultAttrs;
  for (const onnx::ValueInfoProto &output : model_.graph().output()) {
    auto it = values_.find(output.name());
    if (it == values_.end())
      throw RuntimeError("graph output '" + output.name() +
                         "' is computed by no node");
    Value value = it->second;
    // The model's own type for the output must be what Kiln computes.
    const onnx::TypeProto &declared = output.type();
    if (declared.has_tensor_type() && declared.tensor_type().elem_type() != 0) {
      DType dtype = onnx_import::getDTypeOfOnnx(
          declared.tensor_type().elem_type(), "output '" + output.name() + "'");
      Type element = getElementType(&context_, dtype);
      auto type = cast<RankedTensorType>(value.getType());
      if (type.getElementType() != element) {
        std::string text;
        llvm::raw_string_ostream os(text);
        os << "graph output '" << output.name() << "' is "
           << onnx_import::getOnnxTypeName(declared.tensor_type().elem_type())
           << " in the model but Kiln computes " << type;
        throw RuntimeError(text);
      }
    }
    results.push_back(value);
    resultAttrs.push_back(builder_.getDictionaryAttr(builder_.getNamedAttr(
        kOutputAttr, builder_.getStringAttr(output.name()))));
  }
  // Each buffer's new value, after the outputs; a buffer two nodes update
  // takes the first one's update (PyTorch shares no batch norm's statistics
  // between two modules).
  for (const auto &[name, value] : bufferUpdates_) {
    results.push_back(value);
    resultAttrs.push_back(builder_.getDictionaryAttr(
        builder_.getNamedAttr(kUpdateAttr, builder_.getStringAttr(name))));
  }
  builder_.create<func::ReturnOp>(builder_.getUnknownLoc(), results);
  func.setType(builder_.getFunctionType(argumentTypes_,
                                        ValueRange(results).getTypes()));
  func.setAllArgAttrs(argumentAttrs_);
  func.setAllResultAttrs(resultAttrs);
}

} // namespace

ImportedOnnxModel importOnnxModel(MLIRContext &context, const std::string &path,
                                  const OnnxImportOptions &options) {
  std::ifstream file(path, std::ios::binary);
  if (!file)
    throw RuntimeError(path + ": cannot open the file");
  onnx::ModelProto model;
  if (!model.ParseFromIstream(&file))
    throw RuntimeError(path + ": not an ONNX model (the protobuf does not "
                              "parse)");
  context.loadDialect<KilnDialect, func::FuncDialect>();
  std::set<std::string> bound;
  try {
    // Each import that needs a value it cannot know binds the given inputs
    // that value is computed from and starts over; each round binds at
    // least one more input, so it ends.
    for (;;) {
      try {
        return Importer(context, model, options, bound).run();
      } catch (const onnx_import::UnknownValueError &error) {
        size_t before = bound.size();
        for (const std::string &input : getInputsFeeding(
                 model.graph(), error.valueName(), options.givenInputs))
          bound.insert(input);
        if (bound.size() == before)
          throw;
      }
    }
  } catch (const RuntimeError &error) {
    throw RuntimeError(path + ": " + error.what());
  }
}

bool isOnnxModelPath(const std::string &path) {
  return StringRef(path).ends_with(".onnx");
}

} // namespace kiln
