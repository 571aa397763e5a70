//===- BenchCommand.cpp - kiln bench --------------------------------------===//
//
/// Times a model, or with --optimizer its train step, compiled as `kiln run`
/// and `kiln train` compile it: the seconds from model file to compiled
/// code, then WARMUP untimed runs and RUNS timed ones, summarized by their
/// minimum, median and 90th percentile. Inputs without a file get seeded
/// data: uniform on [0, 1) for floating-point inputs and, for the class
/// targets of a train step's loss, the classes in turn.
//
//===----------------------------------------------------------------------===//

#include "frontend/Support.h"
#include "runtime/Generator.h"
#include "runtime/Npy.h"
#include "runtime/Safetensors.h"
#include "tools/kiln/CommandLine.h"
#include "tools/kiln/Commands.h"
#include "tools/kiln/ModelIO.h"
#include "tools/kiln/OptimizerOptions.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>

namespace kiln {
namespace {

const std::string kBenchUsage =
    std::string("usage: kiln bench MODEL [--input NAME=FILE.npy]... "
                "[--params FILE.safetensors]\n"
                "         [--runs N] [--warmup N] [--json] [--device DEVICE]\n"
                "         [--loss KIND:OUTPUT,TARGET] [--batch-size B] ") +
    kOptimizerUsage;

struct BenchOptions {
  std::string model;
  std::map<std::string, std::string> inputs;
  std::optional<std::string> params;
  int64_t runs = 10;
  int64_t warmup = 1;
  bool json = false;
  std::string device;
  /// Named: time the train step.
  OptimizerSpec optimizer;
  std::optional<LossSpec> loss;
  std::optional<int64_t> batchSize;
};

BenchOptions parseBenchOptions(const std::vector<std::string> &args) {
  BenchOptions options;
  for (ArgumentReader reader("bench", args); reader.next();) {
    const std::string &arg = reader.current();
    if (arg == "--input") {
      auto [name, file] = reader.binding();
      if (!options.inputs.emplace(name, file).second)
        throw RuntimeError("kiln bench: --input " + name + " is given twice");
    } else if (arg == "--params") {
      options.params = reader.value();
    } else if (arg == "--runs") {
      options.runs = reader.count(1);
    } else if (arg == "--warmup") {
      options.warmup = reader.count(0);
    } else if (arg == "--json") {
      options.json = true;
    } else if (arg == "--device") {
      options.device = reader.device();
    } else if (arg == "--loss") {
      options.loss = parseLossOption("bench", reader.value());
    } else if (arg == "--batch-size") {
      options.batchSize = reader.count(1);
    } else if (readOptimizerOption(reader, options.optimizer)) {
    } else if (!arg.empty() && arg[0] == '-') {
      throw RuntimeError("kiln bench: unknown option '" + arg + "'\n" +
                         kBenchUsage);
    } else if (options.model.empty()) {
      options.model = arg;
    } else {
      throw RuntimeError("kiln bench: more than one model given ('" +
                         options.model + "' and '" + arg + "')");
    }
  }
  if (options.model.empty())
    throw RuntimeError("kiln bench: no model given\n" + kBenchUsage);
  bool trainFlags = options.loss || options.batchSize ||
                    !options.optimizer.options.empty();
  if (trainFlags && options.optimizer.name.empty())
    throw RuntimeError("kiln bench: --loss, --batch-size and the optimizer's "
                       "options time a train step: give --optimizer");
  // $KILN_DEVICE only where --device is not given.
  if (options.device.empty())
    options.device = getDefaultDevice("bench");
  return options;
}

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Latency {
  double minMs, medianMs, p90Ms;
};

/// `warmup` untimed calls of `run`, then `runs` timed ones.
Latency timeRuns(int64_t warmup, int64_t runs,
                 const std::function<void()> &run) {
  for (int64_t i = 0; i < warmup; ++i)
    run();
  std::vector<double> ms;
  for (int64_t i = 0; i < runs; ++i) {
    Clock::time_point start = Clock::now();
    run();
    ms.push_back(secondsSince(start) * 1e3);
  }
  std::sort(ms.begin(), ms.end());
  // Nearest rank: the smallest time that at least 90% of the runs reach.
  size_t p90 = (ms.size() * 9 + 9) / 10 - 1;
  return {ms.front(), ms[ms.size() / 2], ms[p90]};
}

/// The data of each input in `specs`: its file's, or seeded data when it
/// has none; `classes` is the class count of a class-index target.
std::map<std::string, Tensor>
prepareInputs(const std::vector<TensorSpec> &specs, const BenchOptions &options,
              int64_t classes) {
  Generator generator(0);
  std::map<std::string, Tensor> data;
  std::map<std::string, std::string> unused = options.inputs;
  for (const TensorSpec &spec : specs) {
    if (spec.role != TensorSpec::Role::Input)
      continue;
    if (auto file = unused.find(spec.name); file != unused.end()) {
      data.emplace(spec.name, readNpy(file->second));
      unused.erase(file);
    } else if (spec.dtype == DType::Float32 || spec.dtype == DType::Float64) {
      data.emplace(spec.name, rand(generator, spec.dtype, spec.shape));
    } else if (spec.dtype == DType::Int64 && classes > 0) {
      Tensor labels = Tensor::zeros(spec.dtype, spec.shape);
      for (int64_t i = 0; i < labels.numel(); ++i)
        labels.data<int64_t>()[i] = i % classes;
      data.emplace(spec.name, labels);
    } else {
      throw RuntimeError("kiln bench: " + options.model + ": input '" +
                         spec.name + "' is " + getDTypeName(spec.dtype) + " " +
                         formatShape(spec.shape) +
                         ": give its values with --input " + spec.name +
                         "=FILE.npy");
    }
  }
  if (!unused.empty())
    throw RuntimeError("kiln bench: " + options.model + " has no input '" +
                       unused.begin()->first + "'");
  return data;
}

/// Compiles the model and times `Model::run`.
std::pair<double, Latency> benchmarkModel(BenchOptions &options) {
  Clock::time_point start = Clock::now();
  OnnxImportOptions onnxOptions;
  if (isOnnxModelPath(options.model))
    for (const auto &[name, file] : options.inputs)
      onnxOptions.givenInputs[name] = readNpy(file);
  std::set<std::string> bound;
  Model model =
      loadModelFile(options.model, onnxOptions, &bound, options.device);
  double compileSeconds = secondsSince(start);
  for (const std::string &name : bound)
    options.inputs.erase(name);
  if (options.params)
    loadParams(model, *options.params);
  std::map<std::string, Tensor> inputs =
      prepareInputs(model.signature().arguments, options, /*classes=*/0);
  return {compileSeconds, timeRuns(options.warmup, options.runs,
                                   [&] { model.run(inputs); })};
}

/// Compiles the train step as `kiln train` does and times `Trainer::step`
/// on one batch, the parameters and optimizer state updated in place.
std::pair<double, Latency> benchmarkTrainStep(const BenchOptions &options) {
  Clock::time_point start = Clock::now();
  std::shared_ptr<mlir::MLIRContext> context = createFrontendContext();
  // An ONNX input of symbolic size is a batch of --batch-size rows.
  OnnxImportOptions onnxOptions;
  if (options.batchSize)
    for (const auto &[name, file] : options.inputs) {
      std::vector<int64_t> shape = readNpy(file).shape();
      if (!shape.empty()) {
        shape[0] = *options.batchSize;
        onnxOptions.inputShapes[name] = shape;
      }
    }
  ModelFile file = readModelFile(options.model, *context, onnxOptions);
  int64_t classes = getLossClassCount(*file.module, options.loss);
  Trainer trainer = compileNamingFile(options.model, [&] {
    return Trainer(*file.module, context, options.loss, options.optimizer,
                   options.device);
  });
  double compileSeconds = secondsSince(start);
  trainer.load(file.initialParams);
  if (options.params)
    trainer.load(readSafetensors(*options.params));
  std::map<std::string, Tensor> batch =
      prepareInputs(trainer.batchSpecs(), options, classes);
  return {compileSeconds, timeRuns(options.warmup, options.runs,
                                   [&] { trainer.step(batch); })};
}

} // namespace

int benchCommand(const std::vector<std::string> &args) {
  BenchOptions options = parseBenchOptions(args);
  bool trainStep = !options.optimizer.name.empty();
  auto [compileSeconds, latency] =
      trainStep ? benchmarkTrainStep(options) : benchmarkModel(options);
  if (options.json) {
    llvm::outs() << llvm::json::Value(llvm::json::Object{
                        {"model", options.model},
                        {"mode", trainStep ? "train_step" : "run"},
                        {"device", options.device},
                        {"compile_s", compileSeconds},
                        {"runs", options.runs},
                        {"warmup", options.warmup},
                        {"min_ms", latency.minMs},
                        {"median_ms", latency.medianMs},
                        {"p90_ms", latency.p90Ms}})
                 << "\n";
    return 0;
  }
  char line[160];
  std::snprintf(line, sizeof(line), "compile: %.3f s\n", compileSeconds);
  std::cout << line;
  std::snprintf(line, sizeof(line),
                "%s: min %.3f ms, median %.3f ms, p90 %.3f ms "
                "(%lld runs after %lld warm-up)\n",
                trainStep ? "train step" : "run", latency.minMs,
                latency.medianMs, latency.p90Ms,
                static_cast<long long>(options.runs),
                static_cast<long long>(options.warmup));
  std::cout << line;
  return 0;
}

} // namespace kiln
