//===- SharedLibrary.h - A dlopen'd library and its symbols -----*- C++ -*-===//
//
/// The CUDA libraries are opened at run time, never linked, so that Kiln
/// builds without the toolkit and runs without a GPU. One small owner of a
/// dlopen handle whose errors say which names were tried and why each
/// failed, and typed symbol lookups.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_CUDA_SHAREDLIBRARY_H
#define KILN_RUNTIME_CUDA_SHAREDLIBRARY_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace kiln::cuda {

class SharedLibrary {
public:
  /// Opens the first of `candidates` (names for the loader's search, or
  /// paths) that loads. The error lists every candidate with dlerror's
  /// reason.
  static llvm::Expected<SharedLibrary>
  open(llvm::ArrayRef<std::string> candidates);

  SharedLibrary(SharedLibrary &&other) noexcept;
  SharedLibrary &operator=(SharedLibrary &&other) noexcept;
  SharedLibrary(const SharedLibrary &) = delete;
  SharedLibrary &operator=(const SharedLibrary &) = delete;
  ~SharedLibrary();

  /// The path or name it was opened by.
  const std::string &name() const { return name_; }
  /// The directory the loader found it in, or "" when unknown.
  std::string directory() const;

  /// Binds entry points by name and reports every missing one in one
  /// error: "libx.so lacks a, b".
  class Binder {
  public:
    explicit Binder(const SharedLibrary &library) : library_(library) {}
    template <typename Function>
    void operator()(const char *symbol, Function *&function) {
      function = reinterpret_cast<Function *>(library_.lookup(symbol));
      if (!function)
        missing_.push_back(symbol);
    }
    llvm::Error takeError() const;

  private:
    const SharedLibrary &library_;
    std::vector<std::string> missing_;
  };

private:
  SharedLibrary(void *handle, std::string name)
      : handle_(handle), name_(std::move(name)) {}
  /// The address of `symbol`, or null.
  void *lookup(const char *symbol) const;

  void *handle_ = nullptr;
  std::string name_;
};

} // namespace kiln::cuda

#endif // KILN_RUNTIME_CUDA_SHAREDLIBRARY_H
