//===- kiln-bench.cpp - Times Kiln, oneDNN and the machine's limits -------===//
//
/// Prints one line of JSON per invocation, for bench/compare.py:
///
///   kiln-bench MODEL [--runs N] [--device DEVICE]
///       Compiles MODEL for DEVICE (the CPU unless given), fills its inputs
///       with seeded uniform values and times `Model::run`: the time from model
///       file to the first result (compile_s) and the median and minimum of N
///       runs.
///   kiln-bench MODEL --optimizer NAME [--lr LR] [--loss KIND:OUTPUT,TARGET]
///              [--runs N] [--device DEVICE]
///       The same for MODEL's train step, built as `kiln train` builds it
///       and run through `Trainer::step` on one batch prepared beforehand,
///       parameters and optimizer state updated in place.
///   kiln-bench --roofline [--runs N]
///       oneDNN's float32 matmul rate (GFLOP/s) at 1024^3 and at the
///       benchmark MLP's shapes, and the triad bandwidth (GB/s).
///   kiln-bench --onednn-mlp BATCH [--runs N]
///       The benchmark MLP written with oneDNN primitives: inference and
///       the training step's matmuls on BATCH rows.
//
//===----------------------------------------------------------------------===//

#include "bench/OneDnnMlp.h"
#include "bench/Roofline.h"
#include "bench/Timing.h"
#include "frontend/Support.h"
#include "frontend/Trainer.h"
#include "runtime/Generator.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <iostream>
#include <optional>
#include <string>

using namespace kiln;
using namespace kiln::bench;

namespace {

constexpr const char *kUsage =
    "usage: kiln-bench MODEL [--runs N] [--device DEVICE]\n"
    "       kiln-bench MODEL --optimizer NAME [--lr LR] "
    "[--loss KIND:OUTPUT,TARGET] [--runs N] [--device DEVICE]\n"
    "       kiln-bench --roofline [--runs N]\n"
    "       kiln-bench --onednn-mlp BATCH [--runs N]";

struct Options {
  std::string model;
  int runs = 10;
  /// Named: time the model's train step rather than the model.
  OptimizerSpec optimizer;
  std::optional<LossSpec> loss;
  bool roofline = false;
  std::optional<int64_t> oneDnnBatch;
  std::string device = kDefaultDevice;
};

/// `text` as a whole number of at least 1.
int64_t parseCount(const std::string &option, const std::string &text) {
  size_t end = 0;
  int64_t value = 0;
  try {
    value = std::stoll(text, &end);
  } catch (const std::exception &) {
  }
  if (end != text.size() || value < 1)
    throw RuntimeError(option + " takes a whole number of at least 1, got '" +
                       text + "'");
  return value;
}

Options parseOptions(int argc, char **argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 == argc)
        throw RuntimeError(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--runs") {
      options.runs = parseCount(arg, value());
    } else if (arg == "--optimizer") {
      options.optimizer.name = value();
    } else if (arg == "--lr") {
      // Checked by the kiln-train-step pass, which reads it.
      options.optimizer.options["lr"] = value();
    } else if (arg == "--loss") {
      std::string text = value();
      options.loss = parseLossSpec(text);
      if (!options.loss)
        throw RuntimeError("--loss takes KIND:OUTPUT,TARGET, got '" + text +
                           "'");
    } else if (arg == "--device") {
      options.device = value();
      if (llvm::Error error = checkDevice(options.device))
        throw RuntimeError("--device: " + llvm::toString(std::move(error)));
    } else if (arg == "--roofline") {
      options.roofline = true;
    } else if (arg == "--onednn-mlp") {
      options.oneDnnBatch = parseCount(arg, value());
    } else if (arg.rfind("--", 0) == 0 || !options.model.empty()) {
      throw RuntimeError("unexpected argument '" + arg + "'");
    } else {
      options.model = arg;
    }
  }
  int modes = !options.model.empty() + options.roofline +
              options.oneDnnBatch.has_value();
  if (modes != 1)
    throw RuntimeError("give one of MODEL, --roofline and --onednn-mlp");
  if ((options.loss || !options.optimizer.options.empty()) &&
      options.optimizer.name.empty())
    throw RuntimeError("--lr and --loss time a train step: give --optimizer");
  return options;
}

llvm::json::Object toJson(const Timing &timing) {
  return llvm::json::Object{{"median_s", timing.median},
                            {"min_s", timing.min}};
}

/// Data for the inputs among `arguments`: uniform values on [0, 1) from one
/// seeded generator for float inputs, and class indices cycling through
/// `classes` for int64 ones (class-index loss targets).
std::map<std::string, Tensor>
makeInputs(const std::vector<TensorSpec> &arguments, int64_t classes) {
  Generator generator(0);
  std::map<std::string, Tensor> data;
  for (const TensorSpec &spec : arguments) {
    if (spec.role != TensorSpec::Role::Input)
      continue;
    if (spec.dtype != DType::Int64) {
      data.emplace(spec.name, rand(generator, spec.dtype, spec.shape));
      continue;
    }
    Tensor labels = Tensor::zeros(spec.dtype, spec.shape);
    for (int64_t i = 0; i < labels.numel(); ++i)
      labels.data<int64_t>()[i] = i % classes;
    data.emplace(spec.name, labels);
  }
  return data;
}

/// Times a model (`Model::run`) or its train step (`Trainer::step`); the
/// first call includes the compilation.
template <typename Run>
llvm::json::Object timeFromModelFile(Clock::time_point start, int runs,
                                     Run &&run) {
  run();
  double compileSeconds = secondsSince(start);
  llvm::json::Object result = toJson(timeRuns(runs, run));
  result["compile_s"] = compileSeconds;
  return result;
}

llvm::json::Object benchmarkModel(const Options &options) {
  Clock::time_point start = Clock::now();
  std::shared_ptr<mlir::MLIRContext> context = createFrontendContext();
  mlir::OwningOpRef<mlir::ModuleOp> module =
      parseModel(options.model, *context);
  if (options.optimizer.name.empty()) {
    Model model = Model::compile(*module, context, options.device);
    std::map<std::string, Tensor> inputs =
        makeInputs(model.signature().arguments, /*classes=*/1);
    return timeFromModelFile(start, options.runs,
                             [&] { model.run(inputs); });
  }
  Trainer trainer(*module, context, options.loss, options.optimizer,
                  options.device);
  std::map<std::string, Tensor> batch = makeInputs(
      trainer.signature().arguments,
      std::max<int64_t>(1, getLossClassCount(*module, options.loss)));
  return timeFromModelFile(start, options.runs,
                           [&] { trainer.step(batch); });
}

llvm::json::Object benchmarkRoofline(int runs) {
  // The benchmark MLP's layers at batch 256, as (m, n, k).
  const int64_t shapes[][3] = {
      {1024, 1024, 1024}, {256, 512, 784}, {256, 512, 512}, {256, 10, 512}};
  llvm::json::Object sgemm;
  for (const auto &[m, n, k] : shapes)
    sgemm[std::to_string(m) + "x" + std::to_string(n) + "x" +
          std::to_string(k)] = measureSgemmGflops(m, n, k, runs);
  // 32M floats: 128 MB per array, far beyond any cache.
  return llvm::json::Object{
      {"sgemm_gflops", std::move(sgemm)},
      {"triad_gbps", measureTriadGbps(int64_t(1) << 25, runs)}};
}

} // namespace

int main(int argc, char **argv) {
  try {
    Options options = parseOptions(argc, argv);
    llvm::json::Object result;
    if (options.roofline)
      result = benchmarkRoofline(options.runs);
    else if (options.oneDnnBatch)
      result = llvm::json::Object{
          {"inference", toJson(timeOneDnnMlpInference(*options.oneDnnBatch,
                                                      options.runs))},
          {"train_matmuls", toJson(timeOneDnnMlpTrainMatmuls(
                                *options.oneDnnBatch, options.runs))}};
    else
      result = benchmarkModel(options);
    llvm::outs() << llvm::json::Value(std::move(result)) << "\n";
    return 0;
  } catch (const RuntimeError &error) {
    std::cerr << "kiln-bench: error: " << error.what() << "\n" << kUsage
              << "\n";
    return 1;
  }
}
