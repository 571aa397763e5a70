//===- Trainer.h - Training a kiln model step by step -----------*- C++ -*-===//
//
/// The C++ side of `kiln train`: a model's train step built as a graph
/// (loss, backward graph and optimizer update in one compiled function) and
/// run with parameters and optimizer state resident, plus the dataset that
/// feeds it batches and the checkpoints that save and resume it.
/// docs/training.md shows how the pieces fit.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_FRONTEND_TRAINER_H
#define KILN_FRONTEND_TRAINER_H

#include "frontend/Model.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiln {

/// `--loss KIND:OUTPUT,TARGET`: the loss op comparing output OUTPUT with
/// data TARGET (see the kiln-attach-loss pass).
struct LossSpec {
  std::string kind;
  std::string output;
  std::string target;
};

/// Reads KIND:OUTPUT,TARGET (e.g. "mse:prediction,y"); nullopt when `text`
/// is not of that form.
std::optional<LossSpec> parseLossSpec(const std::string &text);

/// The class count of `loss` when it takes class indices of OUTPUT of the
/// model `module`: OUTPUT's dim 1, or dim 0 unbatched, as kiln-attach-loss
/// reads it; 0 without a loss or such an output.
int64_t getLossClassCount(mlir::ModuleOp module,
                          const std::optional<LossSpec> &loss);

/// The optimizer and its hyperparameters, by the option names of the
/// kiln-train-step pass ("lr", "momentum", ...); unset ones take
/// torch.optim's defaults.
struct OptimizerSpec {
  std::string name;
  std::map<std::string, std::string> options;
};

class Trainer {
public:
  /// Builds the train step of the model function in `module` (left
  /// unchanged): attaches `loss` unless the model computes its own (an
  /// output named "loss"), decomposes, differentiates and appends the
  /// optimizer update, then compiles it for `device`. Parameters start
  /// from their initializers and optimizer state from its initial values,
  /// both resident on the device between steps.
  Trainer(mlir::ModuleOp module, std::shared_ptr<mlir::MLIRContext> context,
          const std::optional<LossSpec> &loss, const OptimizerSpec &optimizer,
          const std::string &device = kDefaultDevice);

  /// The data a step takes: the model's inputs and the loss target, each
  /// with the batch's shape.
  std::vector<TensorSpec> batchSpecs() const;

  /// One optimizer step on `batch` (a tensor per batch spec, by name):
  /// parameters and state are updated in place. Returns the loss computed
  /// before the update, as `loss.item()` in a PyTorch loop.
  double step(const std::map<std::string, Tensor> &batch);

  /// Copies of the trained parameters (float and not), by name.
  std::map<std::string, Tensor> parameters() const;
  /// Copies of the optimizer state, by name ("step", "<param>.exp_avg", ...).
  std::map<std::string, Tensor> optimizerState() const;
  /// Sets the parameters and state `tensors` names, as load_state_dict does;
  /// a tensor of the wrong dtype or shape is an error.
  void load(const std::map<std::string, Tensor> &tensors);

  /// The train step function, for `--print-ir` style inspection.
  const ModelSignature &signature() const { return model_.signature(); }

private:
  /// The current values of the parameter or state arguments.
  std::map<std::string, Tensor> residents(TensorSpec::Role role) const;

  Model model_;
};

/// A training set: named tensors (one per data file) with a common first
/// dimension, the samples.
class Dataset {
public:
  /// Throws unless every tensor has at least one dimension and they all
  /// have the same number of samples; `sources` names the file each came
  /// from, for errors.
  Dataset(std::map<std::string, Tensor> tensors,
          std::map<std::string, std::string> sources);

  int64_t size() const { return size_; }

  /// Throws unless the dataset holds exactly the data `batchSpecs` needs,
  /// each sample shaped like a spec without its first (batch) dimension, of
  /// the spec's dtype, and the batch size divides the sample count (or
  /// `dropLast`).
  void checkFits(const std::vector<TensorSpec> &batchSpecs,
                 bool dropLast) const;

  /// The samples `rows` of every tensor, stacked in that order.
  std::map<std::string, Tensor> batch(const std::vector<int64_t> &rows) const;

private:
  std::map<std::string, Tensor> tensors_;
  std::map<std::string, std::string> sources_;
  int64_t size_ = 0;
};

/// The order of the samples in epoch `epoch`: 0..size-1, or a permutation
/// drawn from (seed, epoch) when shuffling, so a resumed run repeats it.
std::vector<int64_t> epochOrder(int64_t size, bool shuffle, uint64_t seed,
                                int64_t epoch);

/// Saves the trainer's parameters and optimizer state and the number of
/// epochs completed to a safetensors checkpoint, atomically (a temporary
/// file renamed over `path`): a crash leaves the previous checkpoint intact.
void saveCheckpoint(const std::string &path, const Trainer &trainer,
                    int64_t epochsDone);

/// Restores a checkpoint written by saveCheckpoint and returns its epoch
/// count. Throws, naming the file and the tensor, for a checkpoint of
/// another model or optimizer, and naming the value for a negative epoch
/// count (the caller compares it with the epochs it will run).
int64_t loadCheckpoint(const std::string &path, Trainer &trainer);

} // namespace kiln

#endif // KILN_FRONTEND_TRAINER_H
