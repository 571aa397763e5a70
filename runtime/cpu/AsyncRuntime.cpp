//===- AsyncRuntime.cpp - The async runtime compiled parallel loops call --===//
//
/// `async-parallel-for` turns a kernel's parallel tiles into tasks, and the
/// async dialect's lowering calls the `mlirAsyncRuntime*` C functions to
/// create, run and await them. MLIR ships an implementation, but it links
/// LLVM (for its thread pool); this one is plain C++ so that compiled
/// models, JIT or AOT, need nothing beyond the thin runtime. It follows the
/// reference-counting contract the lowering's `async-runtime-ref-counting`
/// assumes: tokens and values start with two references, one of which
/// their emplacement (or error) drops; groups start with one.
//
//===----------------------------------------------------------------------===//

#include "runtime/cpu/Kernels.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace {

/// A fixed pool of workers, one per core, started on first use and never
/// stopped (tasks may still be queued when static destructors run).
class WorkerPool {
public:
  static WorkerPool &get() {
    static WorkerPool *pool = new WorkerPool(
        std::max(1u, std::thread::hardware_concurrency()));
    return *pool;
  }

  void run(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    ready_.notify_one();
  }

  int64_t size() const { return workers_; }

private:
  explicit WorkerPool(unsigned workers) : workers_(workers) {
    for (unsigned i = 0; i < workers; ++i)
      std::thread([this] { work(); }).detach();
  }

  void work() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return !tasks_.empty(); });
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }

  int64_t workers_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
};

/// Tokens, values and groups are freed when their last reference drops.
struct RefCounted {
  explicit RefCounted(int64_t references) : references(references) {}
  virtual ~RefCounted() = default;
  void addRef(int64_t count = 1) { references.fetch_add(count); }
  void dropRef(int64_t count = 1) {
    if (references.fetch_sub(count) == count)
      delete this;
  }
  std::atomic<int64_t> references;
};

/// Something that becomes ready once: a token or a value. Awaiters queued
/// before then run when it does.
struct Awaitable : RefCounted {
  Awaitable() : RefCounted(2) {}

  /// Marks it ready (or failed), wakes the waiters and drops the reference
  /// held for whoever completes it.
  void complete(bool failed) {
    std::vector<std::function<void()>> pending;
    {
      std::lock_guard<std::mutex> lock(mutex);
      ready = true;
      error = failed;
      pending.swap(awaiters);
    }
    done.notify_all();
    for (auto &awaiter : pending)
      awaiter();
    dropRef();
  }

  void wait() {
    std::unique_lock<std::mutex> lock(mutex);
    done.wait(lock, [this] { return ready; });
  }

  /// Runs `then` now if ready, else when it becomes ready.
  void whenReady(std::function<void()> then) {
    std::unique_lock<std::mutex> lock(mutex);
    if (!ready) {
      awaiters.push_back(std::move(then));
      return;
    }
    lock.unlock();
    then();
  }

  std::mutex mutex;
  std::condition_variable done;
  bool ready = false, error = false;
  std::vector<std::function<void()>> awaiters;
};

struct Token : Awaitable {};

struct Value : Awaitable {
  explicit Value(int64_t size) : storage(std::malloc(size ? size : 1)) {}
  ~Value() override { std::free(storage); }
  void *storage;
};

/// Counts the tokens added to it that are not ready yet.
struct Group : RefCounted {
  Group() : RefCounted(1) {}

  void tokenReady(bool failed) {
    std::vector<std::function<void()>> pending;
    {
      std::lock_guard<std::mutex> lock(mutex);
      errors += failed;
      if (--pendingTokens == 0)
        pending.swap(awaiters);
    }
    done.notify_all();
    for (auto &awaiter : pending)
      awaiter();
  }

  std::mutex mutex;
  std::condition_variable done;
  int64_t rank = 0, pendingTokens = 0, errors = 0;
  std::vector<std::function<void()>> awaiters;
};

using CoroHandle = void *;
using CoroResume = void (*)(void *);

/// Resumes a task in the CallScope of the thread that started it: the
/// index errors of a call's parallel tiles belong to the call, and the call
/// ends only when each of its tasks has returned from compiled code (the
/// task that completes the call's last token wakes the caller while it is
/// still in compiled code). Every task created is resumed exactly once.
static std::function<void()> resumeInScope(CoroHandle handle,
                                           CoroResume resume) {
  kiln::CallScope::Slot *slot = kiln::getCurrentCallSlot();
  kiln::beginCallTask(slot);
  return [handle, resume, slot] {
    kiln::CallScope::Slot *outer = kiln::getCurrentCallSlot();
    kiln::setCurrentCallSlot(slot);
    resume(handle);
    kiln::setCurrentCallSlot(outer);
    kiln::endCallTask(slot);
  };
}

} // namespace

extern "C" {

void mlirAsyncRuntimeAddRef(void *object, int64_t count) {
  static_cast<RefCounted *>(object)->addRef(count);
}

void mlirAsyncRuntimeDropRef(void *object, int64_t count) {
  static_cast<RefCounted *>(object)->dropRef(count);
}

Token *mlirAsyncRuntimeCreateToken() { return new Token; }

Value *mlirAsyncRuntimeCreateValue(int64_t size) { return new Value(size); }

Group *mlirAsyncRuntimeCreateGroup(int64_t) { return new Group; }

int64_t mlirAsyncRuntimeAddTokenToGroup(Token *token, Group *group) {
  int64_t rank;
  {
    std::lock_guard<std::mutex> lock(group->mutex);
    rank = group->rank++;
    ++group->pendingTokens;
  }
  // Both stay alive until the token is ready.
  token->addRef();
  group->addRef();
  token->whenReady([token, group] {
    group->tokenReady(token->error);
    group->dropRef();
    token->dropRef();
  });
  return rank;
}

void mlirAsyncRuntimeEmplaceToken(Token *token) { token->complete(false); }
void mlirAsyncRuntimeEmplaceValue(Value *value) { value->complete(false); }
void mlirAsyncRuntimeSetTokenError(Token *token) { token->complete(true); }
void mlirAsyncRuntimeSetValueError(Value *value) { value->complete(true); }

bool mlirAsyncRuntimeIsTokenError(Token *token) {
  std::lock_guard<std::mutex> lock(token->mutex);
  return token->error;
}

bool mlirAsyncRuntimeIsValueError(Value *value) {
  std::lock_guard<std::mutex> lock(value->mutex);
  return value->error;
}

bool mlirAsyncRuntimeIsGroupError(Group *group) {
  std::lock_guard<std::mutex> lock(group->mutex);
  return group->errors > 0;
}

void mlirAsyncRuntimeAwaitToken(Token *token) { token->wait(); }
void mlirAsyncRuntimeAwaitValue(Value *value) { value->wait(); }

void mlirAsyncRuntimeAwaitAllInGroup(Group *group) {
  std::unique_lock<std::mutex> lock(group->mutex);
  group->done.wait(lock, [group] { return group->pendingTokens == 0; });
}

void *mlirAsyncRuntimeGetValueStorage(Value *value) { return value->storage; }

void mlirAsyncRuntimeExecute(CoroHandle handle, CoroResume resume) {
  WorkerPool::get().run(resumeInScope(handle, resume));
}

void mlirAsyncRuntimeAwaitTokenAndExecute(Token *token, CoroHandle handle,
                                          CoroResume resume) {
  token->whenReady(resumeInScope(handle, resume));
}

void mlirAsyncRuntimeAwaitValueAndExecute(Value *value, CoroHandle handle,
                                          CoroResume resume) {
  value->whenReady(resumeInScope(handle, resume));
}

void mlirAsyncRuntimeAwaitAllInGroupAndExecute(Group *group,
                                               CoroHandle handle,
                                               CoroResume resume) {
  std::unique_lock<std::mutex> lock(group->mutex);
  if (group->pendingTokens != 0) {
    group->awaiters.push_back(resumeInScope(handle, resume));
    return;
  }
  lock.unlock();
  resume(handle);
}

// The name is upstream's, typo included: the lowering calls it.
int64_t mlirAsyncRuntimGetNumWorkerThreads() {
  return WorkerPool::get().size();
}

} // extern "C"

namespace kiln {

const std::vector<std::pair<std::string, void *>> &getAsyncRuntimeSymbols() {
#define KILN_ASYNC_SYMBOL(name) {#name, reinterpret_cast<void *>(&name)}
  static const std::vector<std::pair<std::string, void *>> symbols = {
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeAddRef),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeDropRef),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeCreateToken),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeCreateValue),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeCreateGroup),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeAddTokenToGroup),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeEmplaceToken),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeEmplaceValue),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeSetTokenError),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeSetValueError),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeIsTokenError),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeIsValueError),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeIsGroupError),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeAwaitToken),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeAwaitValue),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeAwaitAllInGroup),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeGetValueStorage),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeExecute),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeAwaitTokenAndExecute),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeAwaitValueAndExecute),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimeAwaitAllInGroupAndExecute),
      KILN_ASYNC_SYMBOL(mlirAsyncRuntimGetNumWorkerThreads)};
#undef KILN_ASYNC_SYMBOL
  return symbols;
}

} // namespace kiln
