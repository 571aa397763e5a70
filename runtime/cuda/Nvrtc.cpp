//===- Nvrtc.cpp - CUDA C to PTX and cubins with NVRTC --------------------===//
//
/// One NVRTC program per call. SASS for a real architecture NVRTC knows;
/// for a newer one (a device released after this NVRTC), PTX for the
/// newest virtual architecture it knows, which the driver compiles for the
/// device when the module is loaded.
//
//===----------------------------------------------------------------------===//

#include "runtime/cuda/Nvrtc.h"

#include "runtime/cuda/NvrtcLibrary.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace kiln::cuda {

namespace {
/// Destroys the program however the compile ends.
class ProgramHandle {
public:
  explicit ProgramHandle(const NvrtcLibrary &nvrtc) : nvrtc_(nvrtc) {}
  ~ProgramHandle() {
    if (program_)
      nvrtc_.destroyProgram(&program_);
  }
  /// Where nvrtcCreateProgram writes the handle.
  NvrtcProgram *slot() { return &program_; }
  NvrtcProgram get() const { return program_; }

private:
  const NvrtcLibrary &nvrtc_;
  NvrtcProgram program_ = nullptr;
};
} // namespace

static llvm::Error nvrtcError(const NvrtcLibrary &nvrtc, NvrtcResult result,
                              const std::string &what) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 what + ": " + nvrtc.getErrorString(result));
}

/// The architecture NVRTC is asked for: `arch` itself when NVRTC emits SASS
/// for it, else the newest virtual architecture not newer than it.
static llvm::Expected<std::string> selectTarget(const NvrtcLibrary &nvrtc,
                                                llvm::StringRef arch) {
  unsigned number = 0;
  if (!arch.consume_front("sm_") || arch.getAsInteger(10, number))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "not a CUDA architecture: '" + arch +
                                       "' (expected sm_XY, like sm_90)");
  int fallback = 0;
  for (int supported : nvrtc.supportedArchs) {
    if (supported == static_cast<int>(number))
      return "sm_" + std::to_string(number);
    if (supported < static_cast<int>(number))
      fallback = std::max(fallback, supported);
  }
  if (fallback == 0) {
    std::vector<std::string> known;
    for (int supported : nvrtc.supportedArchs)
      known.push_back("sm_" + std::to_string(supported));
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "NVRTC " + nvrtc.version +
                                       " cannot compile for sm_" +
                                       std::to_string(number) + " (it knows " +
                                       llvm::join(known, ", ") + ")");
  }
  return "compute_" + std::to_string(fallback);
}

static std::string numberedSource(llvm::StringRef source) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::SmallVector<llvm::StringRef> lines;
  source.split(lines, '\n');
  for (auto [index, line] : llvm::enumerate(lines))
    os << llvm::format("%5zu | ", index + 1) << line << "\n";
  return text;
}

llvm::Expected<NvrtcOutput>
compileWithNvrtc(const CudaSource &program, llvm::StringRef arch,
                 const std::vector<std::string> &options) {
  llvm::Expected<const NvrtcLibrary &> loaded = NvrtcLibrary::get();
  if (!loaded)
    return loaded.takeError();
  const NvrtcLibrary &nvrtc = *loaded;
  llvm::Expected<std::string> target = selectTarget(nvrtc, arch);
  if (!target)
    return target.takeError();

  // Operations round one by one (no contraction into fused multiply-adds),
  // as they do on the CPU and in the emulator, so that a GPU run repeats
  // the emulator's numbers; generated code asks for fmaf where it means one.
  std::vector<std::string> allOptions = {"-std=c++17",
                                         "--gpu-architecture=" + *target,
                                         "-default-device", "--fmad=false"};
  if (!nvrtc.includeDirectory.empty())
    allOptions.push_back("-I" + nvrtc.includeDirectory);
  llvm::append_range(allOptions, options);
  std::vector<const char *> optionPointers;
  for (const std::string &option : allOptions)
    optionPointers.push_back(option.c_str());

  std::string fileName = program.name + ".cu";
  ProgramHandle handle(nvrtc);
  if (NvrtcResult result =
          nvrtc.createProgram(handle.slot(), program.source.c_str(),
                              fileName.c_str(), 0, nullptr, nullptr))
    return nvrtcError(nvrtc, result,
                      "cannot create the NVRTC program '" + program.name + "'");

  NvrtcResult compiled = nvrtc.compileProgram(
      handle.get(), static_cast<int>(optionPointers.size()),
      optionPointers.data());
  NvrtcOutput output;
  size_t size = 0;
  if (NvrtcResult result = nvrtc.getProgramLogSize(handle.get(), &size))
    return nvrtcError(nvrtc, result, "cannot read NVRTC's log");
  output.log.resize(size);
  if (NvrtcResult result = nvrtc.getProgramLog(handle.get(), output.log.data()))
    return nvrtcError(nvrtc, result, "cannot read NVRTC's log");
  // The sizes count the terminating NUL.
  if (!output.log.empty() && output.log.back() == '\0')
    output.log.pop_back();

  if (compiled)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "NVRTC " + nvrtc.version + " cannot compile CUDA program '" +
            program.name + "' for " + arch + ": " +
            nvrtc.getErrorString(compiled) +
            "\noptions: " + llvm::join(allOptions, " ") + "\nlog:\n" +
            output.log + "\nsource:\n" + numberedSource(program.source));

  if (NvrtcResult result = nvrtc.getPTXSize(handle.get(), &size))
    return nvrtcError(nvrtc, result, "cannot read the PTX");
  output.ptx.resize(size);
  if (NvrtcResult result = nvrtc.getPTX(handle.get(), output.ptx.data()))
    return nvrtcError(nvrtc, result, "cannot read the PTX");
  if (!output.ptx.empty() && output.ptx.back() == '\0')
    output.ptx.pop_back();

  if (llvm::StringRef(*target).starts_with("sm_")) {
    if (NvrtcResult result = nvrtc.getCUBINSize(handle.get(), &size))
      return nvrtcError(nvrtc, result, "cannot read the cubin");
    output.cubin.resize(size);
    if (NvrtcResult result = nvrtc.getCUBIN(handle.get(), output.cubin.data()))
      return nvrtcError(nvrtc, result, "cannot read the cubin");
  }
  return output;
}

llvm::Expected<std::string> getNvrtcVersion() {
  llvm::Expected<const NvrtcLibrary &> nvrtc = NvrtcLibrary::get();
  if (!nvrtc)
    return nvrtc.takeError();
  return nvrtc->version;
}

} // namespace kiln::cuda
