//===- kiln-nvrtc.cpp - CUDA C files through Kiln's NVRTC path ------------===//
//
/// kiln-nvrtc FILE.cu [--arch sm_XY] [--check-resources] [--ptx OUT]
///            [--cubin OUT] [-- NVRTC-OPTION...]
///
/// Compiles FILE with compileWithNvrtc and ptxas's report (-Xptxas -v) and
/// prints one line per kernel. --check-resources fails (status 1) unless
/// every kernel compiles without a stack frame or spills, naming those that
/// do: the lit tests run it over CUDA C for sm_90 offline.
//
//===----------------------------------------------------------------------===//

#include "runtime/cuda/Nvrtc.h"
#include "runtime/cuda/PtxasReport.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace kiln::cuda;

static int fail(const llvm::Twine &message) {
  llvm::errs() << "kiln-nvrtc: error: " << message << "\n";
  return 1;
}

static llvm::Error writeFile(llvm::StringRef path, llvm::StringRef bytes) {
  std::error_code error;
  llvm::raw_fd_ostream out(path, error, llvm::sys::fs::OF_None);
  if (error)
    return llvm::createStringError(error, path + ": " + error.message());
  out << bytes;
  return llvm::Error::success();
}

int main(int argc, char **argv) {
  std::string file, arch = "sm_90", ptxPath, cubinPath;
  bool checkResources = false;
  std::vector<std::string> options = {"-Xptxas", "-v"};
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        fail(arg + " needs a value");
        std::exit(1);
      }
      return argv[++i];
    };
    if (arg == "--arch")
      arch = value();
    else if (arg == "--check-resources")
      checkResources = true;
    else if (arg == "--ptx")
      ptxPath = value();
    else if (arg == "--cubin")
      cubinPath = value();
    else if (arg == "--")
      options.insert(options.end(), argv + i + 1, argv + argc), i = argc;
    else if (file.empty() && !arg.starts_with("-"))
      file = arg.str();
    else
      return fail("unexpected argument '" + arg + "'");
  }
  if (file.empty())
    return fail("usage: kiln-nvrtc FILE.cu [--arch sm_XY] "
                "[--check-resources] [--ptx OUT] [--cubin OUT] [-- OPTION...]");

  auto buffer = llvm::MemoryBuffer::getFile(file);
  if (!buffer)
    return fail(file + ": " + buffer.getError().message());
  CudaSource program{llvm::sys::path::stem(file).str(),
                     (*buffer)->getBuffer().str()};
  llvm::Expected<NvrtcOutput> output = compileWithNvrtc(program, arch, options);
  if (!output)
    return fail(llvm::toString(output.takeError()));
  if (!ptxPath.empty())
    if (llvm::Error error = writeFile(ptxPath, output->ptx))
      return fail(llvm::toString(std::move(error)));
  if (!cubinPath.empty())
    if (llvm::Error error = writeFile(cubinPath, output->cubin))
      return fail(llvm::toString(std::move(error)));

  std::vector<KernelResources> kernels = parsePtxasReport(output->log);
  if (kernels.empty())
    return fail(file + ": ptxas reported no kernel for " + arch);
  std::vector<std::string> failing;
  for (const KernelResources &kernel : kernels) {
    llvm::outs() << kernel.name << ": " << kernel.registers << " registers, "
                 << kernel.barriers << " barriers, " << kernel.sharedBytes
                 << " bytes smem, " << kernel.stackFrameBytes
                 << " bytes stack frame, " << kernel.spillStoreBytes
                 << " bytes spill stores, " << kernel.spillLoadBytes
                 << " bytes spill loads\n";
    if (kernel.usesLocalMemory())
      failing.push_back(kernel.name);
  }
  if (checkResources && !failing.empty())
    return fail(file + ": " + llvm::Twine(failing.size()) +
                " kernel(s) use local memory for " + arch + ": " +
                llvm::join(failing, ", "));
  return 0;
}
