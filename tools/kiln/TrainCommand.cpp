//===- TrainCommand.cpp - kiln train --------------------------------------===//
//
/// Trains a model on .npy data with a loss and a torch.optim optimizer: the
/// train step is one compiled graph (frontend/Trainer.h); this file is the
/// loop around it: batches in order or shuffled, progress, the loss log and
/// plot, checkpoints and the final parameters.
//
//===----------------------------------------------------------------------===//

#include "frontend/Support.h"
#include "frontend/Trainer.h"
#include "runtime/FileIO.h"
#include "runtime/Npy.h"
#include "runtime/Safetensors.h"
#include "tools/kiln/CommandLine.h"
#include "tools/kiln/Commands.h"
#include "tools/kiln/LossPlot.h"
#include "tools/kiln/ModelIO.h"
#include "tools/kiln/OptimizerOptions.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiln {
namespace {

const std::string kTrainUsage =
    std::string("usage: kiln train MODEL --data NAME=FILE.npy... "
                "[--loss KIND:OUTPUT,TARGET]\n         ") +
    kOptimizerUsage +
    " --epochs N [--batch-size B] [--shuffle] [--seed S]\n"
    "         [--drop-last] [--params FILE.safetensors] --save OUT.safetensors\n"
    "         [--checkpoint CKPT.safetensors] [--resume CKPT.safetensors]\n"
    "         [--log LOSS.csv] [--plot LOSS.svg] [--print-every N]\n"
    "         [--ignore-nonfinite] [--device DEVICE]";

struct TrainOptions {
  std::string model;
  std::map<std::string, std::string> data;
  std::optional<LossSpec> loss;
  OptimizerSpec optimizer;
  int64_t epochs = 0;
  std::optional<int64_t> batchSize;
  bool shuffle = false;
  uint64_t seed = 0;
  bool dropLast = false;
  std::optional<std::string> params, save, checkpoint, resume, log, plot;
  std::optional<int64_t> printEvery;
  bool ignoreNonFinite = false;
  std::string device;
};

TrainOptions parseTrainOptions(const std::vector<std::string> &args) {
  TrainOptions options;
  for (ArgumentReader reader("train", args); reader.next();) {
    const std::string &arg = reader.current();
    if (arg == "--data") {
      auto [name, file] = reader.binding();
      if (!options.data.emplace(name, file).second)
        throw RuntimeError("kiln train: --data " + name + " is given twice");
    } else if (arg == "--loss") {
      options.loss = parseLossOption("train", reader.value());
    } else if (readOptimizerOption(reader, options.optimizer)) {
    } else if (arg == "--epochs") {
      options.epochs = reader.count(1);
    } else if (arg == "--batch-size") {
      options.batchSize = reader.count(1);
    } else if (arg == "--shuffle") {
      options.shuffle = true;
    } else if (arg == "--seed") {
      options.seed = reader.count(0);
    } else if (arg == "--drop-last") {
      options.dropLast = true;
    } else if (arg == "--params") {
      options.params = reader.value();
    } else if (arg == "--save") {
      options.save = reader.value();
    } else if (arg == "--checkpoint") {
      options.checkpoint = reader.value();
    } else if (arg == "--resume") {
      options.resume = reader.value();
    } else if (arg == "--log") {
      options.log = reader.value();
    } else if (arg == "--plot") {
      options.plot = reader.value();
    } else if (arg == "--print-every") {
      options.printEvery = reader.count(1);
    } else if (arg == "--ignore-nonfinite") {
      options.ignoreNonFinite = true;
    } else if (arg == "--device") {
      options.device = reader.device();
    } else if (!arg.empty() && arg[0] == '-') {
      throw RuntimeError("kiln train: unknown option '" + arg + "'\n" +
                         kTrainUsage);
    } else if (options.model.empty()) {
      options.model = arg;
    } else {
      throw RuntimeError("kiln train: more than one model given ('" +
                         options.model + "' and '" + arg + "')");
    }
  }
  if (options.model.empty())
    throw RuntimeError(std::string("kiln train: no model given\n") +
                       kTrainUsage);
  if (options.optimizer.name.empty())
    throw RuntimeError("kiln train: --optimizer is required");
  if (options.epochs == 0)
    throw RuntimeError("kiln train: --epochs is required");
  if (!options.save)
    throw RuntimeError("kiln train: --save OUT.safetensors is required");
  // $KILN_DEVICE only where --device is not given.
  if (options.device.empty())
    options.device = getDefaultDevice("train");
  return options;
}

std::map<std::string, Tensor> readData(const TrainOptions &options) {
  std::map<std::string, Tensor> tensors;
  for (const auto &[name, file] : options.data) {
    try {
      tensors.emplace(name, readNpy(file));
    } catch (const RuntimeError &error) {
      throw RuntimeError("--data " + name + ": " + error.what());
    }
  }
  return tensors;
}

/// The --log file, open and locked for the whole run. An exclusive flock
/// taken before anything is written makes a second trainer on the same log
/// fail at start instead of interleaving its rows with ours. Every write and
/// the close are checked: a failure (a full disk, /dev/full) is an error
/// naming the file. On --resume the rows of epochs after the checkpoint's
/// (written before a crash) are cut off in place with ftruncate, which keeps
/// the rows before them byte for byte.
class LossLog {
public:
  static constexpr const char *kHeader = "epoch,step,loss";

  /// Opens and locks `path`; a fresh run (`resumedEpochs` unset) empties it
  /// and writes the header, a resumed one keeps the header and the rows of
  /// epochs up to `*resumedEpochs` and returns their losses in losses().
  LossLog(std::string path, std::optional<int64_t> resumedEpochs)
      : path_(std::move(path)) {
    fd_ = open(path_.c_str(),
               (resumedEpochs ? O_RDWR : O_WRONLY) | O_CREAT | O_CLOEXEC,
               0666);
    if (fd_ < 0)
      fail("cannot open");
    if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      if (errno == EWOULDBLOCK)
        throw RuntimeError("the loss log '" + path_ +
                           "' is locked by another kiln train writing to it; "
                           "give each run its own --log");
      fail("cannot lock");
    }
    struct stat info;
    if (fstat(fd_, &info) != 0)
      fail("cannot stat");
    bool regular = S_ISREG(info.st_mode);
    uint64_t keep = 0;
    if (resumedEpochs && regular)
      keep = readRows(*resumedEpochs);
    if (regular && ftruncate(fd_, static_cast<off_t>(keep)) != 0)
      fail("cannot truncate");
    if (regular && lseek(fd_, 0, SEEK_END) < 0)
      fail("cannot seek");
    if (keep == 0)
      write(std::string(kHeader) + "\n");
  }
  ~LossLog() {
    if (fd_ >= 0)
      ::close(fd_);
  }
  LossLog(const LossLog &) = delete;
  LossLog &operator=(const LossLog &) = delete;

  /// The losses of the rows kept from earlier runs.
  const std::vector<double> &losses() const { return losses_; }

  void write(const std::string &text) {
    const char *bytes = text.data();
    size_t count = text.size();
    while (count > 0) {
      ssize_t written = ::write(fd_, bytes, count);
      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        fail("cannot write");
      bytes += written;
      count -= static_cast<size_t>(written);
    }
  }

  /// Closes the file (releasing the lock); throws if the close fails.
  void close() {
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0)
      fail("cannot close");
  }

private:
  [[noreturn]] void fail(const std::string &what) const {
    throw RuntimeError(what + " the loss log '" + path_ +
                       "': " + std::strerror(errno));
  }

  /// Reads the log, keeps the rows of epochs up to `epochs` (in losses_)
  /// and returns the byte count they end at; 0 for an empty file. A final
  /// row without its newline (cut by a crash) is dropped.
  uint64_t readRows(int64_t epochs) {
    std::string text;
    char buffer[65536];
    for (;;) {
      ssize_t got = ::read(fd_, buffer, sizeof(buffer));
      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        fail("cannot read");
      if (got == 0)
        break;
      text.append(buffer, static_cast<size_t>(got));
    }
    if (text.empty())
      return 0;
    size_t end = text.find('\n');
    if (end == std::string::npos || text.compare(0, end, kHeader) != 0)
      throw RuntimeError("the loss log '" + path_ +
                         "' does not start with the header '" + kHeader +
                         "', so it is not a kiln train log to resume; give "
                         "another --log");
    size_t kept = end + 1;
    for (int64_t line = 2; kept < text.size(); ++line) {
      end = text.find('\n', kept);
      if (end == std::string::npos)
        break;
      std::string row = text.substr(kept, end - kept);
      char *rest = nullptr;
      long long epoch = std::strtoll(row.c_str(), &rest, 10);
      size_t comma = row.rfind(',');
      if (rest == row.c_str() || *rest != ',' || comma == std::string::npos)
        throw RuntimeError("the loss log '" + path_ + "' has a malformed row " +
                           std::to_string(line) + ": '" + row + "'");
      if (epoch > epochs)
        break;
      losses_.push_back(std::strtod(row.c_str() + comma + 1, nullptr));
      kept = end + 1;
    }
    return kept;
  }

  std::string path_;
  int fd_ = -1;
  std::vector<double> losses_;
};

void writeTextAtomically(const std::string &path, const std::string &text) {
  AtomicFileWriter writer(path);
  writer.write(text.data(), text.size());
  writer.commit();
}

/// Shortest text that reads back as the same double.
std::string formatLoss(double loss) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.9g", loss);
  if (std::strtod(text, nullptr) != loss)
    std::snprintf(text, sizeof(text), "%.17g", loss);
  return text;
}

} // namespace

int trainCommand(const std::vector<std::string> &args) {
  if (std::find(args.begin(), args.end(), "--help") != args.end()) {
    std::cout << kTrainUsage << "\n";
    return 0;
  }
  TrainOptions options = parseTrainOptions(args);
  std::shared_ptr<mlir::MLIRContext> context = createFrontendContext();
  std::map<std::string, Tensor> data = readData(options);
  // An ONNX input of symbolic size (dynamic_axes) is a batch: --batch-size
  // rows of its data's sample shape.
  OnnxImportOptions onnxOptions;
  if (options.batchSize)
    for (const auto &[name, tensor] : data)
      if (!tensor.shape().empty()) {
        std::vector<int64_t> shape = tensor.shape();
        shape[0] = *options.batchSize;
        onnxOptions.inputShapes[name] = shape;
      }
  ModelFile file = readModelFile(options.model, *context, onnxOptions);
  Trainer trainer = compileNamingFile(options.model, [&] {
    return Trainer(*file.module, context, options.loss, options.optimizer,
                   options.device);
  });
  // An imported model starts from its ONNX initializers.
  trainer.load(file.initialParams);

  std::vector<TensorSpec> batchSpecs = trainer.batchSpecs();
  int64_t batchSize = batchSpecs.empty() || batchSpecs[0].shape.empty()
                          ? 0
                          : batchSpecs[0].shape[0];
  if (options.batchSize && *options.batchSize != batchSize)
    throw RuntimeError(
        "--batch-size " + std::to_string(*options.batchSize) + ": model '" +
        options.model + "' takes batches of " + std::to_string(batchSize) +
        " (input '" + batchSpecs[0].name + "' is " +
        formatShape(batchSpecs[0].shape) +
        "); shapes are static, so declare the batch size in the model");
  Dataset dataset(std::move(data), options.data);
  dataset.checkFits(batchSpecs, options.dropLast);

  if (options.params) {
    std::map<std::string, Tensor> params = readSafetensors(*options.params);
    // Checked against the signature: a parameter without an initializer
    // (a model from kiln import) has no value until these are loaded.
    for (const TensorSpec &spec : trainer.signature().arguments) {
      auto given = params.find(spec.name);
      if (spec.role == TensorSpec::Role::Param && given != params.end() &&
          (given->second.dtype() != spec.dtype ||
           given->second.shape() != spec.shape))
        throw RuntimeError(
            "tensor '" + spec.name + "' of '" + *options.params + "' holds " +
            given->second.describe() + ", but the parameter is " +
            getDTypeName(spec.dtype) + " " + formatShape(spec.shape));
    }
    trainer.load(params);
  }
  int64_t firstEpoch = 1;
  if (options.resume)
    firstEpoch = loadCheckpoint(*options.resume, trainer) + 1;

  // The checkpoint that a non-finite loss leaves intact, if any.
  std::optional<std::string> lastCheckpoint = options.resume;
  if (options.resume && firstEpoch - 1 > options.epochs)
    throw RuntimeError("checkpoint '" + *options.resume + "' records " +
                       std::to_string(firstEpoch - 1) +
                       " epochs done, more than --epochs " +
                       std::to_string(options.epochs));

  std::vector<double> losses;
  std::optional<LossLog> log;
  if (options.log) {
    log.emplace(*options.log, options.resume
                                  ? std::optional<int64_t>(firstEpoch - 1)
                                  : std::nullopt);
    losses = log->losses();
  }

  int64_t batchesPerEpoch = dataset.size() / batchSize;
  int64_t printEvery =
      options.printEvery.value_or(std::max<int64_t>(1, options.epochs / 10));
  bool interactive = isatty(STDERR_FILENO);
  int64_t step = static_cast<int64_t>(losses.size());
  auto start = std::chrono::steady_clock::now();
  int64_t samples = 0;
  double loss = NAN;
  for (int64_t epoch = firstEpoch; epoch <= options.epochs; ++epoch) {
    std::vector<int64_t> order =
        epochOrder(dataset.size(), options.shuffle, options.seed, epoch);
    for (int64_t b = 0; b < batchesPerEpoch; ++b) {
      std::vector<int64_t> rows(order.begin() + b * batchSize,
                                order.begin() + (b + 1) * batchSize);
      loss = trainer.step(dataset.batch(rows));
      ++step;
      samples += batchSize;
      losses.push_back(loss);
      if (log)
        log->write(std::to_string(epoch) + "," + std::to_string(step) + "," +
                   formatLoss(loss) + "\n");
      if (!std::isfinite(loss) && !options.ignoreNonFinite)
        throw RuntimeError(
            "the loss is " + formatLoss(loss) + " at epoch " +
            std::to_string(epoch) + ", step " + std::to_string(step) +
            "; training stopped (--ignore-nonfinite goes on). " +
            (lastCheckpoint ? "The last good checkpoint '" +
                                  *lastCheckpoint + "' is intact; nothing"
                            : std::string("Nothing")) +
            " was written to '" + *options.save + "'");
      if (interactive) {
        double seconds = std::chrono::duration<double>(
                             std::chrono::steady_clock::now() - start)
                             .count();
        std::fprintf(stderr,
                     "\repoch %lld/%lld  step %lld/%lld  loss %-12.6g  "
                     "%.0f samples/s ",
                     (long long)epoch, (long long)options.epochs,
                     (long long)(b + 1), (long long)batchesPerEpoch, loss,
                     seconds > 0 ? samples / seconds : 0.0);
      }
    }
    if (epoch % printEvery == 0 || epoch == options.epochs) {
      double seconds = std::chrono::duration<double>(
                           std::chrono::steady_clock::now() - start)
                           .count();
      if (interactive)
        std::fprintf(stderr, "\r\033[K");
      std::printf("epoch %lld/%lld  loss %s  (%.0f samples/s)\n",
                  (long long)epoch, (long long)options.epochs,
                  formatLoss(loss).c_str(),
                  seconds > 0 ? samples / seconds : 0.0);
      std::fflush(stdout);
    }
    if (options.checkpoint) {
      saveCheckpoint(*options.checkpoint, trainer, epoch);
      lastCheckpoint = options.checkpoint;
    }
  }

  writeSafetensors(*options.save, trainer.parameters());
  if (log)
    log->close();
  if (options.plot)
    writeTextAtomically(*options.plot,
                        renderLossPlot(losses, "kiln train " + options.model));
  return 0;
}

} // namespace kiln
