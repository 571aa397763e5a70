//===- FileIO.h - Whole-file reads and atomic writes ------------*- C++ -*-===//
//
/// The file plumbing the tensor formats share. InputFile reads byte ranges
/// and reports short reads as truncation; AtomicFileWriter writes a temporary
/// file in the destination's directory and renames it into place on commit,
/// so a reader (or a crash) never sees a half-written file and an existing
/// file survives a failed write. Every message starts with the file's path.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_FILEIO_H
#define KILN_RUNTIME_FILEIO_H

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace kiln {

class InputFile {
public:
  /// Opens `path` for reading; throws if it cannot be opened.
  explicit InputFile(std::string path);
  ~InputFile();
  InputFile(const InputFile &) = delete;
  InputFile &operator=(const InputFile &) = delete;

  const std::string &path() const { return path_; }
  uint64_t size() const { return size_; }

  /// Reads `count` bytes at `offset`; `what` names them in the message that
  /// is thrown when the file ends first.
  void read(void *out, size_t count, uint64_t offset, const std::string &what);
  /// Throws read()'s message unless the file has `count` bytes at `offset`:
  /// a reader calls it before allocating room for a size the file claims.
  void checkRange(uint64_t count, uint64_t offset,
                  const std::string &what) const;

  /// Throws "<path>: <problem>".
  [[noreturn]] void fail(const std::string &problem) const;

private:
  std::string path_;
  std::FILE *file_ = nullptr;
  uint64_t size_ = 0;
};

class AtomicFileWriter {
public:
  /// Creates a unique temporary file next to `path`.
  explicit AtomicFileWriter(std::string path);
  /// Removes the temporary file unless commit() succeeded.
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter &) = delete;
  AtomicFileWriter &operator=(const AtomicFileWriter &) = delete;

  void write(const void *data, size_t count);
  /// Flushes, closes and renames the temporary file over `path`.
  void commit();

private:
  [[noreturn]] void fail(const std::string &problem) const;

  std::string path_;
  std::string tempPath_;
  int fd_ = -1;
  bool committed_ = false;
};

/// The directory Kiln caches compiled programs under: $KILN_CACHE_DIR,
/// else $XDG_CACHE_HOME/kiln, else ~/.cache/kiln; "" when none of them is
/// set. Each cache takes a subdirectory of its own.
std::string getKilnCacheDirectory();

} // namespace kiln

#endif // KILN_RUNTIME_FILEIO_H
