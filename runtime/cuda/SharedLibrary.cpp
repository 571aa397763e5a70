//===- SharedLibrary.cpp - A dlopen'd library and its symbols -------------===//
//
/// RTLD_LOCAL keeps the CUDA libraries' symbols out of the global namespace
/// (a test's fake driver and the program's own symbols never collide);
/// RTLD_NOW reports a missing dependency at open, not at the first call;
/// RTLD_NODELETE keeps a library mapped after the last dlclose, because the
/// CUDA driver leaves threads running its code after its last handle goes.
//
//===----------------------------------------------------------------------===//

#include "runtime/cuda/SharedLibrary.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <dlfcn.h>
#include <link.h>

namespace kiln::cuda {

llvm::Expected<SharedLibrary>
SharedLibrary::open(llvm::ArrayRef<std::string> candidates) {
  std::vector<std::string> failures;
  for (const std::string &candidate : candidates) {
    if (void *handle =
            dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE))
      return SharedLibrary(handle, candidate);
    const char *reason = dlerror();
    failures.push_back(reason ? reason : candidate + ": cannot be loaded");
  }
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 llvm::join(failures, "; "));
}

SharedLibrary::SharedLibrary(SharedLibrary &&other) noexcept
    : handle_(other.handle_), name_(std::move(other.name_)) {
  other.handle_ = nullptr;
}

SharedLibrary &SharedLibrary::operator=(SharedLibrary &&other) noexcept {
  if (this != &other) {
    if (handle_)
      dlclose(handle_);
    handle_ = other.handle_;
    name_ = std::move(other.name_);
    other.handle_ = nullptr;
  }
  return *this;
}

SharedLibrary::~SharedLibrary() {
  if (handle_)
    dlclose(handle_);
}

std::string SharedLibrary::directory() const {
  struct link_map *map = nullptr;
  if (dlinfo(handle_, RTLD_DI_LINKMAP, &map) != 0 || !map || !map->l_name)
    return "";
  return llvm::sys::path::parent_path(map->l_name).str();
}

void *SharedLibrary::lookup(const char *symbol) const {
  return dlsym(handle_, symbol);
}

llvm::Error SharedLibrary::Binder::takeError() const {
  if (missing_.empty())
    return llvm::Error::success();
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 library_.name() + " lacks " +
                                     llvm::join(missing_, ", "));
}

} // namespace kiln::cuda
