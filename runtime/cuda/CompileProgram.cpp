//===- CompileProgram.cpp - A program's PTX and cubin, cached -------------===//

#include "runtime/cuda/CompileProgram.h"

#include "runtime/FileIO.h"
#include "runtime/Tensor.h"
#include "runtime/cuda/CompileCache.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>

namespace kiln::cuda {

static llvm::Error writeFile(llvm::StringRef path, llvm::StringRef bytes) {
  try {
    AtomicFileWriter writer(path.str());
    writer.write(bytes.data(), bytes.size());
    writer.commit();
  } catch (const RuntimeError &error) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   error.what());
  }
  return llvm::Error::success();
}

namespace {
/// KILN_DUMP_CUDA's directory and the files of one program in it, named
/// after the program ('/' would make a path of it).
class Dump {
public:
  static std::optional<Dump> fromEnvironment(const CudaSource &program) {
    const char *directory = std::getenv("KILN_DUMP_CUDA");
    if (!directory || !*directory)
      return std::nullopt;
    std::string stem = program.name;
    std::replace(stem.begin(), stem.end(), '/', '_');
    llvm::SmallString<128> path(directory);
    llvm::sys::path::append(path, stem);
    return Dump(directory, path.str().str());
  }

  llvm::Error write(llvm::StringRef extension, llvm::StringRef bytes) const {
    if (std::error_code error = llvm::sys::fs::create_directories(directory_))
      return llvm::createStringError(error, "KILN_DUMP_CUDA: cannot create " +
                                                directory_ + ": " +
                                                error.message());
    if (llvm::Error error = writeFile((stem_ + extension).str(), bytes))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "KILN_DUMP_CUDA: " +
                                         llvm::toString(std::move(error)));
    return llvm::Error::success();
  }

private:
  Dump(std::string directory, std::string stem)
      : directory_(std::move(directory)), stem_(std::move(stem)) {}
  std::string directory_, stem_;
};
} // namespace

static void warnCacheNotWritten(llvm::Error error) {
  static std::atomic<bool> warned{false};
  std::string message = llvm::toString(std::move(error));
  if (!warned.exchange(true))
    llvm::errs() << "kiln: warning: the CUDA compile cache is not written ("
                 << message << "); programs are compiled every run\n";
}

llvm::Expected<NvrtcOutput>
compileProgram(const CudaSource &program, llvm::StringRef arch,
               const std::vector<std::string> &options) {
  std::optional<Dump> dump = Dump::fromEnvironment(program);
  std::vector<std::string> allOptions = options;
  if (dump) {
    if (!llvm::is_contained(allOptions, "-v"))
      llvm::append_range(allOptions, std::vector<std::string>{"-Xptxas", "-v"});
    // Written first, so a program NVRTC rejects can be read next to its
    // error.
    if (llvm::Error error = dump->write(".cu", program.source))
      return std::move(error);
  }

  llvm::Expected<std::string> version = getNvrtcVersion();
  if (!version)
    return version.takeError();
  std::string directory = CompileCache::getDefaultDirectory();
  std::optional<CompileCache> cache;
  std::string key;
  std::optional<NvrtcOutput> output;
  if (!directory.empty()) {
    cache.emplace(directory);
    key = CompileCache::getKey(program, arch, allOptions, *version);
    output = cache->lookup(key);
  }
  if (!output) {
    llvm::Expected<NvrtcOutput> compiled =
        compileWithNvrtc(program, arch, allOptions);
    if (!compiled)
      return compiled.takeError();
    output = std::move(*compiled);
    if (cache)
      if (llvm::Error error = cache->store(key, *output))
        warnCacheNotWritten(std::move(error));
  }

  if (dump) {
    if (llvm::Error error = dump->write(".ptx", output->ptx))
      return std::move(error);
    if (!output->cubin.empty())
      if (llvm::Error error = dump->write(".cubin", output->cubin))
        return std::move(error);
    if (llvm::Error error = dump->write(".ptxas.txt", output->log))
      return std::move(error);
  }
  return std::move(*output);
}

} // namespace kiln::cuda
