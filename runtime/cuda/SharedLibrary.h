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

  /// The address of `symbol` as a `Function` pointer.
  template <typename Function>
  llvm::Error lookup(const char *symbol, Function *&function) const {
    llvm::Expected<void *> address = lookupAddress(symbol);
    if (!address)
      return address.takeError();
    function = reinterpret_cast<Function *>(*address);
    return llvm::Error::success();
  }

private:
  SharedLibrary(void *handle, std::string name)
      : handle_(handle), name_(std::move(name)) {}
  llvm::Expected<void *> lookupAddress(const char *symbol) const;

  void *handle_ = nullptr;
  std::string name_;
};

} // namespace kiln::cuda

#endif // KILN_RUNTIME_CUDA_SHAREDLIBRARY_H
