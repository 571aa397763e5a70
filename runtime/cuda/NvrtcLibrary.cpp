//===- NvrtcLibrary.cpp - Opening NVRTC once per process ------------------===//
//
/// The loader's search path comes first (an LD_LIBRARY_PATH or a system
/// package wins), then the toolkit's default location, which is not on the
/// search path of a stock install.
//
//===----------------------------------------------------------------------===//

#include "runtime/cuda/NvrtcLibrary.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cstdlib>
#include <optional>

namespace kiln::cuda {

static constexpr const char *kToolkitRoot = "/usr/local/cuda";

/// The first directory holding cuda_fp16.h: next to the library's own
/// lib64 (the toolkit it belongs to), then $CUDA_HOME, then the default.
static std::string findIncludeDirectory(const SharedLibrary &library) {
  std::vector<std::string> roots;
  std::string libraryDirectory = library.directory();
  if (!libraryDirectory.empty())
    roots.push_back(llvm::sys::path::parent_path(libraryDirectory).str());
  if (const char *home = std::getenv("CUDA_HOME"))
    roots.push_back(home);
  roots.push_back(kToolkitRoot);
  for (const std::string &root : roots) {
    llvm::SmallString<128> directory(root);
    llvm::sys::path::append(directory, "include");
    llvm::SmallString<128> header(directory);
    llvm::sys::path::append(header, "cuda_fp16.h");
    if (llvm::sys::fs::exists(header))
      return directory.str().str();
  }
  return "";
}

static llvm::Error check(const NvrtcLibrary &nvrtc, NvrtcResult result,
                         const char *what) {
  if (result == 0)
    return llvm::Error::success();
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      std::string(what) + " failed: " + nvrtc.getErrorString(result));
}

static llvm::Expected<NvrtcLibrary> open() {
  std::string lib = std::string(kToolkitRoot) + "/lib64/";
  llvm::Expected<SharedLibrary> library =
      SharedLibrary::open({"libnvrtc.so.13", "libnvrtc.so",
                           lib + "libnvrtc.so.13", lib + "libnvrtc.so"});
  if (!library)
    return library.takeError();
  NvrtcLibrary nvrtc{std::move(*library)};
  SharedLibrary::Binder bind(nvrtc.library);
  bind("nvrtcGetErrorString", nvrtc.getErrorString);
  bind("nvrtcVersion", nvrtc.getVersion);
  bind("nvrtcGetNumSupportedArchs", nvrtc.getNumSupportedArchs);
  bind("nvrtcGetSupportedArchs", nvrtc.getSupportedArchs);
  bind("nvrtcCreateProgram", nvrtc.createProgram);
  bind("nvrtcDestroyProgram", nvrtc.destroyProgram);
  bind("nvrtcCompileProgram", nvrtc.compileProgram);
  bind("nvrtcGetPTXSize", nvrtc.getPTXSize);
  bind("nvrtcGetPTX", nvrtc.getPTX);
  bind("nvrtcGetCUBINSize", nvrtc.getCUBINSize);
  bind("nvrtcGetCUBIN", nvrtc.getCUBIN);
  bind("nvrtcGetProgramLogSize", nvrtc.getProgramLogSize);
  bind("nvrtcGetProgramLog", nvrtc.getProgramLog);
  if (llvm::Error error = bind.takeError())
    return std::move(error);

  int major = 0, minor = 0;
  if (llvm::Error error =
          check(nvrtc, nvrtc.getVersion(&major, &minor), "nvrtcVersion"))
    return std::move(error);
  nvrtc.version = std::to_string(major) + "." + std::to_string(minor);

  int count = 0;
  if (llvm::Error error = check(nvrtc, nvrtc.getNumSupportedArchs(&count),
                                "nvrtcGetNumSupportedArchs"))
    return std::move(error);
  nvrtc.supportedArchs.resize(count);
  if (llvm::Error error =
          check(nvrtc, nvrtc.getSupportedArchs(nvrtc.supportedArchs.data()),
                "nvrtcGetSupportedArchs"))
    return std::move(error);

  nvrtc.includeDirectory = findIncludeDirectory(nvrtc.library);
  return std::move(nvrtc);
}

llvm::Expected<const NvrtcLibrary &> NvrtcLibrary::get() {
  // Opened once: a function-local static is initialized thread-safely, and
  // the failure is kept as text (an llvm::Error can be consumed only once).
  struct Loaded {
    std::optional<NvrtcLibrary> nvrtc;
    std::string error;
  };
  static Loaded loaded = [] {
    Loaded result;
    llvm::Expected<NvrtcLibrary> nvrtc = open();
    if (nvrtc)
      result.nvrtc.emplace(std::move(*nvrtc));
    else
      result.error = llvm::toString(nvrtc.takeError());
    return result;
  }();
  if (!loaded.nvrtc)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot load NVRTC: " + loaded.error);
  return *loaded.nvrtc;
}

} // namespace kiln::cuda
