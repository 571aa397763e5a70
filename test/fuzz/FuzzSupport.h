//===- FuzzSupport.h - What Kiln's libFuzzer targets share ------*- C++ -*-===//
//
/// Kiln's readers take a path, as the `kiln` CLI calls them, so each fuzz
/// target writes its input to a scratch file of this process and calls the
/// reader on that file. The documented way a reader refuses bad input is a
/// kiln::RuntimeError naming the file; the targets catch exactly that, so
/// any other exception (std::bad_alloc from a claimed size, std::length_error,
/// std::out_of_range) escapes and libFuzzer reports it as a crash, as do
/// ASan's and UBSan's reports.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_TEST_FUZZ_FUZZSUPPORT_H
#define KILN_TEST_FUZZ_FUZZSUPPORT_H

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <unistd.h>

namespace kiln::fuzz {

/// The scratch file of this process for inputs with extension `ext`
/// (".npy", ".onnx", ...), in $TMPDIR or /tmp; removed at exit.
inline const std::string &scratchPath(const char *ext) {
  static const std::string path = [&] {
    const char *dir = std::getenv("TMPDIR");
    std::string result = std::string(dir && *dir ? dir : "/tmp") +
                         "/kiln-fuzz-" + std::to_string(getpid()) + ext;
    static std::string toRemove = result;
    std::atexit([] { std::remove(toRemove.c_str()); });
    return result;
  }();
  return path;
}

/// Writes `data` to the scratch file and returns its path.
inline const std::string &writeScratch(const uint8_t *data, size_t size,
                                       const char *ext) {
  const std::string &path = scratchPath(ext);
  std::FILE *file = std::fopen(path.c_str(), "wb");
  if (!file)
    std::abort();
  if (size && std::fwrite(data, 1, size, file) != size)
    std::abort();
  std::fclose(file);
  return path;
}

} // namespace kiln::fuzz

#endif // KILN_TEST_FUZZ_FUZZSUPPORT_H
