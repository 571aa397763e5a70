//===- OnnxTestCommand.cpp - The ONNX backend node tests ------------------===//
//
/// `kiln onnx-test DIR... [--expected FILE] [--update-expected] [--jobs N]`
/// runs ONNX backend tests (a directory holding model.onnx and
/// test_data_set_*/{input,output}_*.pb, or a directory of such directories)
/// in this one process: import, compile for the CPU, run every data set and
/// compare with the stored outputs at ONNX's tolerances (rtol 1e-3,
/// atol 1e-7, NaN equals NaN). Each test ends as PASS, FAIL (wrong values or
/// a compile or run error) or UNSUPPORTED (the importer's diagnosis), with the
/// reason. With --expected, every test's status must be the one the file
/// records, so CI catches a regression, and a test that starts passing must
/// be recorded.
//
//===----------------------------------------------------------------------===//

#include "tools/kiln/CommandLine.h"
#include "tools/kiln/Commands.h"

#include "frontend/Model.h"
#include "frontend/Support.h"
#include "frontend/onnx/OnnxImporter.h"
#include "frontend/onnx/TensorProto.h"

#include "onnx/onnx_pb.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;

namespace kiln {
namespace {

constexpr double kRelativeTolerance = 1e-3;
constexpr double kAbsoluteTolerance = 1e-7;

enum class Status { Pass, Fail, Unsupported };

const char *getStatusName(Status status) {
  switch (status) {
  case Status::Pass:
    return "pass";
  case Status::Fail:
    return "fail";
  case Status::Unsupported:
    return "unsupported";
  }
  return "";
}

struct Outcome {
  Status status;
  std::string reason;
};

/// The files of one data set: input_<i>.pb and output_<i>.pb in order.
std::vector<std::string> listProtos(const fs::path &dataSet,
                                    const std::string &prefix) {
  std::vector<std::string> files;
  for (size_t i = 0;; ++i) {
    fs::path file = dataSet / (prefix + "_" + std::to_string(i) + ".pb");
    if (!fs::exists(file))
      return files;
    files.push_back(file.string());
  }
}

/// Element `index` of `tensor` as a double.
double getElement(const Tensor &tensor, int64_t index) {
  switch (tensor.dtype()) {
  case DType::Float32:
    return tensor.data<float>()[index];
  case DType::Float64:
    return tensor.data<double>()[index];
  case DType::Int64:
    return static_cast<double>(tensor.data<int64_t>()[index]);
  case DType::Int32:
    return tensor.data<int32_t>()[index];
  case DType::Int16:
    return tensor.data<int16_t>()[index];
  case DType::Int8:
    return tensor.data<int8_t>()[index];
  case DType::UInt64:
    return static_cast<double>(tensor.data<uint64_t>()[index]);
  case DType::UInt32:
    return tensor.data<uint32_t>()[index];
  case DType::UInt16:
    return tensor.data<uint16_t>()[index];
  case DType::UInt8:
    return tensor.data<uint8_t>()[index];
  case DType::Bool:
    return tensor.data<bool>()[index];
  }
  return 0;
}

/// Empty when `actual` matches `expected`, else what differs.
std::string compare(const Tensor &actual, const Tensor &expected) {
  if (actual.dtype() != expected.dtype() || actual.shape() != expected.shape())
    return "is " + actual.describe() + ", expected " + expected.describe();
  bool isFloat =
      actual.dtype() == DType::Float32 || actual.dtype() == DType::Float64;
  int64_t mismatches = 0, first = -1;
  double worst = 0;
  for (int64_t i = 0; i < actual.numel(); ++i) {
    double a = getElement(actual, i), e = getElement(expected, i);
    bool equal =
        isFloat ? (std::isnan(a) && std::isnan(e)) || a == e ||
                      std::abs(a - e) <=
                          kAbsoluteTolerance + kRelativeTolerance * std::abs(e)
                : a == e;
    if (equal)
      continue;
    if (first < 0)
      first = i;
    ++mismatches;
    worst = std::max(worst, std::abs(a - e));
  }
  if (!mismatches)
    return "";
  std::ostringstream os;
  os << mismatches << " of " << actual.numel()
     << " elements differ; first at flat index " << first << ": "
     << getElement(actual, first) << " vs " << getElement(expected, first)
     << " (max |difference| " << worst << ")";
  return os.str();
}

/// The names of the graph's inputs that are not initializers, in order.
/// Throws for a graph whose inputs or outputs are not all tensors, whose
/// test data are not TensorProtos.
std::vector<std::string> getRuntimeInputs(const std::string &modelPath) {
  std::ifstream file(modelPath, std::ios::binary);
  onnx::ModelProto model;
  if (!model.ParseFromIstream(&file))
    throw RuntimeError(modelPath + ": not an ONNX model");
  auto isTensor = [](const onnx::ValueInfoProto &value) {
    return value.type().has_tensor_type();
  };
  if (!std::all_of(model.graph().input().begin(), model.graph().input().end(),
                   isTensor) ||
      !std::all_of(model.graph().output().begin(),
                   model.graph().output().end(), isTensor))
    throw RuntimeError(modelPath + ": the graph has inputs or outputs that are "
                                   "not tensors (sequences, optionals, maps)");
  std::vector<std::string> names;
  for (const onnx::ValueInfoProto &input : model.graph().input())
    if (std::none_of(model.graph().initializer().begin(),
                     model.graph().initializer().end(),
                     [&](const onnx::TensorProto &initializer) {
                       return initializer.name() == input.name();
                     }))
      names.push_back(input.name());
  return names;
}

Outcome runTest(const fs::path &dir) {
  std::string modelPath = (dir / "model.onnx").string();
  std::vector<fs::path> dataSets;
  for (const fs::directory_entry &entry : fs::directory_iterator(dir))
    if (entry.is_directory() &&
        entry.path().filename().string().rfind("test_data_set_", 0) == 0)
      dataSets.push_back(entry.path());
  std::sort(dataSets.begin(), dataSets.end());
  if (dataSets.empty())
    return {Status::Fail, "no test_data_set_* directory"};

  std::vector<std::string> inputNames;
  std::vector<std::vector<Tensor>> inputs, outputs;
  try {
    inputNames = getRuntimeInputs(modelPath);
    for (const fs::path &dataSet : dataSets) {
      std::vector<Tensor> in, out;
      for (const std::string &file : listProtos(dataSet, "input"))
        in.push_back(onnx_import::readTensorProtoFile(file));
      for (const std::string &file : listProtos(dataSet, "output"))
        out.push_back(onnx_import::readTensorProtoFile(file));
      inputs.push_back(std::move(in));
      outputs.push_back(std::move(out));
    }
  } catch (const RuntimeError &error) {
    // Test data Kiln cannot hold (strings, float16, ...).
    return {Status::Unsupported, error.what()};
  }
  if (inputs.front().size() > inputNames.size())
    return {Status::Unsupported,
            "the test feeds optional inputs the graph does not list"};

  // Each data set's values are the inputs given: their shapes fix any
  // symbolic input dimension, and an input the model needs the value of to
  // know a shape (a Reshape's shape fed as a graph input, a Compress
  // condition, Resize's scales) is bound at import, once per data set.
  auto importWith = [&](size_t set) {
    OnnxImportOptions options;
    for (size_t i = 0; i < inputs[set].size(); ++i)
      options.givenInputs[inputNames[i]] = inputs[set][i];
    auto context = createFrontendContext();
    ImportedOnnxModel imported = importOnnxModel(*context, modelPath, options);
    return std::make_pair(context, std::move(imported));
  };

  for (size_t set = 0; set < dataSets.size(); ++set) {
    std::shared_ptr<mlir::MLIRContext> context;
    ImportedOnnxModel imported;
    try {
      std::tie(context, imported) = importWith(set);
    } catch (const RuntimeError &error) {
      return {Status::Unsupported, error.what()};
    }
    try {
      // Diagnostics are captured into errors, never printed.
      DiagnosticCapture quiet(*context);
      Model model = Model::compile(*imported.module, context,
                                   getDefaultDevice("onnx-test"));
      for (const auto &[name, value] : imported.parameters)
        model.setParam(name, value);
      std::vector<std::string> outputNames;
      for (const TensorSpec &spec : model.signature().results)
        outputNames.push_back(spec.name);
      std::map<std::string, Tensor> feed;
      for (size_t i = 0; i < inputs[set].size(); ++i)
        if (!imported.boundInputs.count(inputNames[i]))
          feed[inputNames[i]] = inputs[set][i];
      std::map<std::string, Tensor> results = model.run(feed);
      if (outputs[set].size() != outputNames.size())
        return {Status::Fail, "the model has " +
                                  std::to_string(outputNames.size()) +
                                  " outputs, the test expects " +
                                  std::to_string(outputs[set].size())};
      for (size_t i = 0; i < outputNames.size(); ++i) {
        std::string difference =
            compare(results.at(outputNames[i]), outputs[set][i]);
        if (!difference.empty())
          return {Status::Fail, dataSets[set].filename().string() +
                                    ": output '" + outputNames[i] + "' " +
                                    difference};
      }
    } catch (const RuntimeError &error) {
      return {Status::Fail, error.what()};
    }
  }
  return {Status::Pass, ""};
}

/// The test directories under `roots`: each root is a test or holds tests.
std::vector<fs::path> findTests(const std::vector<std::string> &roots) {
  std::vector<fs::path> tests;
  for (const std::string &root : roots) {
    if (fs::exists(fs::path(root) / "model.onnx")) {
      tests.push_back(root);
      continue;
    }
    if (!fs::is_directory(root))
      throw RuntimeError("kiln onnx-test: '" + root +
                         "' is neither a test directory nor a directory of "
                         "tests");
    for (const fs::directory_entry &entry : fs::directory_iterator(root))
      if (fs::exists(entry.path() / "model.onnx"))
        tests.push_back(entry.path());
  }
  std::sort(tests.begin(), tests.end(), [](const fs::path &a, const fs::path &b) {
    return a.filename() < b.filename();
  });
  return tests;
}

/// "name status" lines; '#' starts a comment.
std::map<std::string, std::string> readExpected(const std::string &path) {
  std::ifstream file(path);
  if (!file)
    throw RuntimeError("kiln onnx-test: cannot read '" + path + "'");
  std::map<std::string, std::string> expected;
  std::string line;
  while (std::getline(file, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    std::istringstream fields(line);
    std::string name, status;
    fields >> name >> status;
    expected[name] = status;
  }
  return expected;
}

void writeExpected(const std::string &path,
                   const std::vector<std::pair<std::string, Outcome>> &results) {
  std::string temporary = path + ".tmp";
  {
    std::ofstream file(temporary);
    file << "# The status of every ONNX backend node test under Kiln, checked "
            "by\n# `kiln onnx-test --expected` (docs/onnx.md). Regenerate "
            "with\n# --update-expected after a change that makes tests "
            "pass.\n";
    for (const auto &[name, outcome] : results)
      file << name << " " << getStatusName(outcome.status) << "\n";
    if (!file)
      throw RuntimeError("kiln onnx-test: cannot write '" + temporary + "'");
  }
  fs::rename(temporary, path);
}

} // namespace

int onnxTestCommand(const std::vector<std::string> &args) {
  std::vector<std::string> roots;
  std::optional<std::string> expectedPath;
  bool update = false;
  int64_t jobs = std::max(1u, std::thread::hardware_concurrency());
  for (ArgumentReader reader("onnx-test", args); reader.next();) {
    const std::string &arg = reader.current();
    if (arg == "--expected")
      expectedPath = reader.value();
    else if (arg == "--update-expected")
      update = true;
    else if (arg == "--jobs")
      jobs = reader.count(1);
    else if (arg.rfind("--", 0) == 0)
      reader.fail("a known option", arg);
    else
      roots.push_back(arg);
  }
  if (roots.empty())
    throw RuntimeError("usage: kiln onnx-test DIR... [--expected FILE] "
                       "[--update-expected] [--jobs N]");
  if (update && !expectedPath)
    throw RuntimeError("kiln onnx-test: --update-expected needs --expected");

  std::vector<fs::path> tests = findTests(roots);
  std::vector<std::pair<std::string, Outcome>> results(tests.size());
  // Tests are independent (one MLIR context each) and run on `jobs` threads.
  std::atomic<size_t> next{0};
  std::mutex printing;
  auto worker = [&] {
    for (size_t i; (i = next++) < tests.size();) {
      Outcome outcome = runTest(tests[i]);
      std::string name = tests[i].filename().string();
      results[i] = {name, outcome};
      std::lock_guard<std::mutex> lock(printing);
      std::string status = getStatusName(outcome.status);
      std::transform(status.begin(), status.end(), status.begin(), ::toupper);
      std::cout << status << " " << name
                << (outcome.reason.empty() ? "" : ": " + outcome.reason)
                << "\n";
    }
  };
  std::vector<std::thread> threads;
  for (int64_t i = 0; i < jobs; ++i)
    threads.emplace_back(worker);
  for (std::thread &thread : threads)
    thread.join();

  std::map<Status, int64_t> counts;
  for (const auto &[name, outcome] : results)
    ++counts[outcome.status];
  std::printf("%lld of %zu tests pass (%.1f%%), %lld fail, %lld unsupported\n",
              static_cast<long long>(counts[Status::Pass]), tests.size(),
              100.0 * counts[Status::Pass] / std::max<size_t>(tests.size(), 1),
              static_cast<long long>(counts[Status::Fail]),
              static_cast<long long>(counts[Status::Unsupported]));

  if (!expectedPath)
    return 0;
  if (update) {
    writeExpected(*expectedPath, results);
    return 0;
  }
  std::map<std::string, std::string> expected = readExpected(*expectedPath);
  int64_t changed = 0;
  for (const auto &[name, outcome] : results) {
    auto it = expected.find(name);
    std::string was = it == expected.end() ? "(not recorded)" : it->second;
    if (was == getStatusName(outcome.status))
      continue;
    ++changed;
    std::cout << "CHANGED " << name << ": expected " << was << ", got "
              << getStatusName(outcome.status) << "\n";
  }
  if (changed)
    std::cout << changed << " tests differ from " << *expectedPath
              << " (a new pass is recorded with --update-expected)\n";
  return changed ? 1 : 0;
}

} // namespace kiln
