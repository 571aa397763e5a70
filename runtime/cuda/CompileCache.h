//===- CompileCache.h - Compiled CUDA programs on disk ----------*- C++ -*-===//
//
/// NVRTC takes tens of milliseconds per kernel; a model's program compiled
/// once is found again by a hash of everything that decides its bytes: the
/// source, the options, the arch, NVRTC's version and Kiln's codegen
/// version. An entry is written atomically (temporary file and rename) and
/// carries its sizes and a checksum, so a truncated or corrupt entry reads
/// as a miss and is compiled again, never trusted.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_CUDA_COMPILECACHE_H
#define KILN_RUNTIME_CUDA_COMPILECACHE_H

#include "runtime/cuda/Nvrtc.h"

#include <optional>

namespace kiln::cuda {

/// Kiln's CUDA codegen version, part of every cache key. Bump it when what
/// Kiln does around NVRTC changes the bytes of a program without changing
/// its source or options (the cache's format, the handling of the output),
/// so that no entry of an older Kiln is reused.
inline constexpr unsigned kCudaCodegenVersion = 1;

class CompileCache {
public:
  /// $KILN_CACHE_DIR, else $XDG_CACHE_HOME/kiln, else ~/.cache/kiln; the
  /// entries live in its cuda/ directory. "" when none of them is set.
  static std::string getDefaultDirectory();

  /// Entries under `directory`/cuda (created on the first store).
  explicit CompileCache(std::string directory);

  /// The hex SHA-256 that names the entry of `program` compiled for `arch`
  /// with `options` by NVRTC `nvrtcVersion`.
  static std::string getKey(const CudaSource &program, llvm::StringRef arch,
                            llvm::ArrayRef<std::string> options,
                            llvm::StringRef nvrtcVersion);

  std::string getEntryPath(llvm::StringRef key) const;

  /// The entry for `key`; none when it is missing, unreadable, truncated
  /// or fails its checksum.
  std::optional<NvrtcOutput> lookup(llvm::StringRef key) const;

  /// Writes the entry for `key` atomically.
  llvm::Error store(llvm::StringRef key, const NvrtcOutput &output) const;

private:
  std::string directory_;
};

} // namespace kiln::cuda

#endif // KILN_RUNTIME_CUDA_COMPILECACHE_H
