//===- CallScope.cpp - One call of compiled code: its errors and tasks ----===//
//
/// The state of one call of compiled code, in the slot of the CallScope the
/// caller opened, which the async runtime carries to the worker threads
/// that run the call's parallel tiles: the run-time half of the index checks
/// (docs/reliability.md: compiled code compares every index it reads from
/// data with its bound and, for one out of range, calls kiln_index_error
/// and goes on with an in-range index; the first error is kept), and the
/// count of the call's tasks still in compiled code.
//
//===----------------------------------------------------------------------===//

#include "runtime/cpu/Kernels.h"

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace kiln {

struct CallScope::Slot {
  /// 0: empty; 1: being written; 2: written.
  std::atomic<int> state{0};
  IndexError error;

  void record(int64_t site, int64_t value, int64_t bound) {
    int expected = 0;
    if (!state.compare_exchange_strong(expected, 1, std::memory_order_acq_rel))
      return;
    error = {site, value, bound};
    state.store(2, std::memory_order_release);
  }

  std::mutex taskMutex;
  std::condition_variable tasksDone;
  int64_t runningTasks = 0;
};

namespace {
thread_local CallScope::Slot *currentSlot = nullptr;
/// Errors of code called outside every scope (an AOT object).
CallScope::Slot processSlot;
} // namespace

CallScope::CallScope() : slot_(new Slot), outer_(currentSlot) {
  currentSlot = slot_;
}

CallScope::~CallScope() {
  {
    std::unique_lock<std::mutex> lock(slot_->taskMutex);
    slot_->tasksDone.wait(lock, [this] { return slot_->runningTasks == 0; });
  }
  currentSlot = outer_;
  delete slot_;
}

std::optional<IndexError> CallScope::error() const {
  if (slot_->state.load(std::memory_order_acquire) != 2)
    return std::nullopt;
  return slot_->error;
}

CallScope::Slot *getCurrentCallSlot() { return currentSlot; }
void setCurrentCallSlot(CallScope::Slot *slot) {
  currentSlot = slot;
}

void beginCallTask(CallScope::Slot *slot) {
  if (!slot)
    return;
  std::lock_guard<std::mutex> lock(slot->taskMutex);
  ++slot->runningTasks;
}

void endCallTask(CallScope::Slot *slot) {
  if (!slot)
    return;
  std::lock_guard<std::mutex> lock(slot->taskMutex);
  // Notified under the lock: the scope's owner may destroy the slot as soon
  // as it sees the count reach zero.
  if (--slot->runningTasks == 0)
    slot->tasksDone.notify_all();
}

const std::vector<std::pair<std::string, void *>> &getIndexCheckSymbols() {
  static const std::vector<std::pair<std::string, void *>> symbols = {
      {"kiln_index_error", reinterpret_cast<void *>(&kiln_index_error)},
      {"_mlir_ciface_kiln_index_error",
       reinterpret_cast<void *>(&_mlir_ciface_kiln_index_error)},
      {"kiln_take_index_error",
       reinterpret_cast<void *>(&kiln_take_index_error)}};
  return symbols;
}

} // namespace kiln

extern "C" void kiln_index_error(int64_t site, int64_t value, int64_t bound) {
  kiln::CallScope::Slot *slot = kiln::currentSlot;
  (slot ? *slot : kiln::processSlot).record(site, value, bound);
}

extern "C" void _mlir_ciface_kiln_index_error(int64_t site, int64_t value,
                                              int64_t bound) {
  kiln_index_error(site, value, bound);
}

extern "C" int kiln_take_index_error(int64_t *site, int64_t *value,
                                     int64_t *bound) {
  kiln::CallScope::Slot &slot = kiln::processSlot;
  if (slot.state.load(std::memory_order_acquire) != 2)
    return 0;
  *site = slot.error.site;
  *value = slot.error.value;
  *bound = slot.error.bound;
  slot.state.store(0, std::memory_order_release);
  return 1;
}
