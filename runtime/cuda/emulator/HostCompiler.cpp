//===- HostCompiler.cpp - CUDA C compiled for the host, cached ------------===//

#include "runtime/cuda/emulator/HostCompiler.h"

#include "runtime/FileIO.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"

#include <unistd.h>

namespace kiln::cuda {

/// CudaEmulator.h, embedded at build time.
extern const char *const kEmulatorHeader;

namespace {

llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

/// No FMA contraction, so that products round as the CPU's code rounds
/// them; no warnings, which generated code is not written to avoid.
const char *const kOptions[] = {"-std=c++17", "-O2", "-fPIC", "-shared",
                                "-ffp-contract=off", "-w"};

llvm::Expected<std::string> findCompiler() {
  if (std::optional<std::string> chosen =
          llvm::sys::Process::GetEnv("KILN_EMULATOR_CXX"))
    return *chosen;
  for (const char *name : {"c++", "g++", "clang++", "clang++-19"})
    if (llvm::ErrorOr<std::string> path = llvm::sys::findProgramByName(name))
      return *path;
  return makeError("cuda-emulator: no C++ compiler on PATH (looked for c++, "
                   "g++, clang++, clang++-19; set KILN_EMULATOR_CXX)");
}

/// Kiln's cache directory (runtime/FileIO.h), or the system's temporary
/// one where none is set: the emulator must compile somewhere.
llvm::Expected<std::string> getCacheDirectory() {
  llvm::SmallString<256> directory(getKilnCacheDirectory());
  if (directory.empty()) {
    llvm::sys::path::system_temp_directory(/*ErasedOnReboot=*/true, directory);
    llvm::sys::path::append(directory, "kiln");
  }
  llvm::sys::path::append(directory, "emulator");
  if (std::error_code error = llvm::sys::fs::create_directories(directory))
    return makeError("cuda-emulator: cannot create the cache directory '" +
                     directory + "': " + error.message());
  return std::string(directory);
}
} // namespace

llvm::Expected<std::string> compileForHost(const CudaSource &program) {
  auto compiler = findCompiler();
  if (!compiler)
    return compiler.takeError();
  auto directory = getCacheDirectory();
  if (!directory)
    return directory.takeError();

  // Compiler errors point into the program's own lines.
  std::string text = std::string(kEmulatorHeader) + "\n#line 1 \"" +
                     program.name + ".cu\"\n" + program.source;
  llvm::SHA256 hash;
  hash.update(text);
  hash.update(*compiler);
  for (const char *option : kOptions)
    hash.update(option);
  std::string key = llvm::toHex(hash.final(), /*LowerCase=*/true);
  llvm::SmallString<256> library(*directory);
  llvm::sys::path::append(library, key + ".so");
  if (llvm::sys::fs::exists(library))
    return std::string(library);

  // Unique names for this process's files; the rename is atomic, so a
  // concurrent compile of the same program leaves one whole library.
  std::string unique = "." + std::to_string(::getpid()) + ".tmp";
  std::string sourcePath = std::string(library) + unique + ".cpp";
  std::string temporary = std::string(library) + unique;
  std::string logPath = std::string(library) + unique + ".log";
  {
    std::error_code error;
    llvm::raw_fd_ostream out(sourcePath, error);
    if (error)
      return makeError("cuda-emulator: cannot write '" + sourcePath +
                       "': " + error.message());
    out << text;
  }
  llvm::SmallVector<llvm::StringRef> arguments = {*compiler};
  arguments.append(std::begin(kOptions), std::end(kOptions));
  arguments.append({"-o", temporary, sourcePath});
  std::optional<llvm::StringRef> redirects[] = {std::nullopt, logPath,
                                                logPath};
  std::string failure;
  int status = llvm::sys::ExecuteAndWait(*compiler, arguments, std::nullopt,
                                         redirects, 0, 0, &failure);
  auto log = llvm::MemoryBuffer::getFile(logPath);
  llvm::sys::fs::remove(sourcePath);
  llvm::sys::fs::remove(logPath);
  if (status != 0) {
    llvm::sys::fs::remove(temporary);
    return makeError("cuda-emulator: compiling '" + program.name +
                     "' for the host failed: " +
                     llvm::join(arguments, " ") + "\n" +
                     (log ? (*log)->getBuffer() : llvm::StringRef(failure)));
  }
  if (std::error_code error = llvm::sys::fs::rename(temporary, library))
    return makeError("cuda-emulator: cannot rename '" + temporary + "' to '" +
                     library + "': " + error.message());
  return std::string(library);
}

} // namespace kiln::cuda
