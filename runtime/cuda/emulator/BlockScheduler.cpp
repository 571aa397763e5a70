//===- BlockScheduler.cpp - One CUDA block on one OS thread ---------------===//

#include "runtime/cuda/emulator/BlockScheduler.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <memory>
#include <random>

#include <ucontext.h>

namespace kiln::cuda {

void LaunchState::fail(std::string message) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (error_.empty())
    error_ = std::move(message);
}

std::string LaunchState::error() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return error_;
}

namespace {

/// A fiber's stack: kernels keep a few scalars per thread.
constexpr size_t kStackBytes = 64 * 1024;
constexpr unsigned kWarpSize = 32;

enum class FiberState { Runnable, AtBlockBarrier, AtWarpBarrier, Done };

struct Fiber {
  ucontext_t context;
  std::unique_ptr<char[]> stack;
  KilnEmuThread thread;
  FiberState state;
  /// What the fiber offers its warp in a shuffle.
  unsigned long long shuffleValue;
};

std::string formatDims(kiln_emu_dim3 d) {
  return "(" + std::to_string(d.x) + ", " + std::to_string(d.y) + ", " +
         std::to_string(d.z) + ")";
}

/// The fibers of the block the calling OS thread runs; kept between
/// blocks, so stacks are allocated once per thread.
class Scheduler {
public:
  void run(LaunchState &launch, kiln_emu_dim3 blockIdx);

  /// The hooks' side: the calling fiber waits at a barrier.
  void wait(FiberState barrier) {
    Fiber &fiber = fibers_[current_];
    fiber.state = barrier;
    swapcontext(&fiber.context, &scheduler_);
  }
  unsigned long long shuffle(unsigned long long value, int sourceLane);
  void *checkAccess(void *address, unsigned long bytes);

private:
  static void trampoline();
  /// Releases the fibers waiting at a barrier all of its threads reached;
  /// false when the block is done or stuck (then with an error).
  bool releaseBarriers(size_t threads);
  std::string describeThread(size_t fiber) const {
    return "thread " + formatDims(fibers_[fiber].thread.threadIdx) +
           " of block " + formatDims(fibers_[fiber].thread.blockIdx);
  }

  std::vector<Fiber> fibers_;
  ucontext_t scheduler_;
  size_t current_ = 0;
  LaunchState *launch_ = nullptr;
  /// Where an access out of bounds goes instead.
  alignas(16) char scratch_[16];
};

thread_local Scheduler scheduler;

void Scheduler::trampoline() {
  scheduler.launch_->entry();
  scheduler.fibers_[scheduler.current_].state = FiberState::Done;
  // Returning resumes uc_link: the scheduler.
}

void Scheduler::run(LaunchState &launch, kiln_emu_dim3 blockIdx) {
  launch_ = &launch;
  const LaunchDims &block = launch.block;
  size_t threads = size_t(block.x) * block.y * block.z;
  if (fibers_.size() < threads)
    fibers_.resize(threads);
  for (size_t i = 0; i < threads; ++i) {
    Fiber &fiber = fibers_[i];
    if (!fiber.stack)
      fiber.stack.reset(new char[kStackBytes]);
    unsigned x = i % block.x, y = i / block.x % block.y,
             z = i / (size_t(block.x) * block.y);
    fiber.thread = {{x, y, z},
                    blockIdx,
                    {block.x, block.y, block.z},
                    {launch.grid.x, launch.grid.y, launch.grid.z}};
    fiber.state = FiberState::Runnable;
    getcontext(&fiber.context);
    fiber.context.uc_stack.ss_sp = fiber.stack.get();
    fiber.context.uc_stack.ss_size = kStackBytes;
    fiber.context.uc_link = &scheduler_;
    makecontext(&fiber.context, &Scheduler::trampoline, 0);
  }

  // The same launch permutes the same way every time.
  uint64_t seed = std::hash<std::string>()(launch.kernel) ^
                  (uint64_t(blockIdx.x) << 32 | blockIdx.y << 16 | blockIdx.z);
  std::mt19937_64 random(seed);
  std::vector<size_t> order;
  do {
    order.clear();
    for (size_t i = 0; i < threads; ++i)
      if (fibers_[i].state == FiberState::Runnable)
        order.push_back(i);
    std::shuffle(order.begin(), order.end(), random);
    for (size_t i : order) {
      current_ = i;
      launch.setThread(&fibers_[i].thread);
      swapcontext(&scheduler_, &fibers_[i].context);
    }
  } while (releaseBarriers(threads));
  launch.setThread(nullptr);
}

bool Scheduler::releaseBarriers(size_t threads) {
  auto count = [&](size_t begin, size_t end, FiberState state) {
    return size_t(std::count_if(
        fibers_.begin() + begin, fibers_.begin() + end,
        [&](const Fiber &fiber) { return fiber.state == state; }));
  };
  bool released = false;
  for (size_t warp = 0; warp < threads; warp += kWarpSize) {
    size_t end = std::min(threads, warp + kWarpSize);
    size_t waiting = count(warp, end, FiberState::AtWarpBarrier);
    if (waiting != 0 && waiting == end - warp) {
      for (size_t i = warp; i < end; ++i)
        fibers_[i].state = FiberState::Runnable;
      released = true;
    }
  }
  if (released)
    return true;
  size_t done = count(0, threads, FiberState::Done);
  if (done == threads)
    return false;
  size_t atBarrier = count(0, threads, FiberState::AtBlockBarrier);
  if (atBarrier == threads) {
    for (size_t i = 0; i < threads; ++i)
      fibers_[i].state = FiberState::Runnable;
    return true;
  }
  // Stuck: name one thread that will never arrive where the others wait.
  size_t straggler = 0;
  while (fibers_[straggler].state ==
         (atBarrier ? FiberState::AtBlockBarrier : FiberState::AtWarpBarrier))
    ++straggler;
  const char *what = atBarrier ? "__syncthreads()" : "a warp shuffle";
  const char *where = fibers_[straggler].state == FiberState::Done
                          ? "ended without reaching it"
                          : "waits at another barrier";
  launch_->fail("cuda-emulator: kernel '" + launch_->kernel + "': " + what +
                " not reached by every thread: " + describeThread(straggler) +
                " " + where);
  return false;
}

unsigned long long Scheduler::shuffle(unsigned long long value,
                                      int sourceLane) {
  size_t self = current_;
  fibers_[self].shuffleValue = value;
  wait(FiberState::AtWarpBarrier);
  size_t source = self - self % kWarpSize + size_t(sourceLane);
  const LaunchDims &block = launch_->block;
  unsigned long long result =
      source < size_t(block.x) * block.y * block.z && sourceLane >= 0 &&
              sourceLane < int(kWarpSize)
          ? fibers_[source].shuffleValue
          : value;
  // Nobody offers the next value before every lane has read this one.
  wait(FiberState::AtWarpBarrier);
  return result;
}

void *Scheduler::checkAccess(void *address, unsigned long bytes) {
  auto start = reinterpret_cast<uintptr_t>(address);
  const auto &allocations = launch_->allocations;
  auto after = std::upper_bound(
      allocations.begin(), allocations.end(), start,
      [](uintptr_t a, const std::pair<uintptr_t, size_t> &allocation) {
        return a < allocation.first;
      });
  if (after != allocations.begin()) {
    const auto &[begin, size] = *std::prev(after);
    if (start + bytes <= begin + size)
      return address;
  }
  char text[32];
  std::snprintf(text, sizeof text, "0x%" PRIxPTR, start);
  launch_->fail("cuda-emulator: kernel '" + launch_->kernel +
                "': out-of-bounds access of " + std::to_string(bytes) +
                " bytes at " + text + " (no device buffer holds it) by " +
                describeThread(current_));
  return scratch_;
}

} // namespace

void runBlock(LaunchState &launch, kiln_emu_dim3 blockIdx) {
  scheduler.run(launch, blockIdx);
}

KilnEmuHooks getEmulatorHooks() {
  KilnEmuHooks hooks;
  hooks.syncthreads = [] { scheduler.wait(FiberState::AtBlockBarrier); };
  hooks.shuffle = [](unsigned long long value, int sourceLane) {
    return scheduler.shuffle(value, sourceLane);
  };
  hooks.checkAccess = [](void *address, unsigned long bytes) {
    return scheduler.checkAccess(address, bytes);
  };
  return hooks;
}

} // namespace kiln::cuda
