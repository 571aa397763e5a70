//===- FileIO.cpp - Whole-file reads and atomic writes --------------------===//
//
/// POSIX implementation: the temporary file is created with O_EXCL and mode
/// 0666 so that, after the rename, the file has the permissions the umask
/// gives any new file (mkstemp's 0600 would leak into the result).
//
//===----------------------------------------------------------------------===//

#include "runtime/FileIO.h"

#include "runtime/Tensor.h"

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiln {

static std::string errnoText() { return std::strerror(errno); }

InputFile::InputFile(std::string path) : path_(std::move(path)) {
  file_ = std::fopen(path_.c_str(), "rb");
  if (!file_)
    fail("cannot open file: " + errnoText());
  struct stat info;
  if (fstat(fileno(file_), &info) != 0)
    fail("cannot stat file: " + errnoText());
  if (!S_ISREG(info.st_mode))
    fail("not a regular file");
  size_ = static_cast<uint64_t>(info.st_size);
}

InputFile::~InputFile() {
  if (file_)
    std::fclose(file_);
}

void InputFile::checkRange(uint64_t count, uint64_t offset,
                           const std::string &what) const {
  if (offset > size_ || count > size_ - offset)
    fail("truncated file: " + what + " needs " + std::to_string(count) +
         " bytes at offset " + std::to_string(offset) + " but the file has " +
         std::to_string(size_) + " bytes");
}

void InputFile::read(void *out, size_t count, uint64_t offset,
                     const std::string &what) {
  checkRange(count, offset, what);
  if (count == 0)
    return;
  if (fseeko(file_, static_cast<off_t>(offset), SEEK_SET) != 0 ||
      std::fread(out, 1, count, file_) != count)
    fail("cannot read " + what + ": " + errnoText());
}

void InputFile::fail(const std::string &problem) const {
  throw RuntimeError(path_ + ": " + problem);
}

AtomicFileWriter::AtomicFileWriter(std::string path) : path_(std::move(path)) {
  // Unique among threads by the counter and among processes by the pid;
  // O_EXCL guards against leftovers of a crashed writer with a reused pid.
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0; attempt < 100; ++attempt) {
    tempPath_ = path_ + ".tmp-" + std::to_string(getpid()) + "-" +
                std::to_string(counter++);
    fd_ = open(tempPath_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
               0666);
    if (fd_ >= 0)
      return;
    if (errno != EEXIST)
      break;
  }
  std::string reason = errnoText();
  tempPath_.clear();
  fail("cannot create a temporary file next to it: " + reason);
}

AtomicFileWriter::~AtomicFileWriter() {
  if (fd_ >= 0)
    close(fd_);
  if (!committed_ && !tempPath_.empty())
    unlink(tempPath_.c_str());
}

void AtomicFileWriter::write(const void *data, size_t count) {
  const char *bytes = static_cast<const char *>(data);
  while (count > 0) {
    ssize_t written = ::write(fd_, bytes, count);
    if (written < 0 && errno == EINTR)
      continue;
    if (written <= 0)
      fail("cannot write: " + errnoText());
    bytes += written;
    count -= static_cast<size_t>(written);
  }
}

void AtomicFileWriter::commit() {
  // fsync before rename: otherwise a crash can leave the new name pointing
  // at an empty file on some file systems.
  if (fsync(fd_) != 0)
    fail("cannot flush: " + errnoText());
  int fd = fd_;
  fd_ = -1;
  if (close(fd) != 0)
    fail("cannot close: " + errnoText());
  if (std::rename(tempPath_.c_str(), path_.c_str()) != 0)
    fail("cannot rename the temporary file into place: " + errnoText());
  committed_ = true;
}

void AtomicFileWriter::fail(const std::string &problem) const {
  throw RuntimeError(path_ + ": " + problem);
}

std::string getKilnCacheDirectory() {
  auto variable = [](const char *name) -> std::string {
    const char *value = std::getenv(name);
    return value ? value : "";
  };
  if (std::string directory = variable("KILN_CACHE_DIR"); !directory.empty())
    return directory;
  if (std::string xdg = variable("XDG_CACHE_HOME"); !xdg.empty())
    return xdg + "/kiln";
  if (std::string home = variable("HOME"); !home.empty())
    return home + "/.cache/kiln";
  return "";
}

} // namespace kiln
