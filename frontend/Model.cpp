//===- Model.cpp - A compiled kiln model with its parameters --------------===//
//
/// Binds inputs, parameters and state by name around an Executable, which
/// takes them by position and keeps parameters and state resident.
//
//===----------------------------------------------------------------------===//

#include "frontend/Model.h"
#include "frontend/Support.h"

#include "runtime/Initializers.h"

#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

namespace kiln {

std::map<std::string, Tensor>
initializeParameters(const ModelSignature &signature) {
  Generator generator(signature.seed);
  std::map<std::string, Tensor> params;
  for (const TensorSpec &spec : signature.arguments) {
    if (spec.role != TensorSpec::Role::Param || spec.init.empty())
      continue;
    Tensor tensor = Tensor::zeros(spec.dtype, spec.shape);
    initializeParameter(tensor, spec.name, spec.init, spec.fanIn, generator);
    params.emplace(spec.name, tensor);
  }
  return params;
}

Model::Model(std::shared_ptr<MLIRContext> context,
             std::unique_ptr<Executable> executable)
    : context_(std::move(context)), executable_(std::move(executable)) {
  // Parameters start from their initializers, state at its
  // `kiln.init_value`.
  const ModelSignature &signature = executable_->signature();
  std::map<std::string, Tensor> params = initializeParameters(signature);
  for (auto [index, spec] : llvm::enumerate(signature.arguments)) {
    if (spec.role == TensorSpec::Role::State)
      setResident(index, Tensor::full(spec.dtype, spec.shape, spec.initValue));
    else if (auto param = params.find(spec.name); param != params.end())
      setResident(index, param->second);
  }
}

Model::Model(Model &&) noexcept = default;
Model &Model::operator=(Model &&) noexcept = default;
// The executable goes before the context its module was compiled in.
Model::~Model() { executable_.reset(); }

Model Model::compile(ModuleOp module, std::shared_ptr<MLIRContext> context,
                     const std::string &device) {
  DiagnosticCapture capture(*context);
  auto executable = createExecutable(device, module);
  if (!executable)
    capture.fail(llvm::toString(executable.takeError()));
  return Model(std::move(context), std::move(*executable));
}

size_t Model::findArgument(TensorSpec::Role role,
                           const std::string &name) const {
  for (auto [index, spec] : llvm::enumerate(signature().arguments))
    if (spec.role == role && spec.name == name)
      return index;
  throw RuntimeError("model '" + signature().functionName + "' has no " +
                     (role == TensorSpec::Role::Param ? "parameter" : "state") +
                     " '" + name + "'");
}

Tensor Model::resident(size_t argument) const {
  llvm::Expected<Tensor> value = executable_->readResident(argument);
  if (!value)
    throw RuntimeError(llvm::toString(value.takeError()));
  return std::move(*value);
}

void Model::setResident(size_t argument, const Tensor &value) {
  if (llvm::Error error = executable_->setResident(argument, value))
    throw RuntimeError(llvm::toString(std::move(error)));
}

Tensor Model::param(const std::string &name) const {
  return resident(findArgument(TensorSpec::Role::Param, name));
}

void Model::setParam(const std::string &name, const Tensor &value) {
  setResident(findArgument(TensorSpec::Role::Param, name), value);
}

Tensor Model::state(const std::string &name) const {
  return resident(findArgument(TensorSpec::Role::State, name));
}

void Model::setState(const std::string &name, const Tensor &value) {
  setResident(findArgument(TensorSpec::Role::State, name), value);
}

std::map<std::string, Tensor>
Model::run(const std::map<std::string, Tensor> &inputs) const {
  const ModelSignature &signature = this->signature();
  for (const auto &[name, tensor] : inputs) {
    bool known = false;
    for (const TensorSpec &spec : signature.arguments)
      known |= spec.name == name;
    if (!known) {
      std::string names;
      for (const TensorSpec &spec : signature.arguments)
        names += (names.empty() ? "" : ", ") + spec.name;
      throw RuntimeError(
          "model '" + signature.functionName + "' has no input or parameter '" +
          name + "' (it has: " + (names.empty() ? "none" : names) + ")");
    }
  }

  // Parameters and state not given here are read from their resident
  // values by the executable; updates are written over them.
  std::vector<std::optional<Tensor>> arguments;
  for (const TensorSpec &spec : signature.arguments) {
    if (auto given = inputs.find(spec.name); given != inputs.end())
      arguments.push_back(given->second);
    else if (spec.role == TensorSpec::Role::Input)
      throw RuntimeError("model input '" + spec.name + "' (" +
                         getDTypeName(spec.dtype) + " " +
                         formatShape(spec.shape) + ") was not given");
    else
      arguments.push_back(std::nullopt);
  }
  std::vector<Tensor> outputs;
  for (const TensorSpec &spec : signature.results)
    if (spec.role == TensorSpec::Role::Output)
      outputs.push_back(Tensor::zeros(spec.dtype, spec.shape));
  if (llvm::Error error = executable_->run(arguments, outputs))
    throw RuntimeError("model '" + signature.functionName +
                       "': " + llvm::toString(std::move(error)));
  std::map<std::string, Tensor> named;
  auto output = outputs.begin();
  for (const TensorSpec &spec : signature.results)
    if (spec.role == TensorSpec::Role::Output)
      named.emplace(spec.name, *output++);
  return named;
}

OwningOpRef<ModuleOp> parseModel(const std::string &path,
                                 MLIRContext &context) {
  std::string message;
  std::unique_ptr<llvm::MemoryBuffer> file = openInputFile(path, &message);
  if (!file)
    throw RuntimeError("cannot read model '" + path + "': " + message);
  llvm::SourceMgr sources;
  sources.AddNewSourceBuffer(std::move(file), llvm::SMLoc());
  DiagnosticCapture capture(context);
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sources, ParserConfig(&context));
  if (!module)
    capture.fail("model '" + path + "' is not a valid kiln model:");
  return module;
}

Model loadModel(const std::string &path, const std::string &device) {
  std::shared_ptr<MLIRContext> context = createFrontendContext();
  OwningOpRef<ModuleOp> module = parseModel(path, *context);
  // A copy, not a move: should compilation throw, `module` is destroyed
  // before this `context`, the last owner of the context it lives in.
  return Model::compile(*module, context, device);
}

} // namespace kiln
