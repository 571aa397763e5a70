//===- ScopedEnvironment.h - Test helpers: env vars, temp dirs --*- C++ -*-===//

#ifndef KILN_TEST_RUNTIME_CUDA_SCOPEDENVIRONMENT_H
#define KILN_TEST_RUNTIME_CUDA_SCOPEDENVIRONMENT_H

#include "llvm/Support/FileSystem.h"

#include <cstdlib>
#include <optional>
#include <string>

namespace kiln::cuda::testing {

/// Sets (or with nullptr unsets) an environment variable for a scope.
class ScopedEnvironment {
public:
  ScopedEnvironment(const char *name, const char *value) : name_(name) {
    if (const char *old = std::getenv(name))
      old_ = old;
    if (value)
      setenv(name, value, 1);
    else
      unsetenv(name);
  }
  ~ScopedEnvironment() {
    if (old_)
      setenv(name_.c_str(), old_->c_str(), 1);
    else
      unsetenv(name_.c_str());
  }

private:
  std::string name_;
  std::optional<std::string> old_;
};

/// A fresh directory, removed with everything in it at the end of scope.
class TemporaryDirectory {
public:
  TemporaryDirectory() {
    llvm::SmallString<128> path;
    if (llvm::sys::fs::createUniqueDirectory("kiln-cuda-test", path))
      std::abort();
    path_ = path.str().str();
  }
  ~TemporaryDirectory() { llvm::sys::fs::remove_directories(path_); }
  const std::string &path() const { return path_; }

private:
  std::string path_;
};

} // namespace kiln::cuda::testing

#endif // KILN_TEST_RUNTIME_CUDA_SCOPEDENVIRONMENT_H
