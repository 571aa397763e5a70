//===- IndexErrors.cpp - Out-of-range indices found by compiled code ------===//
//
/// The run-time half of the index checks (docs/reliability.md): compiled
/// code compares every index it reads from data with its bound and, for one
/// out of range, calls kiln_index_error and goes on with an in-range index.
/// The first error of a call is kept in the slot of the IndexErrorScope the
/// caller opened; the async runtime carries the slot to the worker threads
/// that run the call's parallel tiles.
//
//===----------------------------------------------------------------------===//

#include "runtime/cpu/Kernels.h"

#include <atomic>

namespace kiln {

struct IndexErrorScope::Slot {
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
};

namespace {
thread_local IndexErrorScope::Slot *currentSlot = nullptr;
/// Errors of code called outside every scope (an AOT object).
IndexErrorScope::Slot processSlot;
} // namespace

IndexErrorScope::IndexErrorScope() : slot_(new Slot), outer_(currentSlot) {
  currentSlot = slot_;
}

IndexErrorScope::~IndexErrorScope() {
  currentSlot = outer_;
  delete slot_;
}

std::optional<IndexError> IndexErrorScope::error() const {
  if (slot_->state.load(std::memory_order_acquire) != 2)
    return std::nullopt;
  return slot_->error;
}

IndexErrorScope::Slot *getCurrentIndexErrorSlot() { return currentSlot; }
void setCurrentIndexErrorSlot(IndexErrorScope::Slot *slot) {
  currentSlot = slot;
}

std::string formatIndexError(const std::vector<std::string> &checks,
                             const IndexError &error) {
  std::string value = std::to_string(error.value);
  if (error.site < 0 || static_cast<size_t>(error.site) >= checks.size())
    return "index " + value + " is out of range for a dimension of size " +
           std::to_string(error.bound);
  std::string message = checks[error.site];
  size_t at = message.find("{}");
  if (at != std::string::npos)
    message.replace(at, 2, value);
  return message;
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
  kiln::IndexErrorScope::Slot *slot = kiln::currentSlot;
  (slot ? *slot : kiln::processSlot).record(site, value, bound);
}

extern "C" void _mlir_ciface_kiln_index_error(int64_t site, int64_t value,
                                              int64_t bound) {
  kiln_index_error(site, value, bound);
}

extern "C" int kiln_take_index_error(int64_t *site, int64_t *value,
                                     int64_t *bound) {
  kiln::IndexErrorScope::Slot &slot = kiln::processSlot;
  if (slot.state.load(std::memory_order_acquire) != 2)
    return 0;
  *site = slot.error.site;
  *value = slot.error.value;
  *bound = slot.error.bound;
  slot.state.store(0, std::memory_order_release);
  return 1;
}
