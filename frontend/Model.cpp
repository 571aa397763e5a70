//===- Model.cpp - A compiled kiln model with its parameters --------------===//
//
/// Binds parameters by name around CpuExecutable, which takes every argument
/// positionally.
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

/// Parameters from their initializers and state filled with its
/// `kiln.init_value`.
static std::map<std::string, Tensor>
initializeResidents(const ModelSignature &signature) {
  std::map<std::string, Tensor> residents = initializeParameters(signature);
  for (const TensorSpec &spec : signature.arguments)
    if (spec.role == TensorSpec::Role::State)
      residents.emplace(spec.name, Tensor::full(spec.dtype, spec.shape,
                                                spec.initValue));
  return residents;
}

Model::Model(std::shared_ptr<MLIRContext> context,
             std::unique_ptr<CpuExecutable> executable)
    : context_(std::move(context)), executable_(std::move(executable)),
      resident_(initializeResidents(executable_->signature())) {}

Model::Model(Model &&) noexcept = default;
Model &Model::operator=(Model &&) noexcept = default;
// The executable goes before the context its module was compiled in.
Model::~Model() { executable_.reset(); }

Model Model::compile(ModuleOp module, std::shared_ptr<MLIRContext> context) {
  DiagnosticCapture capture(*context);
  auto executable = CpuExecutable::compile(module);
  if (!executable)
    capture.fail(llvm::toString(executable.takeError()));
  return Model(std::move(context), std::move(*executable));
}

const TensorSpec &Model::findArgument(TensorSpec::Role role,
                                     const std::string &name) const {
  for (const TensorSpec &spec : signature().arguments)
    if (spec.role == role && spec.name == name)
      return spec;
  throw RuntimeError("model '" + signature().functionName + "' has no " +
                     (role == TensorSpec::Role::Param ? "parameter" : "state") +
                     " '" + name + "'");
}

const TensorSpec &Model::findUpdated(const std::string &name) const {
  for (const TensorSpec &spec : signature().arguments)
    if ((spec.role == TensorSpec::Role::Param ||
         spec.role == TensorSpec::Role::State) &&
        spec.name == name)
      return spec;
  // The model format's verifier guarantees every kiln.update has a target.
  throw RuntimeError("model '" + signature().functionName +
                     "' updates '" + name + "', which it does not have");
}

const Tensor &Model::resident(const TensorSpec &spec) const {
  auto value = resident_.find(spec.name);
  if (value == resident_.end())
    throw RuntimeError("parameter '" + spec.name +
                       "' has no kiln.init initializer and was never set");
  return value->second;
}

void Model::setResident(const TensorSpec &spec, const Tensor &value) {
  if (value.dtype() != spec.dtype || value.shape() != spec.shape)
    throw RuntimeError(std::string(spec.role == TensorSpec::Role::Param
                                       ? "parameter"
                                       : "state") +
                       " '" + spec.name + "' must be " +
                       getDTypeName(spec.dtype) + " " +
                       formatShape(spec.shape) + ", got " + value.describe());
  // A copy, as load_state_dict copies: later writes to `value` do not leak in.
  resident_.insert_or_assign(spec.name, value.clone());
}

const Tensor &Model::param(const std::string &name) const {
  return resident(findArgument(TensorSpec::Role::Param, name));
}

void Model::setParam(const std::string &name, const Tensor &value) {
  setResident(findArgument(TensorSpec::Role::Param, name), value);
}

const Tensor &Model::state(const std::string &name) const {
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

  std::vector<Tensor> arguments;
  for (const TensorSpec &spec : signature.arguments) {
    if (auto given = inputs.find(spec.name); given != inputs.end()) {
      arguments.push_back(given->second);
      continue;
    }
    if (spec.role == TensorSpec::Role::Input)
      throw RuntimeError("model input '" + spec.name + "' (" +
                         getDTypeName(spec.dtype) + " " +
                         formatShape(spec.shape) + ") was not given");
    arguments.push_back(resident(spec));
  }
  // Updates are written straight into the parameter or state they replace.
  std::vector<Tensor> results;
  for (const TensorSpec &spec : signature.results)
    results.push_back(spec.role == TensorSpec::Role::Update
                          ? resident(findUpdated(spec.name))
                          : Tensor::zeros(spec.dtype, spec.shape));
  if (llvm::Error error = executable_->runInto(arguments, results))
    throw RuntimeError("model '" + signature.functionName +
                       "': " + llvm::toString(std::move(error)));
  std::map<std::string, Tensor> named;
  for (auto [spec, result] : llvm::zip_equal(signature.results, results))
    if (spec.role == TensorSpec::Role::Output)
      named.emplace(spec.name, result);
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

Model loadModel(const std::string &path) {
  std::shared_ptr<MLIRContext> context = createFrontendContext();
  OwningOpRef<ModuleOp> module = parseModel(path, *context);
  // A copy, not a move: should compilation throw, `module` is destroyed
  // before this `context`, the last owner of the context it lives in.
  return Model::compile(*module, context);
}

} // namespace kiln
