//===- EmulatorBackend.cpp - CUDA programs run on the CPU -----------------===//

#include "runtime/cuda/emulator/EmulatorBackend.h"
#include "runtime/cuda/emulator/BlockScheduler.h"
#include "runtime/cuda/emulator/HostCompiler.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <utility>

#include <dlfcn.h>

namespace kiln::cuda {

namespace {

llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

/// Device allocations are aligned as cudaMalloc's are.
constexpr size_t kAllocationAlignment = 256;

/// The most pointer-sized parameters a kernel may take.
constexpr size_t kMaxArguments = 32;

/// Calls `kernel` with `arguments[0..N)`, each one pointer-sized parameter
/// (the x86-64 and AArch64 calling conventions pass pointers and 64-bit
/// integers alike).
template <size_t... I>
void callKernel(void *kernel, const DevicePtr *arguments,
                std::index_sequence<I...>) {
  using Kernel = void (*)(decltype((void)I, DevicePtr())...);
  reinterpret_cast<Kernel>(kernel)(arguments[I]...);
}

using KernelCaller = void (*)(void *, const DevicePtr *);

template <size_t... N>
constexpr std::array<KernelCaller, sizeof...(N)>
makeKernelCallers(std::index_sequence<N...>) {
  return {[](void *kernel, const DevicePtr *arguments) {
    callKernel(kernel, arguments, std::make_index_sequence<N>());
  }...};
}

constexpr auto kKernelCallers =
    makeKernelCallers(std::make_index_sequence<kMaxArguments + 1>());

} // namespace

/// The OS threads blocks run on besides the launching one, kept for the
/// backend's life. Each block runs whole on one thread, so a block's
/// `__shared__` (thread_local) data is its own.
class EmulatorBackend::Workers {
public:
  explicit Workers(unsigned count) {
    for (unsigned i = 0; i < count; ++i)
      threads_.emplace_back([this] { work(); });
  }
  ~Workers() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (std::thread &thread : threads_)
      thread.join();
  }

  /// Runs `task(0..count)`, on the workers and the calling thread.
  void run(size_t count, const std::function<void(size_t)> &task) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      task_ = &task;
      count_ = count;
      next_ = 0;
      busy_ = threads_.size();
      ++generation_;
    }
    wake_.notify_all();
    drain();
    std::unique_lock<std::mutex> lock(mutex_);
    finished_.wait(lock, [&] { return busy_ == 0; });
    task_ = nullptr;
  }

private:
  void drain() {
    for (size_t i; (i = next_.fetch_add(1)) < count_;)
      (*task_)(i);
  }
  void work() {
    uint64_t seen = 0;
    while (true) {
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
        if (stopping_)
          return;
        seen = generation_;
      }
      drain();
      std::lock_guard<std::mutex> lock(mutex_);
      if (--busy_ == 0)
        finished_.notify_one();
    }
  }

  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable wake_, finished_;
  bool stopping_ = false;
  uint64_t generation_ = 0;
  size_t busy_ = 0;
  const std::function<void(size_t)> *task_ = nullptr;
  size_t count_ = 0;
  std::atomic<size_t> next_{0};
};

EmulatorBackend::EmulatorBackend()
    : workers_(std::make_unique<Workers>(
          std::clamp(std::thread::hardware_concurrency(), 1u, 4u) - 1)) {}

EmulatorBackend::~EmulatorBackend() {
  workers_.reset();
  for (auto &[start, bytes] : allocations_)
    std::free(reinterpret_cast<void *>(start));
  if (library_)
    dlclose(library_);
}

llvm::Expected<DevicePtr> EmulatorBackend::allocate(size_t bytes) {
  size_t rounded = std::max<size_t>(
      kAllocationAlignment,
      (bytes + kAllocationAlignment - 1) / kAllocationAlignment *
          kAllocationAlignment);
  void *memory = std::aligned_alloc(kAllocationAlignment, rounded);
  if (!memory)
    return makeError("cuda-emulator: out of memory allocating " +
                     llvm::Twine(bytes) + " bytes");
  // NaN in every float, -1 in every integer: what a kernel reads before
  // anything wrote it stands out.
  std::memset(memory, 0xff, rounded);
  auto start = reinterpret_cast<uintptr_t>(memory);
  // Accesses are checked against the bytes asked for, not the rounding.
  allocations_[start] = bytes;
  return start;
}

void EmulatorBackend::release(DevicePtr pointer) {
  auto found = allocations_.find(pointer);
  if (found == allocations_.end())
    return;
  std::free(reinterpret_cast<void *>(found->first));
  allocations_.erase(found);
}

llvm::Error EmulatorBackend::checkRange(DevicePtr pointer, size_t bytes,
                                        llvm::StringRef what) const {
  auto after = allocations_.upper_bound(pointer);
  if (after != allocations_.begin()) {
    auto [start, size] = *std::prev(after);
    if (pointer + bytes <= start + size)
      return llvm::Error::success();
  }
  return makeError("cuda-emulator: " + what + " of " + llvm::Twine(bytes) +
                   " bytes at " + llvm::Twine(pointer) +
                   " is outside device memory");
}

llvm::Error EmulatorBackend::copyToDevice(DevicePtr destination,
                                          const void *source, size_t bytes) {
  if (llvm::Error error = checkRange(destination, bytes, "a copy to device"))
    return error;
  std::memcpy(reinterpret_cast<void *>(destination), source, bytes);
  return llvm::Error::success();
}

llvm::Error EmulatorBackend::copyToHost(void *destination, DevicePtr source,
                                        size_t bytes) {
  if (llvm::Error error = checkRange(source, bytes, "a copy to host"))
    return error;
  std::memcpy(destination, reinterpret_cast<void *>(source), bytes);
  return llvm::Error::success();
}

llvm::Error EmulatorBackend::copyOnDevice(DevicePtr destination,
                                          DevicePtr source, size_t bytes) {
  if (llvm::Error error = checkRange(source, bytes, "a device copy's source"))
    return error;
  if (llvm::Error error =
          checkRange(destination, bytes, "a device copy's destination"))
    return error;
  std::memmove(reinterpret_cast<void *>(destination),
               reinterpret_cast<void *>(source), bytes);
  return llvm::Error::success();
}

llvm::Error EmulatorBackend::loadProgram(const CudaSource &program) {
  auto path = compileForHost(program);
  if (!path)
    return path.takeError();
  void *library = dlopen(path->c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!library)
    return makeError("cuda-emulator: cannot load '" + *path + "': " +
                     dlerror());
  auto *hooks =
      static_cast<KilnEmuHooks *>(dlsym(library, KILN_EMULATOR_HOOKS_SYMBOL));
  auto setThread = reinterpret_cast<void (*)(const KilnEmuThread *)>(
      dlsym(library, KILN_EMULATOR_SET_THREAD_SYMBOL));
  if (!hooks || !setThread) {
    dlclose(library);
    return makeError("cuda-emulator: '" + *path +
                     "' was not compiled with the emulator's header");
  }
  *hooks = getEmulatorHooks();
  if (library_)
    dlclose(library_);
  library_ = library;
  programName_ = program.name;
  setThread_ = setThread;
  kernels_.clear();
  return llvm::Error::success();
}

llvm::Error EmulatorBackend::launch(llvm::StringRef kernel, LaunchDims grid,
                                    LaunchDims block,
                                    unsigned dynamicSharedBytes,
                                    llvm::ArrayRef<DevicePtr> arguments) {
  if (!library_)
    return makeError("cuda-emulator: launch of '" + kernel +
                     "' before any program was loaded");
  if (dynamicSharedBytes != 0)
    return makeError("cuda-emulator: kernel '" + kernel +
                     "' asks for dynamic shared memory, which the emulator "
                     "does not provide");
  if (arguments.size() > kMaxArguments)
    return makeError("cuda-emulator: kernel '" + kernel + "' takes " +
                     llvm::Twine(arguments.size()) + " arguments, more than " +
                     llvm::Twine(kMaxArguments));
  void *&entry = kernels_[kernel];
  if (!entry)
    entry = dlsym(library_, kernel.str().c_str());
  if (!entry)
    return makeError("cuda-emulator: program '" + programName_ +
                     "' has no kernel '" + kernel + "'");

  LaunchState state;
  state.kernel = kernel.str();
  state.grid = grid;
  state.block = block;
  state.setThread = setThread_;
  KernelCaller caller = kKernelCallers[arguments.size()];
  std::vector<DevicePtr> values(arguments.begin(), arguments.end());
  state.entry = [caller, entry, &values] { caller(entry, values.data()); };
  state.allocations.assign(allocations_.begin(), allocations_.end());

  size_t blocks = size_t(grid.x) * grid.y * grid.z;
  auto runOne = [&](size_t i) {
    kiln_emu_dim3 index = {unsigned(i % grid.x),
                           unsigned(i / grid.x % grid.y),
                           unsigned(i / (size_t(grid.x) * grid.y))};
    runBlock(state, index);
  };
  if (blocks == 1)
    runOne(0);
  else
    workers_->run(blocks, runOne);
  std::string error = state.error();
  if (!error.empty())
    return makeError(error);
  return llvm::Error::success();
}

} // namespace kiln::cuda
