//===- Trainer.cpp - Training a kiln model step by step -------------------===//

#include "frontend/Trainer.h"

#include "frontend/Transform.h"
#include "passes/Pipeline.h"
#include "runtime/Safetensors.h"

#include <cmath>
#include <cstring>
#include <random>

namespace kiln {

/// The checkpoint entry holding the number of epochs completed; the
/// double underscore keeps it apart from PyTorch-style parameter names.
static constexpr const char *kEpochsDoneKey = "__kiln__.epochs_done";

std::optional<LossSpec> parseLossSpec(const std::string &text) {
  size_t colon = text.find(':'), comma = text.find(',', colon);
  if (colon == std::string::npos || comma == std::string::npos ||
      colon == 0 || comma == colon + 1 || comma + 1 == text.size())
    return std::nullopt;
  return LossSpec{text.substr(0, colon),
                  text.substr(colon + 1, comma - colon - 1),
                  text.substr(comma + 1)};
}

int64_t getLossClassCount(mlir::ModuleOp module,
                          const std::optional<LossSpec> &loss) {
  if (!loss)
    return 0;
  llvm::Expected<ModelSignature> signature = getModelSignature(module);
  if (!signature)
    throw RuntimeError(llvm::toString(signature.takeError()));
  for (const TensorSpec &spec : signature->results)
    if (spec.name == loss->output && !spec.shape.empty())
      return spec.shape.size() == 1 ? spec.shape[0] : spec.shape[1];
  return 0;
}

static Model compileTrainStep(mlir::ModuleOp module,
                              std::shared_ptr<mlir::MLIRContext> context,
                              const std::optional<LossSpec> &loss,
                              const OptimizerSpec &optimizer,
                              const std::string &device) {
  std::optional<KilnAttachLossOptions> lossOptions;
  if (loss)
    lossOptions = KilnAttachLossOptions{loss->kind, loss->output, loss->target};
  std::string trainStepOptions = "optimizer=" + optimizer.name;
  for (const auto &[name, value] : optimizer.options)
    trainStepOptions += " " + name + "=" + value;
  mlir::OwningOpRef<mlir::ModuleOp> trainStep = transformModel(
      module,
      [&](mlir::OpPassManager &pm, llvm::raw_ostream &errors) {
        return buildTrainStepPipeline(
            pm, lossOptions, trainStepOptions, [&](const llvm::Twine &message) {
              errors << message;
              return mlir::failure();
            });
      },
      "building the train step");
  // A copy, not a move: should compilation throw, `trainStep` is destroyed
  // before the context it lives in.
  return Model::compile(*trainStep, context, device);
}

Trainer::Trainer(mlir::ModuleOp module,
                 std::shared_ptr<mlir::MLIRContext> context,
                 const std::optional<LossSpec> &loss,
                 const OptimizerSpec &optimizer, const std::string &device)
    : model_(compileTrainStep(module, context, loss, optimizer, device)) {}

std::vector<TensorSpec> Trainer::batchSpecs() const {
  std::vector<TensorSpec> specs;
  for (const TensorSpec &spec : signature().arguments)
    if (spec.role == TensorSpec::Role::Input)
      specs.push_back(spec);
  return specs;
}

double Trainer::step(const std::map<std::string, Tensor> &batch) {
  // Only the batch goes in and the loss comes out: parameters and state
  // stay resident in the executable, updated in place.
  Tensor loss = model_.run(batch).at("loss");
  if (loss.dtype() == DType::Float32)
    return *loss.data<float>();
  return *loss.data<double>();
}

std::map<std::string, Tensor>
Trainer::residents(TensorSpec::Role role) const {
  std::map<std::string, Tensor> values;
  for (const TensorSpec &spec : signature().arguments)
    if (spec.role == role)
      values.emplace(spec.name, role == TensorSpec::Role::Param
                                    ? model_.param(spec.name)
                                    : model_.state(spec.name));
  return values;
}

std::map<std::string, Tensor> Trainer::parameters() const {
  return residents(TensorSpec::Role::Param);
}

std::map<std::string, Tensor> Trainer::optimizerState() const {
  return residents(TensorSpec::Role::State);
}

void Trainer::load(const std::map<std::string, Tensor> &tensors) {
  for (const TensorSpec &spec : signature().arguments) {
    auto tensor = tensors.find(spec.name);
    if (tensor == tensors.end())
      continue;
    if (spec.role == TensorSpec::Role::Param)
      model_.setParam(spec.name, tensor->second);
    else if (spec.role == TensorSpec::Role::State)
      model_.setState(spec.name, tensor->second);
  }
}

//===----------------------------------------------------------------------===//
// Dataset
//===----------------------------------------------------------------------===//

/// The flat index of the first NaN or infinity in a float tensor, or -1.
static int64_t findNonFinite(const Tensor &tensor) {
  auto scan = [&](const auto *data) -> int64_t {
    for (int64_t i = 0; i < tensor.numel(); ++i)
      if (!std::isfinite(data[i]))
        return i;
    return -1;
  };
  if (tensor.dtype() == DType::Float32)
    return scan(tensor.data<float>());
  if (tensor.dtype() == DType::Float64)
    return scan(tensor.data<double>());
  return -1;
}

Dataset::Dataset(std::map<std::string, Tensor> tensors,
                 std::map<std::string, std::string> sources)
    : tensors_(std::move(tensors)), sources_(std::move(sources)) {
  if (tensors_.empty())
    throw RuntimeError("no training data given (--data NAME=FILE.npy)");
  std::string first;
  for (const auto &[name, tensor] : tensors_) {
    std::string source = "data '" + name + "' ('" + sources_[name] + "')";
    if (tensor.rank() == 0 || tensor.shape()[0] == 0)
      throw RuntimeError(source + " holds " + tensor.describe() +
                         ": data needs a first dimension of samples");
    if (int64_t bad = findNonFinite(tensor); bad >= 0) {
      int64_t perSample = tensor.numel() / tensor.shape()[0];
      throw RuntimeError(source + " holds a NaN or infinity at sample " +
                         std::to_string(bad / perSample) + " (flat index " +
                         std::to_string(bad) + ")");
    }
    if (first.empty()) {
      first = name;
      size_ = tensor.shape()[0];
    } else if (tensor.shape()[0] != size_) {
      throw RuntimeError(source + " has " + std::to_string(tensor.shape()[0]) +
                         " samples, but data '" + first + "' has " +
                         std::to_string(size_));
    }
  }
}

void Dataset::checkFits(const std::vector<TensorSpec> &batchSpecs,
                        bool dropLast) const {
  for (const auto &[name, tensor] : tensors_) {
    bool used = false;
    for (const TensorSpec &spec : batchSpecs)
      used |= spec.name == name;
    if (!used) {
      std::string names;
      for (const TensorSpec &spec : batchSpecs)
        names += (names.empty() ? "" : ", ") + spec.name;
      throw RuntimeError("data '" + name + "' ('" + sources_.at(name) +
                         "') is not an input of the model (its inputs: " +
                         names + ")");
    }
  }
  for (const TensorSpec &spec : batchSpecs) {
    auto tensor = tensors_.find(spec.name);
    std::string sample = formatShape(std::vector<int64_t>(
        spec.shape.begin() + std::min<size_t>(1, spec.shape.size()),
        spec.shape.end()));
    if (tensor == tensors_.end())
      throw RuntimeError("model input '" + spec.name + "' (batches of " +
                         getDTypeName(spec.dtype) + " " +
                         formatShape(spec.shape) + ") needs --data " +
                         spec.name + "=FILE.npy");
    const Tensor &data = tensor->second;
    std::vector<int64_t> dataSample(data.shape().begin() + 1,
                                    data.shape().end());
    if (spec.shape.empty() || data.dtype() != spec.dtype ||
        std::vector<int64_t>(spec.shape.begin() + 1, spec.shape.end()) !=
            dataSample)
      throw RuntimeError(
          "data '" + spec.name + "' ('" + sources_.at(spec.name) +
          "') holds " + data.describe() + ": samples of " +
          getDTypeName(data.dtype()) + " " + formatShape(dataSample) +
          ", but the model's input '" + spec.name + "' is " +
          getDTypeName(spec.dtype) + " " + formatShape(spec.shape) +
          ", batches of samples " + sample);
    int64_t batchSize = spec.shape[0];
    if (size_ < batchSize)
      throw RuntimeError("the data has " + std::to_string(size_) +
                         " samples, fewer than one batch of " +
                         std::to_string(batchSize));
    if (size_ % batchSize != 0 && !dropLast)
      throw RuntimeError(
          "the data's " + std::to_string(size_) +
          " samples do not split into batches of " +
          std::to_string(batchSize) +
          " (the model's shapes are static): pass --drop-last to skip the "
          "last " +
          std::to_string(size_ % batchSize) + " samples of each epoch");
  }
}

std::map<std::string, Tensor>
Dataset::batch(const std::vector<int64_t> &rows) const {
  std::map<std::string, Tensor> batch;
  for (const auto &[name, tensor] : tensors_) {
    std::vector<int64_t> shape = tensor.shape();
    shape[0] = static_cast<int64_t>(rows.size());
    Tensor result = Tensor::zeros(tensor.dtype(), shape);
    size_t rowBytes = tensor.nbytes() / tensor.shape()[0];
    const char *source = static_cast<const char *>(tensor.data());
    char *target = static_cast<char *>(result.data());
    for (size_t i = 0; i < rows.size(); ++i)
      std::memcpy(target + i * rowBytes, source + rows[i] * rowBytes,
                  rowBytes);
    batch.emplace(name, result);
  }
  return batch;
}

std::vector<int64_t> epochOrder(int64_t size, bool shuffle, uint64_t seed,
                                int64_t epoch) {
  std::vector<int64_t> order(size);
  for (int64_t i = 0; i < size; ++i)
    order[i] = i;
  if (!shuffle)
    return order;
  // Fisher-Yates with mt19937_64, whose sequence the standard fixes (unlike
  // std::shuffle's algorithm), so the order is the same everywhere.
  std::mt19937_64 engine(seed * 0x9E3779B97F4A7C15ull + epoch);
  for (int64_t i = size - 1; i > 0; --i)
    std::swap(order[i], order[engine() % static_cast<uint64_t>(i + 1)]);
  return order;
}

//===----------------------------------------------------------------------===//
// Checkpoints
//===----------------------------------------------------------------------===//

void saveCheckpoint(const std::string &path, const Trainer &trainer,
                    int64_t epochsDone) {
  std::map<std::string, Tensor> tensors = trainer.parameters();
  tensors.merge(trainer.optimizerState());
  tensors.emplace(kEpochsDoneKey,
                  Tensor::fromValues<int64_t>({}, {epochsDone}));
  writeSafetensors(path, tensors);
}

int64_t loadCheckpoint(const std::string &path, Trainer &trainer) {
  std::map<std::string, Tensor> tensors = readSafetensors(path);
  auto epochs = tensors.find(kEpochsDoneKey);
  if (epochs == tensors.end() || epochs->second.dtype() != DType::Int64 ||
      epochs->second.numel() != 1)
    throw RuntimeError("'" + path + "' is not a kiln train checkpoint (it has "
                       "no '" + kEpochsDoneKey + "' entry)");
  int64_t epochsDone = *epochs->second.data<int64_t>();
  // A count the file claims: trusted, INT64_MIN would run ~2^63 epochs.
  if (epochsDone < 0)
    throw RuntimeError("checkpoint '" + path + "' records " +
                       std::to_string(epochsDone) + " epochs done ('" +
                       kEpochsDoneKey + "'), a negative count");
  tensors.erase(epochs);

  const std::vector<TensorSpec> &arguments = trainer.signature().arguments;
  for (const TensorSpec &spec : arguments) {
    if (spec.role == TensorSpec::Role::Input)
      continue;
    auto tensor = tensors.find(spec.name);
    if (tensor == tensors.end())
      throw RuntimeError("checkpoint '" + path + "' has no tensor '" +
                         spec.name + "': it was written for another model "
                         "or optimizer");
    if (tensor->second.dtype() != spec.dtype ||
        tensor->second.shape() != spec.shape)
      throw RuntimeError("checkpoint '" + path + "' holds '" + spec.name +
                         "' as " + tensor->second.describe() +
                         ", but this model's is " + getDTypeName(spec.dtype) +
                         " " + formatShape(spec.shape) +
                         ": it was written for another model");
  }
  for (const auto &[name, tensor] : tensors) {
    bool known = false;
    for (const TensorSpec &spec : arguments)
      known |= spec.role != TensorSpec::Role::Input && spec.name == name;
    if (!known)
      throw RuntimeError("checkpoint '" + path + "' holds '" + name +
                         "', which this model and optimizer do not have: it "
                         "was written for another model or optimizer");
  }
  trainer.load(tensors);
  return epochsDone;
}

} // namespace kiln
